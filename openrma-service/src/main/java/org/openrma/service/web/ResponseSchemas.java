package org.openrma.service.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Required and nullable as the server writes them. The API's mapper writes every field of a
 * response record, null included, so each one is required; a field of a reference type may be
 * null unless it is {@code @NotNull}. Fields of records the API reads ({@link Input}) stay optional
 * (unless constrained) but may also be null, since responses echo them (the claim, the order).
 * Fields left out when null ({@code @JsonInclude(NON_NULL)}) are optional.
 */
public class ResponseSchemas implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        JavaType javaType = Json31.mapper().constructType(type.getType());
        Class<?> raw = javaType == null ? null : javaType.getRawClass();
        if (resolved == null || raw == null || !raw.isRecord() || !raw.getPackageName().startsWith("org.openrma")) {
            return resolved;
        }
        Schema<?> model = resolved;
        if (resolved.get$ref() != null) {
            model = context.getDefinedModels().get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1));
        }
        if (model == null || model.getProperties() == null) {
            return resolved;
        }
        boolean input = raw.isAnnotationPresent(Input.class);
        Set<String> required = new LinkedHashSet<>(model.getRequired() == null ? List.of() : model.getRequired());
        for (RecordComponent c : raw.getRecordComponents()) {
            String name = BodyChecks.snake(c.getName());
            Schema<?> property = model.getProperties().get(name);
            if (property == null) {
                continue;
            }
            // Constraint annotations do not target record components: they land on the accessor (and the field and parameter).
            boolean omittedWhenNull = c.getAccessor().isAnnotationPresent(JsonInclude.class);
            boolean neverNull = c.getType().isPrimitive() || c.getAccessor().isAnnotationPresent(NotNull.class)
                    || c.getAccessor().isAnnotationPresent(NotBlank.class);
            if (!input && !omittedWhenNull) {
                required.add(name);
            }
            if (!neverNull && !omittedWhenNull) {
                model.getProperties().put(name, nullable(property));
            }
        }
        model.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
        return resolved;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> nullable(Schema property) {
        if (property.get$ref() != null) {
            Schema either = new Schema<>();
            Schema<?> none = new Schema<>();
            none.setTypes(Set.of("null"));
            either.setOneOf(List.of(new Schema<>().$ref(property.get$ref()), none));
            if (property.getDescription() != null) {
                either.setDescription(property.getDescription());
            }
            return either;
        }
        Set<String> types = property.getTypes() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(property.getTypes());
        if (types.isEmpty() && property.getType() != null) {
            types.add(property.getType());
        }
        if (!types.isEmpty()) {
            types.add("null");
            property.setTypes(types);
        }
        return property;
    }
}

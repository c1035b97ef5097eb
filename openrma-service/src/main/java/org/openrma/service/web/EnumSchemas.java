package org.openrma.service.web;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.Iterator;

/**
 * Every enum in the OpenAPI document as a named component whose values are the words the API
 * writes (lower snake case, as {@link ApiJsonConfiguration} serializes them). A nested enum is
 * named with its outer class ({@code CallerRole}, {@code OutboxChannel}) so that two enums called
 * {@code Channel} or {@code Status} never collide, and lists of enums are lists of references
 * (generators handle those, unlike arrays of inline enums). A stored JSON tree whose shape varies
 * (audit states, ledger details) is "any JSON value", never a schema named after Jackson's JsonNode.
 */
public class EnumSchemas implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        JavaType javaType = Json31.mapper().constructType(type.getType());
        Class<?> raw = javaType == null ? null : javaType.getRawClass();
        if (raw != null && tools.jackson.databind.JsonNode.class.isAssignableFrom(raw)) {
            // Only where the server stores JSON whose shape varies by kind (audit states, ledger details): any JSON value.
            return new Schema<>().description("any JSON value; its shape depends on the entity or kind");
        }
        if (raw != null && raw.isEnum()) {
            String name = name(raw);
            if (!context.getDefinedModels().containsKey(name)) {
                StringSchema schema = new StringSchema();
                BodyChecks.words(raw).forEach(schema::addEnumItem);
                schema.name(name);
                context.defineModel(name, schema);
            }
            return new Schema<>().$ref("#/components/schemas/" + name);
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }

    static String name(Class<?> enumType) {
        Class<?> outer = enumType.getEnclosingClass();
        return outer == null ? enumType.getSimpleName() : name(outer) + enumType.getSimpleName();
    }
}

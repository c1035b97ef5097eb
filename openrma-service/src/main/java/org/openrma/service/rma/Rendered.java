package org.openrma.service.rma;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A document inside an API response: either its typed value, written by the mapper like any other value, or its
 * JSON already written by the same mapper ({@link RenderedDocuments}), copied into the response as it is. Both write the
 * same bytes; the second spares parsing the stored document into objects and writing them again on every read. (A
 * decision just filed is answered with the text it was stored as, {@code DecisionJson}'s: the same JSON, keys in its order.)
 * The schema of the field stays the typed one ({@code @Schema(implementation = ...)} on the field).
 */
@JsonSerialize(using = Rendered.Writer.class)
public record Rendered<T>(T value, String json) {

    public Rendered {
        if ((value == null) == (json == null)) {
            throw new IllegalArgumentException("a rendered document is either typed or written, not both nor neither");
        }
    }

    /** A value the response's mapper writes. */
    public static <T> Rendered<T> typed(T value) {
        return value == null ? null : new Rendered<>(value, null);
    }

    /** JSON already written for a value of this type: by the response's mapper, or (a decision just made) by {@code DecisionJson}. */
    public static <T> Rendered<T> written(String json) {
        return new Rendered<>(null, json);
    }

    static final class Writer extends ValueSerializer<Rendered<?>> {
        @Override
        public void serialize(Rendered<?> rendered, JsonGenerator gen, SerializationContext context) {
            if (rendered.json() != null) {
                gen.writeRawValue(rendered.json());
            } else {
                context.writeValue(gen, rendered.value());
            }
        }
    }
}

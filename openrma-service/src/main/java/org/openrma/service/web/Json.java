package org.openrma.service.web;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** One Jackson 3 mapper (snake_case, like the API) for the JSON the service stores (jsonb columns) and hashes. */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // Enums in one spelling everywhere (webhook payloads, audit states): lower snake case; older upper-case ones still read.
            .enable(tools.jackson.databind.cfg.EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .enable(tools.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private Json() {}

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static JsonNode read(String json) {
        return json == null ? null : MAPPER.readTree(json);
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }
}

package org.openrma.service.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.EnumFeature;

/**
 * How the API writes values, in one place: amounts are decimal strings, words (enums) are the
 * constant's name in lower snake case, timestamps are ISO-8601 instants.
 */
public final class Wire {

    /** A non-negative amount in the order's currency, as a decimal string ({@code "19.99"}). */
    public static final String MONEY = "^[0-9]{1,15}(\\.[0-9]{1,6})?$";
    public static final String MONEY_MESSAGE = "must be a non-negative decimal string such as \"19.99\"";

    /**
     * The API's mapper, for turning a typed body into the JSON document the domain stores (the
     * claim, the order): snake_case names, lower-case words, absent fields left out.
     */
    public static final ObjectMapper MAPPER = Json.MAPPER.rebuild()
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(v -> JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private Wire() {}

    /** A typed body as the JSON document it stands for. */
    public static JsonNode tree(Object body) {
        return MAPPER.valueToTree(body);
    }

    /** A stored JSON document read into its API type. */
    public static <T> T read(JsonNode stored, Class<T> type) {
        return stored == null || stored.isNull() ? null : MAPPER.treeToValue(stored, type);
    }

    public static java.math.BigDecimal amount(String decimal) {
        return decimal == null ? null : new java.math.BigDecimal(decimal.strip());
    }

    /**
     * A map with its keys by name: free-form attributes (plain values) or a stored document's maps, so what a client sent
     * and what a jsonb row reads back (keys in PostgreSQL's order) write the same bytes.
     */
    public static <V> Map<String, V> inNameOrder(Map<String, V> map) {
        return map == null || map.size() < 2 ? map : Collections.unmodifiableMap(new TreeMap<>(map));
    }
}

package org.openrma.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrma.claim.Claim;
import org.openrma.claim.ClaimReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds claims for tests through the real {@link ClaimReader}. The default is a return of one
 * unused servo (sku S1, 100.00 USD) bought on the official store:
 *
 * <pre>
 * placed 2025-03-01T10:00Z, shipped 2025-03-02T09:00Z, delivered 2025-03-03T12:00Z (Mon, day 0)
 * submitted 2025-03-05T09:00Z (day 2), reason changed_mind, condition opened_unused
 * </pre>
 *
 * Any other field is set with {@link #with(String, Object)} by its path in the claim.
 */
public final class Claims {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> order = new LinkedHashMap<>();
    private final Map<String, Object> request = new LinkedHashMap<>();
    private final List<Map<String, Object>> orderLines = new ArrayList<>();
    private final List<Map<String, Object>> requestLines = new ArrayList<>();
    private boolean defaultLines = true;

    private Claims() {
        order.put("number", "T-1");
        order.put("channel", "official_store");
        order.put("placed_at", "2025-03-01T10:00:00Z");
        order.put("shipped_at", "2025-03-02T09:00:00Z");
        order.put("delivered_at", "2025-03-03T12:00:00Z");
        order.put("currency", "USD");
        order.put("customer", new LinkedHashMap<>(Map.of("id", "C-1")));
        order.put("lines", orderLines);
        request.put("kind", "return");
        request.put("submitted_at", "2025-03-05T09:00:00Z");
        request.put("reason", "changed_mind");
        request.put("lines", requestLines);
        orderLines.add(line("S1", "servo", "100.00", 1));
        requestLines.add(claimed("S1", 1, "opened_unused"));
    }

    /** A return of the default servo. */
    public static Claims aReturn() {
        return new Claims();
    }

    public Claims placedAt(String instant) {
        order.put("placed_at", instant);
        return this;
    }

    public Claims deliveredAt(String instant) {
        order.put("delivered_at", instant);
        if (instant != null && order.get("shipped_at") instanceof String shipped && shipped.compareTo(instant) > 0) {
            order.put("shipped_at", instant);
        }
        return this;
    }

    public Claims submittedAt(String instant) {
        request.put("submitted_at", instant);
        return this;
    }

    public Claims kind(String kind) {
        request.put("kind", kind);
        return this;
    }

    public Claims reason(String reason) {
        request.put("reason", reason);
        return this;
    }

    public Claims tier(String tier) {
        customer().put("tier", tier);
        return this;
    }

    /** Adds an order line (the first call replaces the default servo); {@code extra} adds tags, retail_value, attributes... */
    public Claims orderLine(String sku, String category, String unitPrice, int quantity, Map<String, Object> extra) {
        if (defaultLines) {
            orderLines.clear();
            requestLines.clear();
            defaultLines = false;
        }
        Map<String, Object> line = line(sku, category, unitPrice, quantity);
        line.putAll(extra);
        orderLines.add(line);
        return this;
    }

    public Claims orderLine(String sku, String category, String unitPrice, int quantity) {
        return orderLine(sku, category, unitPrice, quantity, Map.of());
    }

    /** Adds a line to the request. */
    public Claims claiming(String sku, int quantity, String condition) {
        requestLines.add(claimed(sku, quantity, condition));
        return this;
    }

    /** Sets a field by its path, such as {@code order.shipping} or {@code request.costs}. */
    public Claims with(String path, Object value) {
        String[] parts = path.split("\\.", 2);
        Map<String, Object> target = switch (parts[0]) {
            case "order" -> order;
            case "request" -> request;
            default -> throw new IllegalArgumentException(path);
        };
        target.put(parts[1], value);
        return this;
    }

    public Claim build() {
        return ClaimReader.read(json());
    }

    public String json() {
        return JSON.writeValueAsString(Map.of("order", order, "request", request));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> customer() {
        return (Map<String, Object>) order.get("customer");
    }

    private static Map<String, Object> line(String sku, String category, String unitPrice, int quantity) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sku", sku);
        line.put("category", category);
        line.put("unit_price", unitPrice);
        line.put("quantity", quantity);
        return line;
    }

    private static Map<String, Object> claimed(String sku, int quantity, String condition) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sku", sku);
        line.put("quantity", quantity);
        if (condition != null) {
            line.put("condition", condition);
        }
        return line;
    }
}

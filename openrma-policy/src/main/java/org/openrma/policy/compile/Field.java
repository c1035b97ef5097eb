package org.openrma.policy.compile;

import java.util.Optional;
import org.openrma.claim.ClaimedLine;
import org.openrma.claim.Inspection;
import org.openrma.claim.Vocabulary;

/**
 * A single-valued word a condition or a table can read, named as in policy files:
 * {@code reason}, {@code line.category}, {@code customer.tier}, {@code line.attributes.warranty}, ...
 */
public record Field(String name) {

    /** Fields that need no further name; {@code line.attributes.X} and {@code customer.attributes.X} are also accepted. */
    public static final java.util.List<String> NAMED = java.util.List.of(
            "kind", "reason", "channel", "delivery_status", "shipping_method", "return_shipping_method", "finding",
            "protection_plan", "preferred_resolution", "customer.tier", "line.category", "line.sku", "line.condition");

    public static boolean isKnown(String name) {
        return NAMED.contains(name) || aliases(name).isPresent()
                || (name.startsWith("line.attributes.") && name.length() > 16)
                || (name.startsWith("customer.attributes.") && name.length() > 20);
    }

    /** Condition keys are the short names of fields: {@code condition} means {@code line.condition}. */
    public static Optional<String> aliases(String key) {
        return Optional.ofNullable(switch (key) {
            case "condition" -> "line.condition";
            case "category" -> "line.category";
            case "sku" -> "line.sku";
            case "customer_tier" -> "customer.tier";
            case "order.channel" -> "channel";
            case "request.reason" -> "reason";
            case "request.kind" -> "kind";
            default -> null;
        });
    }

    public static Field of(String name) {
        return new Field(aliases(name).orElse(name));
    }

    public boolean isLineField() {
        return name.startsWith("line.");
    }

    /** The field's word for this subject; "none" when the claim does not say. */
    public String read(Subject s) {
        var order = s.claim().order();
        var request = s.claim().request();
        ClaimedLine line = s.line();
        String value = switch (name) {
            case "kind" -> wire(request.kind());
            case "reason" -> wire(request.reason());
            case "channel" -> wire(order.channel());
            case "delivery_status" -> wire(order.deliveryStatus());
            case "shipping_method" -> wire(order.shipping().method());
            case "return_shipping_method" -> wire(request.returnShippingMethod());
            case "finding" -> request.inspectionResult().map(Inspection::finding).map(Field::wire).orElse(null);
            case "protection_plan" -> request.protectionPlan();
            case "preferred_resolution" -> wire(request.preferredResolution());
            case "customer.tier" -> order.customer().tier();
            case "line.category" -> line == null ? null : line.line().category();
            case "line.sku" -> line == null ? null : line.line().sku();
            case "line.condition" -> line == null ? null : wire(line.requested().condition());
            default -> {
                if (name.startsWith("line.attributes.")) {
                    yield line == null ? null : line.line().attributes().get(name.substring(16));
                }
                if (name.startsWith("customer.attributes.")) {
                    yield order.customer().attributes().get(name.substring(20));
                }
                yield null;
            }
        };
        return value == null ? "none" : value;
    }

    private static String wire(Vocabulary v) {
        return v == null ? null : v.wire();
    }
}

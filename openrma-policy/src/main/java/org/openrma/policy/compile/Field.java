package org.openrma.policy.compile;

import java.util.Optional;
import org.openrma.claim.ClaimedLine;
import org.openrma.claim.Vocabulary;

/**
 * A single-valued word a condition or a table can read, named as in policy files:
 * {@code reason}, {@code line.category}, {@code customer.tier}, {@code line.attributes.warranty}, ...
 */
public record Field(String name, Accessor accessor, Declarations.Attribute declared) {

    public Field(String name) {
        this(name, Accessor.of(name), null);
    }

    /** How a field is read, resolved once when the policy is compiled. */
    enum Accessor {
        KIND, REASON, CHANNEL, DELIVERY_STATUS, SHIPPING_METHOD, RETURN_SHIPPING_METHOD, FINDING, PROTECTION_PLAN,
        PREFERRED_RESOLUTION, CUSTOMER_TIER, LINE_CATEGORY, LINE_SKU, LINE_CONDITION, LINE_ATTRIBUTE, CUSTOMER_ATTRIBUTE, ORDER_ATTRIBUTE,
        REQUEST_ATTRIBUTE, UNKNOWN;

        static Accessor of(String name) {
            return switch (name) {
                case "kind" -> KIND;
                case "reason" -> REASON;
                case "channel" -> CHANNEL;
                case "delivery_status" -> DELIVERY_STATUS;
                case "shipping_method" -> SHIPPING_METHOD;
                case "return_shipping_method" -> RETURN_SHIPPING_METHOD;
                case "finding" -> FINDING;
                case "protection_plan" -> PROTECTION_PLAN;
                case "preferred_resolution" -> PREFERRED_RESOLUTION;
                case "customer.tier" -> CUSTOMER_TIER;
                case "line.category" -> LINE_CATEGORY;
                case "line.sku" -> LINE_SKU;
                case "line.condition" -> LINE_CONDITION;
                default -> name.startsWith("line.attributes.") ? LINE_ATTRIBUTE
                        : name.startsWith("customer.attributes.") ? CUSTOMER_ATTRIBUTE
                        : name.startsWith("order.attributes.") ? ORDER_ATTRIBUTE
                        : name.startsWith("request.attributes.") ? REQUEST_ATTRIBUTE : UNKNOWN;
            };
        }
    }

    /** Fields that need no further name; {@code line.attributes.X} and {@code customer.attributes.X} are also accepted. */
    public static final java.util.List<String> NAMED = java.util.List.of(
            "kind", "reason", "channel", "delivery_status", "shipping_method", "return_shipping_method", "finding",
            "protection_plan", "preferred_resolution", "customer.tier", "line.category", "line.sku", "line.condition");

    public static boolean isKnown(String name) {
        return NAMED.contains(name) || aliases(name).isPresent() || attributeName(name).isPresent();
    }

    /** The attribute's own name when the field is {@code <scope>.attributes.<name>}. */
    public static Optional<String> attributeName(String name) {
        for (String scope : Declarations.SCOPES) {
            String prefix = scope + ".attributes.";
            if (name.startsWith(prefix) && name.length() > prefix.length() && name.indexOf('.', prefix.length()) < 0) {
                return Optional.of(name.substring(prefix.length()));
            }
        }
        return Optional.empty();
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

    /** The field with its declaration, when the policy declares it as an attribute. */
    public static Field of(String name, Declarations declarations) {
        String resolved = aliases(name).orElse(name);
        return new Field(resolved, Accessor.of(resolved), declarations.attribute(resolved).orElse(null));
    }


    public boolean isLineField() {
        return name.startsWith("line.");
    }

    /**
     * The field's word for this subject; "none" when the claim does not say. A declared attribute
     * the claim leaves out reads as its default, or cannot be evaluated when it has none.
     */
    public String read(Subject s) {
        String value = raw(s);
        if (value != null) {
            return value;
        }
        if (declared != null && (accessor != Accessor.LINE_ATTRIBUTE || s.line() != null)) {
            if (declared.defaultValue() != null) {
                return declared.defaultValue();
            }
            throw new Unevaluable(name + " is not given on this claim and the policy sets no default");
        }
        return "none";
    }

    /** The value as the claim gives it, or null. */
    public String raw(Subject s) {
        var order = s.claim().order();
        var request = s.claim().request();
        ClaimedLine line = s.line();
        String value = switch (accessor) {
            case KIND -> wire(request.kind());
            case REASON -> request.reasonWord();
            case CHANNEL -> wire(order.channel());
            case DELIVERY_STATUS -> wire(order.deliveryStatus());
            case SHIPPING_METHOD -> wire(order.shipping().method());
            case RETURN_SHIPPING_METHOD -> wire(request.returnShippingMethod());
            case FINDING -> request.inspection() == null || request.inspection().finding() == null ? null : request.inspection().finding().wire();
            case PROTECTION_PLAN -> request.protectionPlan();
            case PREFERRED_RESOLUTION -> wire(request.preferredResolution());
            case CUSTOMER_TIER -> order.customer().tier();
            case LINE_CATEGORY -> line == null ? null : line.line().category();
            case LINE_SKU -> line == null ? null : line.line().sku();
            case LINE_CONDITION -> line == null ? null : line.requested().conditionWord();
            case LINE_ATTRIBUTE -> line == null ? null : line.line().attributes().get(name.substring(16));
            case CUSTOMER_ATTRIBUTE -> order.customer().attributes().get(name.substring(20));
            case ORDER_ATTRIBUTE -> order.attributes().get(name.substring(17));
            case REQUEST_ATTRIBUTE -> request.attributes().get(name.substring(19));
            case UNKNOWN -> null;
        };
        return value;
    }

    private static String wire(Vocabulary v) {
        return v == null ? null : v.wire();
    }
}

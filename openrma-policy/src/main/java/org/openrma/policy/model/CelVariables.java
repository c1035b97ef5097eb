package org.openrma.policy.model;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelVariableResolver;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.joda.money.Money;
import org.openrma.claim.ClaimedLine;

/**
 * The variables a policy's CEL expressions see, each with its type, so a misspelled field, a field
 * at the wrong depth or a comparison of text with a number is an error when the policy loads.
 * Names are qualified as in the rest of the file ({@code line.category}, {@code order.delivered_at},
 * {@code line.attributes.manufactured_on}). Amounts are integers in minor units ({@code _minor}), so
 * expressions never compute with binary fractions; events are timestamps; declared dates are the
 * start of that day in the merchant's zone. A value the claim does not give (an event that has not
 * happened, an attribute left out without a default) is absent, and the expression cannot be
 * evaluated: the rule goes to review.
 */
public final class CelVariables {

    /** Every claim field an expression can read, with its type. */
    static final Map<String, CelType> STANDARD = standard();

    private final Map<String, CelType> types;
    /** The declared attributes as fields, resolved once: expressions read them on every claim. */
    private final Map<String, Field> attributes;

    public CelVariables(Declarations declarations) {
        Map<String, CelType> all = new LinkedHashMap<>(STANDARD);
        declarations.attributes().forEach((path, a) -> all.put(path, switch (a.type()) {
            case TEXT, ENUM -> SimpleType.STRING;
            case NUMBER -> SimpleType.DOUBLE;
            case INTEGER, MONEY -> SimpleType.INT;
            case DATE -> SimpleType.TIMESTAMP;
            case BOOLEAN -> SimpleType.BOOL;
        }));
        this.types = Map.copyOf(all);
        Map<String, Field> fields = new LinkedHashMap<>();
        declarations.attributes().forEach((path, a) -> fields.put(path, new Field(path, Field.Accessor.of(path), null, a)));
        this.attributes = Map.copyOf(fields);
    }

    public Map<String, CelType> types() {
        return types;
    }

    private static Map<String, CelType> standard() {
        Map<String, CelType> m = new LinkedHashMap<>();
        CelType words = ListType.create(SimpleType.STRING);
        m.put("claim.kind", SimpleType.STRING);
        m.put("claim.reason", SimpleType.STRING);
        m.put("claim.evidence", words);
        m.put("claim.facts", words);
        m.put("claim.keeps_free_gifts", SimpleType.BOOL);
        m.put("claim.protection_plan", SimpleType.STRING);
        m.put("claim.finding", SimpleType.STRING);
        m.put("claim.preferred_resolution", SimpleType.STRING);
        m.put("claim.submitted_at", SimpleType.TIMESTAMP);
        m.put("claim.rma_issued_at", SimpleType.TIMESTAMP);
        m.put("claim.shipped_back_at", SimpleType.TIMESTAMP);
        m.put("claim.received_at", SimpleType.TIMESTAMP);
        m.put("claim.hours_since_order", SimpleType.INT);
        m.put("claim.days_since_order", SimpleType.INT);
        m.put("claim.days_since_delivery", SimpleType.INT);
        m.put("order.number", SimpleType.STRING);
        m.put("order.channel", SimpleType.STRING);
        m.put("order.delivery_status", SimpleType.STRING);
        m.put("order.currency", SimpleType.STRING);
        m.put("order.value_minor", SimpleType.INT);
        m.put("order.shipping_minor", SimpleType.INT);
        m.put("order.shipping_method", SimpleType.STRING);
        m.put("order.placed_at", SimpleType.TIMESTAMP);
        m.put("order.shipped_at", SimpleType.TIMESTAMP);
        m.put("order.delivered_at", SimpleType.TIMESTAMP);
        m.put("order.lines", SimpleType.INT);
        m.put("order.units", SimpleType.INT);
        m.put("customer.tier", SimpleType.STRING);
        m.put("customer.previous_returns", SimpleType.INT);
        m.put("claim.lines", SimpleType.INT);
        m.put("claim.units", SimpleType.INT);
        m.put("line.sku", SimpleType.STRING);
        m.put("line.category", SimpleType.STRING);
        m.put("line.tags", words);
        m.put("line.condition", SimpleType.STRING);
        m.put("line.quantity", SimpleType.INT);
        m.put("line.quantity_ordered", SimpleType.INT);
        m.put("line.unit_price_minor", SimpleType.INT);
        return Map.copyOf(m);
    }

    /** Looks each variable up when the expression reads it, so an expression pays only for what it reads. */
    CelVariableResolver resolver(Subject s) {
        return name -> Optional.ofNullable(value(s, name));
    }

    private Object value(Subject s, String name) {
        var order = s.claim().order();
        var request = s.claim().request();
        ClaimedLine line = s.line();
        Field field = attributes.get(name);
        if (field != null) {
            Declarations.Attribute declared = field.declared();
            String raw = field.raw(s);
            String value = raw != null ? raw : declared.defaultValue();
            if (value == null) {
                return null;
            }
            return switch (declared.type()) {
                case TEXT, ENUM -> value;
                case NUMBER -> Declarations.Attribute.decimal(value).map(BigDecimal::doubleValue).orElse(null);
                case INTEGER -> parseLong(value);
                case MONEY -> Declarations.Attribute.decimal(value)
                        .map(d -> d.movePointRight(order.currency().getDecimalPlaces()).setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact())
                        .orElse(null);
                case DATE -> Declarations.Attribute.date(value).map(d -> d.atStartOfDay(s.calendar().zone()).toInstant()).orElse(null);
                case BOOLEAN -> value.equals("true") ? Boolean.TRUE : value.equals("false") ? Boolean.FALSE : null;
            };
        }
        return switch (name) {
            case "claim.kind" -> request.kind().wire();
            case "claim.reason" -> request.reasonWord();
            case "claim.evidence" -> request.words().evidence().stream().sorted().toList();
            case "claim.facts" -> request.words().facts().stream().sorted().toList();
            case "claim.keeps_free_gifts" -> request.keepsFreeGifts();
            case "claim.protection_plan" -> request.protectionPlan() == null ? "none" : request.protectionPlan();
            case "claim.finding" -> request.inspectionResult().map(i -> i.finding() == null ? "none" : i.finding().wire()).orElse("none");
            case "claim.preferred_resolution" -> request.preferredResolution() == null ? "none" : request.preferredResolution().wire();
            case "claim.submitted_at" -> request.submittedAt();
            case "claim.rma_issued_at" -> Event.RMA_ISSUED.in(s).orElse(null);
            case "claim.shipped_back_at" -> request.shippedBackAt();
            case "claim.received_at" -> Event.RECEIVED.in(s).orElse(null);
            case "claim.hours_since_order" -> Duration.between(order.placedAt(), request.submittedAt()).toHours();
            case "claim.days_since_order" -> days(s, order.placedAt());
            case "claim.days_since_delivery" -> order.deliveredAt() == null ? null : days(s, order.deliveredAt());
            case "claim.lines" -> (long) s.claim().claimedLines().size();
            case "claim.units" -> s.claim().claimedLines().stream().mapToLong(l -> l.requested().quantity()).sum();
            case "order.number" -> order.number();
            case "order.channel" -> order.channel().wire();
            case "order.delivery_status" -> order.deliveryStatus().wire();
            case "order.currency" -> order.currency().getCode();
            case "order.value_minor" -> minor(order.merchandiseTotal());
            case "order.shipping_minor" -> minor(order.shipping().amount());
            case "order.shipping_method" -> order.shipping().method().wire();
            case "order.placed_at" -> order.placedAt();
            case "order.shipped_at" -> order.shippedAt();
            case "order.delivered_at" -> order.deliveredAt();
            case "order.lines" -> (long) order.lines().size();
            case "order.units" -> order.lines().stream().mapToLong(l -> l.quantity()).sum();
            case "customer.tier" -> order.customer().tier() == null ? "none" : order.customer().tier();
            case "customer.previous_returns" -> (long) order.customer().previousReturns().size();
            case "line.sku" -> line == null ? null : line.line().sku();
            case "line.category" -> line == null ? null : line.line().category() == null ? "none" : line.line().category();
            case "line.tags" -> line == null ? null : line.line().tags().stream().sorted().toList();
            case "line.condition" -> line == null ? null : line.requested().conditionWord() == null ? "none" : line.requested().conditionWord();
            case "line.quantity" -> line == null ? null : (long) line.requested().quantity();
            case "line.quantity_ordered" -> line == null ? null : (long) line.line().quantity();
            case "line.unit_price_minor" -> line == null ? null : minor(line.line().unitPrice());
            default -> null;
        };
    }

    private static Long parseLong(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long days(Subject s, Instant from) {
        return ChronoUnit.DAYS.between(s.calendar().dateOf(from), s.calendar().dateOf(s.claim().request().submittedAt()));
    }

    private static long minor(Money m) {
        return m.getAmountMinorLong();
    }

}

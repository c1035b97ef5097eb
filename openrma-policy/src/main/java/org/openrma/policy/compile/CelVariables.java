package org.openrma.policy.compile;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joda.money.Money;
import org.openrma.claim.Vocabulary;

/**
 * The variables a policy's CEL expressions see: {@code claim}, {@code order}, {@code customer} and
 * {@code line}, each a map of plain values. Amounts are given in minor units ({@code value_minor})
 * so expressions never compute with binary fractions.
 */
public final class CelVariables {

    public static final List<String> NAMES = List.of("claim", "order", "customer", "line");

    private CelVariables() {}

    public static Map<String, Object> of(Subject s) {
        var order = s.claim().order();
        var request = s.claim().request();
        Map<String, Object> claim = new HashMap<>();
        claim.put("kind", request.kind().wire());
        claim.put("reason", request.reason().wire());
        claim.put("evidence", request.evidence().stream().map(Vocabulary::wire).sorted().toList());
        claim.put("facts", request.facts().stream().map(Vocabulary::wire).sorted().toList());
        claim.put("keeps_free_gifts", request.keepsFreeGifts());
        claim.put("protection_plan", request.protectionPlan() == null ? "none" : request.protectionPlan());
        claim.put("finding", request.inspectionResult().map(i -> i.finding() == null ? "none" : i.finding().wire()).orElse("none"));
        claim.put("hours_since_order", Duration.between(order.placedAt(), request.submittedAt()).toHours());
        claim.put("days_since_order", days(s, order.placedAt()));
        claim.put("days_since_delivery", order.deliveredAt() == null ? -1L : days(s, order.deliveredAt()));

        Map<String, Object> orderMap = new HashMap<>();
        orderMap.put("number", order.number());
        orderMap.put("channel", order.channel().wire());
        orderMap.put("delivery_status", order.deliveryStatus().wire());
        orderMap.put("currency", order.currency().getCode());
        orderMap.put("value_minor", minor(order.merchandiseTotal()));
        orderMap.put("shipping_minor", minor(order.shipping().amount()));
        orderMap.put("shipping_method", order.shipping().method().wire());

        Map<String, Object> customer = new HashMap<>();
        customer.put("tier", order.customer().tier() == null ? "none" : order.customer().tier());
        customer.put("attributes", Map.copyOf(order.customer().attributes()));
        customer.put("previous_returns", (long) order.customer().previousReturns().size());

        Map<String, Object> line = new HashMap<>();
        if (s.line() != null) {
            var l = s.line();
            line.put("sku", l.line().sku());
            line.put("category", l.line().category() == null ? "none" : l.line().category());
            line.put("tags", l.line().tags().stream().sorted().toList());
            line.put("condition", l.requested().condition() == null ? "none" : l.requested().condition().wire());
            line.put("quantity", (long) l.requested().quantity());
            line.put("unit_price_minor", minor(l.line().unitPrice()));
            line.put("attributes", Map.copyOf(l.line().attributes()));
        }
        return Map.of("claim", claim, "order", orderMap, "customer", customer, "line", line);
    }

    private static long days(Subject s, java.time.Instant from) {
        return java.time.temporal.ChronoUnit.DAYS.between(s.calendar().dateOf(from), s.calendar().dateOf(s.claim().request().submittedAt()));
    }

    private static long minor(Money m) {
        return m.getAmountMinorLong();
    }
}

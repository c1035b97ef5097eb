package org.openrma.policy.statute;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.money.Money;
import org.openrma.claim.Claim;
import org.openrma.claim.DeliveryStatus;
import org.openrma.claim.LegalFacts;
import org.openrma.claim.Order;
import org.openrma.claim.OrderLine;
import org.openrma.claim.Request;

/**
 * The claim as consumer law reads it, which is what a statutory pack decides on:
 * <ul>
 *   <li>delivery is possession of the <em>last</em> parcel (a split order's window starts when the
 *       last good arrives; while one is on its way, nothing has been delivered);</li>
 *   <li>the claim counts from when notice was <em>sent</em>, if before its submission;</li>
 *   <li>the delivery charge refundable is the cheapest standard delivery, not an express supplement;</li>
 *   <li>the law's inputs appear as attributes a pack declares and tests like any other:
 *       {@code order.attributes.sales_channel}, {@code withdrawal_info} ({@code before_contract},
 *       {@code late}, {@code never}), {@code withdrawal_info_given_on}, {@code return_cost_info_given},
 *       {@code delivery_price_known}; {@code request.attributes.chosen_remedy}, {@code repair_attempts},
 *       {@code failure}; {@code line.attributes.diminished_value} and {@code use_deduction} (per unit).</li>
 * </ul>
 * An input the claim does not give is left out, so a pack rule that needs it goes to review.
 */
public final class StatutoryView {

    private StatutoryView() {}

    public static Claim of(Claim claim, StatutoryTerms merchant) {
        LegalFacts legal = claim.legal();
        Order o = claim.order();
        Request r = claim.request();

        Instant possession = legal.possessionOfLastGood(o).orElse(null);
        DeliveryStatus status = possession == null && o.deliveryStatus() == DeliveryStatus.DELIVERED ? DeliveryStatus.IN_TRANSIT : o.deliveryStatus();
        Money paid = o.shipping().amount();
        boolean priceKnown = legal.cheapestStandardDelivery() != null || paid.isZero();
        Money refundable = legal.cheapestStandardDelivery() != null && legal.cheapestStandardDelivery().isLessThan(paid)
                ? legal.cheapestStandardDelivery() : paid;

        Map<String, String> orderAttributes = new LinkedHashMap<>(o.attributes());
        if (legal.salesChannel() != null) {
            orderAttributes.put("sales_channel", legal.salesChannel().wire());
        }
        Boolean infoGiven = legal.withdrawalInfoGiven() != null ? legal.withdrawalInfoGiven() : merchant.withdrawalInfoGiven();
        Instant infoAt = legal.infoGivenAt() != null ? legal.infoGivenAt()
                : merchant.infoGivenOn() != null ? merchant.infoGivenOn().atStartOfDay(ZoneOffset.UTC).toInstant() : null;
        if (infoGiven != null) {
            String info = infoGiven ? "before_contract" : infoAt != null ? "late" : "never";
            if (infoGiven && infoAt != null && infoAt.isAfter(o.placedAt())) {
                info = "late";
            }
            orderAttributes.put("withdrawal_info", info);
        }
        if (infoAt != null) {
            orderAttributes.put("withdrawal_info_given_on", infoAt.atZone(ZoneOffset.UTC).toLocalDate().toString());
        }
        Boolean costInfo = legal.returnCostInfoGiven() != null ? legal.returnCostInfoGiven() : merchant.returnCostInfoGiven();
        if (costInfo != null) {
            orderAttributes.put("return_cost_info_given", costInfo.toString());
        }
        orderAttributes.put("delivery_price_known", Boolean.toString(priceKnown));

        List<OrderLine> lines = new ArrayList<>();
        for (OrderLine line : o.lines()) {
            Map<String, String> attributes = new LinkedHashMap<>(line.attributes());
            perUnit(legal.diminishedValue().get(line.sku()), claimedUnits(r, line)).ifPresent(v -> attributes.put("diminished_value", v));
            perUnit(legal.useDeduction().get(line.sku()), claimedUnits(r, line)).ifPresent(v -> attributes.put("use_deduction", v));
            lines.add(new OrderLine(line.sku(), line.category(), line.unitPrice(), line.quantity(), line.retailValue(), line.tags(), line.serial(),
                    attributes));
        }
        Order viewed = new Order(o.number(), o.channel(), o.placedAt(), o.shippedAt(), possession, status, o.currency(),
                new Order.Shipping(o.shipping().method(), refundable), o.customer(), lines, orderAttributes);

        Map<String, String> requestAttributes = new LinkedHashMap<>(r.attributes());
        if (legal.chosenRemedy() != null) {
            requestAttributes.put("chosen_remedy", legal.chosenRemedy());
        }
        requestAttributes.put("repair_attempts", Integer.toString(legal.repairAttempts() == null ? 0 : legal.repairAttempts()));
        if (legal.failure() != null) {
            requestAttributes.put("failure", legal.failure());
        }
        Instant submitted = legal.noticeSentAt() != null && legal.noticeSentAt().isBefore(r.submittedAt()) ? legal.noticeSentAt() : r.submittedAt();
        Request viewedRequest = new Request(r.kind(), submitted, r.reason(), r.lines(), r.keepsFreeGifts(), r.evidence(), r.facts(), r.costs(),
                r.protectionPlan(), r.inspection(), r.rmaIssuedAt(), r.shippedBackAt(), r.returnShippingMethod(), r.preferredResolution(), r.words(),
                requestAttributes);
        return new Claim(viewed, viewedRequest, legal);
    }

    private static int claimedUnits(Request r, OrderLine line) {
        return r.lines().stream().filter(l -> l.sku().equals(line.sku())).mapToInt(l -> l.quantity()).findFirst().orElse(line.quantity());
    }

    /** An amount for a line as an amount per unit, only when it divides exactly (else the rule goes to review). */
    private static java.util.Optional<String> perUnit(Money total, int units) {
        if (total == null) {
            return java.util.Optional.empty();
        }
        try {
            BigDecimal each = total.getAmount().divide(BigDecimal.valueOf(units));
            return each.stripTrailingZeros().scale() > total.getCurrencyUnit().getDecimalPlaces() ? java.util.Optional.empty()
                    : java.util.Optional.of(each.toPlainString());
        } catch (ArithmeticException e) {
            return java.util.Optional.empty();
        }
    }
}

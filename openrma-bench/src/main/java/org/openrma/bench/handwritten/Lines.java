package org.openrma.bench.handwritten;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openrma.claim.Claim;
import org.openrma.claim.ItemCondition;
import org.openrma.claim.OrderLine;
import org.openrma.claim.RequestLine;
import org.openrma.decision.Outcome;

/** Small helpers shared by the hand-written policies; amounts are in cents. */
final class Lines {

    private Lines() {}

    /** Lines the claim is about: the ones it names, or the whole order. */
    static int count(Claim c) {
        return c.request().lines().isEmpty() ? c.order().lines().size() : c.request().lines().size();
    }

    static long priceCents(Claim c, int i) {
        List<RequestLine> requested = c.request().lines();
        if (requested.isEmpty()) {
            OrderLine l = c.order().lines().get(i);
            return l.unitPrice().getAmountMinorLong() * l.quantity();
        }
        RequestLine r = requested.get(i);
        return sold(c, r.sku()).unitPrice().getAmountMinorLong() * r.quantity();
    }

    static ItemCondition condition(Claim c, int i) {
        List<RequestLine> requested = c.request().lines();
        return requested.isEmpty() ? null : requested.get(i).condition();
    }

    private static OrderLine sold(Claim c, String sku) {
        for (OrderLine l : c.order().lines()) {
            if (l.sku().equals(sku)) {
                return l;
            }
        }
        throw new IllegalArgumentException("no line " + sku);
    }

    static long merchandiseCents(Claim c) {
        long total = 0;
        for (OrderLine l : c.order().lines()) {
            total += l.unitPrice().getAmountMinorLong() * l.quantity();
        }
        return total;
    }

    /** "Within N days of delivery": the delivery date (UTC) is day 0, day N is still inside. */
    static boolean withinDays(Instant delivered, Instant submitted, int days) {
        return Math.floorDiv(submitted.getEpochSecond(), 86_400) - Math.floorDiv(delivered.getEpochSecond(), 86_400) <= days;
    }

    static boolean withinYears(Instant delivered, Instant submitted, int years) {
        return !LocalDate.ofInstant(submitted, ZoneOffset.UTC).isAfter(LocalDate.ofInstant(delivered, ZoneOffset.UTC).plusYears(years));
    }

    /** 20% of an amount in cents, rounded half up. */
    static long twentyPercent(long cents) {
        return (cents * 20 + 50) / 100;
    }

    /** The order's shipping charge in proportion to the value claimed (half-even, then half-up to cents). */
    static long shippingShare(long shippingCents, long claimedCents, long totalCents) {
        if (shippingCents <= 0 || claimedCents == 0) {
            return 0;
        }
        if (claimedCents == totalCents || totalCents == 0) {
            return shippingCents;
        }
        return BigDecimal.valueOf(shippingCents, 2).multiply(BigDecimal.valueOf(claimedCents, 2))
                .divide(BigDecimal.valueOf(totalCents, 2), RoundingMode.HALF_EVEN).setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact();
    }

    /** The last zero handed out: claims come in one currency far more often than not (Money is immutable, as the engine's zero). */
    private static volatile Money lastZero;

    /** Zero in the currency, made once per currency in a row, as the engine keeps it. */
    static Money zeroIn(CurrencyUnit currency) {
        Money zero = lastZero;
        if (zero == null || zero.getCurrencyUnit() != currency) {
            zero = Money.zero(currency);
            lastZero = zero;
        }
        return zero;
    }

    /** Combining line answers into the program's: what the claim needs next comes first. */
    static int claimPriority(Outcome o) {
        return switch (o) {
            case NEEDS_EVIDENCE -> 0;
            case NEEDS_REVIEW -> 1;
            case APPROVED -> 2;
            case REJECTED -> 3;
        };
    }
}

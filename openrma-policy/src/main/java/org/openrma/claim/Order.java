package org.openrma.claim;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * An order as the merchant's shop recorded it. {@code shippedAt} and {@code deliveredAt} are
 * null until those events happen; {@code attributes} carries what a policy declares beyond the
 * standard fields (payment method, country of purchase, ...).
 */
public record Order(
        String number,
        Channel channel,
        Instant placedAt,
        Instant shippedAt,
        Instant deliveredAt,
        DeliveryStatus deliveryStatus,
        CurrencyUnit currency,
        Shipping shipping,
        Customer customer,
        List<OrderLine> lines,
        Map<String, String> attributes) {

    public Order {
        lines = List.copyOf(lines);
        attributes = Map.copyOf(attributes);
    }

    public Order(String number, Channel channel, Instant placedAt, Instant shippedAt, Instant deliveredAt, DeliveryStatus deliveryStatus,
            CurrencyUnit currency, Shipping shipping, Customer customer, List<OrderLine> lines) {
        this(number, channel, placedAt, shippedAt, deliveredAt, deliveryStatus, currency, shipping, customer, lines, Map.of());
    }

    public Optional<OrderLine> line(String sku) {
        for (OrderLine l : lines) {
            if (l.sku().equals(sku)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** What the customer paid for the goods, shipping excluded. */
    public Money merchandiseTotal() {
        return Money.ofMinor(currency, merchandiseTotalMinor());
    }

    /**
     * {@link #merchandiseTotal} in the currency's minor units: summed as longs, exact (an overflow throws, as Money's own
     * arithmetic does), with no Money per line — the engine asks for it per decision.
     */
    public long merchandiseTotalMinor() {
        long sum = 0;
        for (int i = 0; i < lines.size(); i++) {
            OrderLine l = lines.get(i);
            if (!l.unitPrice().getCurrencyUnit().equals(currency)) {
                throw new org.joda.money.CurrencyMismatchException(currency, l.unitPrice().getCurrencyUnit());
            }
            sum = Math.addExact(sum, Math.multiplyExact(l.unitPrice().getAmountMinorLong(), (long) l.quantity()));
        }
        return sum;
    }

    public record Shipping(ShippingMethod method, Money amount) {}
}

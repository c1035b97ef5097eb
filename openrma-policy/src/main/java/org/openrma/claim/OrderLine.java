package org.openrma.claim;

import java.util.Map;
import java.util.Set;
import org.joda.money.Money;

/**
 * A line of an order. {@code category} is the merchant's own word; {@code tags} are the shared
 * marks policies test ({@code consumable}, {@code free_gift}, ...); {@code attributes} carries
 * anything else a policy may read, such as a product page's own warranty length.
 */
public record OrderLine(
        String sku,
        String category,
        Money unitPrice,
        int quantity,
        Money retailValue,
        Set<String> tags,
        String serial,
        Map<String, String> attributes) {

    public static final String FREE_GIFT = "free_gift";

    public OrderLine {
        tags = Set.copyOf(tags);
        attributes = Map.copyOf(attributes);
    }

    public Money total() {
        return unitPrice.multipliedBy(quantity);
    }

    public boolean isFreeGift() {
        return tags.contains(FREE_GIFT);
    }

    /** The value a kept free gift is charged at: its retail value, else what was paid for it. */
    public Money giftValue() {
        return (retailValue != null ? retailValue : unitPrice).multipliedBy(quantity);
    }
}

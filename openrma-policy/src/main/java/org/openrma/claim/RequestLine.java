package org.openrma.claim;

/**
 * A line the customer claims: how many units and in what condition. {@code conditionWord} is the
 * condition as written (a standard {@link ItemCondition} or a word the policy declares); both are
 * null when the claim does not say.
 */
public record RequestLine(String sku, int quantity, ItemCondition condition, String conditionWord) {

    public RequestLine(String sku, int quantity, ItemCondition condition) {
        this(sku, quantity, condition, condition == null ? null : condition.wire());
    }
}

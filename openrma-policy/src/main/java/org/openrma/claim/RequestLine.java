package org.openrma.claim;

/**
 * A line the customer claims: how many units and in what condition. {@code conditionWord} is the
 * condition as written (a standard {@link ItemCondition} or a word the policy declares); both are
 * null when the claim does not say.
 */
public record RequestLine(String sku, int quantity, ItemCondition condition, String conditionWord) {

    /** The typed condition is the standard word written, or null for a word a policy declares: a policy tests the one for the other. */
    public RequestLine {
        if (condition == null ? conditionWord != null && Vocabulary.parse(ItemCondition.class, conditionWord).isPresent()
                : !condition.wire().equals(conditionWord)) {
            throw new IllegalArgumentException("line " + sku + ": condition " + condition + " is not the standard word of '" + conditionWord + "'");
        }
    }

    public RequestLine(String sku, int quantity, ItemCondition condition) {
        this(sku, quantity, condition, condition == null ? null : condition.wire());
    }
}

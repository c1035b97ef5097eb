package org.openrma.policy.model;

/**
 * A rule could not be evaluated for this claim: a CEL error, an attribute the claim lacks, a value
 * that does not parse. The evaluator turns it into {@code needs_review} for the rule that raised it,
 * never into "does not apply": a broken exclusion must not approve a claim.
 */
public final class Unevaluable extends RuntimeException {

    public Unevaluable(String message) {
        // thrown on ordinary claims with a missing value: no stack trace to fill
        super(message, null, false, false);
    }
}

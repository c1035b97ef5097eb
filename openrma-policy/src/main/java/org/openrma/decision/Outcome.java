package org.openrma.decision;

import org.openrma.claim.Vocabulary;

/** The answer to a claim. Ranked best-for-customer first: approved, needs_evidence, needs_review, rejected. */
public enum Outcome implements Vocabulary {
    APPROVED,
    NEEDS_EVIDENCE,
    NEEDS_REVIEW,
    REJECTED,
    ;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    @Override
    public String wire() {
        return wire;
    }
}

package org.openrma.decision;

import org.openrma.claim.Vocabulary;

/** Who pays a shipping leg. */
public enum Payer implements Vocabulary {
    CUSTOMER,
    MERCHANT,
    /** The policy says nothing about this leg: an agent decides, the engine does not guess. */
    UNDETERMINED,
    ;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    @Override
    public String wire() {
        return wire;
    }
}

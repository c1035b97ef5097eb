package org.openrma.decision;

import org.openrma.claim.Vocabulary;

/** Who pays a shipping leg. */
public enum Payer implements Vocabulary {
    CUSTOMER,
    MERCHANT,
    ;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    @Override
    public String wire() {
        return wire;
    }
}

package org.openrma.decision;

import org.openrma.claim.Vocabulary;

/** Who pays a shipping leg. */
public enum Payer implements Vocabulary {
    CUSTOMER,
    MERCHANT,
    ;

    @Override
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

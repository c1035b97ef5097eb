package org.openrma.decision;

import org.openrma.claim.Vocabulary;

/** Remedies a program can offer. */
public enum Resolution implements Vocabulary {
    REFUND,
    PARTIAL_REFUND,
    REPLACEMENT,
    REPAIR,
    PAID_REPAIR,
    EXCHANGE,
    STORE_CREDIT,
    RESHIPMENT,
    SPARE_PARTS,
    ;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    @Override
    public String wire() {
        return wire;
    }
}

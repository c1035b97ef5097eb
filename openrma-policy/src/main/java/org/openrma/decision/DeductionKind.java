package org.openrma.decision;

import org.openrma.claim.Vocabulary;

/** Kinds of amounts deducted from a refund. */
public enum DeductionKind implements Vocabulary {
    RESTOCKING_FEE,
    FREE_GIFT,
    CUSTOMS,
    SHIPPING,
    HANDLING,
    DEPRECIATION,
    RETURN_LOGISTICS,
    RETURN_LABEL,
    /** A bundle's discount taken back when only part of the bundle is returned. */
    BUNDLE_DISCOUNT,
    /** The loss in value from handling beyond testing, which consumer law lets a trader keep on a withdrawal. */
    DIMINISHED_VALUE,
    /** A deduction for the use the buyer had, where consumer law allows one on a final rejection. */
    USE,
    ;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    @Override
    public String wire() {
        return wire;
    }
}

package org.openrma.decision;

import org.openrma.claim.Vocabulary;

/** Who picks among the resolutions offered. */
public enum Chooser implements Vocabulary {
    CUSTOMER,
    MERCHANT,
    ;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    @Override
    public String wire() {
        return wire;
    }
}

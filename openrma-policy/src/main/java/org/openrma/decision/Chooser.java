package org.openrma.decision;

import org.openrma.claim.Vocabulary;

/** Who picks among the resolutions offered. */
public enum Chooser implements Vocabulary {
    CUSTOMER,
    MERCHANT,
    ;

    @Override
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

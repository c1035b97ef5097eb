package org.openrma.decision;

import org.openrma.claim.Vocabulary;

/** What one rule did when evaluated. */
public enum StepResult implements Vocabulary {
    PASSED,
    FAILED,
    APPLIED,
    NOT_APPLICABLE,
    NOT_EVALUATED,
    ;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    @Override
    public String wire() {
        return wire;
    }
}

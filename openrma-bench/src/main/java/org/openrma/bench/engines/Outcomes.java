package org.openrma.bench.engines;

import org.openrma.decision.Outcome;

/** The engine's combination rule for one line: the most severe answer wins. */
public final class Outcomes {

    private Outcomes() {}

    public static int severity(Outcome o) {
        return switch (o) {
            case APPROVED -> 0;
            case NEEDS_REVIEW -> 1;
            case NEEDS_EVIDENCE -> 2;
            case REJECTED -> 3;
        };
    }

    public static Outcome worse(Outcome a, Outcome b) {
        return severity(b) > severity(a) ? b : a;
    }
}

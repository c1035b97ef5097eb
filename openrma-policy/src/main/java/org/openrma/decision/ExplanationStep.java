package org.openrma.decision;

import java.util.List;
import java.util.Map;

/**
 * One rule the engine evaluated: where it stands in the policy ({@code program}/{@code rule}),
 * the claimed line it was evaluated for (null when it concerns the whole claim), what it did,
 * the values it read, a sentence saying why, and the clauses it encodes.
 */
public record ExplanationStep(
        String program,
        String rule,
        String line,
        StepResult result,
        Map<String, String> read,
        String says,
        List<Citation> cites) {

    public ExplanationStep {
        read = Map.copyOf(read);
        cites = List.copyOf(cites);
    }
}

package org.openrma.bench.drools;

import org.openrma.decision.Outcome;

/** A program that serves the claim, with its answer so far (the most severe rule result). */
public final class ProgramEval {

    private final String program;
    private final int order;
    private Outcome outcome = Outcome.APPROVED;

    public ProgramEval(String program, int order) {
        this.program = program;
        this.order = order;
    }

    public String getProgram() { return program; }
    public int getOrder() { return order; }
    public Outcome getOutcome() { return outcome; }
    public void setOutcome(Outcome outcome) { this.outcome = outcome; }
}

package org.openrma.bench.drools;

import org.openrma.bench.engines.Verdict;
import org.openrma.decision.Outcome;
import org.openrma.decision.Payer;

/** What the DRL rules decide; starts empty and is filled by the selection and assembly rules. */
public final class RuleResult {

    private String program;
    private Outcome outcome;
    private long refund;
    private long restockingFee;
    private Payer returnPayer;

    public String getProgram() { return program; }
    public void setProgram(String program) { this.program = program; }
    public Outcome getOutcome() { return outcome; }
    public void setOutcome(Outcome outcome) { this.outcome = outcome; }
    public long getRefund() { return refund; }
    public void setRefund(long refund) { this.refund = refund; }
    public long getRestockingFee() { return restockingFee; }
    public void setRestockingFee(long restockingFee) { this.restockingFee = restockingFee; }
    public Payer getReturnPayer() { return returnPayer; }
    public void setReturnPayer(Payer returnPayer) { this.returnPayer = returnPayer; }

    public Verdict toVerdict() {
        return new Verdict(outcome, refund, restockingFee, returnPayer);
    }
}

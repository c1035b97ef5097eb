package org.openrma.bench.engines;

import org.openrma.decision.Decision;
import org.openrma.decision.DeductionKind;
import org.openrma.decision.Outcome;
import org.openrma.decision.Payer;

/**
 * The part of a decision the three engines must agree on: outcome, refund, deductions and who pays
 * return shipping. Amounts are in the currency's minor unit (cents).
 */
public record Verdict(Outcome outcome, long refund, long restockingFee, Payer returnShippingPaidBy) {

    /** The same view of an OpenRMA decision; a deduction the other engines do not model fails loudly. */
    public static Verdict of(Decision decision) {
        decision.deductions().keySet().stream().filter(k -> k != DeductionKind.RESTOCKING_FEE).findAny().ifPresent(k -> {
            throw new IllegalStateException("unexpected deduction " + k + " in " + decision.summary());
        });
        var fee = decision.deductions().get(DeductionKind.RESTOCKING_FEE);
        return new Verdict(decision.outcome(), decision.refund().getAmountMinorLong(), fee == null ? 0 : fee.getAmountMinorLong(),
                decision.returnShippingPaidBy());
    }
}

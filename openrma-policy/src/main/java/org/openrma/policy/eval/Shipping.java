package org.openrma.policy.eval;

import java.util.List;
import java.util.Map;
import org.joda.money.Money;
import org.openrma.claim.Claim;
import org.openrma.claim.DeliveryStatus;
import org.openrma.decision.Outcome;
import org.openrma.decision.Payer;
import org.openrma.decision.Resolution;
import org.openrma.policy.model.Program;
import org.openrma.policy.model.Rules;
import org.openrma.policy.model.Rules.ShippingRule;
import org.openrma.policy.model.Unevaluable;

/**
 * Stage 5: who pays each shipping leg. The first return-shipping rule that holds names the payer
 * (and any postage reimbursed on a receipt); the outbound leg matters only when something is sent
 * to the customer. A leg the policy says nothing about is left to an agent.
 */
final class Shipping {

    /** Remedies that send something back to the customer, so the outbound leg matters. */
    private static final int SHIPS_OUT = Offers.bits(Resolution.REPLACEMENT, Resolution.REPAIR, Resolution.PAID_REPAIR, Resolution.EXCHANGE,
            Resolution.RESHIPMENT, Resolution.SPARE_PARTS);

    /** Who pays return shipping (null: nothing goes back), the postage reimbursed, who pays outbound (null: nothing goes out). */
    record Legs(Payer returnPaidBy, Money reimbursed, Payer outboundPaidBy) {}

    private Shipping() {}

    static Legs legs(Run run, Program program, Outcome outcome, Offers.Offered offered, List<LineVerdict> kept) {
        Trace trace = run.trace();
        Payer returnPayer = Payer.CUSTOMER;
        Money reimbursed = run.zero();
        if (outcome == Outcome.REJECTED) {
            trace.nothingAtMerchantsCost(program.id());
        } else if (program.returnShipping().isEmpty() && !hasReturnLeg(run.claim())) {
            // nothing is sent back on this kind of claim, and the program says nothing about it
            returnPayer = null;
        } else {
            try {
                ShippingRule rule = first(run, program.id(), program.returnShipping(), kept, "return shipping");
                if (rule != null) {
                    returnPayer = rule.paidBy();
                    reimbursed = reimbursement(run, program.id(), rule);
                } else {
                    returnPayer = Payer.UNDETERMINED;
                    trace.returnShippingUnsaid(program.id());
                }
            } catch (Unevaluable e) {
                returnPayer = Payer.UNDETERMINED;
                run.markUndecided();
                trace.unevaluable(program.id(), program.id() + ".return_shipping", null, e.getMessage(), List.of());
            }
        }
        Payer outboundPayer = null;
        if (outcome != Outcome.REJECTED && offered.anyOf(SHIPS_OUT)) {
            try {
                ShippingRule rule = first(run, program.id(), program.outboundShipping(), kept, "outbound shipping");
                outboundPayer = rule != null ? rule.paidBy() : Payer.UNDETERMINED;
            } catch (Unevaluable e) {
                outboundPayer = Payer.UNDETERMINED;
                run.markUndecided();
                trace.unevaluable(program.id(), program.id() + ".outbound_shipping", null, e.getMessage(), List.of());
            }
        }
        return new Legs(returnPayer, reimbursed, outboundPayer);
    }

    /** The first rule that holds, or null. */
    private static ShippingRule first(Run run, String program, List<ShippingRule> rules, List<LineVerdict> kept, String leg) {
        for (int i = 0; i < rules.size(); i++) {
            ShippingRule rule = rules.get(i);
            Map<String, String> read = run.reads();
            if (run.anyLine(rule.when(), kept, read)) {
                run.trace().shippingRule(program, rule, read, leg);
                return rule;
            }
        }
        return null;
    }

    private static Money reimbursement(Run run, String program, ShippingRule rule) {
        if (rule.reimburse() != Rules.Reimbursement.RECEIPT) {
            return run.zero();
        }
        Map<String, String> read = run.reads();
        Money receipt = run.claim().request().costs().returnShipping();
        run.trace().read(read, "costs.return_shipping", receipt.getAmount());
        if (rule.requires() != null && !run.claim().request().evidence().contains(rule.requires())) {
            run.trace().reimbursementWithoutEvidence(program, rule, read);
            return run.zero();
        }
        Money amount = receipt;
        if (rule.max() != null) {
            Money cap = run.money(rule.max());
            if (amount.isGreaterThan(cap)) {
                amount = cap;
                run.trace().read(read, "capped_at", cap.getAmount());
            }
        }
        run.trace().reimbursed(program, rule, read, amount);
        return amount;
    }

    /** Whether the customer has something to send back: a return or warranty claim on a parcel that reached them. */
    private static boolean hasReturnLeg(Claim claim) {
        return claim.request().kind().hasReturnLeg() && claim.order().deliveryStatus() == DeliveryStatus.DELIVERED;
    }
}

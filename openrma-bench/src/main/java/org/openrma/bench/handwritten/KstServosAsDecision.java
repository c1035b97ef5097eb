package org.openrma.bench.handwritten;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.money.Money;
import org.openrma.claim.Claim;
import org.openrma.claim.ClaimKind;
import org.openrma.claim.ClaimedLine;
import org.openrma.claim.DeliveryStatus;
import org.openrma.claim.Finding;
import org.openrma.claim.Inspection;
import org.openrma.claim.ItemCondition;
import org.openrma.claim.Reason;
import org.openrma.claim.Request;
import org.openrma.claim.ShippingMethod;
import org.openrma.decision.Chooser;
import org.openrma.decision.Decision;
import org.openrma.decision.DeductionKind;
import org.openrma.decision.Outcome;
import org.openrma.decision.Payer;
import org.openrma.decision.PolicyVersionRef;
import org.openrma.decision.ProgramVerdict;
import org.openrma.decision.Resolution;
import org.openrma.policy.CompiledPolicy;

/**
 * policies/kst-servos.yaml written by hand, as {@link KstServosByHand}, but answering with the {@link Decision} OpenRMA's
 * outcome-only decision returns: the same outcome, program, remedies, consent, refund, deductions, shipping parties,
 * postage and programs' verdicts, worked out here ({@code AsDecisionTests} holds the two alike on the claim mix).
 * What OpenRMA's outcome-only decision works out only when read (the dates, each line's result, each remedy's value) is a
 * view here too, of one object each, which asks OpenRMA when read, as OpenRMA's decision asks itself again for its words.
 * The floor for an engine that answers with a {@code Decision}: what the result adds to the 4-field floor (BENCHMARKS.md,
 * E1).
 */
public final class KstServosAsDecision {

    private static final String RETURN = "return";
    private static final String CANCELLATION = "cancellation";
    private static final ProgramVerdict RETURN_SERVES_NONE = new ProgramVerdict(RETURN, "7-day return", null, null);
    private static final ProgramVerdict CANCELLATION_SERVES_NONE = new ProgramVerdict(CANCELLATION, "Cancel or amend before shipment", null, null);
    private static final List<ProgramVerdict> NONE_SERVES = List.of(RETURN_SERVES_NONE, CANCELLATION_SERVES_NONE);
    /** The programs' verdicts without words, by the deciding program's outcome (the other program serves none of the lines). */
    private static final List<List<ProgramVerdict>> RETURN_DECIDES = Arrays.stream(Outcome.values())
            .map(o -> List.of(new ProgramVerdict(RETURN, RETURN_SERVES_NONE.title(), o, null), CANCELLATION_SERVES_NONE)).toList();
    private static final List<List<ProgramVerdict>> CANCELLATION_DECIDES = Arrays.stream(Outcome.values())
            .map(o -> List.of(RETURN_SERVES_NONE, new ProgramVerdict(CANCELLATION, CANCELLATION_SERVES_NONE.title(), o, null))).toList();

    /** The policy's when_no_program_serves, as the summary words it. */
    private static final String NO_PROGRAM_SUMMARY = "Needs review: The policy covers returns within 7 days of delivery and cancellations"
            + " before shipment; it says nothing about other requests (a defect found later, a lost parcel), so an agent decides.";

    private static final Set<Resolution> REFUND = Set.of(Resolution.REFUND);
    private static final Set<Resolution> REFUND_EXCHANGE = Set.of(Resolution.REFUND, Resolution.EXCHANGE);
    private static final Set<Resolution> REFUND_REPLACEMENT = Set.of(Resolution.REFUND, Resolution.REPLACEMENT);
    private static final Set<Resolution> REFUND_EXCHANGE_REPLACEMENT = Set.of(Resolution.REFUND, Resolution.EXCHANGE, Resolution.REPLACEMENT);

    /** OpenRMA's own decision of the policy, asked only when a view of this one is read. */
    private final CompiledPolicy openRma;
    private final PolicyVersionRef version;

    public KstServosAsDecision(CompiledPolicy openRma) {
        this.openRma = openRma;
        this.version = openRma.ref();
    }

    public Decision decide(Claim c) {
        return switch (c.request().kind()) {
            case RETURN -> giveBack(c);
            case CANCELLATION, AMENDMENT -> cancel(c);
            default -> noProgram(c);
        };
    }

    private Decision giveBack(Claim c) {
        Request q = c.request();
        Reason reason = q.reason();
        Outcome claimLevel = KstServosByHand.returnForTheWholeClaim(c);
        boolean qualityReason = KstServosByHand.quality(reason);
        Outcome outcome = Outcome.REJECTED;
        long kept = 0;
        boolean discontinuedKept = false;
        List<ClaimedLine> lines = c.claimedLines();
        for (int i = 0; i < lines.size(); i++) {
            ClaimedLine l = lines.get(i);
            Outcome line = claimLevel;
            ItemCondition condition = l.requested().condition();
            if (!(condition == ItemCondition.UNOPENED || condition == ItemCondition.OPENED_UNUSED || qualityReason)) {
                line = Outcome.REJECTED;
            }
            if (Lines.claimPriority(line) < Lines.claimPriority(outcome)) {
                outcome = line;
            }
            if (line != Outcome.REJECTED) {
                kept += l.line().unitPrice().getAmountMinorLong() * l.requested().quantity();
                discontinuedKept |= l.line().tags().contains("discontinued");
            }
        }
        Money zero = Lines.zeroIn(c.order().currency());
        List<ProgramVerdict> verdicts = RETURN_DECIDES.get(outcome.ordinal());
        AskedOfOpenRma later = new AskedOfOpenRma(openRma, c);
        if (outcome == Outcome.REJECTED) {
            return new Decision(outcome, RETURN, Set.of(), Chooser.CUSTOMER, false, zero, Map.of(), Payer.CUSTOMER, zero, null, List.of(),
                    later.deadlines(), version, verdicts, later.lines(), List.of(), "", List.of(), List.of());
        }
        boolean exchange = q.preferredResolution() == Resolution.EXCHANGE;
        Set<Resolution> offered = exchange ? (qualityReason ? REFUND_EXCHANGE_REPLACEMENT : REFUND_EXCHANGE)
                : qualityReason ? REFUND_REPLACEMENT : REFUND;
        Inspection inspection = q.inspection();
        Finding finding = inspection == null ? null : inspection.finding();
        long fee = reason == Reason.CHANGED_MIND || reason == Reason.ORDERED_WRONG_ITEM || finding == Finding.NO_FAULT_FOUND
                ? Lines.twentyPercent(kept) : 0;
        Money refund = fee >= kept ? zero : Money.ofMinor(zero.getCurrencyUnit(), kept - fee);
        Map<DeductionKind, Money> deductions = fee > 0 ? Map.of(DeductionKind.RESTOCKING_FEE, Money.ofMinor(zero.getCurrencyUnit(), fee)) : Map.of();
        boolean merchantPays = qualityReason && finding != Finding.NO_FAULT_FOUND && finding != Finding.MISUSE;
        Money reimbursed = merchantPays && q.returnShippingMethod() != ShippingMethod.EXPEDITED ? q.costs().returnShipping() : zero;
        Payer outbound = exchange ? Payer.CUSTOMER : qualityReason ? Payer.MERCHANT : null;
        return new Decision(outcome, RETURN, offered, Chooser.CUSTOMER, qualityReason && discontinuedKept, refund, deductions,
                merchantPays ? Payer.MERCHANT : Payer.CUSTOMER, reimbursed, outbound, List.of(), later.deadlines(), version, verdicts,
                later.lines(), List.of(), "",
                later.remedies(1 + (exchange ? 1 : 0) + (qualityReason ? 1 : 0) + (qualityReason && discontinuedKept ? 1 : 0)), List.of());
    }

    private Decision cancel(Claim c) {
        Money zero = Lines.zeroIn(c.order().currency());
        AskedOfOpenRma later = new AskedOfOpenRma(openRma, c);
        if (c.order().deliveryStatus() != DeliveryStatus.NOT_SHIPPED) {
            return new Decision(Outcome.REJECTED, CANCELLATION, Set.of(), Chooser.CUSTOMER, false, zero, Map.of(), Payer.CUSTOMER, zero, null,
                    List.of(), later.deadlines(), version, CANCELLATION_DECIDES.get(Outcome.REJECTED.ordinal()), later.lines(), List.of(), "",
                    List.of(), List.of());
        }
        Money refund = zero;
        Set<Resolution> offered = Set.of();
        if (c.request().kind() == ClaimKind.CANCELLATION) {
            List<ClaimedLine> lines = c.claimedLines();
            long claimed = 0;
            for (int i = 0; i < lines.size(); i++) {
                claimed += lines.get(i).line().unitPrice().getAmountMinorLong() * lines.get(i).requested().quantity();
            }
            long total = claimed + Lines.shippingShare(c.order().shipping().amount().getAmountMinorLong(), claimed, c.order().merchandiseTotalMinor());
            refund = total == 0 ? zero : Money.ofMinor(zero.getCurrencyUnit(), total);
            offered = REFUND;
        }
        return new Decision(Outcome.APPROVED, CANCELLATION, offered, Chooser.CUSTOMER, false, refund, Map.of(), null, zero, null, List.of(),
                later.deadlines(), version, CANCELLATION_DECIDES.get(Outcome.APPROVED.ordinal()), later.lines(), List.of(), "",
                later.remedies(offered.size()), List.of());
    }

    private Decision noProgram(Claim c) {
        return Decision.withoutProgram(Outcome.NEEDS_REVIEW, Lines.zeroIn(c.order().currency()), version, NONE_SERVES,
                new AskedOfOpenRma(openRma, c).lines(), List.of(), NO_PROGRAM_SUMMARY, List.of());
    }
}

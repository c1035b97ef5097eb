package org.openrma.bench.handwritten;

import static org.openrma.bench.engines.Outcomes.worse;

import java.time.Instant;
import org.openrma.bench.engines.Verdict;
import org.openrma.claim.Channel;
import org.openrma.claim.Claim;
import org.openrma.claim.DeliveryStatus;
import org.openrma.claim.Fact;
import org.openrma.claim.Finding;
import org.openrma.claim.Inspection;
import org.openrma.claim.ItemCondition;
import org.openrma.claim.Reason;
import org.openrma.claim.Request;
import org.openrma.decision.Outcome;
import org.openrma.decision.Payer;

/**
 * policies/kst-servos.yaml written by hand: the floor a purpose-built engine is measured against.
 * 7-day return from the official store, unused or defective, 20% restocking fee for non-quality
 * returns, KST pays return shipping for a manufacturer's defect; cancellation before shipment.
 */
public final class KstServosByHand {

    private KstServosByHand() {}

    private static final Verdict NO_PROGRAM = new Verdict(Outcome.NEEDS_REVIEW, 0, 0, Payer.CUSTOMER);

    public static Verdict decide(Claim c) {
        return switch (c.request().kind()) {
            case RETURN -> giveBack(c);
            case CANCELLATION, AMENDMENT -> cancel(c);
            default -> NO_PROGRAM;
        };
    }

    static boolean quality(Reason r) {
        return r == Reason.DEFECTIVE || r == Reason.DEAD_ON_ARRIVAL || r == Reason.NOT_AS_DESCRIBED;
    }

    private static boolean notAddressed(Reason r) {
        return switch (r) {
            case WRONG_ITEM_SENT, DAMAGED_IN_TRANSIT, MISSING_ITEMS, NOT_RECEIVED, COUNTERFEIT, ADVERSE_REACTION -> true;
            default -> false;
        };
    }

    /** The return program's answer for every line alike: the window, the store, authorization and the reasons it leaves open. */
    static Outcome returnForTheWholeClaim(Claim c) {
        Request q = c.request();
        Instant delivered = c.order().deliveredAt();
        Outcome claimLevel = Outcome.APPROVED;
        if (delivered == null) {
            claimLevel = Outcome.NEEDS_REVIEW;
        } else if (!Lines.withinDays(delivered, q.submittedAt(), 7)) {
            claimLevel = Outcome.REJECTED;
        }
        if (c.order().channel() != Channel.OFFICIAL_STORE || q.facts().contains(Fact.RETURNED_WITHOUT_AUTHORIZATION)) {
            claimLevel = Outcome.REJECTED;
        }
        return notAddressed(q.reason()) ? worse(claimLevel, Outcome.NEEDS_REVIEW) : claimLevel;
    }

    private static Verdict giveBack(Claim c) {
        Request q = c.request();
        Reason reason = q.reason();
        Outcome claimLevel = returnForTheWholeClaim(c);
        boolean qualityReason = quality(reason);
        Outcome program = Outcome.REJECTED;
        long kept = 0;
        int n = Lines.count(c);
        for (int i = 0; i < n; i++) {
            Outcome line = claimLevel;
            ItemCondition condition = Lines.condition(c, i);
            if (!(condition == ItemCondition.UNOPENED || condition == ItemCondition.OPENED_UNUSED || qualityReason)) {
                line = Outcome.REJECTED;
            }
            if (Lines.claimPriority(line) < Lines.claimPriority(program)) {
                program = line;
            }
            if (line != Outcome.REJECTED) {
                kept += Lines.priceCents(c, i);
            }
        }
        if (program == Outcome.REJECTED) {
            return new Verdict(Outcome.REJECTED, 0, 0, Payer.CUSTOMER);
        }
        Inspection inspection = q.inspection();
        Finding finding = inspection == null ? null : inspection.finding();
        long fee = reason == Reason.CHANGED_MIND || reason == Reason.ORDERED_WRONG_ITEM || finding == Finding.NO_FAULT_FOUND
                ? Lines.twentyPercent(kept) : 0;
        Payer payer = qualityReason && finding != Finding.NO_FAULT_FOUND && finding != Finding.MISUSE ? Payer.MERCHANT : Payer.CUSTOMER;
        return new Verdict(program, fee > kept ? 0 : kept - fee, fee, payer);
    }

    private static Verdict cancel(Claim c) {
        if (c.order().deliveryStatus() != DeliveryStatus.NOT_SHIPPED) {
            return new Verdict(Outcome.REJECTED, 0, 0, Payer.CUSTOMER);
        }
        long refund = 0;
        if (c.request().kind() == org.openrma.claim.ClaimKind.CANCELLATION) {
            long claimed = 0;
            int n = Lines.count(c);
            for (int i = 0; i < n; i++) {
                claimed += Lines.priceCents(c, i);
            }
            refund = claimed + Lines.shippingShare(c.order().shipping().amount().getAmountMinorLong(), claimed, Lines.merchandiseCents(c));
        }
        // nothing ships back on a cancellation, and the text says nothing about it
        return new Verdict(Outcome.APPROVED, refund, 0, null);
    }
}

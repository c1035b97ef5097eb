package org.openrma.bench.handwritten;

import static org.openrma.bench.engines.Outcomes.worse;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.openrma.bench.engines.Verdict;
import org.openrma.claim.Channel;
import org.openrma.claim.Claim;
import org.openrma.claim.ClaimKind;
import org.openrma.claim.Evidence;
import org.openrma.claim.Fact;
import org.openrma.claim.Finding;
import org.openrma.claim.ItemCondition;
import org.openrma.claim.Reason;
import org.openrma.claim.Request;
import org.openrma.decision.Outcome;
import org.openrma.decision.Payer;

/**
 * policies/kospet/2025-01-01.yaml written by hand. Programs in preference order: 30-day unconditional
 * return (official store, unopened), 30-day free replacement for quality issues (official store),
 * 2-year free repair (store and dealers), WORRY FREE+; the first that does not reject decides.
 */
public final class Kospet2025ByHand {

    private Kospet2025ByHand() {}

    static final Set<Fact> PHYSICAL_DAMAGE = EnumSet.of(Fact.PHYSICAL_DAMAGE, Fact.WATER_DAMAGE, Fact.MISUSE, Fact.DISASSEMBLED,
            Fact.FIRMWARE_MODIFIED, Fact.PARTS_MODIFIED, Fact.NORMAL_WEAR, Fact.IMPROPER_STORAGE, Fact.CONTINUED_USE_AFTER_FAULT,
            Fact.WARRANTY_VOIDED);
    private static final Verdict NO_PROGRAM = new Verdict(Outcome.NEEDS_REVIEW, 0, 0, Payer.CUSTOMER);

    private static final int UNCONDITIONAL_RETURN = 0;
    private static final int FREE_REPLACEMENT = 1;
    private static final int FREE_REPAIR = 2;
    private static final int WORRY_FREE_PLUS = 3;

    public static Verdict decide(Claim c) {
        boolean qualityReason = quality(c.request().reason());
        int firstServing = -1;
        for (int program = UNCONDITIONAL_RETURN; program <= WORRY_FREE_PLUS; program++) {
            if (!serves(program, c, qualityReason)) {
                continue;
            }
            if (firstServing < 0) {
                firstServing = program;
            }
            Verdict v = evaluate(program, c, qualityReason);
            if (v != null) {
                return v;
            }
        }
        return firstServing < 0 ? NO_PROGRAM : new Verdict(Outcome.REJECTED, 0, 0, Payer.CUSTOMER);
    }

    /** A quality issue, as the free replacement and the free repair name it. */
    static boolean quality(Reason reason) {
        return reason == Reason.DEFECTIVE || reason == Reason.DEAD_ON_ARRIVAL || reason == Reason.DAMAGED_IN_TRANSIT
                || reason == Reason.NOT_AS_DESCRIBED;
    }

    /** Whether the program (by its place in the policy) serves the claim. */
    static boolean serves(int program, Claim c, boolean qualityReason) {
        Request q = c.request();
        ClaimKind kind = q.kind();
        return switch (program) {
            case UNCONDITIONAL_RETURN -> kind == ClaimKind.RETURN;
            case FREE_REPLACEMENT -> (kind == ClaimKind.WARRANTY || kind == ClaimKind.RETURN) && qualityReason;
            case FREE_REPAIR -> kind == ClaimKind.WARRANTY;
            default -> kind == ClaimKind.WARRANTY && "worry_free_plus".equals(q.protectionPlan())
                    && (q.reason() == Reason.ACCIDENTAL_DAMAGE || q.facts().contains(Fact.WATER_DAMAGE) || q.facts().contains(Fact.PHYSICAL_DAMAGE));
        };
    }

    /** The verdict if the program does not reject the claim, else null. */
    private static Verdict evaluate(int program, Claim c, boolean qualityReason) {
        Request q = c.request();
        Outcome claimLevel = Outcome.APPROVED;
        if (program != WORRY_FREE_PLUS) {
            Instant delivered = c.order().deliveredAt();
            if (delivered == null) {
                claimLevel = Outcome.NEEDS_REVIEW;
            } else if (!(program == FREE_REPAIR ? Lines.withinYears(delivered, q.submittedAt(), 2) : Lines.withinDays(delivered, q.submittedAt(), 30))) {
                return null;
            }
        }
        Channel channel = c.order().channel();
        switch (program) {
            case UNCONDITIONAL_RETURN -> {
                if (channel != Channel.OFFICIAL_STORE) {
                    return null;
                }
                long kept = 0;
                boolean any = false;
                int n = Lines.count(c);
                for (int i = 0; i < n; i++) {
                    if (Lines.condition(c, i) == ItemCondition.UNOPENED) {
                        kept += Lines.priceCents(c, i);
                        any = true;
                    }
                }
                return any ? new Verdict(claimLevel, kept, 0, Payer.CUSTOMER) : null;
            }
            case FREE_REPLACEMENT, FREE_REPAIR -> {
                if (program == FREE_REPLACEMENT ? channel != Channel.OFFICIAL_STORE
                        : channel != Channel.OFFICIAL_STORE && channel != Channel.AUTHORIZED_DEALER) {
                    return null;
                }
                if (program == FREE_REPAIR && (q.facts().contains(Fact.NOT_ORIGINAL_PURCHASER) || !qualityReason)) {
                    return null;
                }
                Finding finding = q.inspection() == null ? null : q.inspection().finding();
                if (finding == Finding.MISUSE || finding == Finding.NO_FAULT_FOUND || q.facts().contains(Fact.NO_ANTI_COUNTERFEIT_MARK)) {
                    return null;
                }
                for (Fact f : q.facts()) {
                    if (PHYSICAL_DAMAGE.contains(f)) {
                        return null;
                    }
                }
                if (!q.evidence().contains(Evidence.PHOTO) && !q.evidence().contains(Evidence.VIDEO)) {
                    claimLevel = worse(claimLevel, Outcome.NEEDS_EVIDENCE);
                }
                return new Verdict(claimLevel, 0, 0, Payer.MERCHANT);
            }
            default -> {
                // WORRY FREE+: the plan's terms do not say who pays to send the watch in (S3-26)
                return new Verdict(Outcome.APPROVED, 0, 0, Payer.UNDETERMINED);
            }
        }
    }
}

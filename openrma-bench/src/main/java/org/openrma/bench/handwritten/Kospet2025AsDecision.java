package org.openrma.bench.handwritten;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.money.Money;
import org.openrma.bench.engines.Outcomes;
import org.openrma.claim.Channel;
import org.openrma.claim.Claim;
import org.openrma.claim.ClaimedLine;
import org.openrma.claim.Evidence;
import org.openrma.claim.Fact;
import org.openrma.claim.Finding;
import org.openrma.claim.ItemCondition;
import org.openrma.claim.Request;
import org.openrma.decision.Chooser;
import org.openrma.decision.Decision;
import org.openrma.decision.Outcome;
import org.openrma.decision.Payer;
import org.openrma.decision.PolicyVersionRef;
import org.openrma.decision.ProgramVerdict;
import org.openrma.decision.Resolution;
import org.openrma.policy.CompiledPolicy;

/**
 * policies/kospet/2025-01-01.yaml written by hand, as {@link Kospet2025ByHand}, but answering with the {@link Decision}
 * OpenRMA's outcome-only decision returns ({@code AsDecisionTests} holds the two alike on the claim mix): every
 * program that serves is answered, since the decision lists each program's verdict, and the first that does not reject
 * decides. What OpenRMA works out only when read is asked of it when read ({@link AskedOfOpenRma}).
 */
public final class Kospet2025AsDecision {

    private static final String[] IDS = {"unconditional-return", "free-replacement", "free-repair", "worry-free-plus"};
    private static final String[] TITLES = {"30-day unconditional return (official store)",
        "30-day free replacement for quality issues (official store)",
        "2-year free repair for quality issues (store and authorized dealers)", "KOSPET WORRY FREE+ (protection plan)"};
    private static final int UNCONDITIONAL_RETURN = 0;
    private static final int FREE_REPLACEMENT = 1;
    private static final int FREE_REPAIR = 2;
    private static final int WORRY_FREE_PLUS = 3;
    private static final int PROGRAMS = 4;

    private static final List<String> DEFECT_MEDIA = List.of("photo", "video");
    private static final Set<Resolution> PAID_SERVICE = Set.of(Resolution.PAID_REPAIR, Resolution.SPARE_PARTS);
    private static final List<Set<Resolution>> OFFERED = List.of(Set.of(Resolution.REFUND), Set.of(Resolution.REPLACEMENT),
            Set.of(Resolution.REPAIR), Set.of(Resolution.REPLACEMENT));
    private static final String NO_PROGRAM_SUMMARY = "Needs review: The warranty terms do not address this request; the Customer Center decides.";

    /** The programs' verdicts without words, by each program's outcome (none: it serves no line), as base-5 digits. */
    private static final List<List<ProgramVerdict>> VERDICTS;

    static {
        List<List<ProgramVerdict>> all = new ArrayList<>();
        for (int combination = 0; combination < 5 * 5 * 5 * 5; combination++) {
            ProgramVerdict[] each = new ProgramVerdict[PROGRAMS];
            for (int p = 0, digits = combination; p < PROGRAMS; p++, digits /= 5) {
                each[p] = new ProgramVerdict(IDS[p], TITLES[p], digits % 5 == 0 ? null : Outcome.values()[digits % 5 - 1], null);
            }
            all.add(List.of(each));
        }
        VERDICTS = List.copyOf(all);
    }

    private final CompiledPolicy openRma;
    private final PolicyVersionRef version;

    public Kospet2025AsDecision(CompiledPolicy openRma) {
        this.openRma = openRma;
        this.version = openRma.ref();
    }

    public Decision decide(Claim c) {
        Request q = c.request();
        boolean quality = Kospet2025ByHand.quality(q.reason());
        boolean noMedia = !q.evidence().contains(Evidence.PHOTO) && !q.evidence().contains(Evidence.VIDEO);
        Money zero = Lines.zeroIn(c.order().currency());
        AskedOfOpenRma later = new AskedOfOpenRma(openRma, c);
        int combination = 0;
        int chosen = -1;
        Outcome decided = null;
        long refund = 0;
        int offersStill = 0;
        // walked from the last program to the first: each program's outcome is then the base-5 digit of its place, and the
        // first that serves (or, if any, the first that does not reject) is the one kept
        for (int p = PROGRAMS - 1; p >= 0; p--) {
            boolean serves = Kospet2025ByHand.serves(p, c, quality);
            combination *= 5;
            if (!serves) {
                continue;
            }
            Outcome outcome;
            long kept = 0;
            int offers = 0;
            if (p == UNCONDITIONAL_RETURN) {
                Outcome claimLevel = Outcomes.worse(window(c, p), c.order().channel() == Channel.OFFICIAL_STORE ? Outcome.APPROVED : Outcome.REJECTED);
                outcome = null;
                List<ClaimedLine> lines = c.claimedLines();
                for (int i = 0; i < lines.size(); i++) {
                    ClaimedLine l = lines.get(i);
                    Outcome line = l.requested().condition() == ItemCondition.UNOPENED ? claimLevel : Outcome.REJECTED;
                    outcome = outcome == null || Lines.claimPriority(line) < Lines.claimPriority(outcome) ? line : outcome;
                    if (line != Outcome.REJECTED) {
                        kept += l.line().unitPrice().getAmountMinorLong() * l.requested().quantity();
                    }
                }
            } else if (p == WORRY_FREE_PLUS) {
                outcome = Outcome.APPROVED;
            } else {
                Channel channel = c.order().channel();
                Finding finding = q.inspection() == null ? null : q.inspection().finding();
                boolean damaged = false;
                for (Fact f : q.facts()) {
                    damaged |= Kospet2025ByHand.PHYSICAL_DAMAGE.contains(f);
                }
                boolean rejected = p == FREE_REPLACEMENT ? channel != Channel.OFFICIAL_STORE
                        : channel != Channel.OFFICIAL_STORE && channel != Channel.AUTHORIZED_DEALER;
                if (p == FREE_REPAIR) {
                    rejected |= q.facts().contains(Fact.NOT_ORIGINAL_PURCHASER) || !quality;
                    offers = quality ? 0 : 1;
                }
                if (damaged || finding == Finding.MISUSE) {
                    offers = 1;
                }
                rejected |= damaged || finding == Finding.MISUSE || q.facts().contains(Fact.NO_ANTI_COUNTERFEIT_MARK) || finding == Finding.NO_FAULT_FOUND;
                outcome = Outcomes.worse(window(c, p), rejected ? Outcome.REJECTED : noMedia ? Outcome.NEEDS_EVIDENCE : Outcome.APPROVED);
            }
            combination += 1 + outcome.ordinal();
            if (outcome == Outcome.REJECTED) {
                offersStill |= offers;
            }
            if (chosen < 0 || decided == Outcome.REJECTED || outcome != Outcome.REJECTED) {
                chosen = p;
                decided = outcome;
                refund = kept;
            }
        }
        if (chosen < 0) {
            return Decision.withoutProgram(Outcome.NEEDS_REVIEW, zero, version, VERDICTS.get(0), later.lines(), List.of(), NO_PROGRAM_SUMMARY,
                    List.of());
        }
        Chooser chooser = chosen == UNCONDITIONAL_RETURN ? Chooser.CUSTOMER : Chooser.MERCHANT;
        List<ProgramVerdict> verdicts = VERDICTS.get(combination);
        if (decided == Outcome.REJECTED) {
            return new Decision(decided, IDS[chosen], offersStill != 0 ? PAID_SERVICE : Set.of(), chooser, false, zero, Map.of(), Payer.CUSTOMER,
                    zero, null, List.of(), later.deadlines(), version, verdicts, later.lines(), List.of(), "", List.of(), List.of());
        }
        Payer returnPaidBy = switch (chosen) {
            case UNCONDITIONAL_RETURN -> Payer.CUSTOMER;
            case WORRY_FREE_PLUS -> Payer.UNDETERMINED;
            default -> Payer.MERCHANT;
        };
        Payer outboundPaidBy = chosen == UNCONDITIONAL_RETURN ? null : chosen == WORRY_FREE_PLUS ? Payer.UNDETERMINED : Payer.MERCHANT;
        return new Decision(decided, IDS[chosen], OFFERED.get(chosen), chooser, false, refund == 0 ? zero : Money.ofMinor(zero.getCurrencyUnit(), refund),
                Map.of(), returnPaidBy, zero, outboundPaidBy, decided == Outcome.NEEDS_EVIDENCE ? DEFECT_MEDIA : List.of(),
                later.deadlines(), version, verdicts, later.lines(), List.of(), "", later.remedies(1), List.of());
    }

    /** The window's answer for the claim: open, missed (rejected), or not countable without a delivery date (review). */
    private static Outcome window(Claim c, int program) {
        if (program == WORRY_FREE_PLUS) {
            return Outcome.APPROVED;
        }
        Instant delivered = c.order().deliveredAt();
        if (delivered == null) {
            return Outcome.NEEDS_REVIEW;
        }
        Instant submitted = c.request().submittedAt();
        boolean open = program == FREE_REPAIR ? Lines.withinYears(delivered, submitted, 2) : Lines.withinDays(delivered, submitted, 30);
        return open ? Outcome.APPROVED : Outcome.REJECTED;
    }
}

package org.openrma.policy.eval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.joda.money.Money;
import org.openrma.claim.Claim;
import org.openrma.claim.ClaimedLine;
import org.openrma.decision.Citation;
import org.openrma.decision.Decision;
import org.openrma.decision.Detail;
import org.openrma.decision.ExplanationStep;
import org.openrma.decision.LineResult;
import org.openrma.decision.MappedOnRead;
import org.openrma.decision.Outcome;
import org.openrma.decision.PolicyVersionRef;
import org.openrma.decision.ProgramVerdict;
import org.openrma.decision.RenderedOnRead;
import org.openrma.decision.Resolution;
import org.openrma.policy.model.PolicyModel;
import org.openrma.policy.model.Program;

/**
 * Decides a claim under one compiled policy version. A pure function of (policy, claim, now): it
 * reads no clock and keeps no state between calls.
 *
 * <p>Every program is evaluated for every claimed line and every rule's result is kept, so the
 * explanation is complete. Within a program a line's answer is its most severe rule result
 * (rejected, then needs_evidence, needs_review, approved); the program's answer for the claim is
 * the most actionable line answer (needs_evidence, needs_review, approved, rejected). The policy's
 * selection then picks the program that decides.
 *
 * <p>The decision is made in six stages, each its own class: {@link Programs} (1), {@link Selection} (2),
 * {@link Offers} (3), {@link Refunds} (4), {@link Shipping} (5) and {@link Dates} (6). They report what
 * they do to a {@link Trace}: {@link Explanation} writes the explanation, {@link Trace#NONE} keeps nothing.
 */
public final class Evaluator {

    private Evaluator() {}

    public static Decision decide(PolicyModel policy, PolicyVersionRef version, Claim claim, Instant now) {
        return decide(policy, version, claim, now, Detail.FULL);
    }

    public static Decision decide(PolicyModel policy, PolicyVersionRef version, Claim claim, Instant now, Detail detail) {
        Trace trace = detail == Detail.FULL ? new Explanation(claim.order().currency()) : Trace.NONE;
        return decide(Run.of(policy, claim, now, trace), version);
    }

    /**
     * The same decision, with the explanation, the summary, each program's verdict and each line's reasons written (by
     * {@link Explanation}, word for word as {@link #decide}) the first time one of them is read. The engine decides without
     * words, then keeps what it needs to decide again: a decision is a pure function of (policy, claim, now), so the second
     * run, with the explanation written as it decides, reaches the same outcome, money, parties and dates, and its words are
     * the ones the first would have written. A caller that never reads them (a replay, what-if) pays for the outcome alone;
     * one that reads them pays for the outcome once more.
     */
    public static Decision decideExplainedOnRead(PolicyModel policy, PolicyVersionRef version, Claim claim, Instant now, Detail detail) {
        return decideExplainedOnRead(null, policy, version, claim, now, detail);
    }

    /** {@link #decideExplainedOnRead} with what the policy's decisions share worked out once ({@link Plan#of} of the same policy). */
    public static Decision decideExplainedOnRead(Plan plan, PolicyModel policy, PolicyVersionRef version, Claim claim, Instant now, Detail detail) {
        Run run = Run.of(plan, policy, claim, now, Trace.NONE);
        return decide(run, version, detail == Detail.FULL ? new DecidedAgain(plan, policy, version, claim, now) : null);
    }

    /**
     * The decision made again with its words, once, by whichever of its words is read first; and those words, each a view of
     * it that the decision made without words keeps.
     */
    private static final class DecidedAgain implements Supplier<Decision> {
        private final Plan plan;
        private final PolicyModel policy;
        private final PolicyVersionRef version;
        private final Claim claim;
        private final Instant now;
        private Decision decided;

        DecidedAgain(Plan plan, PolicyModel policy, PolicyVersionRef version, Claim claim, Instant now) {
            this.plan = plan;
            this.policy = policy;
            this.version = version;
            this.claim = claim;
            this.now = now;
        }

        @Override
        public synchronized Decision get() {
            if (decided == null) {
                decided = decide(Run.of(plan, policy, claim, now, new Explanation(claim.order().currency())), version);
            }
            return decided;
        }

        List<ProgramVerdict> programs() {
            return RenderedOnRead.partOf(this, Decision::programs);
        }

        List<LineResult> lines() {
            return RenderedOnRead.partOf(this, Decision::lines);
        }

        /** The explanation, with the summary (which the decision then reads from it). */
        List<ExplanationStep> explanation() {
            return RenderedOnRead.partOf(this, Decision::explanation, Decision::summary);
        }

        List<Citation> decisive() {
            return RenderedOnRead.partOf(this, Decision::decisiveCitations);
        }
    }

    private static Decision decide(Run run, PolicyVersionRef version) {
        return decide(run, version, null);
    }

    /**
     * {@code version}: the version the decision names (the run does not keep it: the decision is the only stage that reads it);
     * {@code words}: where the decision, made without them, finds its words when they are read (null: in the run's trace).
     */
    private static Decision decide(Run run, PolicyVersionRef version, DecidedAgain words) {
        Programs.runAll(run);                                               // 1 serve, windows, checks, evidence, per line
        // each program's verdict, unless the decision's words (made when read) carry them
        List<ProgramVerdict> verdicts = words != null ? words.programs() : Selection.verdicts(run);
        ProgramRun decides = Selection.choose(run);                        // 2 the policy's selection
        if (decides == null) {
            return noProgramServes(run, version, verdicts, words);
        }
        Program program = decides.program;
        List<LineVerdict> kept = decides.kept();
        Offers.Offered offers = Offers.offer(run, decides, kept);                                       // 3
        Money net = Refunds.net(run, program, decides.outcome, offers, kept);                                // 4
        Money refund = Refunds.refunded(offers, net, run.zero());
        Shipping.Legs shipping = Shipping.legs(run, program, decides.outcome, offers, kept);                 // 5
        Outcome outcome = decides.outcome;
        if (run.anyUndecided() && outcome == Outcome.APPROVED) {
            // an amount or a party that cannot be worked out never goes out as an approval
            outcome = Outcome.NEEDS_REVIEW;
        }
        List<String> missing = List.of();
        if (outcome == Outcome.NEEDS_EVIDENCE) {
            // every line's kinds, each once, in order (each line's list has no repeats: one line's is the answer as it is)
            List<String> all = decides.lines().size() == 1 ? decides.lines().getFirst().missing : new ArrayList<>();
            if (decides.lines().size() > 1) {
                for (int i = 0; i < decides.lines().size(); i++) {
                    LineVerdict.addNew(all, decides.lines().get(i).missing);
                }
            }
            missing = List.copyOf(all);
        }
        Map<String, LocalDate> deadlines = Dates.dates(run, decides, outcome, kept);                                   // 6
        var remedies = Offers.remedies(run, program.id(), outcome, offers.offers(), net);

        Trace trace = run.trace();
        // made without words (words != null): every word is a view of the decision made again; the summary comes with the explanation
        List<LineResult> lines = words != null ? words.lines() : lineResults(decides);
        String summary = words != null ? null : trace.summary(outcome, program, offers.resolutions(), refund, run.deductions(),
                shipping.returnPaidBy(), missing, decides);
        // without words the remedies are a set made once for all decisions (Offers), immutable already
        Set<Resolution> resolutions = run.recording() ? immutable(offers.resolutions()) : offers.resolutions();
        return new Decision(outcome, program.id(), resolutions, program.resolutions().chosenBy(), offers.needsConsent(), refund,
                run.deductions(), shipping.returnPaidBy(), shipping.reimbursed(), shipping.outboundPaidBy(), missing, deadlines, version,
                verdicts, lines, words != null ? words.explanation() : trace.steps(), summary,
                remedies, words != null ? words.decisive() : trace.decisive(outcome, program.id()));
    }

    /**
     * The lines' results as a view of their verdicts, each made when read: nothing changes a verdict once the decision is
     * made, and a caller of a decision without words (a replay) seldom reads them.
     */
    private static List<LineResult> lineResults(ProgramRun decides) {
        return MappedOnRead.of(decides.lines(), Evaluator::result);
    }

    private static LineResult result(LineVerdict l) {
        return new LineResult(l.line.line().sku(), l.line.requested().quantity(), l.outcome(), l.line.price(), l.reasons());
    }

    /**
     * The set as the Decision keeps it (an immutable set, which it does not copy again), without {@code Set.copyOf}'s
     * intermediate HashSet.
     */
    @SuppressWarnings("unchecked")
    private static <E> Set<E> immutable(Set<E> set) {
        return switch (set.size()) {
            case 0 -> Set.of();
            case 1 -> Set.of(set.iterator().next());
            // no duplicates in a set, so Set.of takes them all (its iteration order is unspecified, as Set.copyOf's)
            default -> (Set<E>) Set.of(set.toArray());
        };
    }

    /**
     * The array as the immutable list the Decision keeps as it is: List.of(a) or List.of(a, b) for the usual one or two
     * elements (no array kept), List.of(array) for more.
     */
    static <E> List<E> immutableList(E[] elements) {
        return switch (elements.length) {
            case 0 -> List.of();
            case 1 -> List.of(elements[0]);
            case 2 -> List.of(elements[0], elements[1]);
            default -> List.of(elements);
        };
    }

    /** "Needs review: " and the like, written once per outcome rather than per claim no program serves. */
    private static final java.util.Map<Outcome, String> SUMMARY_OPENING = new java.util.EnumMap<>(Outcome.class);

    static {
        for (Outcome o : Outcome.values()) {
            SUMMARY_OPENING.put(o, Explanation.capitalize(o.wire().replace('_', ' ')) + ": ");
        }
    }

    /** What a claim no program of the policy serves is told: the policy's words, or the engine's. */
    private static String noProgramSays(PolicyModel.Fallback f) {
        return f.says() != null ? f.says() : "No program of this policy covers this claim.";
    }

    /** The summary of a decision no program made: the same for every such claim of a policy (a plan keeps it). */
    static String noProgramSummary(PolicyModel policy) {
        PolicyModel.Fallback f = policy.whenNoProgramServes();
        return SUMMARY_OPENING.get(f.outcome()) + noProgramSays(f);
    }

    /** What a claimed line no program serves is told: the same for every such line of a policy (a plan keeps it). */
    static Function<ClaimedLine, LineResult> noProgramLine(PolicyModel policy) {
        return noProgramLine(policy.whenNoProgramServes(), noProgramSays(policy.whenNoProgramServes()));
    }

    private static Function<ClaimedLine, LineResult> noProgramLine(PolicyModel.Fallback f, String says) {
        List<String> reasons = List.of(says);
        Outcome outcome = f.outcome();
        return l -> new LineResult(l.line().sku(), l.requested().quantity(), outcome, l.price(), reasons);
    }

    private static Decision noProgramServes(Run run, PolicyVersionRef version, List<ProgramVerdict> verdicts, DecidedAgain words) {
        PolicyModel.Fallback f = run.policy().whenNoProgramServes();
        String says = noProgramSays(f);
        var request = run.claim().request();
        Trace trace = run.trace();
        trace.noProgramServes(f, request.kind().wire(), request.reason().wire(), says);
        // each line's result is the fallback's, a view of the claim's lines (immutable) made when read
        List<LineResult> lines = MappedOnRead.of(run.claimed(), run.plan() != null ? run.plan().noProgramLine() : noProgramLine(f, says));
        String summary = run.plan() != null ? run.plan().noProgramSummary() : noProgramSummary(run.policy());
        return Decision.withoutProgram(f.outcome(), run.zero(), version, verdicts, lines,
                words != null ? words.explanation() : trace.steps(), summary, words != null ? words.decisive() : trace.decisive(f.outcome(), null));
    }
}

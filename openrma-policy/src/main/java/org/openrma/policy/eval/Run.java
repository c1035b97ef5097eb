package org.openrma.policy.eval;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openrma.claim.Claim;
import org.openrma.claim.ClaimedLine;
import org.openrma.decision.DeductionKind;
import org.openrma.policy.model.Condition;
import org.openrma.policy.model.PolicyModel;
import org.openrma.policy.model.Subject;

/**
 * What every stage of one decision reads: the policy, the claim, the instant, and the trace that records the explanation;
 * what the stages hand on to the later ones (each program's run, what the refund deducts); and whether an amount or a party
 * could not be worked out, which the stages report as they find it (a decision with one never goes out as an approval).
 * A class rather than a record for those facts that the stages set; kept in one object rather than a record per stage,
 * which would be one more object per decision each.
 */
final class Run {

    private final PolicyModel policy;
    private final Claim claim;
    // the claim as a whole (no line), made when a rule about the whole claim asks (most decisions read only their lines), or
    // at once for a claim of no line: the instant of evaluation is then read from it rather than kept a second time
    private Subject subject;
    // one subject per claimed line for the whole decision, every stage evaluates its rules against these: the first in a
    // field, the others in an array only for a claim of several lines (most claim one)
    private final Subject firstLineSubject;
    private final Subject[] moreLineSubjects;
    private final Trace trace;
    private final Plan plan;
    // every program's run (stage 1), kept without an array for the usual claim, which one program serves: the others' runs
    // are then the plan's, the same for every claim; an array of them all only when a second program serves (or no plan)
    private ProgramRun servingRun;
    private ProgramRun[] runs;
    // what stage 4 deducts from the refund, by kind (none, the usual case, until it says)
    private Map<DeductionKind, Money> deductions = Map.of();
    // bit 0: whether an amount or a party could not be worked out; above it, the index of servingRun plus one (0: none). One
    // int for both: a boolean and an int would take Run past 56 bytes
    private int state;

    private Run(PolicyModel policy, Claim claim, Subject subject, Subject firstLineSubject, Subject[] moreLineSubjects,
            Trace trace, Plan plan) {
        this.policy = policy;
        this.claim = claim;
        this.subject = subject;
        this.firstLineSubject = firstLineSubject;
        this.moreLineSubjects = moreLineSubjects;
        this.trace = trace;
        this.plan = plan;
    }

    static Run of(PolicyModel policy, Claim claim, Instant now, Trace trace) {
        return of(null, policy, claim, now, trace);
    }

    /** {@code plan}: what the policy's decisions share, or null (the reference evaluator works everything out per claim). */
    static Run of(Plan plan, PolicyModel policy, Claim claim, Instant now, Trace trace) {
        List<ClaimedLine> claimed = claim.claimedLines();
        Subject first = claimed.isEmpty() ? null : new Subject(claim, claimed.getFirst(), policy.calendar(), now);
        Subject[] more = claimed.size() <= 1 ? null : new Subject[claimed.size() - 1];
        for (int i = 1; i < claimed.size(); i++) {
            more[i - 1] = new Subject(claim, claimed.get(i), policy.calendar(), now);
        }
        Subject whole = first == null ? new Subject(claim, null, policy.calendar(), now) : null;
        return new Run(policy, claim, whole, first, more, trace, plan);
    }

    PolicyModel policy() {
        return policy;
    }

    Claim claim() {
        return claim;
    }

    /** The subject of the claim as a whole (no line). */
    Subject subject() {
        if (subject == null) {
            subject = firstLineSubject.forLine(null);
        }
        return subject;
    }

    /** The order's currency. */
    CurrencyUnit currency() {
        return claim.order().currency();
    }

    /** The claim's lines, which the claim keeps once paired. */
    List<ClaimedLine> claimed() {
        return claim.claimedLines();
    }

    Trace trace() {
        return trace;
    }

    /** Zero in the order's currency (looked up rather than kept: a field fewer per decision). */
    Money zero() {
        return zeroIn(claim.order().currency());
    }

    /** What the policy's decisions share, or null. */
    Plan plan() {
        return plan;
    }

    /** An amount or a party of this decision could not be worked out (the reason is in the trace). */
    void markUndecided() {
        state |= 1;
    }

    /** Whether {@link #markUndecided} was called. */
    boolean anyUndecided() {
        return (state & 1) != 0;
    }

    /** Keeps what stage 4 deducts from the refund, by kind: what {@link #deductions} then gives. */
    void deducted(Map<DeductionKind, Money> deductions) {
        this.deductions = deductions;
    }

    /** What the refund has deducted, by kind (an immutable map or, for several kinds, one in the kinds' order). */
    Map<DeductionKind, Money> deductions() {
        return deductions;
    }

    /** How many programs the policy has, each with its run once {@link Programs#runAll} is done. */
    int programCount() {
        return policy.programs().size();
    }

    /** Keeps the run of the program at {@code index}: stage 1 gives each program's, in the policy's order, once. */
    void ran(int index, ProgramRun run) {
        if (runs == null && plan != null) {
            if (run == plan.notServingRun(index)) {
                return;                                                     // the plan's: read from it again
            }
            if (servingRun == null) {
                servingRun = run;
                state = (state & 1) | (index + 1) << 1;
                return;
            }
        }
        if (runs == null) {
            ProgramRun[] all = new ProgramRun[programCount()];
            for (int i = 0; i < index; i++) {
                all[i] = programRun(i);
            }
            runs = all;
        }
        runs[index] = run;
    }

    /** The run of the program at {@code index} in the policy's order (after {@link Programs#runAll}). */
    ProgramRun programRun(int index) {
        if (runs != null) {
            return runs[index];
        }
        return index == (state >>> 1) - 1 ? servingRun : plan.notServingRun(index);
    }

    /**
     * The index of the first program at or after {@code from} that serves the claim, or -1: the stages after the first walk
     * the serving programs alone, most often one, found without a look at the others.
     */
    int nextServing(int from) {
        if (runs == null) {
            int at = (state >>> 1) - 1;
            return at >= from && servingRun.served() ? at : -1;
        }
        for (int i = from; i < runs.length; i++) {
            if (runs[i].served()) {
                return i;
            }
        }
        return -1;
    }

    /** Where the program of {@code run} is in the policy's order. */
    int indexOf(ProgramRun run) {
        for (int i = 0, n = programCount(); i < n; i++) {
            if (programRun(i) == run) {
                return i;
            }
        }
        throw new IllegalArgumentException("not one of this decision's runs: " + run.program.id());
    }

    /** Zero in each currency seen, made once: Money is immutable (at most one entry per ISO currency). */
    private static final java.util.concurrent.ConcurrentHashMap<CurrencyUnit, Money> ZEROES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The last zero handed out: claims come in one currency far more often than not, and CurrencyUnit instances are unique. */
    private static volatile Money lastZero;

    private static Money zeroIn(CurrencyUnit currency) {
        Money zero = lastZero;
        if (zero != null && zero.getCurrencyUnit() == currency) {
            return zero;
        }
        zero = ZEROES.computeIfAbsent(currency, Money::zero);
        lastZero = zero;
        return zero;
    }

    /** The subject of the claimed line at {@code index} in {@link #claimed}. */
    Subject lineSubject(int index) {
        return index == 0 ? firstLineSubject : moreLineSubjects[index - 1];
    }

    /** The subject of a claimed line (one of {@link #claimed}). */
    Subject subjectOf(ClaimedLine line) {
        List<ClaimedLine> claimed = claim.claimedLines();
        for (int i = 0; i < claimed.size(); i++) {
            if (claimed.get(i) == line) {
                return lineSubject(i);
            }
        }
        return subject().forLine(line);
    }

    /** Whether the decision records an explanation (the stages may then keep things in the order the words need). */
    boolean recording() {
        return trace != Trace.NONE;
    }

    /** An amount the policy states, in the order's currency, with the policy's rounding. */
    Money money(BigDecimal amount) {
        return policy.rounding().round(BigMoney.of(currency(), amount));
    }

    /** A fresh map for the values a rule reads, or one that keeps nothing when no explanation is recorded. */
    Map<String, String> reads() {
        return trace.reads();
    }

    /** A condition holds for the claim as a whole. */
    boolean holdsForClaim(Condition c, Map<String, String> read) {
        // one that reads no line gives the same answer on any subject, so a line's, made already, serves
        return c.test(c.readsLine() || firstLineSubject == null ? subject() : firstLineSubject, read);
    }

    /** A condition holds for the claim, or (when it reads the line) for any of the lines kept. */
    boolean anyLine(Condition c, List<LineVerdict> kept, Map<String, String> read) {
        if (!c.readsLine() || kept.isEmpty()) {
            return holdsForClaim(c, read);
        }
        for (int i = 0; i < kept.size(); i++) {
            if (c.test(subjectOf(kept.get(i).line), read)) {
                return true;
            }
        }
        return false;
    }
}

package org.openrma.policy.eval;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.joda.money.Money;
import org.openrma.claim.ClaimKind;
import org.openrma.claim.ClaimedLine;
import org.openrma.claim.Request;
import org.openrma.decision.LineResult;
import org.openrma.decision.Outcome;
import org.openrma.decision.ProgramVerdict;
import org.openrma.decision.Remedy;
import org.openrma.money.Rounding;
import org.openrma.policy.model.PolicyModel;
import org.openrma.policy.model.Program;
import org.openrma.policy.model.Rules;

/**
 * What one policy version's decisions share, worked out once when it is compiled rather than per claim: each
 * program's run and verdict when it serves none of a claim's lines (the verdict as a claim decided without an explanation
 * and as one decided with it gives it), the same for every such claim; what each evidence rule says for every combination
 * of its kinds missing; the summary and line results of a claim no program serves; a serving program's verdict without words, by outcome;
 * what an approved claim without words is offered for each combination of a program's offers; how an offer is valued;
 * which kinds of claim each program's {@code serves} names; the remedies each check offers, as bits.
 * The reference evaluator ({@link Evaluator#decide}) does without it and makes every verdict afresh.
 */
public final class Plan {

    private final ProgramVerdict[] notServing;
    private final ProgramVerdict[] notServingSaid;
    private final ProgramRun[] notServingRuns;

    // what each program's rules answer that no claim changes, by program index and then rule index (or claim kind ordinal)
    /** By program index and evidence rule index: the rule's answers ({@link MissingEvidence.Planned}). */
    private final MissingEvidence.Planned[][] missingEvidence;
    /** By program index and claim kind ordinal: whether the program's {@code serves} names the kind ({@link Selection#namesKind}). */
    private final boolean[][] namesKind;
    /** By program index: the kinds of claim its {@code serves} can hold for, as bits ({@link Selection#kindsServed}). */
    private final long[] kindsServed;
    /** By program index and check index: the remedies the check offers when it fires, as bits ({@link LineVerdict#offerBits}). */
    private final int[][] checkOffers;
    /** By program index: its checks and evidence rules as bits of its line rules' answers, or null ({@link RuleBits#of}). */
    private final RuleBits[] ruleBits;

    private final String noProgramSummary;
    /** What a claimed line no program serves is told ({@link Evaluator#noProgramLine}). */
    private final Function<ClaimedLine, LineResult> noProgramLine;
    /** By program index, by which of its offers hold for an approved claim: {@link Offers#everyOffer}. */
    private final Offers.Offered[][] offered;
    /** By program index and outcome ordinal: the verdict of a program that serves, decided without an explanation. */
    private final ProgramVerdict[][] servingUnsaid;
    /** An offer's remedy on a claim's net value with this policy's rounding ({@link Offers#remedy}): one function for every view. */
    private final BiFunction<Rules.Offer, Money, Remedy> remedyValuer;

    private Plan(ProgramVerdict[] notServing, ProgramVerdict[] notServingSaid, ProgramRun[] notServingRuns, ProgramVerdict[][] servingUnsaid,
            String noProgramSummary, Function<ClaimedLine, LineResult> noProgramLine,
            Offers.Offered[][] offered, PolicyModel policy) {
        this.notServing = notServing;
        this.notServingSaid = notServingSaid;
        this.notServingRuns = notServingRuns;
        this.servingUnsaid = servingUnsaid;
        this.noProgramSummary = noProgramSummary;
        this.noProgramLine = noProgramLine;
        this.offered = offered;
        List<Program> programs = policy.programs();
        this.missingEvidence = new MissingEvidence.Planned[programs.size()][];
        this.namesKind = new boolean[programs.size()][ClaimKind.values().length];
        this.checkOffers = new int[programs.size()][];
        this.ruleBits = new RuleBits[programs.size()];
        this.kindsServed = new long[programs.size()];
        for (int p = 0; p < programs.size(); p++) {
            Program program = programs.get(p);
            missingEvidence[p] = new MissingEvidence.Planned[program.evidence().size()];
            for (int r = 0; r < missingEvidence[p].length; r++) {
                missingEvidence[p][r] = MissingEvidence.Planned.of(program.evidence().get(r));
            }
            for (ClaimKind kind : ClaimKind.values()) {
                namesKind[p][kind.ordinal()] = Selection.namesKind(program.serves(), kind.wire());
            }
            checkOffers[p] = new int[program.checks().size()];
            for (int c = 0; c < checkOffers[p].length; c++) {
                checkOffers[p][c] = LineVerdict.offerBits(program.checks().get(c).offers());
            }
            ruleBits[p] = RuleBits.of(program, checkOffers[p]);
            kindsServed[p] = Selection.kindsServed(program.serves());
        }
        Rounding rounding = policy.rounding();
        this.remedyValuer = (offer, net) -> Offers.remedy(offer, net, rounding);
    }

    public static Plan of(PolicyModel policy) {
        List<Program> programs = policy.programs();
        ProgramVerdict[] notServing = new ProgramVerdict[programs.size()];
        ProgramVerdict[] notServingSaid = new ProgramVerdict[programs.size()];
        ProgramRun[] notServingRuns = new ProgramRun[programs.size()];
        ProgramVerdict[][] servingUnsaid = new ProgramVerdict[programs.size()][Outcome.values().length];
        for (int i = 0; i < notServing.length; i++) {
            notServingRuns[i] = new ProgramRun(programs.get(i));                // no outcome, no lines: never changed once made
            // as Selection writes it for a run without an outcome, under a trace that keeps no words (Trace.NONE says null)
            notServing[i] = new ProgramVerdict(programs.get(i).id(), programs.get(i).title(), null, null);
            // the same under a trace that keeps the words: what the explanation says of a program that serves no line
            notServingSaid[i] = new ProgramVerdict(programs.get(i).id(), programs.get(i).title(), null, Explanation.says(notServingRuns[i]));
            for (Outcome o : Outcome.values()) {
                // as Selection writes a serving program's verdict under a trace that keeps no words
                servingUnsaid[i][o.ordinal()] = new ProgramVerdict(programs.get(i).id(), programs.get(i).title(), o, null);
            }
        }
        Offers.Offered[][] offered = new Offers.Offered[programs.size()][];
        for (int i = 0; i < offered.length; i++) {
            offered[i] = Offers.everyOffer(programs.get(i));
        }
        return new Plan(notServing, notServingSaid, notServingRuns, servingUnsaid, Evaluator.noProgramSummary(policy),
                Evaluator.noProgramLine(policy), offered, policy);
    }

    /**
     * What the evidence rule at {@code rule} of the program at {@code program} still needs from a claim of these words, or
     * null: as {@link MissingEvidence#find}.
     */
    MissingEvidence missingEvidence(int program, int rule, Request.Words words) {
        return missingEvidence[program][rule].answer(words);
    }

    /** The summary of a claim no program of this policy serves ({@link Evaluator#noProgramSummary}). */
    String noProgramSummary() {
        return noProgramSummary;
    }

    /** What a claimed line no program serves is told, for each such line of a claim. */
    Function<ClaimedLine, LineResult> noProgramLine() {
        return noProgramLine;
    }

    /**
     * What an approved claim without words is offered when the offers of the program at {@code index} in the bit set
     * {@code holding} hold (bit i: its i-th offer); only for a program of at most {@link Offers#MOST_PLANNED_OFFERS} offers.
     */
    Offers.Offered offered(int index, int holding) {
        return offered[index][holding];
    }

    /** What an offer's remedy is worth on a claim's net value under this policy, for a decision's remedies made when read. */
    BiFunction<Rules.Offer, Money, Remedy> remedyValuer() {
        return remedyValuer;
    }

    /** The verdict of the program at {@code index} when it serves the claim with {@code outcome}, decided without an explanation. */
    ProgramVerdict servingUnsaid(int index, Outcome outcome) {
        return servingUnsaid[index][outcome.ordinal()];
    }

    /** Verdict lists kept: a policy's claims fall into a few combinations of which programs serve and how, so a small table holds them. */
    private static final int VERDICT_SLOTS = 64;

    /** As many programs as a {@link #combination} of three bits each can name in a long. */
    private static final int MOST_PROGRAMS_COMBINED = 21;

    /** A list of verdicts and the combination it is for ({@link #combination}); immutable, so threads may share it without a lock. */
    private record VerdictsFor(long combination, List<ProgramVerdict> verdicts) {}

    /** Racy on purpose: a thread that misses a list another has just made only makes it again. */
    private final VerdictsFor[] verdictsUnsaid = new VerdictsFor[VERDICT_SLOTS];

    /**
     * Every program's verdict for a claim decided without an explanation (as {@link #servingUnsaid} and {@link #notServing}
     * give them, in the policy's order), as one immutable list made once per combination; null for a policy of more programs
     * than a combination can name.
     */
    List<ProgramVerdict> verdictsUnsaid(Run run) {
        int programs = run.programCount();
        if (programs > MOST_PROGRAMS_COMBINED) {
            return null;
        }
        long combination = combination(run);
        int slot = (int) ((combination * 0x9E3779B97F4A7C15L) >>> 58);     // the top 6 bits of a Fibonacci hash: 0..63
        VerdictsFor kept = verdictsUnsaid[slot];
        if (kept != null && kept.combination == combination) {
            return kept.verdicts;
        }
        ProgramVerdict[] each = new ProgramVerdict[programs];
        for (int i = 0; i < each.length; i++) {
            Outcome o = run.programRun(i).outcome;
            each[i] = o == null ? notServing[i] : servingUnsaid[i][o.ordinal()];
        }
        List<ProgramVerdict> made = Evaluator.immutableList(each);
        verdictsUnsaid[slot] = new VerdictsFor(combination, made);
        return made;
    }

    /** Which programs serve and how, three bits a program: 0 when it serves none of the claim's lines, else 1 + its outcome's ordinal. */
    private static long combination(Run run) {
        long combination = 0;
        for (int i = run.nextServing(0); i >= 0; i = run.nextServing(i + 1)) {         // a program that does not serve adds 0
            combination |= (long) (1 + run.programRun(i).outcome.ordinal()) << (3 * i);
        }
        return combination;
    }

    /** The remedies the check at {@code check} of the program at {@code program} offers, as bits. */
    int checkOffers(int program, int check) {
        return checkOffers[program][check];
    }

    /** The checks and evidence rules of the program at {@code index} as bits of its line rules' answers, or null. */
    RuleBits ruleBits(int index) {
        return ruleBits[index];
    }

    /** Whether the {@code serves} of the program at {@code index} can hold for a claim of this kind (if not, it serves none of its lines). */
    boolean mayServe(int index, ClaimKind kind) {
        return (kindsServed[index] >>> kind.ordinal() & 1) != 0;
    }

    /** Whether the {@code serves} of the program at {@code index} names this kind of claim. */
    boolean namesKind(int index, ClaimKind kind) {
        return namesKind[index][kind.ordinal()];
    }

    /** The run of the program at {@code index} when it serves none of the claim's lines (shared: nothing changes it). */
    ProgramRun notServingRun(int index) {
        return notServingRuns[index];
    }

    /** The verdict of the program at {@code index} (in the policy's order) when it serves none of the claim's lines. */
    ProgramVerdict notServing(int index) {
        return notServing[index];
    }

    /** {@link #notServing} for a claim decided with its explanation (the verdict then says why). */
    ProgramVerdict notServingSaid(int index) {
        return notServingSaid[index];
    }
}

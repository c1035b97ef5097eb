package org.openrma.policy.eval;

import java.util.List;
import org.openrma.claim.ClaimKind;
import org.openrma.decision.Outcome;
import org.openrma.decision.ProgramVerdict;
import org.openrma.policy.model.Condition;
import org.openrma.policy.model.NamedField;
import org.openrma.policy.model.PolicyModel;

/**
 * Stage 2: the policy's selection picks the program that decides among those that serve the claim.
 * When every one of them rejects, the refusal explained is that of the program that names the
 * claim's kind, since the claim was meant for it.
 */
final class Selection {

    private Selection() {}

    /**
     * The run of the program that decides, or null when no program serves the claim: one of the runs that serve
     * ({@link ProgramRun#served()}), by the policy's selection.
     */
    static ProgramRun choose(Run run) {
        // the programs that serve are the runs with an outcome, walked in place (the others skipped) rather than copied into a list
        ProgramRun first = null;
        int serving = 0;
        boolean allReject = true;
        for (int i = run.nextServing(0); i >= 0; i = run.nextServing(i + 1)) {
            ProgramRun r = run.programRun(i);
            first = first == null ? r : first;
            serving++;
            allReject &= r.outcome == Outcome.REJECTED;
        }
        if (first == null) {
            return null;
        }
        PolicyModel.Selection selection = run.policy().selection();
        String kind = run.claim().request().kind().wire();
        ProgramRun chosen = first;
        if (allReject && selection != PolicyModel.Selection.FIRST_MATCH) {
            // the claim was meant for the program that names its kind; its refusal is the one to explain
            ClaimKind claimKind = run.claim().request().kind();
            for (int i = run.nextServing(0); i >= 0; i = run.nextServing(i + 1)) {
                ProgramRun r = run.programRun(i);
                if (run.plan() != null ? run.plan().namesKind(i, claimKind) : namesKind(r.program.serves(), kind)) {
                    chosen = r;
                    break;
                }
            }
        }
        for (int i = run.nextServing(0); i >= 0; i = run.nextServing(i + 1)) {
            ProgramRun r = run.programRun(i);
            boolean better = switch (selection) {
                case FIRST_MATCH -> false;
                case PREFERENCE_ORDER -> chosen.outcome == Outcome.REJECTED && r.outcome != Outcome.REJECTED;
                // served is in file order, so strictly better keeps ties with the earlier program
                case BEST_FOR_CUSTOMER -> customerRank(r.outcome) < customerRank(chosen.outcome);
            };
            if (better) {
                chosen = r;
            }
        }
        run.trace().selected(selection, chosen, serving, allReject, kind);
        return chosen;
    }

    /** Each program's verdict, in the policy's order. */
    static List<ProgramVerdict> verdicts(Run run) {
        // without words, every verdict is the plan's and the list recurs: the plan keeps the lists it has made
        List<ProgramVerdict> planned = run.plan() != null && !run.recording() ? run.plan().verdictsUnsaid(run) : null;
        return planned != null ? planned : eachVerdict(run);
    }

    private static List<ProgramVerdict> eachVerdict(Run run) {
        ProgramVerdict[] each = new ProgramVerdict[run.programCount()];
        for (int i = 0; i < each.length; i++) {
            ProgramRun r = run.programRun(i);
            // a program that serves none of the claim's lines answers the same for every claim: the plan's verdict, with or without
            // words; without words, a program that serves answers with its outcome alone: the plan's verdict for that outcome
            ProgramVerdict planned = run.plan() == null ? null
                    : r.served() ? (!run.recording() ? run.plan().servingUnsaid(i, r.outcome) : null)
                    : !run.recording() ? run.plan().notServing(i) : run.plan().notServingSaid(i);
            each[i] = planned != null ? planned
                    : new ProgramVerdict(r.program.id(), r.program.title(), r.outcome, run.trace().programSays(r));
        }
        return Evaluator.immutableList(each);
    }

    /** Best for the customer. */
    private static int customerRank(Outcome o) {
        return switch (o) {
            case APPROVED -> 0;
            case NEEDS_EVIDENCE -> 1;
            case NEEDS_REVIEW -> 2;
            case REJECTED -> 3;
        };
    }

    /**
     * The kinds of claim a program's {@code serves} can hold for, as bits of {@link ClaimKind}'s ordinals: those its test of the
     * claim's {@code kind} names when that test is the condition or a part of an {@code all} (a false part decides an
     * {@code all}, whatever its other parts do, even one that cannot be evaluated), every kind otherwise.
     */
    static long kindsServed(Condition serves) {
        return switch (serves) {
            // a test without a kind's bits (none made for its words) is asked, not read here
            case Condition.WordIn w when w.field().named() == NamedField.KIND && w.field().declared() == null
                    && w.wordBits() != Condition.WordIn.NO_BITS -> w.wordBits();
            case Condition.All a -> {
                long kinds = ANY_KIND;
                for (int i = 0; i < a.parts().size(); i++) {
                    kinds &= kindsServed(a.parts().get(i));
                }
                yield kinds;
            }
            case Condition.Compiled c -> kindsServed(c.source());
            default -> ANY_KIND;
        };
    }

    /** {@link #kindsServed} of a condition that does not test the kind. */
    static final long ANY_KIND = -1L;

    /** Whether a program's {@code serves} names this kind of claim (not only reasons or channels). */
    static boolean namesKind(Condition serves, String kind) {
        return switch (serves) {
            case Condition.WordIn w -> w.field().name().equals("kind") && w.words().contains(kind);
            case Condition.All a -> anyNamesKind(a.parts(), kind);
            case Condition.Compiled c -> namesKind(c.source(), kind);
            default -> false;
        };
    }

    private static boolean anyNamesKind(List<Condition> parts, String kind) {
        for (int i = 0; i < parts.size(); i++) {                              // indexed: no stream per rejected claim
            if (namesKind(parts.get(i), kind)) {
                return true;
            }
        }
        return false;
    }
}

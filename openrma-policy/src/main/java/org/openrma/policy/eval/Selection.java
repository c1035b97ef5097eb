package org.openrma.policy.eval;

import java.util.ArrayList;
import java.util.List;
import org.openrma.decision.Outcome;
import org.openrma.decision.ProgramVerdict;
import org.openrma.policy.model.Condition;
import org.openrma.policy.model.PolicyModel;

/**
 * Stage 2: the policy's selection picks the program that decides among those that serve the claim.
 * When every one of them rejects, the refusal explained is that of the program that names the
 * claim's kind, since the claim was meant for it.
 */
final class Selection {

    /** Every program's verdict, and the one chosen (null when no program serves the claim). */
    record Chosen(ProgramRun program, List<ProgramRun> served, List<ProgramVerdict> verdicts) {}

    private Selection() {}

    static Chosen choose(Run run, List<ProgramRun> runs) {
        List<ProgramRun> served = new ArrayList<>(runs.size());
        ProgramVerdict[] each = new ProgramVerdict[runs.size()];
        for (int i = 0; i < each.length; i++) {
            ProgramRun r = runs.get(i);
            if (r.served()) {
                served.add(r);
            }
            each[i] = new ProgramVerdict(r.program.id(), r.program.title(), r.outcome, run.trace().programSays(r));
        }
        List<ProgramVerdict> verdicts = List.of(each);                       // immutable already: the Decision keeps it as it is
        if (served.isEmpty()) {
            return new Chosen(null, served, verdicts);
        }
        PolicyModel.Selection selection = run.policy().selection();
        String kind = run.claim().request().kind().wire();
        ProgramRun chosen = served.getFirst();
        boolean allReject = true;
        for (ProgramRun r : served) {
            allReject &= r.outcome == Outcome.REJECTED;
        }
        if (allReject && selection != PolicyModel.Selection.FIRST_MATCH) {
            // the claim was meant for the program that names its kind; its refusal is the one to explain
            for (ProgramRun r : served) {
                if (namesKind(r.program.serves(), kind)) {
                    chosen = r;
                    break;
                }
            }
        }
        for (ProgramRun r : served) {
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
        run.trace().selected(selection, chosen, served.size(), allReject, kind);
        return new Chosen(chosen, served, verdicts);
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

    /** Whether a program's {@code serves} names this kind of claim (not only reasons or channels). */
    private static boolean namesKind(Condition serves, String kind) {
        return switch (serves) {
            case Condition.WordIn w -> w.field().name().equals("kind") && w.words().contains(kind);
            case Condition.All a -> a.parts().stream().anyMatch(p -> namesKind(p, kind));
            default -> false;
        };
    }
}

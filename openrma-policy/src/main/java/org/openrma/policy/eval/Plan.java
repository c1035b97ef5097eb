package org.openrma.policy.eval;

import java.util.List;
import org.openrma.decision.ProgramVerdict;
import org.openrma.policy.model.PolicyModel;
import org.openrma.policy.model.Program;

/**
 * What one policy version's decisions share, worked out once when it is compiled rather than per claim. For now: each
 * program's run and verdict when it serves none of a claim's lines (the verdict as a claim decided without an explanation
 * and as one decided with it gives it), the same for every such claim.
 * The reference evaluator ({@link Evaluator#decide}) does without it and makes every verdict afresh.
 */
public final class Plan {

    private final ProgramVerdict[] notServing;
    private final ProgramVerdict[] notServingSaid;
    private final ProgramRun[] notServingRuns;

    private Plan(ProgramVerdict[] notServing, ProgramVerdict[] notServingSaid, ProgramRun[] notServingRuns) {
        this.notServing = notServing;
        this.notServingSaid = notServingSaid;
        this.notServingRuns = notServingRuns;
    }

    public static Plan of(PolicyModel policy) {
        List<Program> programs = policy.programs();
        ProgramVerdict[] notServing = new ProgramVerdict[programs.size()];
        ProgramVerdict[] notServingSaid = new ProgramVerdict[programs.size()];
        ProgramRun[] notServingRuns = new ProgramRun[programs.size()];
        for (int i = 0; i < notServing.length; i++) {
            notServingRuns[i] = new ProgramRun(programs.get(i));                // no outcome, no lines: never changed once made
            // as Selection writes it for a run without an outcome, under a trace that keeps no words (Trace.NONE says null)
            notServing[i] = new ProgramVerdict(programs.get(i).id(), programs.get(i).title(), null, null);
            // the same under a trace that keeps the words: what the explanation says of a program that serves no line
            notServingSaid[i] = new ProgramVerdict(programs.get(i).id(), programs.get(i).title(), null, Explanation.says(notServingRuns[i]));
        }
        return new Plan(notServing, notServingSaid, notServingRuns);
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

package org.openrma.policy.eval;

import java.util.List;
import org.openrma.decision.Outcome;
import org.openrma.policy.model.Program;
import org.openrma.policy.model.Rules.Check;

/**
 * A program's checks and evidence rules read off its line rules' answers ({@link org.openrma.policy.model.ConditionGroup}) as
 * bits, for a decision without words: which checks fire is one exclusive-or and one mask of the answers, which evidence
 * rules apply one mask, and each rule that does is then the one looked at. Most lines pass every check, so a line's checks
 * cost as much as one comparison instead of a call per check; what a check that fires says and offers is written here once.
 *
 * @param checks         the places of the program's checks among the answers: a bit each
 * @param firesWhenFalse the places of the checks that {@code require} their condition, which fire when it fails
 * @param evidence       the places of the program's evidence rules' {@code when} among the answers
 * @param firstCheck     the place of check 0 ({@link Program#checkRule})
 * @param firstEvidence  the place of evidence rule 0 ({@link Program#evidenceRule})
 * @param outcomes       by check: the outcome it gives when it fires
 * @param says           by check: what it says when it fires (its words, or the outcome's)
 * @param offers         by check: the remedies it still offers when it fires and does not approve, as bits
 */
record RuleBits(long checks, long firesWhenFalse, long evidence, int firstCheck, int firstEvidence, Outcome[] outcomes, String[] says,
        int[] offers) {

    /**
     * The program's rule bits; null when its line rules are not answered together (too many, or no code). {@code checkOffers}:
     * by check, the remedies it offers as bits, as the plan keeps them ({@link Plan#checkOffers}).
     */
    static RuleBits of(Program program, int[] checkOffers) {
        if (program.lineRules() == null) {
            return null;
        }
        List<Check> checkList = program.checks();
        int firstCheck = program.checkRule(0);
        int firstEvidence = program.evidenceRule(0);
        long checks = 0;
        long firesWhenFalse = 0;
        Outcome[] outcomes = new Outcome[checkList.size()];
        String[] says = new String[checkList.size()];
        int[] offers = new int[checkList.size()];
        for (int c = 0; c < checkList.size(); c++) {
            Check check = checkList.get(c);
            checks |= 1L << firstCheck + c;
            if (check.require()) {
                firesWhenFalse |= 1L << firstCheck + c;
            }
            outcomes[c] = check.outcome();
            says[c] = Programs.says(check);
            offers[c] = check.outcome() == Outcome.APPROVED ? 0 : checkOffers[c];
        }
        long evidence = 0;
        for (int e = 0; e < program.evidence().size(); e++) {
            evidence |= 1L << firstEvidence + e;
        }
        return new RuleBits(checks, firesWhenFalse, evidence, firstCheck, firstEvidence, outcomes, says, offers);
    }

    /** The checks that fire on a line whose rules gave {@code answers}, as bits at their places among the answers. */
    long fired(long answers) {
        return (answers ^ firesWhenFalse) & checks;
    }

    /** The evidence rules whose {@code when} holds on a line whose rules gave {@code answers}, at their places among them. */
    long applying(long answers) {
        return answers & evidence;
    }
}

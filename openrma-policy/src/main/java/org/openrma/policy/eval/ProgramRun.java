package org.openrma.policy.eval;

import java.util.ArrayList;
import java.util.List;
import org.openrma.decision.Outcome;
import org.openrma.policy.model.Program;

/** One program's answer for the claim: a verdict per claimed line, combined into the program's outcome (null: it does not serve). */
final class ProgramRun {

    final Program program;
    /** Empty (and immutable) while the program serves no line: most programs serve none of a claim's lines. */
    List<LineVerdict> lines = List.of();
    Outcome outcome;

    ProgramRun(Program program) {
        this.program = program;
    }

    /** Adds a line's verdict; the list is made for the first one. */
    void add(LineVerdict verdict, int claimedLines) {
        if (claimedLines == 1) {
            // the usual claim of one line: List.of's own small list, no array behind it
            lines = List.of(verdict);
            return;
        }
        if (lines.isEmpty()) {
            lines = new ArrayList<>(claimedLines);
        }
        lines.add(verdict);
    }

    boolean served() {
        return outcome != null;
    }

    /** The lines this program does not reject: the ones money, shipping and dates are worked out for. */
    List<LineVerdict> kept() {
        int rejected = 0;
        for (int at = 0; at < lines.size(); at++) {
            LineVerdict l = lines.get(at);
            rejected += l.outcome == Outcome.REJECTED ? 1 : 0;
        }
        if (rejected == 0) {
            // the usual case: every line is kept; the stages after this one only read the list, so it is not copied
            return lines;
        }
        if (rejected == lines.size()) {
            return List.of();                                                   // a rejected claim of one line, most often
        }
        List<LineVerdict> kept = new ArrayList<>(lines.size() - rejected);
        for (int at = 0; at < lines.size(); at++) {
            LineVerdict l = lines.get(at);
            if (l.outcome != Outcome.REJECTED) {
                kept.add(l);
            }
        }
        return kept;
    }

    /** Combining lines: what the claim needs next comes first. */
    void combine() {
        Outcome combined = null;
        for (int at = 0; at < lines.size(); at++) {
            LineVerdict l = lines.get(at);
            if (combined == null || claimPriority(l.outcome) < claimPriority(combined)) {
                combined = l.outcome;
            }
        }
        outcome = combined;
    }

    private static int claimPriority(Outcome o) {
        return switch (o) {
            case NEEDS_EVIDENCE -> 0;
            case NEEDS_REVIEW -> 1;
            case APPROVED -> 2;
            case REJECTED -> 3;
        };
    }
}

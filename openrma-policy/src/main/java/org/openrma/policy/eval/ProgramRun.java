package org.openrma.policy.eval;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.openrma.decision.Outcome;
import org.openrma.policy.model.Program;

/**
 * One program's answer for the claim: a verdict per claimed line, combined into the program's outcome (null: it does not
 * serve). The run is itself the list of its lines' verdicts, in the claim's order: the stages after the first read that
 * list, and a list kept beside the run would be one more object for every program that serves a claim.
 */
final class ProgramRun extends AbstractList<LineVerdict> implements RandomAccess {

    final Program program;
    Outcome outcome;
    // the first line's verdict in a field, the others (a claim of several lines) in an array sized for them: most claims have one
    private LineVerdict first;
    private final LineVerdict[] rest;

    /** The run of a program that serves none of the claim's lines: no verdict, no outcome. */
    ProgramRun(Program program) {
        this(program, 0);
    }

    /** A run that will hold a verdict for each of the claim's {@code claimedLines} lines ({@link #put}). */
    ProgramRun(Program program, int claimedLines) {
        this.program = program;
        this.rest = claimedLines > 1 ? new LineVerdict[claimedLines - 1] : null;
    }

    /** Sets the verdict of the claimed line at {@code index}; the lines are put in order, each once, before the run is read. */
    void put(int index, LineVerdict verdict) {
        if (index == 0) {
            first = verdict;
        } else {
            rest[index - 1] = verdict;
        }
    }

    /** The lines' verdicts: this run. */
    List<LineVerdict> lines() {
        return this;
    }

    @Override
    public LineVerdict get(int index) {
        Objects.checkIndex(index, size());
        return index == 0 ? first : rest[index - 1];
    }

    @Override
    public int size() {
        return first == null ? 0 : rest == null ? 1 : 1 + rest.length;
    }

    boolean served() {
        return outcome != null;
    }

    /** The lines this program does not reject: the ones money, shipping and dates are worked out for. */
    List<LineVerdict> kept() {
        int rejected = 0;
        for (int at = 0, n = size(); at < n; at++) {
            LineVerdict l = get(at);
            rejected += l.outcome() == Outcome.REJECTED ? 1 : 0;
        }
        if (rejected == 0) {
            // the usual case: every line is kept; the stages after this one only read the list, so it is not copied
            return this;
        }
        if (rejected == size()) {
            return List.of();                                                   // a rejected claim of one line, most often
        }
        List<LineVerdict> kept = new ArrayList<>(size() - rejected);
        for (int at = 0, n = size(); at < n; at++) {
            LineVerdict l = get(at);
            if (l.outcome() != Outcome.REJECTED) {
                kept.add(l);
            }
        }
        return kept;
    }

    /** Combining lines: what the claim needs next comes first. */
    void combine() {
        Outcome combined = null;
        for (int at = 0, n = size(); at < n; at++) {
            LineVerdict l = get(at);
            if (combined == null || claimPriority(l.outcome()) < claimPriority(combined)) {
                combined = l.outcome();
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

package org.openrma.policy.eval;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.openrma.decision.DatesByName;
import org.openrma.decision.Outcome;
import org.openrma.policy.model.Program;
import org.openrma.policy.model.Rules;
import org.openrma.policy.model.Subject;
import org.openrma.policy.model.Unevaluable;
import org.openrma.policy.model.Window;

/**
 * Stage 6: the dates the decision carries. The claim window's last day; for a claim that goes
 * ahead, every deadline of the program and of the policy (ship back by, evidence due) and how long
 * each coverage component lasts; for a rejection, every window the claim missed.
 */
final class Dates {

    private Dates() {}

    static Map<String, LocalDate> dates(Run run, ProgramRun chosen, Outcome outcome, List<LineVerdict> kept) {
        if (outcome != Outcome.REJECTED ? !hasDeadlines(run, chosen.program, kept) : !anyMissed(chosen)) {
            // the claim window's last day at most (most decisions): the map itself, no builder to make it
            Window.End claimWindow = claimWindow(chosen);
            return claimWindow == null ? Map.of() : DatesByName.of("claim_window_ends", claimWindow.lastEpochDay());
        }
        if (!run.recording()) {
            // nothing to write into an explanation: the deadlines are counted when first read (a replay never reads them)
            return new WorkedOnRead(run, chosen, outcome, kept);
        }
        return worked(run, chosen, outcome, kept);
    }

    /** The first limited claim window of the chosen program's lines, or null. */
    private static Window.End claimWindow(ProgramRun chosen) {
        for (int at = 0; at < chosen.lines().size(); at++) {
            LineVerdict l = chosen.lines().get(at);
            if (l.windowEnd != null && !l.windowEnd.isUnlimited()) {
                return l.windowEnd;
            }
        }
        return null;
    }

    /**
     * A decision's dates counted the first time they are read. Everything {@link #worked} reads is settled once the decision is
     * made: the policy, the claim, its subjects and the chosen program's line verdicts.
     */
    private static final class WorkedOnRead extends DatesByName.OnRead {
        private final Run run;
        private final ProgramRun chosen;
        private final Outcome outcome;
        private final List<LineVerdict> kept;

        WorkedOnRead(Run run, ProgramRun chosen, Outcome outcome, List<LineVerdict> kept) {
            this.run = run;
            this.chosen = chosen;
            this.outcome = outcome;
            this.kept = kept;
        }

        @Override
        protected Map<String, LocalDate> work() {
            return worked(run, chosen, outcome, kept);
        }
    }

    /** Every date of a decision that carries more than the claim window's last day. */
    private static Map<String, LocalDate> worked(Run run, ProgramRun chosen, Outcome outcome, List<LineVerdict> kept) {
        DatesByName.Builder deadlines = new DatesByName.Builder();
        Window.End claimWindow = claimWindow(chosen);
        if (claimWindow != null) {
            deadlines.put("claim_window_ends", claimWindow.lastEpochDay());
        }
        if (outcome != Outcome.REJECTED) {
            deadlines(run, chosen.program, kept, deadlines);
            components(run, chosen.program, kept, deadlines);
        } else {
            // a rejection lists every deadline that failed
            for (int at = 0; at < chosen.lines().size(); at++) {
                LineVerdict l = chosen.lines().get(at);
                if (l.missedWindows != null) {
                    deadlines.putAllAbsent(l.missedWindows);
                }
            }
        }
        return deadlines.build();
    }

    /** Whether a decision that goes ahead may carry a date besides the claim window's: a deadline or a component's end. */
    private static boolean hasDeadlines(Run run, Program program, List<LineVerdict> kept) {
        return !program.deadlines().isEmpty() || !run.policy().deadlines().isEmpty() || (!program.components().isEmpty() && !kept.isEmpty());
    }

    /** Whether a line of the chosen program missed a window (a rejection lists every deadline that failed). */
    private static boolean anyMissed(ProgramRun chosen) {
        for (int at = 0; at < chosen.lines().size(); at++) {
            if (chosen.lines().get(at).missedWindows != null) {
                return true;
            }
        }
        return false;
    }

    private static void deadlines(Run run, Program program, List<LineVerdict> kept, DatesByName.Builder out) {
        if (program.deadlines().isEmpty() && run.policy().deadlines().isEmpty()) {
            return;
        }
        List<Window> own = program.deadlines();
        List<Window> policyWide = run.policy().deadlines();
        Subject s = kept.isEmpty() ? run.subject() : run.subjectOf(kept.getFirst().line);
        // the program's deadlines, then the policy's that the program does not name; the first of a name that applies wins
        int total = own.size() + policyWide.size();
        // which windows settled their name, by index: bits for the usual handful, the names in an array past 64 windows
        long doneBits = 0;
        String[] done = total > Long.SIZE ? new String[total] : null;
        int doneCount = 0;
        for (int i = 0; i < total; i++) {
            Window w = windowAt(own, policyWide, i);
            if (i >= own.size() && named(own, w.name())) {
                continue;
            }
            if (done != null ? contains(done, doneCount, w.name()) : settled(own, policyWide, doneBits, w.name())) {
                continue;
            }
            Map<String, String> read = run.reads();
            Window.End end = null;
            Unevaluable failed = null;
            try {
                if (!w.when().test(s, read)) {
                    continue;
                }
                end = w.span().endAt(s, read);
            } catch (Unevaluable e) {
                failed = e;
            }
            // a window that applies settles its name, even when its end cannot be worked out
            if (done != null) {
                done[doneCount++] = w.name();
            } else {
                doneBits |= 1L << i;
            }
            if (failed != null) {
                run.trace().unevaluable(program.id(), program.id() + "." + w.name(), null, failed.getMessage(), w.cites());
                continue;
            }
            if (end == null || end.isUnlimited()) {
                run.trace().notDueYet(program.id(), w, read);
                continue;
            }
            out.put(w.name(), end.lastEpochDay());
            if (w.span() instanceof Window.FromEvent fe && fe.length() instanceof Window.FixedLength fl && fl.length().isRange()) {
                LocalDate earliest = run.policy().calendar().lastDay(fe.opens(s).orElseThrow(), fl.length().atLeast(), fl.length().unit(), fe.counting());
                out.put(w.name() + "_earliest", earliest.toEpochDay());
            }
            run.trace().due(program.id(), w, read, end);
        }
    }

    private static boolean named(List<Window> windows, String name) {
        for (int at = 0; at < windows.size(); at++) {
            Window w = windows.get(at);
            if (w.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The {@code i}-th of the program's deadlines followed by the policy's. */
    private static Window windowAt(List<Window> own, List<Window> policyWide, int i) {
        return i < own.size() ? own.get(i) : policyWide.get(i - own.size());
    }

    /** Whether a window whose bit is set in {@code doneBits} has this name. */
    private static boolean settled(List<Window> own, List<Window> policyWide, long doneBits, String name) {
        for (long bits = doneBits; bits != 0; bits &= bits - 1) {
            if (windowAt(own, policyWide, Long.numberOfTrailingZeros(bits)).name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String[] names, int count, String name) {
        for (int i = 0; i < count; i++) {
            if (names[i].equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Each coverage component's last day, and whether the claim is still inside it (free) or not (charged). */
    private static void components(Run run, Program program, List<LineVerdict> kept, DatesByName.Builder out) {
        if (program.components().isEmpty() || kept.isEmpty()) {
            return;
        }
        Subject s = run.subjectOf(kept.getFirst().line);
        List<Rules.Component> components = program.components();
        for (int at = 0; at < components.size(); at++) {
            Rules.Component c = components.get(at);
            Map<String, String> read = run.reads();
            Window.End end;
            try {
                end = c.window().span().endAt(s, read);
            } catch (Unevaluable e) {
                run.trace().unevaluable(program.id(), program.id() + ".components." + c.id(), null, e.getMessage(), c.cites());
                continue;
            }
            if (end == null) {
                continue;
            }
            boolean covered = end.isUnlimited() || !end.closedBefore(run.claim().request().submittedAt());
            if (!end.isUnlimited()) {
                out.put(c.id() + "_covered_until", end.lastEpochDay());
            }
            run.trace().component(program.id(), c, read, covered, end);
        }
    }
}

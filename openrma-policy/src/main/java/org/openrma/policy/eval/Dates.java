package org.openrma.policy.eval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    private final Run run;
    private final Trace trace;

    private Dates(Run run) {
        this.run = run;
        this.trace = run.trace();
    }

    static Map<String, LocalDate> dates(Run run, ProgramRun chosen, Outcome outcome, List<LineVerdict> kept) {
        Map<String, LocalDate> deadlines = new LinkedHashMap<>();
        for (LineVerdict l : chosen.lines) {
            if (l.windowEnd != null && !l.windowEnd.isUnlimited()) {
                deadlines.put("claim_window_ends", l.windowEnd.lastDay());
                break;
            }
        }
        if (outcome != Outcome.REJECTED) {
            Dates d = new Dates(run);
            d.deadlines(chosen.program, kept, deadlines);
            d.components(chosen.program, kept, deadlines);
        } else {
            // a rejection lists every deadline that failed
            chosen.lines.forEach(l -> l.missedWindows.forEach(deadlines::putIfAbsent));
        }
        return deadlines;
    }

    private void deadlines(Program program, List<LineVerdict> kept, Map<String, LocalDate> out) {
        if (program.deadlines().isEmpty() && run.policy().deadlines().isEmpty()) {
            return;
        }
        List<Window> all = new ArrayList<>(program.deadlines());
        Set<String> own = new LinkedHashSet<>();
        program.deadlines().forEach(w -> own.add(w.name()));
        run.policy().deadlines().stream().filter(w -> !own.contains(w.name())).forEach(all::add);
        Subject s = kept.isEmpty() ? run.subject() : run.subjectOf(kept.getFirst().line);
        Set<String> done = new LinkedHashSet<>();
        for (Window w : all) {
            if (done.contains(w.name())) {
                continue;
            }
            Map<String, String> read = run.reads();
            Optional<Window.End> end;
            try {
                if (!w.when().test(s, read)) {
                    continue;
                }
                end = w.span().end(s, read);
            } catch (Unevaluable e) {
                done.add(w.name());
                trace.unevaluable(program.id(), program.id() + "." + w.name(), null, e.getMessage(), w.cites());
                continue;
            }
            done.add(w.name());
            if (end.isEmpty() || end.get().isUnlimited()) {
                trace.notDueYet(program.id(), w, read);
                continue;
            }
            out.put(w.name(), end.get().lastDay());
            if (w.span() instanceof Window.FromEvent fe && fe.length() instanceof Window.FixedLength fl && fl.length().isRange()) {
                LocalDate earliest = run.policy().calendar().lastDay(fe.opens(s).orElseThrow(), fl.length().atLeast(), fl.length().unit(), fe.counting());
                out.put(w.name() + "_earliest", earliest);
            }
            trace.due(program.id(), w, read, end.get());
        }
    }

    /** Each coverage component's last day, and whether the claim is still inside it (free) or not (charged). */
    private void components(Program program, List<LineVerdict> kept, Map<String, LocalDate> out) {
        if (program.components().isEmpty() || kept.isEmpty()) {
            return;
        }
        Subject s = run.subjectOf(kept.getFirst().line);
        for (Rules.Component c : program.components()) {
            Map<String, String> read = run.reads();
            Optional<Window.End> end;
            try {
                end = c.window().span().end(s, read);
            } catch (Unevaluable e) {
                trace.unevaluable(program.id(), program.id() + ".components." + c.id(), null, e.getMessage(), c.cites());
                continue;
            }
            if (end.isEmpty()) {
                continue;
            }
            boolean covered = end.get().isUnlimited() || !run.claim().request().submittedAt().isAfter(end.get().closes());
            if (!end.get().isUnlimited()) {
                out.put(c.id() + "_covered_until", end.get().lastDay());
            }
            trace.component(program.id(), c, read, covered, end.get());
        }
    }
}

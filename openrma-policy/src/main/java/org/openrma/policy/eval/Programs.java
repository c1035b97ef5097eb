package org.openrma.policy.eval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openrma.claim.ClaimedLine;
import org.openrma.decision.Outcome;
import org.openrma.policy.model.Event;
import org.openrma.policy.model.Program;
import org.openrma.policy.model.Rules.Check;
import org.openrma.policy.model.Rules.EvidenceRule;
import org.openrma.policy.model.Subject;
import org.openrma.policy.model.Unevaluable;
import org.openrma.policy.model.Window;

/**
 * Stage 1: every program, for every claimed line: does it serve the line, is the line inside the
 * window and the deadlines, which checks fire, what evidence is still missing. Each line's answer is
 * its most severe rule result; the program's answer is the most actionable line answer.
 */
final class Programs {

    private final Run run;
    private final Trace trace;

    Programs(Run run) {
        this.run = run;
        this.trace = run.trace();
    }

    List<ProgramRun> runAll() {
        List<ProgramRun> runs = new ArrayList<>(run.policy().programs().size());
        for (Program program : run.policy().programs()) {
            runs.add(evaluate(program));
        }
        return runs;
    }

    private ProgramRun evaluate(Program program) {
        ProgramRun result = new ProgramRun(program);
        Map<String, String> read = run.reads();
        List<ClaimedLine> servedLines = new ArrayList<>();
        Map<ClaimedLine, String> undecidable = null;                         // most claims have none
        for (ClaimedLine line : run.claimed()) {
            try {
                if (program.serves().test(run.subjectOf(line), read)) {
                    servedLines.add(line);
                }
            } catch (Unevaluable e) {
                // whether the program covers the line cannot be told: it may, so a person looks
                servedLines.add(line);
                if (undecidable == null) {
                    undecidable = new HashMap<>();
                }
                undecidable.put(line, e.getMessage());
            }
        }
        trace.serves(program, !servedLines.isEmpty(), read);
        if (servedLines.isEmpty()) {
            return result;
        }
        boolean perLine = run.claimed().size() > 1;
        for (ClaimedLine line : run.claimed()) {
            LineVerdict verdict = new LineVerdict(line, program.whenRejected());
            result.lines.add(verdict);
            if (!servedLines.contains(line)) {
                verdict.answer(Outcome.REJECTED, "line " + line.line().sku() + " is not covered by '" + program.title() + "'");
                continue;
            }
            Subject s = run.subjectOf(line);
            String label = perLine ? line.line().sku() : null;
            if (undecidable != null && undecidable.containsKey(line)) {
                unevaluable(program.id(), program.id() + ".serves", label, undecidable.get(line), List.of(), verdict);
            }
            if (program.window() != null) {
                verdict.windowEnd = window(program.id(), program.window(), s, label, verdict);
            }
            for (Window deadline : program.deadlines()) {
                if (deadline.bounds() != Event.SUBMITTED) {
                    window(program.id(), deadline, s, label, verdict);
                }
            }
            for (Check check : program.checks()) {
                check(program.id(), check, s, label, verdict);
            }
            for (EvidenceRule rule : program.evidence()) {
                evidence(program.id(), rule, s, label, verdict);
            }
            if (program.whenRejected() != null && verdict.outcome == program.whenRejected().outcome() && !verdict.reasons.isEmpty()) {
                trace.whenRejected(program, label);
            }
        }
        result.combine();
        return result;
    }

    private Window.End window(String program, Window w, Subject s, String label, LineVerdict verdict) {
        Map<String, String> read = run.reads();
        Optional<Window.End> end;
        try {
            if (!w.when().test(s, read)) {
                return null;
            }
            end = w.span().end(s, read);
        } catch (Unevaluable e) {
            unevaluable(program, program + "." + w.name(), label, e.getMessage(), w.cites(), verdict);
            return null;
        }
        if (end.isEmpty()) {
            trace.windowUncountable(program, w, label, read);
            verdict.answer(Outcome.NEEDS_REVIEW, "the " + windowLabel(w.name()) + " cannot be counted yet");
            return null;
        }
        Window.End e = end.get();
        Optional<Instant> measured = w.bounds().in(s);
        boolean open;
        if (measured.isEmpty() && w.bounds() == Event.SHIPPED_BACK && Event.RECEIVED.in(s).isPresent()) {
            // The item arrived, so it was shipped; without a shipment date there is nothing to hold against it.
            trace.read(read, "received", Event.RECEIVED.in(s).get());
            open = true;
        } else if (measured.isPresent()) {
            trace.read(read, w.bounds().wire(), measured.get());
            open = !measured.get().isAfter(e.closes());
        } else {
            trace.read(read, "now", s.now());
            open = !s.now().isAfter(e.closes());
        }
        if (open) {
            trace.windowOpen(program, w, label, read, measured.isPresent(), e);
        } else {
            trace.windowMissed(program, w, label, read, measured.isPresent(), e);
            verdict.answer(w.otherwise(), trace.missedWindowReason(w, measured.isPresent(), e));
            if (!e.isUnlimited()) {
                verdict.missed(w.name(), e.lastDay());
            }
        }
        return e;
    }

    private void check(String program, Check check, Subject s, String label, LineVerdict verdict) {
        Map<String, String> read = run.reads();
        boolean holds;
        try {
            holds = check.condition().test(s, read);
        } catch (Unevaluable e) {
            unevaluable(program, check.name(), label, e.getMessage(), check.cites(), verdict);
            return;
        }
        boolean fires = check.require() ? !holds : holds;
        if (fires) {
            String says = check.says() != null ? check.says() : describe(check.outcome());
            trace.checkFired(program, check, label, read, says);
            verdict.answer(check.outcome(), says);
            if (check.outcome() != Outcome.APPROVED) {
                verdict.offer(check.offers());
            }
        } else {
            trace.checkHeld(program, check, label, read);
        }
    }

    /** A rule that cannot be evaluated sends the claim to review, with the reason in the explanation; it never "does not apply". */
    private void unevaluable(String program, String rule, String label, String why, List<org.openrma.decision.Citation> cites, LineVerdict verdict) {
        trace.unevaluable(program, rule, label, why, cites);
        verdict.unevaluable(why);
    }

    private static String describe(Outcome outcome) {
        return switch (outcome) {
            case REJECTED -> "The claim does not meet this requirement.";
            case NEEDS_REVIEW -> "The policy leaves this situation to an agent's judgement.";
            case NEEDS_EVIDENCE -> "More evidence is needed.";
            case APPROVED -> "Approved by this rule.";
        };
    }

    private void evidence(String program, EvidenceRule rule, Subject s, String label, LineVerdict verdict) {
        Map<String, String> read = run.reads();
        try {
            if (!rule.when().test(s, read)) {
                trace.evidenceNotNeeded(program, rule, label, read);
                return;
            }
        } catch (Unevaluable e) {
            unevaluable(program, rule.name(), label, e.getMessage(), rule.cites(), verdict);
            return;
        }
        Set<String> supplied = run.claim().request().words().evidence();
        trace.read(read, "evidence", supplied);
        List<String> missing = new ArrayList<>();
        for (String e : rule.allOf()) {
            if (!supplied.contains(e)) {
                missing.add(e);
            }
        }
        boolean oneOfMissing = !rule.oneOf().isEmpty() && rule.oneOf().stream().noneMatch(supplied::contains);
        if (oneOfMissing) {
            // any one of them will do: every alternative is listed, so the customer can choose
            missing.addAll(rule.oneOf());
        }
        if (missing.isEmpty()) {
            trace.evidenceSupplied(program, rule, label, read);
            return;
        }
        List<String> all = missing.stream().filter(e -> !oneOfMissing || !rule.oneOf().contains(e)).map(e -> e.replace('_', ' ')).toList();
        String needed = String.join(", ", all) + (oneOfMissing
                ? (all.isEmpty() ? "" : ", and ") + (rule.oneOf().size() > 1 ? "one of: " : "")
                        + String.join(", ", rule.oneOf().stream().map(e -> e.replace('_', ' ')).toList()) : "");
        trace.evidenceMissing(program, rule, label, read, needed);
        verdict.missing(missing);
        verdict.answer(Outcome.NEEDS_EVIDENCE, "evidence still needed: " + needed);
    }

    /** A window's name in words: "claim_window_ends" is the time limit, "ship_back_by" the ship-back deadline. */
    static String windowLabel(String name) {
        return switch (name) {
            case "claim_window_ends" -> "time limit";
            default -> name.replace("_by", "").replace('_', ' ') + " deadline";
        };
    }
}

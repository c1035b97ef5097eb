package org.openrma.policy.eval;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openrma.claim.ClaimKind;
import org.openrma.claim.ClaimedLine;
import org.openrma.claim.Request;
import org.openrma.decision.Outcome;
import org.openrma.policy.model.ConditionGroup;
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

    private Programs() {}

    /** Every program's run, kept by the run of the decision ({@link Run#programRun}). */
    static void runAll(Run run) {
        List<Program> programs = run.policy().programs();
        Plan plan = run.plan();
        // without words, a program whose serves asks for another kind of claim serves none of its lines: the plan's run, untested
        ClaimKind kind = plan != null && !run.recording() ? run.claim().request().kind() : null;
        for (int i = 0; i < programs.size(); i++) {
            run.ran(i, kind != null && !plan.mayServe(i, kind) ? plan.notServingRun(i) : evaluate(run, programs.get(i), i));
        }
    }

    private static ProgramRun evaluate(Run run, Program program, int index) {
        Trace trace = run.trace();
        Map<String, String> read = run.reads();
        List<ClaimedLine> claimed = run.claimed();
        int n = claimed.size();
        // by line index: whether the program serves it; why that could not be told (most claims have none)
        LineSet served = new LineSet(n);
        boolean anyServed = false;
        String[] undecidable = null;
        for (int i = 0; i < n; i++) {
            boolean serves;
            try {
                serves = program.serves().test(run.lineSubject(i), read);
            } catch (Unevaluable e) {
                // whether the program covers the line cannot be told: it may, so a person looks
                serves = true;
                if (undecidable == null) {
                    undecidable = new String[n];
                }
                undecidable[i] = e.getMessage();
            }
            if (serves) {
                served.add(i);
            }
            anyServed |= serves;
        }
        trace.serves(program, anyServed, read);
        if (!anyServed) {
            // a run that serves nothing is the same for every claim: the plan's, when there is one
            return run.plan() != null ? run.plan().notServingRun(index) : new ProgramRun(program);
        }
        ProgramRun result = new ProgramRun(program, n);
        boolean perLine = n > 1;
        // a decision without words takes the answers of the rules' conditions for a line from one call of the policy's code
        ConditionGroup lineRules = run.plan() != null && !run.recording() ? program.lineRules() : null;
        // and acts on them as bits: the checks that fire, the evidence rules that apply
        RuleBits ruleBits = lineRules != null ? run.plan().ruleBits(index) : null;
        // what every line reads of the program, read once: the rules, and where their conditions' answers start
        String id = program.id();
        List<Window> deadlines = program.deadlines();
        List<Check> checks = program.checks();
        List<EvidenceRule> evidence = program.evidence();
        int deadlineCount = deadlines.size();
        int checkCount = checks.size();
        int evidenceCount = evidence.size();
        int deadlineRules = program.deadlineRule(0);
        int checkRules = program.checkRule(0);
        int evidenceRules = program.evidenceRule(0);
        for (int i = 0; i < n; i++) {
            ClaimedLine line = claimed.get(i);
            LineVerdict verdict = new LineVerdict(line, program.whenRejected());
            result.put(i, verdict);
            if (!served.has(i) && !servedElsewhere(claimed, served, line)) {
                verdict.answer(Outcome.REJECTED, "line " + line.line().sku() + " is not covered by '" + program.title() + "'");
                continue;
            }
            Subject s = run.lineSubject(i);
            long answers = lineRules != null ? lineRules.answers(s) : ConditionGroup.UNTOLD;
            String label = perLine ? line.line().sku() : null;
            String why = undecidable == null ? null : undecidableFor(claimed, undecidable, line);
            if (why != null) {
                unevaluable(run, id, id + ".serves", label, why, List.of(), verdict);
            }
            if (program.window() != null) {
                verdict.windowEnd = window(run, id, program.window(), s, label, verdict, answers, 0);
            }
            // indexed loops: no iterator per program and line
            for (int d = 0; d < deadlineCount; d++) {
                if (deadlines.get(d).bounds() != Event.SUBMITTED) {
                    window(run, id, deadlines.get(d), s, label, verdict, answers, deadlineRules + d);
                }
            }
            if (answers != ConditionGroup.UNTOLD) {
                // told only without words: the checks that fire and the evidence rules that apply, read off the answers' bits
                firedChecks(ruleBits, answers, verdict);
                neededEvidence(run, index, ruleBits, answers, verdict);
            } else {
                for (int c = 0; c < checkCount; c++) {
                    check(run, index, c, id, checks.get(c), s, label, verdict, answers, checkRules + c);
                }
                for (int e = 0; e < evidenceCount; e++) {
                    evidence(run, index, e, id, evidence.get(e), s, label, verdict, answers, evidenceRules + e);
                }
            }
            if (program.whenRejected() != null && verdict.outcome() == program.whenRejected().outcome() && verdict.hasReasons()) {
                trace.whenRejected(program, label);
            }
        }
        result.combine();
        return result;
    }

    /**
     * Whether an equal claimed line (ClaimedLine is a record: two lines of the same SKU and request are equal) is served:
     * the list's {@code contains} this replaces compared lines by equality, not by position.
     */
    private static boolean servedElsewhere(List<ClaimedLine> claimed, LineSet served, ClaimedLine line) {
        for (int j = 0; j < claimed.size(); j++) {
            if (served.has(j) && claimed.get(j).equals(line)) {
                return true;
            }
        }
        return false;
    }

    /** The reason recorded for an equal line last (as the map keyed by line this replaces kept it), or null. */
    private static String undecidableFor(List<ClaimedLine> claimed, String[] undecidable, ClaimedLine line) {
        String why = null;
        for (int j = 0; j < undecidable.length; j++) {
            if (undecidable[j] != null && claimed.get(j).equals(line)) {
                why = undecidable[j];
            }
        }
        return why;
    }

    /**
     * {@code answers}, {@code rule}: the line's rules' answers ({@link ConditionGroup}) and the place of this window's
     * {@code when} among them.
     */
    private static Window.End window(Run run, String program, Window w, Subject s, String label, LineVerdict verdict, long answers,
            int rule) {
        Map<String, String> read = run.reads();
        Window.End e;
        try {
            if (!ConditionGroup.holds(answers, rule, w.when(), s, read)) {
                return null;
            }
            e = w.span().endAt(s, read);
        } catch (Unevaluable u) {
            unevaluable(run, program, program + "." + w.name(), label, u.getMessage(), w.cites(), verdict);
            return null;
        }
        if (e == null) {
            run.trace().windowUncountable(program, w, label, read);
            verdict.answer(Outcome.NEEDS_REVIEW, "the " + windowLabel(w.name()) + " cannot be counted yet");
            return null;
        }
        Instant measured = w.bounds().at(s);
        Instant received;
        boolean open;
        if (measured == null && w.bounds() == Event.SHIPPED_BACK && (received = Event.RECEIVED.at(s)) != null) {
            // The item arrived, so it was shipped; without a shipment date there is nothing to hold against it.
            run.trace().read(read, "received", received);
            open = true;
        } else if (measured != null) {
            run.trace().read(read, w.bounds().wire(), measured);
            open = !e.closedBefore(measured);
        } else {
            run.trace().read(read, "now", s.now());
            open = !e.closedBefore(s.now());
        }
        if (open) {
            run.trace().windowOpen(program, w, label, read, measured != null, e);
        } else {
            run.trace().windowMissed(program, w, label, read, measured != null, e);
            verdict.answer(w.otherwise(), run.trace().missedWindowReason(w, measured != null, e));
            if (!e.isUnlimited()) {
                verdict.missed(w.name(), e.lastEpochDay());
            }
        }
        return e;
    }

    /** What the checks that fire on a line say and offer, in the checks' order, as {@link #check} gives it without words. */
    private static void firedChecks(RuleBits bits, long answers, LineVerdict verdict) {
        for (long fired = bits.fired(answers); fired != 0; fired &= fired - 1) {
            int c = Long.numberOfTrailingZeros(fired) - bits.firstCheck();
            verdict.answer(bits.outcomes()[c], bits.says()[c]);
            verdict.offer(bits.offers()[c]);
        }
    }

    /** What the evidence rules that apply to a line still need, in the rules' order, as {@link #evidence} gives it without words. */
    private static void neededEvidence(Run run, int programIndex, RuleBits bits, long answers, LineVerdict verdict) {
        long applying = bits.applying(answers);
        if (applying == 0) {
            return;
        }
        Request.Words words = run.claim().request().words();
        for (; applying != 0; applying &= applying - 1) {
            MissingEvidence missing = run.plan().missingEvidence(programIndex, Long.numberOfTrailingZeros(applying) - bits.firstEvidence(), words);
            if (missing != null) {
                verdict.missing(missing.kinds());
                verdict.answer(Outcome.NEEDS_EVIDENCE, missing.reason());
            }
        }
    }

    /** What a check says when it fires: its words, or its outcome's. */
    static String says(Check check) {
        return check.says() != null ? check.says() : describe(check.outcome());
    }

    /**
     * {@code programIndex} and {@code checkIndex}: where the plan keeps the remedies the check offers as bits; {@code answers},
     * {@code rule}: the line's rules' answers and the place of this check's condition among them.
     */
    private static void check(Run run, int programIndex, int checkIndex, String program, Check check, Subject s, String label,
            LineVerdict verdict, long answers, int rule) {
        Map<String, String> read = run.reads();
        boolean holds;
        try {
            holds = ConditionGroup.holds(answers, rule, check.condition(), s, read);
        } catch (Unevaluable e) {
            unevaluable(run, program, check.name(), label, e.getMessage(), check.cites(), verdict);
            return;
        }
        boolean fires = check.require() ? !holds : holds;
        if (fires) {
            String says = says(check);
            run.trace().checkFired(program, check, label, read, says);
            verdict.answer(check.outcome(), says);
            if (check.outcome() != Outcome.APPROVED) {
                int bits = run.plan() != null ? run.plan().checkOffers(programIndex, checkIndex) : LineVerdict.offerBits(check.offers());
                verdict.offer(check.offers(), bits, run.recording());
            }
        } else {
            run.trace().checkHeld(program, check, label, read);
        }
    }

    /** A rule that cannot be evaluated sends the claim to review, with the reason in the explanation; it never "does not apply". */
    private static void unevaluable(Run run, String program, String rule, String label, String why, List<org.openrma.decision.Citation> cites, LineVerdict verdict) {
        run.trace().unevaluable(program, rule, label, why, cites);
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

    /**
     * {@code programIndex} and {@code ruleIndex}: where the plan keeps the rule's answers; {@code answers}, {@code when}: the
     * line's rules' answers and the place of this rule's {@code when} among them.
     */
    private static void evidence(Run run, int programIndex, int ruleIndex, String program, EvidenceRule rule, Subject s, String label,
            LineVerdict verdict, long answers, int when) {
        Map<String, String> read = run.reads();
        try {
            if (!ConditionGroup.holds(answers, when, rule.when(), s, read)) {
                run.trace().evidenceNotNeeded(program, rule, label, read);
                return;
            }
        } catch (Unevaluable e) {
            unevaluable(run, program, rule.name(), label, e.getMessage(), rule.cites(), verdict);
            return;
        }
        Request.Words words = run.claim().request().words();
        run.trace().read(read, "evidence", words.evidence());
        // the words for what is missing depend only on the rule and which of its kinds are missing: the plan has them written
        MissingEvidence missing = run.plan() != null ? run.plan().missingEvidence(programIndex, ruleIndex, words)
                : MissingEvidence.find(rule, words.evidence());
        if (missing == null) {
            run.trace().evidenceSupplied(program, rule, label, read);
            return;
        }
        run.trace().evidenceMissing(program, rule, label, read, missing.needed());
        verdict.missing(missing.kinds());
        verdict.answer(Outcome.NEEDS_EVIDENCE, missing.reason());
    }

    /** A window's name in words: "claim_window_ends" is the time limit, "ship_back_by" the ship-back deadline. */
    static String windowLabel(String name) {
        return switch (name) {
            case "claim_window_ends" -> "time limit";
            default -> name.replace("_by", "").replace('_', ' ') + " deadline";
        };
    }
}

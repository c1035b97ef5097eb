package org.openrma.policy.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.openrma.calendar.BusinessCalendar;
import org.openrma.decision.Citation;
import org.openrma.decision.Outcome;
import org.openrma.money.Rounding;

/**
 * A policy version compiled from its file: everything the evaluator needs, nothing it must parse.
 *
 * @param clauses the merchant's sentences by id, in file order
 * @param discretion clauses that let agents override any decision (not a reason to review every claim)
 * @param outsideEngine clauses the engine does not decide, by id: who handles them and why
 * @param deadlines deadlines shared by every program (a program's own deadline of the same name wins)
 */
public record PolicyModel(
        String id,
        String version,
        String title,
        LocalDate effectiveFrom,
        BusinessCalendar calendar,
        Rounding rounding,
        Selection selection,
        Fallback whenNoProgramServes,
        Map<String, Citation> clauses,
        List<Citation> discretion,
        Map<String, String> outsideEngine,
        List<Program> programs,
        List<Window> deadlines,
        Declarations declarations) {

    /** How the engine chooses when several programs serve a claim. */
    public enum Selection {
        /** The best answer for the customer: approved, then needs_evidence, needs_review, rejected; ties by file order. */
        BEST_FOR_CUSTOMER,
        /**
         * Programs are listed in the merchant's order of preference: the first serving program that
         * does not reject decides (a dead-on-arrival guarantee missing one photo comes before a repair
         * warranty that would approve); when every serving program rejects, the first one does.
         */
        PREFERENCE_ORDER,
        /** The first program in the file that serves the claim decides. */
        FIRST_MATCH
    }

    /** The answer when no program serves a claim. */
    public record Fallback(Outcome outcome, List<Citation> cites, String says) {}
}

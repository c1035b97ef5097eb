package org.openrma.policy.eval;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.money.Money;
import org.openrma.decision.Citation;
import org.openrma.decision.DeductionKind;
import org.openrma.decision.ExplanationStep;
import org.openrma.decision.Outcome;
import org.openrma.decision.Payer;
import org.openrma.decision.Resolution;
import org.openrma.policy.model.PolicyModel;
import org.openrma.policy.model.Program;
import org.openrma.policy.model.Reads;
import org.openrma.policy.model.Rules;
import org.openrma.policy.model.Window;

/**
 * What the stages report as they decide: each event names the rule and the values it read, never
 * a sentence. {@link Explanation} turns the events into the merchant's explanation; {@link #NONE}
 * keeps nothing, so a decision made without explanation (bulk replay) formats no text at all.
 * Line labels ({@code line}) are the claimed line's SKU when the claim has several, else null.
 */
interface Trace {

    Trace NONE = new Trace() {};

    /** A fresh map for the values a rule reads, or {@link Reads#DISCARD}. */
    default Map<String, String> reads() {
        return Reads.DISCARD;
    }

    /** Notes a value read (formatted only when recorded). */
    default void read(Map<String, String> read, String key, Object value) {}

    // ------------------------------------------------------------ stage 1: programs

    default void serves(Program program, boolean serves, Map<String, String> read) {}

    default void whenRejected(Program program, String line) {}

    default void unevaluable(String program, String rule, String line, String why, List<Citation> cites) {}

    default void windowUncountable(String program, Window w, String line, Map<String, String> read) {}

    default void windowOpen(String program, Window w, String line, Map<String, String> read, boolean measured, Window.End end) {}

    default void windowMissed(String program, Window w, String line, Map<String, String> read, boolean measured, Window.End end) {}

    /** The reason a line gives for a missed window (only kept with the explanation). */
    default String missedWindowReason(Window w, boolean measured, Window.End end) {
        return null;
    }

    default void checkFired(String program, Rules.Check check, String line, Map<String, String> read, String says) {}

    /** A check that did not fire: a requirement met, or an {@code if} that does not apply (never decisive). */
    default void checkHeld(String program, Rules.Check check, String line, Map<String, String> read) {}

    default void evidenceNotNeeded(String program, Rules.EvidenceRule rule, String line, Map<String, String> read) {}

    default void evidenceSupplied(String program, Rules.EvidenceRule rule, String line, Map<String, String> read) {}

    default void evidenceMissing(String program, Rules.EvidenceRule rule, String line, Map<String, String> read, String needed) {}

    /** What a program said about the claim, for its verdict (only kept with the explanation). */
    default String programSays(ProgramRun run) {
        return null;
    }

    // ------------------------------------------------------------ stage 2: selection

    default void selected(PolicyModel.Selection selection, ProgramRun chosen, int serving, boolean allReject, String kind) {}

    default void noProgramServes(PolicyModel.Fallback fallback, String kind, String reason, String says) {}

    // ------------------------------------------------------------ stage 3: offers

    default void stillAvailable(String program, Set<Resolution> resolutions) {}

    default void offered(String program, Rules.Offer offer, Map<String, String> read) {}

    default void remedyValued(String program, Rules.Offer offer, Money value) {}

    // ------------------------------------------------------------ stage 4: refund

    default void deduction(String program, Rules.Deduction d, Map<String, String> read, Money amount) {}

    default void refunded(String program, Rules.Refund rule, Money base, Money deducted, Money refund) {}

    // ------------------------------------------------------------ stage 5: shipping

    default void nothingAtMerchantsCost(String program) {}

    default void returnShippingUnsaid(String program) {}

    default void shippingRule(String program, Rules.ShippingRule rule, Map<String, String> read, String leg) {}

    default void reimbursementWithoutEvidence(String program, Rules.ShippingRule rule, Map<String, String> read) {}

    default void reimbursed(String program, Rules.ShippingRule rule, Map<String, String> read, Money amount) {}

    // ------------------------------------------------------------ stage 6: dates

    default void notDueYet(String program, Window w, Map<String, String> read) {}

    default void due(String program, Window w, Map<String, String> read, Window.End end) {}

    default void component(String program, Rules.Component c, Map<String, String> read, boolean covered, Window.End end) {}

    // ------------------------------------------------------------ the result

    /** The summary sentence; empty without an explanation. */
    default String summary(Outcome outcome, Program program, Set<Resolution> resolutions, Money refund, Map<DeductionKind, Money> deductions,
            Payer returnPayer, List<String> missing, ProgramRun chosen) {
        return "";
    }

    default List<ExplanationStep> steps() {
        return List.of();
    }

    /** The clauses that decided {@code outcome}, from the rules recorded (see {@code Decision.decisiveCitations}). */
    default List<Citation> decisive(Outcome outcome, String program) {
        return List.of();
    }
}

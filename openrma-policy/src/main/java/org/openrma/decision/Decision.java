package org.openrma.decision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.money.Money;

/**
 * The engine's answer to a claim under one policy version, with every amount, party, date and
 * the explanation that led there.
 *
 * @param program the program that decided, or null when no program serves the claim
 * @param resolutions the remedies offered; a rejected claim may still offer paid ones
 * @param chosenBy who picks among the resolutions
 * @param needsConsent a substitute replacement is offered and waits for the customer's consent
 * @param refund money back to the original payment method if a refund is the resolution taken
 * @param deductions what was deducted from the refund, by kind; zero amounts are left out
 * @param outboundShippingPaidBy who pays to ship a replacement or repaired unit back, if any
 * @param missingEvidence evidence kinds still needed, as words (standard or declared by the policy)
 * @param deadlines window ends and SLA due dates in the merchant's time zone, by name
 * @param programs every program the engine considered and how each answered
 * @param legal what consumer law added (statutory routes, legal basis, overrides), or null when no statutory pack applied
 */
public record Decision(
        Outcome outcome,
        String program,
        Set<Resolution> resolutions,
        Chooser chosenBy,
        boolean needsConsent,
        Money refund,
        Map<DeductionKind, Money> deductions,
        Payer returnShippingPaidBy,
        Money returnShippingReimbursed,
        Payer outboundShippingPaidBy,
        List<String> missingEvidence,
        Map<String, LocalDate> deadlines,
        PolicyVersionRef policyVersion,
        List<ProgramVerdict> programs,
        List<LineResult> lines,
        List<ExplanationStep> explanation,
        String summary,
        List<Remedy> remedies,
        LegalAssessment legal) {

    public Decision(Outcome outcome, String program, Set<Resolution> resolutions, Chooser chosenBy, boolean needsConsent, Money refund,
            Map<DeductionKind, Money> deductions, Payer returnShippingPaidBy, Money returnShippingReimbursed, Payer outboundShippingPaidBy,
            List<String> missingEvidence, Map<String, LocalDate> deadlines, PolicyVersionRef policyVersion, List<ProgramVerdict> programs,
            List<LineResult> lines, List<ExplanationStep> explanation, String summary, List<Remedy> remedies) {
        this(outcome, program, resolutions, chosenBy, needsConsent, refund, deductions, returnShippingPaidBy, returnShippingReimbursed,
                outboundShippingPaidBy, missingEvidence, deadlines, policyVersion, programs, lines, explanation, summary, remedies, null);
    }

    public Decision(Outcome outcome, String program, Set<Resolution> resolutions, Chooser chosenBy, boolean needsConsent, Money refund,
            Map<DeductionKind, Money> deductions, Payer returnShippingPaidBy, Money returnShippingReimbursed, Payer outboundShippingPaidBy,
            List<String> missingEvidence, Map<String, LocalDate> deadlines, PolicyVersionRef policyVersion, List<ProgramVerdict> programs,
            List<LineResult> lines, List<ExplanationStep> explanation, String summary) {
        this(outcome, program, resolutions, chosenBy, needsConsent, refund, deductions, returnShippingPaidBy, returnShippingReimbursed,
                outboundShippingPaidBy, missingEvidence, deadlines, policyVersion, programs, lines, explanation, summary, List.of());
    }

    public Decision {
        resolutions = Set.copyOf(resolutions);
        deductions = Map.copyOf(deductions);
        missingEvidence = List.copyOf(missingEvidence);
        deadlines = Map.copyOf(deadlines);
        programs = List.copyOf(programs);
        lines = List.copyOf(lines);
        explanation = List.copyOf(explanation);
        remedies = List.copyOf(remedies);
    }

    /** Every clause the explanation cites, in order of first citation, without repeats. */
    public List<Citation> citations() {
        var seen = new java.util.LinkedHashMap<String, Citation>();
        explanation.forEach(step -> step.cites().forEach(c -> seen.putIfAbsent(c.id(), c)));
        return List.copyOf(seen.values());
    }
}

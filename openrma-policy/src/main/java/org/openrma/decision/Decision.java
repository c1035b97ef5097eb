package org.openrma.decision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * @param decisiveCitations the clauses that decided the outcome (a subset of {@link #citations()}): for an approval, the
 *        rules of the deciding program that passed on something read from the claim; otherwise the rules that failed or
 *        applied. The engine records which rules these are, so rewording an explanation never changes them. Empty when the
 *        decision was made without an explanation.
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
        List<Citation> decisiveCitations,
        LegalAssessment legal) {

    public Decision(Outcome outcome, String program, Set<Resolution> resolutions, Chooser chosenBy, boolean needsConsent, Money refund,
            Map<DeductionKind, Money> deductions, Payer returnShippingPaidBy, Money returnShippingReimbursed, Payer outboundShippingPaidBy,
            List<String> missingEvidence, Map<String, LocalDate> deadlines, PolicyVersionRef policyVersion, List<ProgramVerdict> programs,
            List<LineResult> lines, List<ExplanationStep> explanation, String summary, List<Remedy> remedies, List<Citation> decisiveCitations) {
        this(outcome, program, resolutions, chosenBy, needsConsent, refund, deductions, returnShippingPaidBy, returnShippingReimbursed,
                outboundShippingPaidBy, missingEvidence, deadlines, policyVersion, programs, lines, explanation, summary, remedies, decisiveCitations,
                null);
    }

    public Decision(Outcome outcome, String program, Set<Resolution> resolutions, Chooser chosenBy, boolean needsConsent, Money refund,
            Map<DeductionKind, Money> deductions, Payer returnShippingPaidBy, Money returnShippingReimbursed, Payer outboundShippingPaidBy,
            List<String> missingEvidence, Map<String, LocalDate> deadlines, PolicyVersionRef policyVersion, List<ProgramVerdict> programs,
            List<LineResult> lines, List<ExplanationStep> explanation, String summary) {
        this(outcome, program, resolutions, chosenBy, needsConsent, refund, deductions, returnShippingPaidBy, returnShippingReimbursed,
                outboundShippingPaidBy, missingEvidence, deadlines, policyVersion, programs, lines, explanation, summary, List.of());
    }

    public Decision(Outcome outcome, String program, Set<Resolution> resolutions, Chooser chosenBy, boolean needsConsent, Money refund,
            Map<DeductionKind, Money> deductions, Payer returnShippingPaidBy, Money returnShippingReimbursed, Payer outboundShippingPaidBy,
            List<String> missingEvidence, Map<String, LocalDate> deadlines, PolicyVersionRef policyVersion, List<ProgramVerdict> programs,
            List<LineResult> lines, List<ExplanationStep> explanation, String summary, List<Remedy> remedies) {
        this(outcome, program, resolutions, chosenBy, needsConsent, refund, deductions, returnShippingPaidBy, returnShippingReimbursed,
                outboundShippingPaidBy, missingEvidence, deadlines, policyVersion, programs, lines, explanation, summary, remedies, List.of());
    }

    /**
     * A decision no program made (no program serves the claim, or no policy version was in force): nothing is offered,
     * nothing is refunded, the customer pays any shipping, and the explanation says why. {@code zero}: zero in the order's
     * currency (Money is immutable, so the caller's own serves for the refund and the reimbursement).
     */
    public static Decision withoutProgram(Outcome outcome, Money zero, PolicyVersionRef policyVersion,
            List<ProgramVerdict> programs, List<LineResult> lines, List<ExplanationStep> explanation, String summary,
            List<Citation> decisiveCitations) {
        if (!zero.isZero()) {
            throw new IllegalArgumentException("a decision no program made refunds nothing, not " + zero);
        }
        return new Decision(outcome, null, Set.of(), Chooser.MERCHANT, false, zero, Map.of(), Payer.CUSTOMER, zero, null, List.of(), Map.of(),
                policyVersion, programs, lines, explanation, summary, List.of(), decisiveCitations);
    }

    public Decision {
        // What the engine hands over cannot change already, and a replay makes millions of decisions a second: each component
        // is tested by its class before copyOf is asked, in methods of their own, so that this constructor compiles small
        // enough for the JIT to inline into the engine, where copyOf's own paths made it too large to (bench/BENCHMARKS-history.md, E12).
        // What it keeps, copyOf would have returned as it is, or is one of the engine's read-only views.
        resolutions = Immutable.set(resolutions);
        deductions = Immutable.map(deductions);
        missingEvidence = Immutable.list(missingEvidence);
        deadlines = deadlines instanceof DatesByName ? deadlines : Immutable.map(deadlines);
        programs = Immutable.list(programs);
        lines = Immutable.list(lines);
        explanation = Immutable.list(explanation);
        remedies = Immutable.list(remedies);
        decisiveCitations = Immutable.list(decisiveCitations);
    }

    /**
     * A component as the decision keeps it: as it is when it cannot change (the JDK's immutable collections that
     * {@code copyOf} hands back uncopied, or a view the engine renders or maps when read), else an immutable copy.
     */
    private static final class Immutable {
        private static final Class<?> SET_OF_ONE_OR_TWO = Set.of(1).getClass();
        private static final Class<?> SET_OF_MORE = Set.of().getClass();
        private static final Class<?> MAP_OF_ONE = Map.of(1, 1).getClass();
        private static final Class<?> MAP_OF_MORE = Map.of().getClass();
        private static final Class<?> LIST_OF_ONE_OR_TWO = List.of(1).getClass();
        private static final List<?> NO_ELEMENTS = List.of();

        static <E> Set<E> set(Set<E> set) {
            return set.getClass() == SET_OF_ONE_OR_TWO || set.getClass() == SET_OF_MORE ? set : Set.copyOf(set);
        }

        static <K, V> Map<K, V> map(Map<K, V> map) {
            return map.getClass() == MAP_OF_ONE || map.getClass() == MAP_OF_MORE ? map : Map.copyOf(map);
        }

        /**
         * A List.of of three or more elements and a stream's toList share a class, and the second may hold a null: such a list
         * is left to List.copyOf, which keeps the first and copies the second.
         */
        static <E> List<E> list(List<E> list) {
            return list.getClass() == LIST_OF_ONE_OR_TWO || list == NO_ELEMENTS || list instanceof RenderedOnRead<E>
                    || list instanceof MappedOnRead<?, E> ? list : List.copyOf(list);
        }
    }

    /**
     * One sentence for the outcome, what is offered, the refund and who pays return shipping. A decision the engine
     * explains later (its explanation {@link RenderedOnRead}) is made without it and writes it on first read, with the
     * same words; equality, hash and text compare the summary as read, so the two are equal.
     */
    @Override
    public String summary() {
        return summary == null && explanation instanceof RenderedOnRead<ExplanationStep> words ? words.summary() : summary;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decision d && outcome == d.outcome && Objects.equals(program, d.program) && Objects.equals(resolutions, d.resolutions)
                && chosenBy == d.chosenBy && needsConsent == d.needsConsent && Objects.equals(refund, d.refund)
                && Objects.equals(deductions, d.deductions) && returnShippingPaidBy == d.returnShippingPaidBy
                && Objects.equals(returnShippingReimbursed, d.returnShippingReimbursed) && outboundShippingPaidBy == d.outboundShippingPaidBy
                && Objects.equals(missingEvidence, d.missingEvidence) && Objects.equals(deadlines, d.deadlines)
                && Objects.equals(policyVersion, d.policyVersion) && Objects.equals(programs, d.programs) && Objects.equals(lines, d.lines)
                && Objects.equals(explanation, d.explanation) && Objects.equals(summary(), d.summary()) && Objects.equals(remedies, d.remedies)
                && Objects.equals(decisiveCitations, d.decisiveCitations) && Objects.equals(legal, d.legal);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcome, program, resolutions, chosenBy, needsConsent, refund, deductions, returnShippingPaidBy,
                returnShippingReimbursed, outboundShippingPaidBy, missingEvidence, deadlines, policyVersion, programs, lines, explanation,
                summary(), remedies, decisiveCitations, legal);
    }

    @Override
    public String toString() {
        return "Decision[outcome=" + outcome + ", program=" + program + ", resolutions=" + resolutions + ", chosenBy=" + chosenBy
                + ", needsConsent=" + needsConsent + ", refund=" + refund + ", deductions=" + deductions + ", returnShippingPaidBy="
                + returnShippingPaidBy + ", returnShippingReimbursed=" + returnShippingReimbursed + ", outboundShippingPaidBy="
                + outboundShippingPaidBy + ", missingEvidence=" + missingEvidence + ", deadlines=" + deadlines + ", policyVersion="
                + policyVersion + ", programs=" + programs + ", lines=" + lines + ", explanation=" + explanation + ", summary=" + summary()
                + ", remedies=" + remedies + ", decisiveCitations=" + decisiveCitations + ", legal=" + legal + "]";
    }

    /** Every clause the explanation cites, in order of first citation, without repeats. */
    public List<Citation> citations() {
        var seen = new java.util.LinkedHashMap<String, Citation>();
        explanation.forEach(step -> step.cites().forEach(c -> seen.putIfAbsent(c.id(), c)));
        return List.copyOf(seen.values());
    }
}

package org.openrma.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.joda.money.Money;
import org.openrma.claim.Claim;
import org.openrma.decision.Citation;
import org.openrma.decision.Decision;
import org.openrma.decision.Detail;
import org.openrma.decision.ExplanationStep;
import org.openrma.decision.LineResult;
import org.openrma.decision.Outcome;
import org.openrma.decision.PolicyVersionRef;
import org.openrma.decision.StepResult;
import org.openrma.policy.model.WordGate;
import org.openrma.policy.model.PolicyModel;
import org.openrma.policy.eval.Evaluator;

/** One policy version, compiled once from its file and ready to decide any number of claims. */
public final class CompiledPolicy {

    private final PolicyModel model;
    private final PolicyVersionRef ref;
    private final String fileName;
    private final String sourceText;
    private final List<Diagnostic> warnings;
    private final WordGate gate;
    private final org.openrma.policy.eval.Plan plan;
    /** The first instant of the day the version comes into force, in its calendar's zone: which version decides is one comparison. */
    private final Instant inForceFrom;

    CompiledPolicy(PolicyModel model, PolicyVersionRef ref, String fileName, String sourceText, List<Diagnostic> warnings) {
        this.model = model;
        this.ref = ref;
        this.fileName = fileName;
        this.sourceText = sourceText;
        this.warnings = List.copyOf(warnings);
        this.gate = new WordGate(model.declarations());
        this.plan = org.openrma.policy.eval.Plan.of(model);
        this.inForceFrom = model.calendar().startOfDay(model.effectiveFrom());
    }

    /** Decides a claim; {@code now} is the instant of evaluation (deadlines not yet met are judged against it). */
    public Decision decide(Claim claim, Instant now) {
        return decide(claim, now, Detail.FULL);
    }

    /**
     * Decides a claim, with or without the explanation (the outcome, money, parties and dates are the same). The claim's
     * words are checked against the policy's vocabularies as sets built at compile time ({@link WordGate}). With
     * {@link Detail#FULL} the explanation, the summary, the decisive clauses, each program's verdict and each line's reasons
     * are written when first read (by deciding again with words), word for word as {@link #decideByReference} writes them at once.
     */
    public Decision decide(Claim claim, Instant now, Detail detail) {
        gate.check(claim);
        return Evaluator.decideExplainedOnRead(plan, model, ref, claim, now, detail);
    }

    /**
     * The reference: the general claim check ({@code ClaimCheck}) instead of the word sets, and every word of the
     * explanation written as the evaluator decides. What {@link #decide} must agree with.
     */
    public Decision decideByReference(Claim claim, Instant now, Detail detail) {
        check(claim);
        return Evaluator.decide(model, ref, claim, now, detail);
    }

    /**
     * What each program would answer if it alone decided, in file order, without checking the claim
     * against this policy's declarations (the statutory layer composes a pack's programs with a
     * merchant's, and reads claims written for the merchant). A program that does not serve the
     * claim answers with its verdict "not applicable" ({@code programs().getFirst().served()} false).
     */
    public List<Decision> decideEachProgram(Claim claim, Instant now) {
        List<Decision> out = new java.util.ArrayList<>(model.programs().size());
        for (var program : model.programs()) {
            var alone = new PolicyModel(model.id(), model.version(), model.title(), model.effectiveFrom(), model.calendar(), model.rounding(),
                    PolicyModel.Selection.FIRST_MATCH, model.whenNoProgramServes(), model.clauses(), model.discretion(), model.outsideEngine(),
                    List.of(program), model.deadlines(), model.declarations());
            out.add(Evaluator.decide(alone, ref, claim, now, Detail.FULL));
        }
        return out;
    }

    /**
     * Refuses a claim this version cannot read: a word beyond the standard vocabularies that the
     * policy does not declare, or a declared attribute whose value does not fit its type.
     *
     * @throws org.openrma.claim.InvalidClaimException naming every field and what the policy accepts
     */
    public void check(Claim claim) {
        org.openrma.policy.model.ClaimCheck.against(model.declarations(), claim);
    }

    /** The answer for an order placed before this policy's first version was in force. */
    Decision noVersionInForce(Claim claim) {
        String says = "No version of policy '" + model.id() + "' was in force when the order was placed ("
                + claim.order().placedAt() + "); its first version starts " + model.effectiveFrom() + ". An agent decides.";
        var step = new ExplanationStep(null, "version", null, StepResult.NOT_EVALUATED,
                Map.of("order.placed_at", claim.order().placedAt().toString()), says, List.of());
        List<LineResult> lines = claim.claimedLines().stream()
                .map(l -> new LineResult(l.line().sku(), l.requested().quantity(), Outcome.NEEDS_REVIEW, l.price(), List.of(says))).toList();
        return Decision.withoutProgram(Outcome.NEEDS_REVIEW, Money.zero(claim.order().currency()), ref, List.of(), lines, List.of(step), "Needs review: " + says,
                List.of());
    }

    /**
     * How the program {@code programId} (a decision's {@code program}) charges for a return label;
     * empty when the policy has no such program. The deduction's own conditions still decide, claim
     * by claim, whether it applies: this says only what it would deduct.
     */
    public java.util.Optional<LabelCharge> labelCharge(String programId) {
        return model.programs().stream().filter(p -> p.id().equals(programId)).findFirst().map(program -> {
            LabelCharge charge = LabelCharge.NONE;
            for (var d : program.deductions()) {
                if (d.kind() == org.openrma.decision.DeductionKind.RETURN_LABEL) {
                    if (d.source() == org.openrma.policy.model.Rules.AmountSource.RETURN_SHIPPING) {
                        return LabelCharge.ACTUAL_COST;
                    }
                    charge = LabelCharge.POLICY_AMOUNT;
                }
            }
            return charge;
        });
    }

    public String id() {
        return model.id();
    }

    public String version() {
        return model.version();
    }

    public String title() {
        return model.title();
    }

    public LocalDate effectiveFrom() {
        return model.effectiveFrom();
    }

    /**
     * Whether this version is in force at the instant (the order's placement): its first day has begun in the policy's time
     * zone. That day's first instant is worked out once, when the version is compiled.
     */
    public boolean inForceAt(Instant instant) {
        // the same as "effective_from is not after the instant's date in the calendar's zone", without making that date
        return !instant.isBefore(inForceFrom);
    }

    public PolicyVersionRef ref() {
        return ref;
    }

    public String fileName() {
        return fileName;
    }

    public String sourceText() {
        return sourceText;
    }

    /** Warnings the linter found; a compiled policy has no errors. */
    public List<Diagnostic> warnings() {
        return warnings;
    }

    /** The merchant's clauses by id. */
    public Map<String, Citation> clauses() {
        return model.clauses();
    }

    /** Clauses that let agents override any decision (the text's blanket discretion). */
    public List<Citation> discretion() {
        return model.discretion();
    }

    /** Each clause with the rules that encode it, or who handles it outside the engine. */
    public List<org.openrma.policy.lint.Coverage.ClauseUse> coverage() {
        return org.openrma.policy.lint.Coverage.of(model);
    }

    /**
     * Whether some program could serve a claim of this kind for this reason, judged on its {@code serves} alone with every
     * other field unknown ({@link org.openrma.policy.model.Serving}); with {@code reason} null, for any reason.
     */
    public boolean mayServe(String kind, String reason) {
        return org.openrma.policy.model.Serving.mayServe(model.programs(), kind, reason);
    }

    /** The item conditions the policy adds to the standard ones ({@code vocabulary.conditions}), in the file's order. */
    public java.util.Set<String> declaredConditions() {
        return model.declarations().declared(org.openrma.policy.model.Declarations.Vocabularies.CONDITIONS);
    }
}

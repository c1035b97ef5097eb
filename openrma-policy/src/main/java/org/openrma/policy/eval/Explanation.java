package org.openrma.policy.eval;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openrma.claim.Vocabulary;
import org.openrma.decision.Citation;
import org.openrma.decision.DeductionKind;
import org.openrma.decision.ExplanationStep;
import org.openrma.decision.Outcome;
import org.openrma.decision.Payer;
import org.openrma.decision.Resolution;
import org.openrma.decision.StepResult;
import org.openrma.policy.model.PolicyModel;
import org.openrma.policy.model.Program;
import org.openrma.policy.model.Reads;
import org.openrma.policy.model.Rules;
import org.openrma.policy.model.Window;

/**
 * The trace that records: every event becomes an {@link ExplanationStep} with the values read and
 * a sentence a customer could read. All of the engine's English lives here, apart from the reasons a
 * line gives (which are part of the decision) and the policy's own {@code says}.
 */
final class Explanation implements Trace {

    private final CurrencyUnit currency;
    private final List<ExplanationStep> steps = new ArrayList<>();
    /** Steps of {@code if} checks that did not fire: they pass, but they decided nothing. */
    private final BitSet didNotApply = new BitSet();

    Explanation(CurrencyUnit currency) {
        this.currency = currency;
    }

    @Override
    public Map<String, String> reads() {
        return new LinkedHashMap<>();
    }

    @Override
    public void read(Map<String, String> read, String key, Object value) {
        format(read, key, value);
    }

    /** How a value read appears in the explanation. */
    static void format(Map<String, String> read, String key, Object value) {
        read.put(key, Reads.text(value));
    }

    // ------------------------------------------------------------ stage 1: programs

    @Override
    public void serves(Program program, boolean serves, Map<String, String> read) {
        step(program.id(), program.id() + ".serves", null, serves ? StepResult.APPLIED : StepResult.NOT_APPLICABLE, read,
                "'" + program.title() + (serves ? "' serves this claim." : "' does not serve this claim."), List.of());
    }

    @Override
    public void whenRejected(Program program, String line) {
        Rules.WhenRejected w = program.whenRejected();
        step(program.id(), program.id() + ".when_rejected", line, StepResult.APPLIED, Map.of(),
                w.says() != null ? w.says() : "Requests outside this program's conditions are handled case by case.", w.cites());
    }

    @Override
    public void unevaluable(String program, String rule, String line, String why, List<Citation> cites) {
        step(program, rule, line, StepResult.NOT_EVALUATED, Map.of("error", why), "This rule could not be evaluated (" + why + "); an agent decides.",
                cites);
    }

    @Override
    public void windowUncountable(String program, Window w, String line, Map<String, String> read) {
        step(program, program + "." + w.name(), line, StepResult.NOT_EVALUATED, read,
                "The window cannot be counted: the event it starts from has not happened yet.", w.cites());
    }

    @Override
    public void windowOpen(String program, Window w, String line, Map<String, String> read, boolean measured, Window.End end) {
        lastDay(read, end);
        step(program, program + "." + w.name(), line, StepResult.PASSED, read,
                (measured ? "Within the window (" : "The window is still open (") + span(end) + ").", w.cites());
    }

    @Override
    public void windowMissed(String program, Window w, String line, Map<String, String> read, boolean measured, Window.End end) {
        lastDay(read, end);
        String says = w.says() != null ? w.says() : (measured ? "Outside the window (" + span(end) + ")."
                : "The deadline passed without the " + w.bounds().wire().replace('_', ' ') + " event (" + span(end) + ").");
        step(program, program + "." + w.name(), line, StepResult.FAILED, read, says, w.cites());
    }

    @Override
    public String missedWindowReason(Window w, boolean measured, Window.End end) {
        return missedReason(w, measured, end);
    }

    static String missedReason(Window w, boolean measured, Window.End end) {
        return measured ? "outside the " + Programs.windowLabel(w.name()) + " (" + span(end) + ")" : "the " + Programs.windowLabel(w.name()) + " passed (" + span(end) + ")";
    }

    @Override
    public void checkFired(String program, Rules.Check check, String line, Map<String, String> read, String says) {
        step(program, check.name(), line, check.require() || check.outcome() != Outcome.APPROVED ? StepResult.FAILED : StepResult.APPLIED,
                read, says, check.cites());
    }

    @Override
    public void checkHeld(String program, Rules.Check check, String line, Map<String, String> read) {
        if (!check.require()) {
            didNotApply.set(steps.size());
        }
        step(program, check.name(), line, StepResult.PASSED, read, check.require() ? "Requirement met." : "Does not apply to this claim.",
                check.cites());
    }

    @Override
    public void evidenceNotNeeded(String program, Rules.EvidenceRule rule, String line, Map<String, String> read) {
        step(program, rule.name(), line, StepResult.NOT_APPLICABLE, read, "No evidence of this kind is needed for this claim.", rule.cites());
    }

    @Override
    public void evidenceSupplied(String program, Rules.EvidenceRule rule, String line, Map<String, String> read) {
        step(program, rule.name(), line, StepResult.PASSED, read, "The evidence needed has been supplied.", rule.cites());
    }

    @Override
    public void evidenceMissing(String program, Rules.EvidenceRule rule, String line, Map<String, String> read, String needed) {
        step(program, rule.name(), line, StepResult.FAILED, read, rule.says() != null ? rule.says() : "Still needed: " + needed + ".", rule.cites());
    }

    @Override
    public String programSays(ProgramRun run) {
        return says(run);
    }

    static String says(ProgramRun run) {
        return run.served() ? reasons(run) : "does not serve this claim";
    }

    /** Every line's reasons, each once, in order, joined by "; " ("" when no line gives one, as most approvals). */
    static String reasons(ProgramRun run) {
        String only = null;
        String[] distinct = null;                                       // made for a second reason: most runs give one or none
        int count = 0;
        List<LineVerdict> lines = run.lines();
        for (int i = 0; i < lines.size(); i++) {
            List<String> reasons = lines.get(i).reasons();
            for (int r = 0; r < reasons.size(); r++) {
                String reason = reasons.get(r);
                if (only == null) {
                    only = reason;
                } else if (!only.equals(reason)) {
                    if (distinct == null) {
                        distinct = new String[4];
                        distinct[count++] = only;
                    }
                    if (!among(distinct, count, reason)) {
                        if (count == distinct.length) {
                            distinct = java.util.Arrays.copyOf(distinct, count * 2);
                        }
                        distinct[count++] = reason;
                    }
                }
            }
        }
        if (distinct == null) {
            return only != null ? only : "";
        }
        int length = 2 * (count - 1);                                   // sized at once, as String.join does: never grown
        for (int i = 0; i < count; i++) {
            length += distinct[i].length();
        }
        StringBuilder joined = new StringBuilder(length).append(distinct[0]);
        for (int i = 1; i < count; i++) {
            joined.append("; ").append(distinct[i]);
        }
        return joined.toString();
    }

    /** Whether an equal reason is among the first {@code count}: the handful a run gives is searched faster than hashed. */
    private static boolean among(String[] reasons, int count, String reason) {
        for (int i = 0; i < count; i++) {
            if (reasons[i].equals(reason)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------ stage 2: selection

    @Override
    public void selected(PolicyModel.Selection selection, ProgramRun chosen, int serving, boolean allReject, String kind) {
        step(null, "selection", null, StepResult.APPLIED, Map.of("programs_serving", String.valueOf(serving)),
                "Program '" + chosen.program.id() + "' decides: " + switch (selection) {
                    case FIRST_MATCH -> "it is the first program in the policy that serves this claim.";
                    case PREFERENCE_ORDER -> chosen.outcome == Outcome.REJECTED
                            ? "every program serving this claim rejects it; the refusal shown is the one of the first program that names the claim's kind ("
                                    + kind + "), else the first listed. Every program's reasons are listed under programs."
                            : "it is the policy's first preference among the programs that do not reject this claim.";
                    case BEST_FOR_CUSTOMER -> allReject
                            ? "every program serving this claim rejects it; the refusal shown is the one of the first program that names the claim's kind, else the first listed."
                            : "of the programs serving this claim, it gives the best answer for the customer (ties go to the program listed first).";
                },
                List.of());
    }

    @Override
    public void noProgramServes(PolicyModel.Fallback fallback, String kind, String reason, String says) {
        step(null, "when_no_program_serves", null, StepResult.APPLIED, Map.of("kind", kind, "reason", reason), says, fallback.cites());
    }

    // ------------------------------------------------------------ stage 3: offers

    @Override
    public void stillAvailable(String program, Set<Resolution> resolutions) {
        step(program, program + ".offers", null, StepResult.APPLIED, Map.of(), "Still available at the customer's cost: " + words(resolutions) + ".",
                List.of());
    }

    @Override
    public void offered(String program, Rules.Offer offer, Map<String, String> read) {
        step(program, program + ".resolutions." + offer.resolution().wire(), null, StepResult.APPLIED, read,
                "Offers " + offer.resolution().wire().replace('_', ' ') + (offer.needsConsent() ? " (with the customer's consent)" : "") + ".",
                offer.cites());
    }

    @Override
    public void remedyValued(String program, Rules.Offer offer, Money value) {
        if (offer.bonusPercent() == null && offer.upToPercent() == null) {
            return;
        }
        String remedy = capitalize(offer.resolution().wire().replace('_', ' '));
        step(program, program + ".remedy." + offer.resolution().wire(), null, StepResult.APPLIED, Map.of(),
                offer.upToPercent() != null
                        ? remedy + " of up to " + offer.upToPercent().toPlainString() + "% (" + value.getAmount().toPlainString() + " "
                                + currency.getCode() + "): an agent sets the amount."
                        : remedy + " worth " + value.getAmount().toPlainString() + " " + currency.getCode() + " ("
                                + offer.bonusPercent().toPlainString() + "% bonus).",
                offer.cites());
    }

    // ------------------------------------------------------------ stage 4: refund

    @Override
    public void deduction(String program, Rules.Deduction d, Map<String, String> read, Money amount) {
        String kind = d.kind().wire().replace('_', ' ');
        if (amount.isPositive()) {
            step(program, d.name(), null, StepResult.APPLIED, read, d.says() != null ? d.says() + " (" + amount.getAmount().toPlainString() + ")"
                    : "Deducts " + amount.getAmount().toPlainString() + " as " + kind + ".", d.cites());
        } else {
            step(program, d.name(), null, StepResult.NOT_APPLICABLE, read, "Nothing to deduct as " + kind + ".", d.cites());
        }
    }

    @Override
    public void refunded(String program, Rules.Refund rule, Money base, Money deducted, Money refund) {
        step(program, program + ".refund", null, StepResult.APPLIED,
                Map.of("base", base.getAmount().toPlainString(), "deducted", deducted.getAmount().toPlainString()),
                "Refund " + refund.getAmount().toPlainString() + " " + currency.getCode() + " to the original payment method.", rule.cites());
    }

    // ------------------------------------------------------------ stage 5: shipping

    @Override
    public void nothingAtMerchantsCost(String program) {
        step(program, program + ".return_shipping", null, StepResult.APPLIED, Map.of(),
                "Nothing is authorized at the merchant's cost: any return shipping is the customer's.", List.of());
    }

    @Override
    public void returnShippingUnsaid(String program) {
        step(program, program + ".return_shipping", null, StepResult.NOT_EVALUATED, Map.of(),
                "The policy does not say who pays return shipping in this case; an agent decides.", List.of());
    }

    @Override
    public void shippingRule(String program, Rules.ShippingRule rule, Map<String, String> read, String leg) {
        String says = rule.says() != null ? rule.says()
                : "The " + rule.paidBy().wire() + " pays " + leg + (rule.method() != null ? " (" + rule.method().wire().replace('_', ' ') + ")" : "")
                        + (rule.upgradePaidBy() != null ? "; a faster service is paid by the " + rule.upgradePaidBy().wire() : "") + ".";
        step(program, rule.name(), null, StepResult.APPLIED, read, says, rule.cites());
    }

    @Override
    public void reimbursementWithoutEvidence(String program, Rules.ShippingRule rule, Map<String, String> read) {
        step(program, rule.name() + ".reimbursement", null, StepResult.NOT_EVALUATED, read,
                "Return postage is reimbursed on a valid " + rule.requires().wire().replace('_', ' ') + "; none has been supplied.", rule.cites());
    }

    @Override
    public void reimbursed(String program, Rules.ShippingRule rule, Map<String, String> read, Money amount) {
        step(program, rule.name() + ".reimbursement", null, amount.isPositive() ? StepResult.APPLIED : StepResult.NOT_APPLICABLE, read,
                "Reimburses " + amount.getAmount().toPlainString() + " of return postage.", rule.cites());
    }

    // ------------------------------------------------------------ stage 6: dates

    @Override
    public void notDueYet(String program, Window w, Map<String, String> read) {
        step(program, program + "." + w.name(), null, StepResult.NOT_EVALUATED, read, "Not due yet: the event it counts from has not happened.",
                w.cites());
    }

    @Override
    public void due(String program, Window w, Map<String, String> read, Window.End end) {
        step(program, program + "." + w.name(), null, StepResult.APPLIED, read, "Due " + end.lastDay() + " (" + end.from() + ").", w.cites());
    }

    @Override
    public void component(String program, Rules.Component c, Map<String, String> read, boolean covered, Window.End end) {
        step(program, program + ".components." + c.id(), null, covered ? StepResult.PASSED : StepResult.FAILED, read,
                capitalize(c.id().replace('_', ' ')) + (covered ? ": covered, free of charge" : ": no longer covered, charged to the customer")
                        + (end.isUnlimited() ? " (no time limit)." : " (covered until " + end.lastDay() + ")."),
                c.cites());
    }

    // ------------------------------------------------------------ the result

    @Override
    public String summary(Outcome outcome, Program program, Set<Resolution> resolutions, Money refund, Map<DeductionKind, Money> deductions,
            Payer returnPayer, List<String> missing, ProgramRun chosen) {
        return summary(currency, outcome, program, resolutions, refund, deductions, returnPayer, missing, chosen);
    }

    static String summary(CurrencyUnit currency, Outcome outcome, Program program, Set<Resolution> resolutions, Money refund,
            Map<DeductionKind, Money> deductions, Payer returnPayer, List<String> missing, ProgramRun chosen) {
        // sized for a usual summary (one to two hundred characters), so it is not copied as it grows
        StringBuilder b = new StringBuilder(192).append(OUTCOME_IN_WORDS[outcome.ordinal()]).append(" under '").append(program.title()).append("'");
        if (outcome == Outcome.REJECTED || outcome == Outcome.NEEDS_REVIEW) {
            String why = reasons(chosen);
            if (!why.isEmpty()) {
                b.append(": ").append(why);
            }
        }
        if (outcome == Outcome.NEEDS_EVIDENCE) {
            b.append(": still needed ");
            for (int i = 0; i < missing.size(); i++) {
                (i > 0 ? b.append(", ") : b).append(missing.get(i).replace('_', ' '));
            }
        }
        if (!resolutions.isEmpty()) {
            // as words(resolutions) writes them, straight into the summary
            b.append(". Offered: ");
            boolean first = true;
            for (Resolution r : resolutions) {
                (first ? b : b.append(", ")).append(RESOLUTION_IN_WORDS[r.ordinal()]);
                first = false;
            }
        }
        if (!refund.isPositive() && !deductions.isEmpty() && outcome != Outcome.REJECTED) {
            b.append(". Charged: ").append(amounts(deductions));
        }
        if (refund.isPositive()) {
            b.append(". Refund ").append(refund.getAmount().toPlainString()).append(' ').append(currency.getCode());
            if (!deductions.isEmpty()) {
                b.append(" after deducting ").append(amounts(deductions));
            }
        }
        if (outcome != Outcome.REJECTED && returnPayer != null) {
            if (returnPayer == Payer.UNDETERMINED) {
                b.append(". Who pays return shipping is left to an agent");
            } else {
                b.append(". Return shipping is paid by the ").append(returnPayer.wire());
            }
        }
        return b.append('.').toString();
    }

    @Override
    public List<ExplanationStep> steps() {
        return steps;
    }

    /**
     * For an approval, the rules of the deciding program that passed on something read from the claim (windows,
     * requirements met, evidence supplied), but not an {@code if} check that did not apply; otherwise every rule that
     * failed or applied. Rules about the whole claim (no program) count for any program.
     */
    @Override
    public List<Citation> decisive(Outcome outcome, String program) {
        Map<String, Citation> decisive = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            ExplanationStep step = steps.get(i);
            boolean inProgram = program == null || step.program() == null || program.equals(step.program());
            boolean decides = outcome == Outcome.APPROVED
                    ? step.result() == StepResult.PASSED && !step.read().isEmpty() && !didNotApply.get(i)
                    : step.result() == StepResult.FAILED || step.result() == StepResult.APPLIED;
            if (decides && inProgram) {
                step.cites().forEach(c -> decisive.putIfAbsent(c.id(), c));
            }
        }
        return List.copyOf(decisive.values());
    }

    // ------------------------------------------------------------ words

    private void step(String program, String rule, String line, StepResult result, Map<String, String> read, String says, List<Citation> cites) {
        steps.add(new ExplanationStep(program, rule, line, result, read, says, cites));
    }

    private static void lastDay(Map<String, String> read, Window.End end) {
        if (!end.isUnlimited()) {
            read.put("last_day", end.lastDay().toString());
        }
    }

    private static String span(Window.End end) {
        return end.isUnlimited() ? "no time limit" : end.from() + ", last day " + end.lastDay();
    }

    private static String amounts(Map<DeductionKind, Money> deductions) {
        return String.join(", ", deductions.entrySet().stream()
                .map(e -> e.getValue().getAmount().toPlainString() + " " + e.getKey().wire().replace('_', ' ')).toList());
    }

    static String words(Collection<? extends Vocabulary> words) {
        return String.join(", ", words.stream().map(w -> w.wire().replace('_', ' ')).toList());
    }

    /** Each remedy as the summary lists it ("store credit"), by ordinal. */
    private static final String[] RESOLUTION_IN_WORDS = java.util.Arrays.stream(Resolution.values())
            .map(r -> r.wire().replace('_', ' ')).toArray(String[]::new);

    /** Each outcome as a summary starts with it ("Needs review"), by ordinal. */
    private static final String[] OUTCOME_IN_WORDS = java.util.Arrays.stream(Outcome.values())
            .map(o -> capitalize(o.wire().replace('_', ' '))).toArray(String[]::new);

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

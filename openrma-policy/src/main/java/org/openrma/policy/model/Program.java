package org.openrma.policy.model;

import java.util.List;
import org.openrma.policy.model.Rules.Check;
import org.openrma.policy.model.Rules.Deduction;
import org.openrma.policy.model.Rules.EvidenceRule;
import org.openrma.policy.model.Rules.Refund;
import org.openrma.policy.model.Rules.Resolutions;
import org.openrma.policy.model.Rules.ShippingRule;

/**
 * A named coverage of a policy (a return, a dead-on-arrival guarantee, a repair warranty, a
 * cancellation window, ...): the claims it serves, its window, its checks, the evidence it needs,
 * the remedies it offers, its money, its shipping legs and its deadlines.
 */
public record Program(
        String id,
        String title,
        Condition serves,
        Window window,
        List<Check> checks,
        List<EvidenceRule> evidence,
        Resolutions resolutions,
        Refund refund,
        List<Deduction> deductions,
        List<ShippingRule> returnShipping,
        List<ShippingRule> outboundShipping,
        List<Window> deadlines,
        List<Rules.Component> components,
        Rules.WhenRejected whenRejected,
        ConditionGroup lineRules) {

    /**
     * {@code lineRules}: the conditions of {@link #lineRuleConditions} answered together, or null when they are not (too many
     * of them, or a program made without code): each is then asked on its own.
     */
    public Program {
        components = List.copyOf(components);
        int lineRuleCount = lineRuleConditions(window, deadlines, checks, evidence).size();
        if (lineRules != null && lineRules.size() != lineRuleCount) {
            throw new IllegalArgumentException("program " + id + ": its line rules' group answers " + lineRules.size()
                    + " conditions, not its " + lineRuleCount);
        }
    }

    /**
     * The conditions every line the program serves is held to, in the order a line meets them: the window's {@code when}
     * (when the program has a window), each deadline's, each check's condition, each evidence rule's {@code when}. Their
     * places: {@link #deadlineRule}, {@link #checkRule}, {@link #evidenceRule}; the window's is 0.
     */
    public static List<Condition> lineRuleConditions(Window window, List<Window> deadlines, List<Check> checks, List<EvidenceRule> evidence) {
        List<Condition> conditions = new java.util.ArrayList<>(deadlines.size() + checks.size() + evidence.size() + 1);
        if (window != null) {
            conditions.add(window.when());
        }
        deadlines.forEach(d -> conditions.add(d.when()));
        checks.forEach(c -> conditions.add(c.condition()));
        evidence.forEach(e -> conditions.add(e.when()));
        return conditions;
    }

    /** The place of deadline number {@code index}'s {@code when} among {@link #lineRuleConditions}. */
    public int deadlineRule(int index) {
        return (window != null ? 1 : 0) + index;
    }

    /** The place of check number {@code index}'s condition among {@link #lineRuleConditions}. */
    public int checkRule(int index) {
        return deadlineRule(deadlines.size()) + index;
    }

    /** The place of evidence rule number {@code index}'s {@code when} among {@link #lineRuleConditions}. */
    public int evidenceRule(int index) {
        return checkRule(checks.size()) + index;
    }
}

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
        Rules.WhenRejected whenRejected) {

    public Program {
        components = List.copyOf(components);
    }
}

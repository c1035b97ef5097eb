package org.openrma.service.rma;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openrma.policy.LabelCharge;
import org.openrma.service.access.Caller;
import org.openrma.service.audit.AuditTrail;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.merchant.Merchants;
import org.openrma.service.policy.MerchantPolicies;
import org.openrma.service.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * A return label bought for an authorized RMA, recorded on it: its tracking, and where the policy
 * charges the label's actual cost ({@code amount: costs.return_shipping} on a {@code return_label}
 * deduction), that cost on the claim, decided again so the refund shows the deduction. The status
 * does not move; the version does, and the event is audited as {@code rma.return_label}.
 */
@Component
class ReturnLabelRecords {

    private final Rmas rmas;
    private final Merchants merchants;
    private final MerchantPolicies policies;
    private final ClaimDecisions decisions;
    private final AuditTrail audit;
    private final Clock clock;

    ReturnLabelRecords(Rmas rmas, Merchants merchants, MerchantPolicies policies, ClaimDecisions decisions, AuditTrail audit, Clock clock) {
        this.rmas = rmas;
        this.merchants = merchants;
        this.policies = policies;
        this.decisions = decisions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * How the program that decided the RMA charges for a return label; empty when that cannot be
     * told (no decision, the policy version or program not found), which callers treat as "do not
     * sell a label" rather than guess that it is free.
     */
    Optional<LabelCharge> labelCharge(Rma rma) {
        String program = rmas.latestDecision(rma.merchantId(), rma.id()).map(Rmas.StoredDecision::decision)
                .map(RmaDocuments::decision).map(RmaDocuments.Decision::program).orElse(null);
        if (program == null) {
            return Optional.empty();
        }
        try {
            return policies.catalog(rma.merchantId()).versionInForce(rma.policyId(), ClaimDocument.reading(rma.claim()).placedAt())
                    .flatMap(p -> p.labelCharge(program));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    Rma record(Caller caller, UUID rmaId, String tracking, BigDecimal actualCost, Map<String, Object> detail) {
        Rma rma = rmas.find(caller.merchantId(), rmaId, caller.orderScope()).orElseThrow(() -> new Refusal.NotFound("RMA", rmaId));
        if (rma.status() != RmaStatus.AUTHORIZED) {
            throw new Refusal.Conflict("not-authorized", "RMA " + rma.number() + " is " + rma.status().wire()
                    + "; a return label is recorded only while the return is authorized");
        }
        Instant now = clock.instant();
        Map<String, Object> before = Announcements.auditState(rma);
        Rma next = rma.changedAt(now).withReturnTracking(tracking);
        Decided decided = null;
        if (actualCost != null) {
            Merchant merchant = merchants.get(caller.merchantId());
            ClaimDocument claim = ClaimDocument.copyOf(rma.claim());
            claim.cost("return_shipping", actualCost);
            decided = decisions.decideAgain(merchant, rma, claim, "return_label");
            if (!"approved".equals(decided.outcomeWire())) {
                // fail closed: a label's price never turns an approved return into something else behind the customer's back
                throw new Refusal.Conflict("label-changes-decision", "with the label's cost of " + actualCost.toPlainString()
                        + " the policy no longer approves RMA " + rma.number() + " (" + decided.outcomeWire() + "); no label was recorded");
            }
            next = next.decided(decided.outcomeWire(), claim.json());
        }
        if (!rmas.update(next)) {
            throw new Refusal.Stale("RMA " + rma.number() + " was changed by someone else while the label was bought; reload it", false);
        }
        decisions.store(rma, decided);
        Rma saved = rmas.find(caller.merchantId(), rma.id(), null).orElseThrow();
        Map<String, Object> after = Announcements.auditState(saved);
        after.putAll(detail);
        audit.record(caller, "rma.return_label", "rma", rma.id(), before, after);
        return saved;
    }
}

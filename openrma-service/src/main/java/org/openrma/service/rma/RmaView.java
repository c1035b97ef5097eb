package org.openrma.service.rma;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** An RMA as the API shows it; {@code decision} is the latest decision (DecisionJson), {@code claim} the claim it decided. */
public record RmaView(
        UUID id,
        String number,
        String orderNumber,
        String policy,
        String status,
        String outcome,
        int version,
        String customerEmail,
        LocalDate shipBackBy,
        LocalDate evidenceDueBy,
        LocalDate slaDueBy,
        boolean slaBreached,
        boolean slaDueSoon,
        String resolution,
        String returnLabelPaidBy,
        String returnInstructions,
        boolean needsConsent,
        Instant customerConsentAt,
        String outboundTracking,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        List<String> allowedActions,
        JsonNode decision,
        JsonNode claim) {

    /**
     * {@code dueSoonUntil}: the last SLA date that counts as due soon (today in the merchant's zone
     * plus {@code openrma.deadlines.sla-due-soon-days}); an open RMA not yet breached whose SLA date
     * is on or before it is flagged {@code sla_due_soon}.
     */
    static RmaView of(Rma r, RmaLifecycle.Actor actor, JsonNode decision, boolean detailed, LocalDate dueSoonUntil) {
        DecidedTerms terms = DecidedTerms.of(decision);
        String payer = terms == null ? null : terms.returnShippingPaidBy();
        String instructions = r.status() == RmaStatus.AUTHORIZED
                ? "Pack the item with everything it came with, write " + r.number() + " on the parcel and ship it back"
                        + (r.shipBackBy() != null ? " by " + r.shipBackBy() : "") + "; the return label is paid by "
                        + (payer == null ? "the party the policy names" : "the " + payer) + ". Then report the tracking number (ship-back)."
                : null;
        return new RmaView(r.id(), r.number(), r.orderNumber(), r.policyId(), r.status().wire(), r.outcome(), r.version(),
                r.customerEmail(), r.shipBackBy(), r.evidenceDueBy(), r.slaDueBy(), r.slaBreached(), dueSoon(r, dueSoonUntil), r.resolution(), payer, instructions,
                terms != null && terms.needsConsent(), r.customerConsentAt(), r.outboundTracking(), r.createdAt(),
                r.createdBy(), r.updatedAt(), RmaLifecycle.allowed(r.status(), actor).stream().map(RmaAction::wire).toList(),
                detailed ? decision : null, detailed ? r.claim() : null);
    }

    static boolean dueSoon(Rma r, LocalDate dueSoonUntil) {
        return r.status().isOpen() && !r.slaBreached() && r.slaDueBy() != null && dueSoonUntil != null && !r.slaDueBy().isAfter(dueSoonUntil);
    }
}

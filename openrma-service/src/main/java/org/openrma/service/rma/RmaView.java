package org.openrma.service.rma;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import io.swagger.v3.oas.annotations.media.Schema;
import org.openrma.claim.Vocabulary;
import org.openrma.decision.Outcome;
import org.openrma.decision.Payer;
import tools.jackson.databind.JsonNode;

/**
 * An RMA as the API shows it; {@code decision} is the latest decision (DecisionJson), given when the
 * caller asked for it (a single RMA, or a list with expand=decision), {@code claim} the claim it
 * decided (a single RMA only).
 */
public record RmaView(
        @NotNull UUID id,
        @NotNull @Schema(example = "RMA-2025-000042") String number,
        @NotNull String orderNumber,
        @NotNull @Schema(description = "the policy that decided") String policy,
        @NotNull RmaStatus status,
        @Schema(description = "the latest decision's outcome; null when the engine could not decide") Outcome outcome,
        @Schema(description = "the RMA's version, also its ETag; send it back as If-Match") int version,
        String customerEmail,
        LocalDate shipBackBy,
        LocalDate evidenceDueBy,
        LocalDate slaDueBy,
        boolean slaBreached,
        boolean slaDueSoon,
        @Schema(description = "the resolution carried out, once resolved") ResolutionCarriedOut resolution,
        @Schema(description = "who pays the return label, as decided") Payer returnLabelPaidBy,
        @Schema(description = "what the customer does next, while authorized") String returnInstructions,
        boolean needsConsent,
        Instant customerConsentAt,
        @Schema(description = "the carrier of a replacement or repaired unit shipped out; null on RMAs resolved before it was "
                + "stored apart (their outbound_tracking holds carrier and number)", example = "DHL") String outboundCarrier,
        @Schema(description = "the tracking number of a replacement or repaired unit shipped out", example = "JD0201") String outboundTracking,
        @Schema(description = "the carrier and tracking number of the parcel sent back (from ship-back or the prepaid return label), as one text",
                example = "USPS 9405500105440232839154") String returnTracking,
        @NotNull Instant createdAt,
        String createdBy,
        @NotNull Instant updatedAt,
        @Schema(description = "the member of staff who works it (a staff e-mail address or an API key's name); null while unassigned",
                example = "sam@shop.example") String assignee,
        @NotNull @Schema(description = "the actions the caller may take now") List<RmaAction> allowedActions,
        @Schema(implementation = RmaDocuments.Decision.class,
                description = "the latest decision; on a single RMA, and on list items only with expand=decision") Rendered<RmaDocuments.Decision> decision,
        @Schema(implementation = RmaDocuments.Claim.class, description = "the claim as decided; only on a single RMA") Rendered<RmaDocuments.Claim> claim,
        @Schema(description = "what the customer chose in the portal (refund, store credit, or an exchange with the variant "
                + "wanted); only on a single RMA, null when the customer chose nothing") CustomerChoice customerChoice) {

    /**
     * {@code dueSoonUntil}: the last SLA date that counts as due soon (today in the merchant's zone
     * plus {@code openrma.deadlines.sla-due-soon-days}); an open RMA not yet breached whose SLA date
     * is on or before it is flagged {@code sla_due_soon}.
     */
    static RmaView of(Rma r, RmaLifecycle.Actor actor, RmaDocuments.Decision decision, boolean detailed, LocalDate dueSoonUntil) {
        return of(r, actor, RenderedDocuments.ShownDecision.typed(decision), detailed ? Rendered.typed(RmaDocuments.claim(r.claim())) : null,
                dueSoonUntil, null);
    }

    /**
     * {@code claim} and {@code choice} are given on a single RMA only (null on list items and webhooks); {@code r.claim()} is
     * not read here, so a view may be built from a row whose claim was not parsed.
     */
    static RmaView of(Rma r, RmaLifecycle.Actor actor, RenderedDocuments.ShownDecision decision, Rendered<RmaDocuments.Claim> claim,
                      LocalDate dueSoonUntil, CustomerChoice choice) {
        String payer = decision == null ? null : decision.returnShippingPaidBy();
        String instructions = r.status() == RmaStatus.AUTHORIZED
                ? "Pack the item with everything it came with, write " + r.number() + " on the parcel and ship it back"
                        + (r.shipBackBy() != null ? " by " + r.shipBackBy() : "") + "; the return label is paid by "
                        + (payer == null ? "the party the policy names" : "the " + payer) + ". The return address, the packing slip and any prepaid "
                        + "label are at /api/v1/rmas/" + r.id() + "/return-shipping. Then report the tracking number (ship-back)."
                : null;
        return new RmaView(r.id(), r.number(), r.orderNumber(), r.policyId(), r.status(), word(Outcome.class, r.outcome()), r.version(),
                r.customerEmail(), r.shipBackBy(), r.evidenceDueBy(), r.slaDueBy(), r.slaBreached(), dueSoon(r, dueSoonUntil),
                ResolutionCarriedOut.of(r.resolution()), word(Payer.class, payer), instructions,
                decision != null && decision.needsConsent(), r.customerConsentAt(), r.outboundCarrier(), r.outboundTracking(), r.returnTracking(), r.createdAt(),
                r.createdBy(), r.updatedAt(), r.assignee() == null ? null : r.assignee().name(), List.copyOf(RmaLifecycle.allowed(r.status(), actor)),
                decision == null ? null : decision.body(), claim, claim == null ? null : choice);
    }

    private static <E extends Enum<E> & Vocabulary> E word(Class<E> type, String wire) {
        return wire == null ? null : Vocabulary.parse(type, wire).orElse(null);
    }

    static boolean dueSoon(Rma r, LocalDate dueSoonUntil) {
        return r.status().isOpen() && !r.slaBreached() && r.slaDueBy() != null && dueSoonUntil != null && !r.slaDueBy().isAfter(dueSoonUntil);
    }
}

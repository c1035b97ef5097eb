package org.openrma.service.rma;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * A return merchandise authorization: one claim about one order, its current status and the
 * claim as last decided (order + request, in the claim format). {@code version} guards against
 * two people changing it at once.
 */
public record Rma(
        UUID id,
        UUID merchantId,
        String number,
        UUID orderId,
        String orderNumber,
        String policyId,
        RmaStatus status,
        String outcome,
        ObjectNode claim,
        String customerEmail,
        LocalDate shipBackBy,
        LocalDate evidenceDueBy,
        LocalDate slaDueBy,
        boolean slaBreached,
        String resolution,
        Instant customerConsentAt,
        String outboundTracking,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        int version) {

    public Rma with(RmaStatus newStatus) {
        return new Rma(id, merchantId, number, orderId, orderNumber, policyId, newStatus, outcome, claim, customerEmail, shipBackBy,
                evidenceDueBy, slaDueBy, slaBreached, resolution, customerConsentAt, outboundTracking, createdAt, createdBy, updatedAt, version);
    }
}

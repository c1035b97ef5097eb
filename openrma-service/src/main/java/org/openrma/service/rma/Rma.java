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
        String outboundCarrier,
        String outboundTracking,
        String returnTracking,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        int version,
        Assignee assignee) {

    /** The member of staff who works the RMA: a staff account's or API key's id, and its name (e-mail or key name). */
    public record Assignee(UUID id, String name) {}

    public Rma with(RmaStatus newStatus) {
        return edit().status(newStatus).build();
    }

    /** The RMA after a decision: its outcome and the claim that was decided. */
    public Rma decided(String newOutcome, ObjectNode decidedClaim) {
        return edit().outcome(newOutcome).claim(decidedClaim).build();
    }

    /** The dates it waits on: ship back by, evidence due by, SLA due by (null: not waiting on it). */
    public Rma due(LocalDate newShipBackBy, LocalDate newEvidenceDueBy, LocalDate newSlaDueBy) {
        return edit().shipBackBy(newShipBackBy).evidenceDueBy(newEvidenceDueBy).slaDueBy(newSlaDueBy).build();
    }

    public Rma withResolution(String newResolution) {
        return edit().resolution(newResolution).build();
    }

    /** The parcel of a replacement or repaired unit shipped out: its carrier and tracking number, kept apart. */
    public Rma shippedOut(String carrier, String tracking) {
        return edit().outboundCarrier(carrier).outboundTracking(tracking).build();
    }

    /** Carrier and tracking number as one text for people (e-mails, pages); null when nothing was shipped out. */
    public String outboundParcel() {
        if (outboundTracking == null) {
            return null;
        }
        return outboundCarrier == null ? outboundTracking : outboundCarrier + " " + outboundTracking;
    }

    /** The carrier and tracking number of the parcel the customer sends back, as one text ("USPS 9405…"). */
    public Rma withReturnTracking(String tracking) {
        return edit().returnTracking(tracking).build();
    }

    public Rma consentedAt(Instant at) {
        return edit().customerConsentAt(at).build();
    }

    /** Its SLA date passed while it was open. */
    public Rma breached() {
        return edit().slaBreached(true).build();
    }

    public Rma changedAt(Instant at) {
        return edit().updatedAt(at).build();
    }

    private Editor edit() {
        return new Editor(this);
    }

    /** A copy being changed: the one place besides the canonical constructor that lists every component. */
    private static final class Editor {
        private final Rma r;
        private RmaStatus status;
        private String outcome;
        private ObjectNode claim;
        private LocalDate shipBackBy;
        private LocalDate evidenceDueBy;
        private LocalDate slaDueBy;
        private boolean slaBreached;
        private String resolution;
        private Instant customerConsentAt;
        private String outboundCarrier;
        private String outboundTracking;
        private String returnTracking;
        private Instant updatedAt;

        Editor(Rma r) {
            this.r = r;
            status = r.status;
            outcome = r.outcome;
            claim = r.claim;
            shipBackBy = r.shipBackBy;
            evidenceDueBy = r.evidenceDueBy;
            slaDueBy = r.slaDueBy;
            slaBreached = r.slaBreached;
            resolution = r.resolution;
            customerConsentAt = r.customerConsentAt;
            outboundCarrier = r.outboundCarrier;
            outboundTracking = r.outboundTracking;
            returnTracking = r.returnTracking;
            updatedAt = r.updatedAt;
        }

        Editor status(RmaStatus v) { status = v; return this; }
        Editor outcome(String v) { outcome = v; return this; }
        Editor claim(ObjectNode v) { claim = v; return this; }
        Editor shipBackBy(LocalDate v) { shipBackBy = v; return this; }
        Editor evidenceDueBy(LocalDate v) { evidenceDueBy = v; return this; }
        Editor slaDueBy(LocalDate v) { slaDueBy = v; return this; }
        Editor slaBreached(boolean v) { slaBreached = v; return this; }
        Editor resolution(String v) { resolution = v; return this; }
        Editor customerConsentAt(Instant v) { customerConsentAt = v; return this; }
        Editor outboundCarrier(String v) { outboundCarrier = v; return this; }
        Editor outboundTracking(String v) { outboundTracking = v; return this; }
        Editor returnTracking(String v) { returnTracking = v; return this; }
        Editor updatedAt(Instant v) { updatedAt = v; return this; }

        Rma build() {
            return new Rma(r.id, r.merchantId, r.number, r.orderId, r.orderNumber, r.policyId, status, outcome, claim, r.customerEmail,
                    shipBackBy, evidenceDueBy, slaDueBy, slaBreached, resolution, customerConsentAt, outboundCarrier, outboundTracking, returnTracking, r.createdAt, r.createdBy,
                    updatedAt, r.version, r.assignee);
        }
    }
}

package org.openrma.service.rma;

import java.util.Locale;

/** Where an RMA stands. {@link RmaLifecycle} holds the only table of moves between them. */
public enum RmaStatus {
    /** The engine asked for evidence the claim lacks; the customer can add it. */
    NEEDS_EVIDENCE,
    /** The engine left the claim to an agent's judgement. */
    UNDER_REVIEW,
    /** The return is authorized; the customer ships the item back (or the agent resolves if nothing comes back). */
    AUTHORIZED,
    /** The customer reported the parcel shipped. */
    IN_TRANSIT,
    /** The item reached the merchant. */
    RECEIVED,
    /** Inspection recorded and the claim re-decided with its finding. */
    INSPECTED,
    /** A resolution was carried out (refund recorded in the ledger, replacement sent, ...). */
    RESOLVED,
    REJECTED,
    CANCELLED,
    /** A deadline passed (ship back by, evidence by) before the customer acted. */
    EXPIRED,
    CLOSED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isOpen() {
        return switch (this) {
            case RESOLVED, REJECTED, CANCELLED, EXPIRED, CLOSED -> false;
            default -> true;
        };
    }
}

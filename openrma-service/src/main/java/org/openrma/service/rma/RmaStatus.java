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

    /** The statuses that pass the test, as an SQL list: {@code ('NEEDS_EVIDENCE', 'UNDER_REVIEW')}. */
    public static String sqlList(java.util.function.Predicate<RmaStatus> test) {
        return java.util.Arrays.stream(values()).filter(test).map(s -> "'" + s.name() + "'")
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }

    public boolean isOpen() {
        return switch (this) {
            case RESOLVED, REJECTED, CANCELLED, EXPIRED, CLOSED -> false;
            default -> true;
        };
    }
}

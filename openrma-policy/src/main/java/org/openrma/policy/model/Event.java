package org.openrma.policy.model;

import java.time.Instant;
import java.util.Optional;
import org.openrma.claim.Vocabulary;

/** Named moments on the timeline of an order and its claim, which windows are counted from or measured at. */
public enum Event implements Vocabulary {
    ORDER_PLACED,
    SHIPPED,
    DELIVERED,
    SUBMITTED,
    /** When the RMA was issued; a claim authorized on submission counts as issued at submission. */
    RMA_ISSUED,
    SHIPPED_BACK,
    RECEIVED;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    @Override
    public String wire() {
        return wire;
    }

    public Optional<Instant> in(Subject s) {
        return Optional.ofNullable(at(s));
    }

    /** The event's instant, or null when it has not happened ({@link #in} without the {@code Optional}, for the hot path). */
    public Instant at(Subject s) {
        var order = s.claim().order();
        var request = s.claim().request();
        return switch (this) {
            case ORDER_PLACED -> order.placedAt();
            case SHIPPED -> order.shippedAt();
            case DELIVERED -> order.deliveredAt();
            case SUBMITTED -> request.submittedAt();
            case RMA_ISSUED -> request.rmaIssuedAt() != null ? request.rmaIssuedAt() : request.submittedAt();
            case SHIPPED_BACK -> request.shippedBackAt();
            case RECEIVED -> request.inspection() == null ? null : request.inspection().receivedAt();
        };
    }
}

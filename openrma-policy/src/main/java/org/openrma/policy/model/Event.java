package org.openrma.policy.model;

import java.time.Instant;
import java.util.Optional;
import org.openrma.claim.Vocabulary;
import org.openrma.claim.Inspection;

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
        var order = s.claim().order();
        var request = s.claim().request();
        return Optional.ofNullable(switch (this) {
            case ORDER_PLACED -> order.placedAt();
            case SHIPPED -> order.shippedAt();
            case DELIVERED -> order.deliveredAt();
            case SUBMITTED -> request.submittedAt();
            case RMA_ISSUED -> request.rmaIssuedAt() != null ? request.rmaIssuedAt() : request.submittedAt();
            case SHIPPED_BACK -> request.shippedBackAt();
            case RECEIVED -> request.inspectionResult().map(Inspection::receivedAt).orElse(null);
        });
    }
}

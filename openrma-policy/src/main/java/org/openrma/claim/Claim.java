package org.openrma.claim;

import java.util.List;
import java.util.Objects;

/**
 * A customer's request about one order, with everything the engine may read to decide it;
 * {@code legal} holds what consumer law needs beyond the merchant's policy (country, consumer
 * status, sales channel, ...), {@link LegalFacts#NONE} when the claim does not say.
 */
public record Claim(Order order, Request request, LegalFacts legal) {

    public Claim {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(request, "request");
        legal = legal == null ? LegalFacts.NONE : legal;
    }

    public Claim(Order order, Request request) {
        this(order, request, LegalFacts.NONE);
    }

    /**
     * The order lines the request is about, paired with what the request says of each. A request
     * that names no lines (an order-level request such as a cancellation) covers every line.
     */
    public List<ClaimedLine> claimedLines() {
        List<ClaimedLine> out = new java.util.ArrayList<>(request.lines().isEmpty() ? order.lines().size() : request.lines().size());
        if (request.lines().isEmpty()) {
            for (OrderLine line : order.lines()) {
                out.add(new ClaimedLine(line, new RequestLine(line.sku(), line.quantity(), null)));
            }
        } else {
            for (RequestLine requested : request.lines()) {
                out.add(new ClaimedLine(order.line(requested.sku()).orElseThrow(), requested));
            }
        }
        return out;
    }
}

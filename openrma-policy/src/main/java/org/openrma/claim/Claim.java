package org.openrma.claim;

import java.util.List;
import java.util.Objects;

/** A customer's request about one order, with everything the engine may read to decide it. */
public record Claim(Order order, Request request) {

    public Claim {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(request, "request");
    }

    /**
     * The order lines the request is about, paired with what the request says of each. A request
     * that names no lines (an order-level request such as a cancellation) covers every line.
     */
    public List<ClaimedLine> claimedLines() {
        List<ClaimedLine> out = new java.util.ArrayList<>(Math.max(request.lines().size(), order.lines().size()));
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

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
     * that names no lines (an order-level request such as a cancellation) covers every line. The list is immutable.
     */
    public List<ClaimedLine> claimedLines() {
        int n = request.lines().isEmpty() ? order.lines().size() : request.lines().size();
        // one or two lines (nearly every claim) as List.of's own small list, made without an array
        return switch (n) {
            case 1 -> List.of(claimedLine(0));
            case 2 -> List.of(claimedLine(0), claimedLine(1));
            default -> {
                ClaimedLine[] out = new ClaimedLine[n];
                for (int i = 0; i < n; i++) {
                    out[i] = claimedLine(i);
                }
                yield List.of(out);
            }
        };
    }

    private ClaimedLine claimedLine(int index) {
        if (request.lines().isEmpty()) {
            OrderLine line = order.lines().get(index);
            return new ClaimedLine(line, new RequestLine(line.sku(), line.quantity(), null));
        }
        RequestLine requested = request.lines().get(index);
        return new ClaimedLine(order.line(requested.sku()).orElseThrow(), requested);
    }
}

package org.openrma.claim;

import java.util.List;
import java.util.Objects;

/**
 * A customer's request about one order, with everything the engine may read to decide it;
 * {@code legal} holds what consumer law needs beyond the merchant's policy (country, consumer
 * status, sales channel, ...), {@link LegalFacts#NONE} when the claim does not say.
 *
 * <p>A value like a record of its three parts (equality, hash and text are theirs), and a class only so that it keeps its
 * {@link #claimedLines} and whether it is {@link #readableByAnyPolicy}, worked out from them once per claim rather than once
 * per decision: a claim is often decided more than once (under two policy versions in a replay, with and without consumer law).
 */
public final class Claim {

    private final Order order;
    private final Request request;
    private final LegalFacts legal;
    private final boolean readableByAnyPolicy;
    // made on first read, as String keeps its hash: two threads that both make it make equal immutable lists
    private List<ClaimedLine> claimedLines;

    public Claim(Order order, Request request, LegalFacts legal) {
        this.order = Objects.requireNonNull(order, "order");
        this.request = Objects.requireNonNull(request, "request");
        this.legal = legal == null ? LegalFacts.NONE : legal;
        this.readableByAnyPolicy = onlyStandardWords(request) && withoutAttributes(order, request);
    }

    public Claim(Order order, Request request) {
        this(order, request, LegalFacts.NONE);
    }

    public Order order() {
        return order;
    }

    public Request request() {
        return request;
    }

    public LegalFacts legal() {
        return legal;
    }

    /**
     * Whether every word of the claim is a standard one (its constant, which every policy accepts) and it carries no
     * free-form attribute (which a policy must declare): so any policy reads it without looking anything up. Worked out once,
     * while the claim's parts are fresh, rather than by every decision, which would bring each of them back into the cache
     * for this alone.
     */
    public boolean readableByAnyPolicy() {
        return readableByAnyPolicy;
    }

    private static boolean onlyStandardWords(Request request) {
        if (request.reason() == Reason.OTHER || !request.allWordsStandard()) {
            return false;
        }
        for (RequestLine l : request.lines()) {
            if (l.condition() == null && l.conditionWord() != null) {
                return false;
            }
        }
        return true;
    }

    private static boolean withoutAttributes(Order order, Request request) {
        if (!request.attributes().isEmpty() || !order.attributes().isEmpty() || order.customer() == null || !order.customer().attributes().isEmpty()) {
            return false;
        }
        for (OrderLine l : order.lines()) {
            if (!l.attributes().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The order lines the request is about, paired with what the request says of each. A request
     * that names no lines (an order-level request such as a cancellation) covers every line. The list is immutable.
     */
    public List<ClaimedLine> claimedLines() {
        List<ClaimedLine> lines = claimedLines;
        if (lines == null) {
            lines = pairLines();
            claimedLines = lines;
        }
        return lines;
    }

    private List<ClaimedLine> pairLines() {
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Claim c && order.equals(c.order) && request.equals(c.request) && legal.equals(c.legal);
    }

    @Override
    public int hashCode() {
        return Objects.hash(order, request, legal);
    }

    @Override
    public String toString() {
        return "Claim[order=" + order + ", request=" + request + ", legal=" + legal + "]";
    }
}

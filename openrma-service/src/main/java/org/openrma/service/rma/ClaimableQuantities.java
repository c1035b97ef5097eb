package org.openrma.service.rma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openrma.claim.Claim;
import org.openrma.claim.ClaimedLine;
import org.openrma.decision.Resolution;
import org.openrma.service.order.Orders;
import org.openrma.service.order.StoredOrder;
import org.openrma.service.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * How many units of each order line a new claim may still be about. A unit is spoken for while an RMA about
 * it is open, and gone for good once an RMA sent it back for a refund, store credit or an exchange; a
 * rejected, cancelled or expired RMA frees it, and a repaired or replaced unit is the customer's again (a
 * later warranty claim on it is normal). So a customer cannot return one unit twice, and the refusal comes
 * at intake, before anything is shipped.
 */
@Component
public class ClaimableQuantities {

    /** Resolutions after which the claimed units no longer belong to the customer. */
    private static final Set<String> UNITS_GONE = Set.of(Resolution.REFUND.wire(), Resolution.STORE_CREDIT.wire(),
            Resolution.EXCHANGE.wire());

    private final Rmas rmas;
    private final Orders orders;

    ClaimableQuantities(Rmas rmas, Orders orders) {
        this.rmas = rmas;
        this.orders = orders;
    }

    /** An earlier RMA's hold on units of one SKU. */
    public record Held(String sku, int quantity, String rmaNumber, RmaStatus status, boolean gone) {
        public String describe() {
            return quantity + " in " + rmaNumber + (gone ? " (returned)" : " (" + status.wire().replace('_', ' ') + ")");
        }
    }

    /** One order line: how many were bought and which RMAs hold some of them. */
    public record Line(String sku, int bought, List<Held> held) {
        public int claimable() {
            return Math.max(0, bought - held.stream().mapToInt(Held::quantity).sum());
        }

        /** What holds the units, for a person: "1 in RMA-7KQ2X9 (authorized)". */
        public String heldBy() {
            return String.join(", ", held.stream().map(Held::describe).toList());
        }
    }

    /** Every line of the order with what earlier RMAs hold of it, in the order's line order. */
    public Map<String, Line> of(UUID merchantId, StoredOrder order) {
        return of(merchantId, order, null);
    }

    private Map<String, Line> of(UUID merchantId, StoredOrder order, UUID except) {
        return of(order, rmas.forOrder(merchantId, order.id()), except);
    }

    private static Map<String, Line> of(StoredOrder order, List<Rma> rmasOnOrder, UUID except) {
        Map<String, Line> lines = new LinkedHashMap<>();
        for (StoredOrder.Line line : order.lines()) {
            lines.put(line.sku(), new Line(line.sku(), line.quantity(), new ArrayList<>()));
        }
        for (Rma earlier : rmasOnOrder) {
            if (earlier.id().equals(except)) {
                continue;
            }
            boolean gone = earlier.resolution() != null && UNITS_GONE.contains(earlier.resolution());
            if (!earlier.status().isOpen() && !gone) {
                continue;
            }
            for (ClaimedLine claimed : ClaimDocument.reading(earlier.claim()).claim().claimedLines()) {
                Line line = lines.get(claimed.line().sku());
                if (line != null) {
                    line.held().add(new Held(claimed.line().sku(), claimed.requested().quantity(), earlier.number(), earlier.status(), gone));
                }
            }
        }
        return lines;
    }

    /**
     * Refuses a claim about units that earlier RMAs hold. The order row is locked first, so two claims filed at
     * the same moment on different instances are checked one after the other.
     */
    void check(UUID merchantId, StoredOrder order, Claim claim) {
        check(merchantId, order, claim, null);
    }

    /**
     * Refuses to authorize an RMA again (an agent's override of a rejection) when its units were claimed by
     * another RMA after the rejection freed them.
     */
    void checkRevived(Rma rma, Claim claim) {
        StoredOrder order = orders.byId(rma.merchantId(), rma.orderId()).orElseThrow();
        check(rma.merchantId(), order, claim, rma.id());
    }

    private void check(UUID merchantId, StoredOrder order, Claim claim, UUID except) {
        orders.lock(merchantId, order.id());
        refuseShortfalls(shortfalls(of(merchantId, order, except), claim));
    }

    /** {@link #check(UUID, StoredOrder, Claim)} on an order already locked, with the RMAs the lock found on it (no statement). */
    void check(Rmas.LockedOrder locked, Claim claim) {
        refuseShortfalls(shortfalls(of(locked.order(), locked.rmas(), null), claim));
    }

    private static void refuseShortfalls(List<Shortfall> shortfalls) {
        if (!shortfalls.isEmpty()) {
            throw new Refusal.Conflict("units-already-claimed", String.join("; ", shortfalls.stream().map(Shortfall::asField)
                    .map(Refusal.Field::toString).toList()));
        }
    }

    /** A claimed line that asks for more units than earlier requests left: {@code heldBy} says which requests hold them. */
    public record Shortfall(int index, boolean namedLine, String sku, int ordered, int claimable, String heldBy) {

        Refusal.Field asField() {
            return new Refusal.Field(namedLine ? "request.lines[" + index + "].quantity" : "request.lines", claimable == 0
                    ? "every unit of " + sku + " is already in a request: " + heldBy
                    : "only " + claimable + " of " + ordered + " units of " + sku + " can still be claimed: " + heldBy);
        }
    }

    /** The claimed lines that ask for more than is left (none: all claimable). */
    public List<Shortfall> shortfalls(UUID merchantId, StoredOrder order, Claim claim) {
        return shortfalls(merchantId, order, claim, null);
    }

    private List<Shortfall> shortfalls(UUID merchantId, StoredOrder order, Claim claim, UUID except) {
        return shortfalls(of(merchantId, order, except), claim);
    }

    private static List<Shortfall> shortfalls(Map<String, Line> lines, Claim claim) {
        List<Shortfall> shortfalls = new ArrayList<>();
        List<ClaimedLine> claimed = claim.claimedLines();
        boolean namedLines = !claim.request().lines().isEmpty();
        for (int i = 0; i < claimed.size(); i++) {
            ClaimedLine c = claimed.get(i);
            Line line = lines.get(c.line().sku());
            if (line == null || line.held().isEmpty() || c.requested().quantity() <= line.claimable()) {
                continue;
            }
            shortfalls.add(new Shortfall(i, namedLines, c.line().sku(), c.line().quantity(), line.claimable(), line.heldBy()));
        }
        return shortfalls;
    }
}

package org.openrma.service.order;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openrma.claim.ClaimReader;
import org.openrma.claim.InvalidClaimException;
import org.openrma.claim.DeliveryStatus;
import org.openrma.claim.Order;
import org.openrma.service.access.Caller;
import org.openrma.service.audit.AuditTrail;
import org.openrma.service.merchant.Merchants;
import org.openrma.service.outbox.Outbox;
import org.openrma.service.refusal.Refusal;
import org.openrma.service.web.Json;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Importing orders in the claim format's order shape; the shop's delivery updates afterwards
 * (shipped, delivered, lost, refused, returned to sender); marking an order cancelled or amended
 * when an RMA carries out a cancellation or amendment.
 */
@Component
public class OrderManagement {

    private final Orders orders;
    private final AuditTrail audit;
    private final Clock clock;
    private final Merchants merchants;
    private final Outbox outbox;

    public OrderManagement(Orders orders, AuditTrail audit, Clock clock, Merchants merchants, Outbox outbox) {
        this.orders = orders;
        this.audit = audit;
        this.clock = clock;
        this.merchants = merchants;
        this.outbox = outbox;
    }

    /**
     * Checks an order document with the engine's claim reader. {@code prefix} is how field paths
     * start in the caller's body: "" when the body is the order, "order." inside a claim.
     */
    public static Order parse(JsonNode document, String prefix) {
        try {
            return ClaimReader.orderFromTree(document);
        } catch (InvalidClaimException e) {
            throw new Refusal.Invalid(e.problems().stream().map(p -> new Refusal.Field(rename(p.field(), prefix), p.message())).toList());
        }
    }

    /** Order numbers appear in URLs ({@code /api/v1/orders/{number}}, the Location header): letters, digits and {@code . _ - :} only. */
    public static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

    static void checkNumber(String number, String field) {
        if (number != null && !NUMBER.matcher(number).matches()) {
            throw new Refusal.Invalid(field, "'" + number.replaceAll("\\p{Cntrl}", "?") + "' is not an order number; use 1 to 100 letters, digits"
                    + " and . _ - : (starting with a letter or digit)");
        }
    }

    private static String rename(String field, String prefix) {
        if (field.equals("(document)")) {
            return prefix.isEmpty() ? "(body)" : "order";
        }
        return prefix + field;
    }

    @Transactional
    public StoredOrder importOrder(Caller caller, JsonNode document, String pathPrefix) {
        Caller.Staff staff = caller.requireStaff();
        if (document == null || !document.isObject()) {
            throw new Refusal.Invalid(pathPrefix.isEmpty() ? "(body)" : "order", "expected the order as a JSON object");
        }
        Order order = parse(document, pathPrefix);
        checkNumber(order.number(), pathPrefix + "number");
        if (orders.byNumber(staff.merchantId(), order.number()).isPresent()) {
            throw new Refusal.Conflict("order-exists", "order '" + order.number() + "' was already imported");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        orders.insert(staff.merchantId(), id, order, document, now, staff.name());
        StoredOrder stored = orders.byId(staff.merchantId(), id).orElseThrow();
        audit.record(staff, "order.imported", "order", stored.number(), null, document);
        return stored;
    }

    /**
     * The shop reports where the parcel is: {@code delivery_status} (not_shipped, in_transit,
     * delivered, refused, returned_to_sender, lost) and optionally {@code shipped_at} /
     * {@code delivered_at}. Claims filed afterwards are decided on the new status. A cancelled
     * order takes no more updates (409). {@code expectedVersion} (If-Match or "version") is
     * checked when given; the update is made under the order's row lock either way.
     */
    @Transactional
    public StoredOrder updateDelivery(Caller caller, String number, Integer expectedVersion, DeliveryUpdate update) {
        Caller.Staff staff = caller.requireStaff();
        StoredOrder found = orders.byNumber(staff.merchantId(), number).orElseThrow(() -> new Refusal.NotFound("order", number));
        StoredOrder order = orders.lock(staff.merchantId(), found.id());
        if (expectedVersion != null && expectedVersion != order.version()) {
            throw new Refusal.Stale("order " + number + " was changed by someone else (you sent version "
                    + expectedVersion + ", it is at " + order.version() + "); reload it and try again", false);
        }
        if (order.status() == StoredOrder.Status.CANCELLED) {
            throw new Refusal.Conflict("order-cancelled", "order " + number + " was cancelled at " + order.cancelledAt()
                    + "; it takes no delivery updates");
        }
        ObjectNode document = ((ObjectNode) order.document()).deepCopy();
        document.put("delivery_status", update.deliveryStatus().wire());
        if (update.shippedAt() != null) {
            document.put("shipped_at", update.shippedAt().toString());
        }
        if (update.deliveredAt() != null) {
            document.put("delivered_at", update.deliveredAt().toString());
        }
        parse(document, "");
        if (!orders.updateDelivery(staff.merchantId(), order.id(), document, order.version())) {
            throw new Refusal.Stale("order " + number + " changed while it was updated; reload it and try again", false);
        }
        StoredOrder saved = orders.byId(staff.merchantId(), order.id()).orElseThrow();
        java.util.Map<String, Object> before = deliveryState(order);
        java.util.Map<String, Object> after = deliveryState(saved);
        after.put("carrier", update.carrier());
        after.put("tracking", update.tracking());
        audit.record(staff, "order.delivery_updated", "order", saved.number(), before, after);
        outbox.webhook(merchants.get(staff.merchantId()), "order.delivery_updated", () -> Json.tree(OrderView.of(saved)));
        return saved;
    }

    /** A delivery update from the shop. */
    public record DeliveryUpdate(DeliveryStatus deliveryStatus, Instant shippedAt, Instant deliveredAt, String carrier, String tracking) {}

    /** Marks the order cancelled once a cancellation RMA is resolved; audited. */
    public void cancelled(Caller caller, UUID orderId, String rmaNumber) {
        orders.byId(caller.merchantId(), orderId).ifPresent(o -> {
            if (orders.markCancelled(caller.merchantId(), orderId, clock.instant())) {
                audit.record(caller, "order.cancelled", "order", o.number(), java.util.Map.of("status", o.status().wire()),
                        java.util.Map.of("status", "cancelled", "rma", rmaNumber));
            }
        });
    }

    /** Marks the order amended once an amendment RMA is resolved; audited with the change described. */
    public void amended(Caller caller, UUID orderId, String rmaNumber, String change) {
        orders.byId(caller.merchantId(), orderId).ifPresent(o -> {
            if (orders.markAmended(caller.merchantId(), orderId, clock.instant())) {
                java.util.Map<String, Object> after = new java.util.LinkedHashMap<>();
                after.put("status", "amended");
                after.put("rma", rmaNumber);
                after.put("change", change);
                audit.record(caller, "order.amended", "order", o.number(), java.util.Map.of("status", o.status().wire()), after);
            }
        });
    }

    private static java.util.Map<String, Object> deliveryState(StoredOrder o) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("delivery_status", o.deliveryStatus());
        m.put("shipped_at", o.document().path("shipped_at").asString(null));
        m.put("delivered_at", o.document().path("delivered_at").asString(null));
        m.put("version", o.version());
        return m;
    }
}

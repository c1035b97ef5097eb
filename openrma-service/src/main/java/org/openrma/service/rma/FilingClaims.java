package org.openrma.service.rma;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.openrma.service.OpenRmaProperties;
import org.openrma.service.access.Caller;
import org.openrma.service.access.Secrets;
import org.openrma.service.audit.AuditTrail;
import org.openrma.service.db.Writes;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.order.OrderManagement;
import org.openrma.service.order.Orders;
import org.openrma.service.order.StoredOrder;
import org.openrma.service.refusal.Refusal;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Filing a claim: finds (or imports) the order, decides the claim at once, and opens the RMA in the
 * status the decision leads to, with its decision, claimed units, audit event and announcements.
 */
@Component
class FilingClaims {

    /**
     * A claim as filed, its body already checked: the order it is on (by number, or the order itself), the request, the policy,
     * and what the buyer states about their country and consumer status (null: not stated).
     */
    record FileClaim(String orderNumber, JsonNode order, ObjectNode request, String policyId, String buyerCountry, Boolean buyerIsConsumer) {}

    private final Orders orders;
    private final OrderManagement orderManagement;
    private final Rmas rmas;
    private final ClaimDecisions decisions;
    private final ClaimUnits units;
    private final ClaimableQuantities claimable;
    private final AuditTrail audit;
    private final Announcements announcements;
    private final Clock clock;
    private final OpenRmaProperties properties;
    private final RenderedDocuments rendered;
    private final Writes writes;

    FilingClaims(Orders orders, OrderManagement orderManagement, Rmas rmas, ClaimDecisions decisions, ClaimUnits units,
                 ClaimableQuantities claimable, AuditTrail audit, Announcements announcements, Clock clock, OpenRmaProperties properties,
                 RenderedDocuments rendered, Writes writes) {
        this.claimable = claimable;
        this.orders = orders;
        this.orderManagement = orderManagement;
        this.rmas = rmas;
        this.decisions = decisions;
        this.units = units;
        this.audit = audit;
        this.announcements = announcements;
        this.clock = clock;
        this.properties = properties;
        this.rendered = rendered;
        this.writes = writes;
    }

    RmaManagement.Filed file(Caller caller, Merchant merchant, FileClaim filed) {
        // An order named by number (or a customer's own) is locked as it is found, with its RMAs read in the same round trip;
        // an order sent in the body (imported if new) is locked when its units are checked.
        Rmas.LockedOrder locked = switch (caller) {
            case Caller.Customer c -> rmas.lockOrder(c.merchantId(), c.orderId()).orElseThrow(() -> new Refusal.NotFound("order", c.orderId()));
            default -> filed.orderNumber() != null
                    ? rmas.lockOrder(merchant.id(), filed.orderNumber()).orElseThrow(() -> new Refusal.NotFound("order", filed.orderNumber()))
                    : null;
        };
        StoredOrder order = locked != null ? locked.order() : orderFromClaim(caller, filed.order());
        if (order.status() == StoredOrder.Status.CANCELLED) {
            throw new Refusal.Conflict("order-cancelled", "order " + order.number() + " was cancelled at " + order.cancelledAt()
                    + "; no further claims can be filed on it");
        }
        Instant now = clock.instant();
        ClaimDocument claim = ClaimDocument.of(order.document(), filed.request().deepCopy());
        claim.buyerStates(filed.buyerCountry(), filed.buyerIsConsumer());
        if (caller instanceof Caller.Customer || !claim.statesSubmittedAt()) {
            claim.submittedAt(now);
        }
        if (locked != null) {
            claimable.check(locked, claim.claim());
        } else {
            claimable.check(merchant.id(), order, claim.claim());
        }

        UUID id = UUID.randomUUID();
        String policy = filed.policyId() != null ? filed.policyId() : merchant.policyId();
        Decided decided = decisions.decide(merchant, id, policy, claim, "submitted", 1);
        RmaStatus status = RmaLifecycle.transition(null, RmaAction.SUBMIT).target(decided.outcome());
        if (status == RmaStatus.AUTHORIZED) {
            // The RMA counts as issued at the claim's submitted_at (see the scenario conventions).
            claim.rmaIssuedAt(claim.submittedAt());
        }
        Rma rma = new Rma(id, merchant.id(), "RMA-" + Secrets.random(6).toUpperCase(Locale.ROOT).replace('-', 'X').replace('_', 'Y'),
                order.id(), order.number(), policy, status, decided.outcomeWire(), claim.json(), order.customerEmail(),
                status == RmaStatus.AUTHORIZED ? decided.deadline("ship_back_by") : null,
                status == RmaStatus.NEEDS_EVIDENCE ? evidenceDue(merchant) : null,
                decided.slaDue(), false, null, null, null, null, null, now, caller.name(), now, 0, null);
        // the RMA, its decision and its audit event in one round trip: a submission waits for the database once for the three
        writes.together(rmas.inserting(rma), decisions.storing(rma, decided),
                audit.recording(caller, "rma.submitted", "rma", id, null, Announcements.auditState(rma)));
        units.claimed(merchant.id(), claim, id);
        announcements.announce(merchant, rma, null, decided.decision(), "rma.created");
        Rendered<RmaDocuments.Claim> shownClaim = rendered.written(RmaDocuments.claim(rma.claim()));
        rendered.keepFiled(id, decided.seq(), decided.shown(), rma.version(), shownClaim);
        return new RmaManagement.Filed(rma, decided.shown(), shownClaim);
    }

    private StoredOrder orderFromClaim(Caller caller, JsonNode document) {
        String number = StoredOrder.numberOf(document);
        if (number != null) {
            Optional<StoredOrder> stored = orders.byNumber(caller.merchantId(), number);
            if (stored.isPresent()) {
                if (!stored.get().document().equals(document)) {
                    throw new Refusal.Conflict("order-differs", "order '" + stored.get().number()
                            + "' was already imported with different content; file the claim with 'order_number' instead");
                }
                return stored.get();
            }
        }
        return orderManagement.importOrder(caller, document, "order.");
    }

    private LocalDate evidenceDue(Merchant merchant) {
        return LocalDate.ofInstant(clock.instant(), merchant.timeZone()).plusDays(properties.deadlines().evidenceDays());
    }
}

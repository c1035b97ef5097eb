package org.openrma.service.rma;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openrma.claim.Claim;
import org.openrma.claim.ClaimKind;
import org.openrma.claim.ClaimReader;
import org.openrma.claim.Evidence;
import org.openrma.claim.Fact;
import org.openrma.decision.Decision;
import org.openrma.decision.DecisionJson;
import org.openrma.decision.DeductionKind;
import org.openrma.decision.Outcome;
import org.openrma.decision.Resolution;
import org.openrma.claim.Vocabulary;
import org.openrma.service.OpenRmaProperties;
import org.openrma.service.access.Caller;
import org.openrma.service.access.Secrets;
import org.openrma.service.audit.AuditTrail;
import org.openrma.service.ledger.RefundLedger;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.merchant.Merchants;
import org.openrma.service.ops.OperationsMetrics;
import org.openrma.service.order.OrderManagement;
import org.openrma.service.order.Orders;
import org.openrma.service.order.StoredOrder;
import org.openrma.service.outbox.Outbox;
import org.openrma.service.policy.MerchantPolicies;
import org.openrma.service.unit.Units;
import org.openrma.service.web.ApiProblem;
import org.openrma.service.web.Body;
import org.openrma.service.web.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Filing claims and moving RMAs through {@link RmaLifecycle}. Each call is one transaction: the RMA,
 * its decision, ledger entries, unit history, audit events, outbox messages and deadline tasks
 * commit together or not at all.
 */
@Component
public class RmaManagement {

    private static final Logger log = LoggerFactory.getLogger(RmaManagement.class);

    private final Rmas rmas;
    private final Orders orders;
    private final OrderManagement orderManagement;
    private final Merchants merchants;
    private final MerchantPolicies policies;
    private final Units units;
    private final RefundLedger ledger;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Clock clock;
    private final OpenRmaProperties properties;
    private final OperationsMetrics metrics;

    public RmaManagement(Rmas rmas, Orders orders, OrderManagement orderManagement, Merchants merchants, MerchantPolicies policies,
                         Units units, RefundLedger ledger, AuditTrail audit, Outbox outbox, Clock clock,
                         OpenRmaProperties properties, OperationsMetrics metrics) {
        this.rmas = rmas;
        this.orders = orders;
        this.orderManagement = orderManagement;
        this.merchants = merchants;
        this.policies = policies;
        this.units = units;
        this.ledger = ledger;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
        this.metrics = metrics;
    }

    // --- filing a claim -------------------------------------------------------------------

    /**
     * Files a claim. Staff send {@code {"order": {...}}} (imported if new) or {@code {"order_number": ...}},
     * plus {@code "request"} and optionally {@code "policy"}; a customer sends only {@code "request"}
     * and files on the order their token is for. The engine decides at once.
     */
    @Transactional
    public Rma submit(Caller caller, JsonNode body) {
        RmaLifecycle.Actor actor = RmaLifecycle.Actor.of(caller);
        RmaLifecycle.check(null, RmaAction.SUBMIT, actor);
        Merchant merchant = merchants.get(caller.merchantId());
        Body b = caller instanceof Caller.Customer ? Body.of(body, "request") : Body.of(body, "order", "order_number", "request", "policy");
        JsonNode requestNode = b.raw("request");
        if (requestNode == null) {
            b.problem("request", "is required");
        } else if (!requestNode.isObject()) {
            b.problem("request", "expected an object");
        }
        String orderNumber = b.text("order_number", false);
        String policyId = b.text("policy", false);
        if (caller instanceof Caller.Staff && b.has("order") == (orderNumber != null)) {
            b.problem("order", "give either 'order' (the order itself) or 'order_number' (an imported order)");
        }
        if (policyId != null && !policies.known(merchant.id(), policyId)) {
            b.problem("policy", "unknown policy '" + policyId + "'; known: " + String.join(", ", policies.catalog(merchant.id()).policyIds()));
        }
        b.done();

        StoredOrder order = switch (caller) {
            case Caller.Customer c -> orders.byId(c.merchantId(), c.orderId()).orElseThrow(() -> ApiProblem.notFound("order", c.orderId()));
            default -> orderNumber != null
                    ? orders.byNumber(merchant.id(), orderNumber).orElseThrow(() -> ApiProblem.notFound("order", orderNumber))
                    : orderFromClaim(caller, body.get("order"));
        };

        if (order.status() == StoredOrder.Status.CANCELLED) {
            throw ApiProblem.conflict("order-cancelled", "order " + order.number() + " was cancelled at " + order.cancelledAt()
                    + "; no further claims can be filed on it");
        }
        Instant now = clock.instant();
        ObjectNode request = ((ObjectNode) requestNode).deepCopy();
        if (caller instanceof Caller.Customer || !request.hasNonNull("submitted_at")) {
            request.put("submitted_at", now.toString());
        }
        ObjectNode claim = Json.object();
        claim.set("order", order.document().deepCopy());
        claim.set("request", request);

        UUID id = UUID.randomUUID();
        String policy = policyId != null ? policyId : merchant.policyId();
        Decided decided = decide(merchant, id, policy, claim, "submitted", 1);
        RmaStatus status = RmaLifecycle.afterDecision(decided.outcome());
        if (status == RmaStatus.AUTHORIZED) {
            // The RMA counts as issued at the claim's submitted_at (see the scenario conventions).
            request.put("rma_issued_at", request.get("submitted_at").asString());
        }
        Rma rma = new Rma(id, merchant.id(), "RMA-" + Secrets.random(6).toUpperCase(java.util.Locale.ROOT).replace('-', 'X').replace('_', 'Y'),
                order.id(), order.number(), policy, status, decided.outcomeWire(), claim, order.customerEmail(),
                status == RmaStatus.AUTHORIZED ? decided.deadline("ship_back_by") : null,
                status == RmaStatus.NEEDS_EVIDENCE ? evidenceDue(merchant) : null,
                decided.slaDue(), false, null, null, null, now, caller.name(), now, 0);
        rmas.insert(rma);
        store(rma, decided);
        recordUnits(merchant.id(), claim, id);
        audit.record(caller, "rma.submitted", "rma", id, null, auditState(rma));
        announce(merchant, rma, null, decided.decision(), "rma.created");
        return rma;
    }

    private StoredOrder orderFromClaim(Caller caller, JsonNode document) {
        if (document != null && document.isObject() && document.hasNonNull("number")) {
            Optional<StoredOrder> stored = orders.byNumber(caller.merchantId(), document.get("number").asString());
            if (stored.isPresent()) {
                if (!stored.get().document().equals(document)) {
                    throw ApiProblem.conflict("order-differs", "order '" + stored.get().number()
                            + "' was already imported with different content; file the claim with 'order_number' instead");
                }
                return stored.get();
            }
        }
        return orderManagement.importOrder(caller, document, "order.");
    }

    // --- commands on an RMA ---------------------------------------------------------------

    public record Versioned(int version, boolean fromIfMatch) {}

    @Transactional
    public Rma apply(Caller caller, UUID rmaId, Versioned expected, RmaCommand command) {
        Rma rma = rmas.find(caller.merchantId(), rmaId, caller.orderScope()).orElseThrow(() -> ApiProblem.notFound("RMA", rmaId));
        RmaLifecycle.Actor actor = RmaLifecycle.Actor.of(caller);
        if (expected != null && expected.version() != rma.version()) {
            throw stale(rma, expected);
        }
        RmaLifecycle.Transition transition = RmaLifecycle.check(rma.status(), command.action(), actor);
        Merchant merchant = merchants.get(caller.merchantId());
        Map<String, Object> before = auditState(rma);
        Instant now = clock.instant();
        ObjectNode claim = rma.claim().deepCopy();
        ObjectNode request = (ObjectNode) claim.get("request");
        Map<String, Object> detail = new LinkedHashMap<>();
        Decided decided = null;
        Rma next;

        switch (command) {
            case RmaCommand.AddEvidence c -> {
                addWords(request, "evidence", c.evidence());
                addWords(request, "facts", c.facts());
                decided = decide(merchant, rma.id(), rma.policyId(), claim, "evidence_added", rmas.nextDecisionSeq(rma.id()));
                RmaStatus status = RmaLifecycle.afterDecision(decided.outcome());
                if (status == RmaStatus.AUTHORIZED) {
                    request.put("rma_issued_at", now.toString());
                }
                next = copy(rma, status, decided.outcomeWire(), claim,
                        status == RmaStatus.AUTHORIZED ? decided.deadline("ship_back_by") : null,
                        status == RmaStatus.NEEDS_EVIDENCE ? rma.evidenceDueBy() : null, slaDue(decided, rma), rma.resolution(), now);
            }
            case RmaCommand.Approve c -> {
                request.put("rma_issued_at", now.toString());
                detail.put("note", c.note());
                next = copy(rma, RmaStatus.AUTHORIZED, rma.outcome(), claim, latestDeadline(rma, "ship_back_by"), null, rma.slaDueBy(), null, now);
            }
            case RmaCommand.Override c -> {
                request.put("rma_issued_at", now.toString());
                detail.put("reason", c.reason());
                detail.put("override_of", rma.outcome());
                detail.put("discretion_clauses", discretionClauses(merchant, rma, claim));
                next = copy(rma, RmaStatus.AUTHORIZED, rma.outcome(), claim, latestDeadline(rma, "ship_back_by"), null, rma.slaDueBy(), null, now);
            }
            case RmaCommand.Reject c -> {
                detail.put("reason", c.reason());
                next = copy(rma, RmaStatus.REJECTED, rma.outcome(), claim, null, null, rma.slaDueBy(), null, now);
            }
            case RmaCommand.ShipBack c -> {
                request.put("shipped_back_at", (c.shippedAt() != null ? c.shippedAt() : now).toString());
                if (c.returnShippingCost() != null) {
                    ObjectNode costs = request.has("costs") && request.get("costs").isObject() ? (ObjectNode) request.get("costs") : request.putObject("costs");
                    costs.put("return_shipping", c.returnShippingCost().toPlainString());
                }
                detail.put("carrier", c.carrier());
                detail.put("tracking", c.tracking());
                next = copy(rma, RmaStatus.IN_TRANSIT, rma.outcome(), claim, rma.shipBackBy(), null, rma.slaDueBy(), null, now);
            }
            case RmaCommand.Receive c -> {
                ObjectNode inspection = request.has("inspection") && request.get("inspection").isObject()
                        ? (ObjectNode) request.get("inspection") : request.putObject("inspection");
                inspection.put("received_at", (c.receivedAt() != null ? c.receivedAt() : now).toString());
                // Decided again: deadlines counted from receipt (processing_by, refund_by) appear now.
                decided = decide(merchant, rma.id(), rma.policyId(), claim, "received", rmas.nextDecisionSeq(rma.id()));
                next = copy(rma, RmaStatus.RECEIVED, decided.outcomeWire(), claim, null, null, slaDue(decided, rma), null, now);
            }
            case RmaCommand.Inspect c -> {
                ObjectNode inspection = request.has("inspection") && request.get("inspection").isObject()
                        ? (ObjectNode) request.get("inspection") : request.putObject("inspection");
                inspection.put("finding", c.finding().wire());
                if (!inspection.hasNonNull("received_at")) {
                    inspection.put("received_at", now.toString());
                }
                addWords(request, "facts", c.facts());
                if (c.customs() != null || c.handling() != null || c.returnLogistics() != null) {
                    ObjectNode costs = request.has("costs") && request.get("costs").isObject() ? (ObjectNode) request.get("costs") : request.putObject("costs");
                    if (c.customs() != null) {
                        costs.put("customs", c.customs().toPlainString());
                    }
                    if (c.handling() != null) {
                        costs.put("handling", c.handling().toPlainString());
                    }
                    if (c.returnLogistics() != null) {
                        costs.put("return_logistics", c.returnLogistics().toPlainString());
                    }
                }
                detail.put("notes", c.notes());
                voidUnits(merchant.id(), claim, rma.id(), c);
                decided = decide(merchant, rma.id(), rma.policyId(), claim, "inspected", rmas.nextDecisionSeq(rma.id()));
                detail.put("finding", c.finding().wire());
                next = copy(rma, RmaStatus.INSPECTED, decided.outcomeWire(), claim, null, null, slaDue(decided, rma), null, now);
            }
            case RmaCommand.Resolve c -> {
                detail.putAll(resolve(caller, merchant, rma, claim, c));
                Rma resolved = copy(rma, RmaStatus.RESOLVED, rma.outcome(), claim, null, null, rma.slaDueBy(),
                        c.resolution() == null ? AMENDMENT : c.resolution().wire(), now);
                String tracking = c.outboundTracking() == null ? null : (c.outboundCarrier() == null ? "" : c.outboundCarrier() + " ") + c.outboundTracking();
                next = new Rma(resolved.id(), resolved.merchantId(), resolved.number(), resolved.orderId(), resolved.orderNumber(),
                        resolved.policyId(), resolved.status(), resolved.outcome(), resolved.claim(), resolved.customerEmail(), null, null,
                        resolved.slaDueBy(), resolved.slaBreached(), resolved.resolution(), resolved.customerConsentAt(), tracking,
                        resolved.createdAt(), resolved.createdBy(), now, resolved.version());
            }
            case RmaCommand.Consent c -> {
                JsonNode decision = rmas.latestDecision(rma.merchantId(), rma.id()).map(Rmas.StoredDecision::decision).orElse(null);
                if (decision == null || !decision.path("needs_consent").asBoolean(false)) {
                    throw ApiProblem.conflict("no-consent-needed", "the decision on RMA " + rma.number() + " offers nothing that needs consent");
                }
                detail.put("note", c.note());
                Rma same = copy(rma, rma.status(), rma.outcome(), claim, rma.shipBackBy(), rma.evidenceDueBy(), rma.slaDueBy(), null, now);
                next = new Rma(same.id(), same.merchantId(), same.number(), same.orderId(), same.orderNumber(), same.policyId(), same.status(),
                        same.outcome(), same.claim(), same.customerEmail(), same.shipBackBy(), same.evidenceDueBy(), same.slaDueBy(),
                        same.slaBreached(), same.resolution(), now, same.outboundTracking(), same.createdAt(), same.createdBy(), now,
                        same.version());
            }
            case RmaCommand.Cancel c -> {
                detail.put("reason", c.reason());
                next = copy(rma, RmaStatus.CANCELLED, rma.outcome(), claim, null, null, rma.slaDueBy(), null, now);
            }
            case RmaCommand.Close c -> next = copy(rma, RmaStatus.CLOSED, rma.outcome(), claim, null, null, rma.slaDueBy(), rma.resolution(), now);
            case RmaCommand.Expire c -> {
                detail.put("deadline", c.deadline());
                next = copy(rma, RmaStatus.EXPIRED, rma.outcome(), claim, rma.shipBackBy(), rma.evidenceDueBy(), rma.slaDueBy(), null, now);
            }
        }
        if (!transition.to().contains(next.status())) {
            throw new IllegalStateException("lifecycle table does not allow " + rma.status() + " -" + command.action() + "-> " + next.status());
        }
        if (!rmas.update(next)) {
            throw stale(rma, expected);
        }
        store(rma, decided);
        Rma saved = rmas.find(caller.merchantId(), rma.id(), null).orElseThrow();
        Map<String, Object> after = auditState(saved);
        after.putAll(detail);
        audit.record(caller, "rma." + command.action().wire(), "rma", rma.id(), before, after);
        announce(merchant, saved, rma.status(), decided == null ? null : decided.decision(), "rma.status_changed");
        return saved;
    }

    /** Marks an open RMA whose resolution deadline passed; called by the deadline task. */
    @Transactional
    public void breachSla(Caller.Automation system, UUID rmaId, LocalDate due) {
        Optional<Rma> found = rmas.find(system.merchantId(), rmaId, null);
        if (found.isEmpty() || !found.get().status().isOpen() || found.get().slaBreached() || !due.equals(found.get().slaDueBy())) {
            return;
        }
        Rma rma = found.get();
        Rma next = new Rma(rma.id(), rma.merchantId(), rma.number(), rma.orderId(), rma.orderNumber(), rma.policyId(), rma.status(),
                rma.outcome(), rma.claim(), rma.customerEmail(), rma.shipBackBy(), rma.evidenceDueBy(), rma.slaDueBy(), true,
                rma.resolution(), rma.customerConsentAt(), rma.outboundTracking(), rma.createdAt(), rma.createdBy(), clock.instant(), rma.version());
        if (!rmas.update(next)) {
            throw ApiProblem.conflict("stale-version", "RMA " + rmaId + " changed while its SLA breach was recorded; the next sweep retries");
        }
        Rma saved = rmas.find(system.merchantId(), rmaId, null).orElseThrow();
        audit.record(system, "rma.sla_breached", "rma", rmaId, auditState(rma), auditState(saved));
        Merchant merchant = merchants.get(system.merchantId());
        outbox.webhook(merchant, "rma.sla_breached", Json.tree(RmaView.of(saved, RmaLifecycle.Actor.SYSTEM, null, false,
                rmas.dueSoonUntil(merchant.timeZone()))));
    }

    /**
     * Sends the "SLA due soon" notice of an open RMA whose SLA date is near (webhook
     * {@code rma.sla_due_soon}, audited), once per RMA and SLA date; called by the deadline task.
     * The flag itself ({@code sla_due_soon}) is derived whenever an RMA is read.
     */
    /** RMAs due for a due-soon notice, for the deadline task: {merchant id, RMA id, SLA date}. */
    public List<Object[]> dueSoonWithoutNotice(int limit) {
        return rmas.dueSoonWithoutNotice(limit);
    }

    @Transactional
    public void noticeSlaDueSoon(Caller.Automation system, UUID rmaId, LocalDate due) {
        Optional<Rma> found = rmas.find(system.merchantId(), rmaId, null);
        Merchant merchant = merchants.get(system.merchantId());
        LocalDate until = rmas.dueSoonUntil(merchant.timeZone());
        if (found.isEmpty() || !due.equals(found.get().slaDueBy()) || !RmaView.dueSoon(found.get(), until)) {
            return;
        }
        if (!rmas.recordSlaNotice(rmaId, due, "due_soon", clock.instant())) {
            return;
        }
        Rma rma = found.get();
        audit.record(system, "rma.sla_due_soon", "rma", rmaId, null, auditState(rma));
        outbox.webhook(merchant, "rma.sla_due_soon", Json.tree(RmaView.of(rma, RmaLifecycle.Actor.SYSTEM, null, false, until)));
    }

    /**
     * Carries out the resolution: the ledger entry it makes (refund, store credit, exchange with
     * its price difference), shipping reimbursed, unit history, and for an order-level claim the
     * order itself (a cancellation carried out marks the order cancelled, an amendment amended).
     */
    private Map<String, Object> resolve(Caller caller, Merchant merchant, Rma rma, ObjectNode claim, RmaCommand.Resolve c) {
        JsonNode decision = rmas.latestDecision(rma.merchantId(), rma.id()).map(Rmas.StoredDecision::decision).orElse(null);
        boolean decidedApproved = decision != null && Outcome.APPROVED.wire().equals(decision.path("outcome").asString(""));
        Set<String> offered = new TreeSet<>();
        if (decision != null) {
            decision.path("resolutions").values().forEach(r -> offered.add(r.asString()));
        }
        String kind = claim.path("request").path("kind").asString("");
        Map<String, Object> detail = new LinkedHashMap<>();
        if (c.resolution() == null) {
            if (!ClaimKind.AMENDMENT.wire().equals(kind)) {
                throw ApiProblem.invalid("resolution", "is required (only an amendment is carried out without one)");
            }
            if (c.note() == null) {
                throw ApiProblem.invalid("note", "describe the amendment carried out (the new address, size, colour, ...)");
            }
            orderManagement.amended(caller, rma.orderId(), rma.number(), c.note());
            detail.put("resolution", AMENDMENT);
            detail.put("note", c.note());
            return detail;
        }
        CurrencyUnit currency = CurrencyUnit.of(claim.get("order").get("currency").asString().toUpperCase(java.util.Locale.ROOT));
        detail.put("resolution", c.resolution().wire());
        Money amount = null;
        Map<DeductionKind, Money> deductions = new EnumMap<>(DeductionKind.class);
        if (c.resolution() == Resolution.REPLACEMENT && decision != null && decision.path("needs_consent").asBoolean(false)
                && rma.customerConsentAt() == null) {
            throw ApiProblem.conflict("consent-required", "the replacement offered is a substitute and waits for the customer's consent");
        }
        if (c.exchange() != null && c.resolution() != Resolution.EXCHANGE) {
            throw ApiProblem.invalid("exchange", "only for the resolution exchange");
        }
        boolean paysValue = isRefund(c.resolution()) || c.resolution() == Resolution.STORE_CREDIT;
        if (decidedApproved) {
            if (!offered.contains(c.resolution().wire())) {
                throw ApiProblem.conflict("resolution-not-offered", "the decision offers " + String.join(", ", offered) + ", not " + c.resolution().wire());
            }
            if (c.refund() != null) {
                throw ApiProblem.invalid("refund", "the refund is the decided one (" + decision.path("refund").asString("") + "); "
                        + "an amount may only be given for an RMA an agent authorized against the decision");
            }
            if (paysValue) {
                amount = money(currency, decision.path("refund").asString("0"), "decision.refund");
                for (var e : decision.path("deductions").properties()) {
                    DeductionKind dk = Vocabulary.parse(DeductionKind.class, e.getKey()).orElse(null);
                    if (dk != null) {
                        deductions.put(dk, money(currency, e.getValue().asString(), "decision.deductions"));
                    }
                }
            }
        } else if (paysValue) {
            if (c.refund() == null) {
                throw ApiProblem.invalid("refund", "is required: the engine did not approve this claim, so the agent states the amount");
            }
            amount = money(currency, c.refund().toPlainString(), "refund");
        }
        List<RefundLedger.Claimed> claimed = claimedUnits(claim);
        switch (c.resolution()) {
            case REFUND -> ledger.record(caller, rma.orderId(), rma.id(), RefundLedger.REFUND, c.resolution().wire(), amount, deductions,
                    claimed, true, null);
            // The customer keeps the item: value is given back, no units are taken back.
            case PARTIAL_REFUND -> ledger.record(caller, rma.orderId(), rma.id(), RefundLedger.REFUND, c.resolution().wire(), amount,
                    deductions, claimed, false, null);
            case STORE_CREDIT -> ledger.record(caller, rma.orderId(), rma.id(), RefundLedger.STORE_CREDIT, c.resolution().wire(), amount,
                    deductions, claimed, true, null);
            case EXCHANGE -> detail.putAll(exchange(caller, rma, claim, currency, claimed, c.exchange()));
            default -> { }
        }
        if (amount != null) {
            detail.put(c.resolution() == Resolution.STORE_CREDIT ? "store_credit" : "refund", amount.getAmount().toPlainString());
        }
        if (decidedApproved) {
            Money reimbursed = money(currency, decision.path("return_shipping_reimbursed").asString("0"), "decision.return_shipping_reimbursed");
            if (reimbursed.isPositive()) {
                ledger.reimburseShipping(caller, rma.orderId(), rma.id(), c.resolution().wire(), reimbursed);
                detail.put("return_shipping_reimbursed", reimbursed.getAmount().toPlainString());
            }
        }
        if (ClaimKind.CANCELLATION.wire().equals(kind)) {
            orderManagement.cancelled(caller, rma.orderId(), rma.number());
        } else if (ClaimKind.AMENDMENT.wire().equals(kind)) {
            orderManagement.amended(caller, rma.orderId(), rma.number(), c.note());
        }
        for (String[] line : claimedSerials(claim)) {
            switch (c.resolution()) {
                case REPAIR, PAID_REPAIR -> units.repaired(rma.merchantId(), line[0], rma.id(), c.resolution().wire());
                case REPLACEMENT, EXCHANGE -> {
                    if (c.replacementSerial() != null) {
                        units.replaced(rma.merchantId(), line[0], line[1], c.replacementSerial(), rma.id());
                    }
                }
                default -> { }
            }
        }
        detail.put("outbound_carrier", c.outboundCarrier());
        detail.put("outbound_tracking", c.outboundTracking());
        detail.put("note", c.note());
        return detail;
    }

    /** What the resolution column says for an amendment carried out (it has no {@link Resolution}). */
    static final String AMENDMENT = "amendment";

    /**
     * An exchange: the claimed lines go back, the exchange item goes out. The difference between
     * what was paid for the claimed lines and the exchange item's price is paid back to the
     * customer (ledger entry exchange) or charged to them (exchange_charge); without an exchange
     * item the swap is like for like (difference zero).
     */
    private Map<String, Object> exchange(Caller caller, Rma rma, ObjectNode claim, CurrencyUnit currency, List<RefundLedger.Claimed> claimed,
                                         RmaCommand.Exchange exchange) {
        Money returned = claimedValue(claim, currency);
        Money price = exchange == null || exchange.price() == null ? returned : money(currency, exchange.price().toPlainString(), "exchange_price");
        Money difference = returned.minus(price);
        ObjectNode d = Json.object();
        d.put("exchange_sku", exchange == null || exchange.sku() == null ? String.join(", ", claimedSkus(claim)) : exchange.sku());
        d.put("exchange_price", price.getAmount().toPlainString());
        d.put("returned_value", returned.getAmount().toPlainString());
        d.put("price_difference", difference.getAmount().toPlainString());
        d.put("settled", difference.isPositive() ? "paid back to the customer" : difference.isNegative() ? "charged to the customer" : "even");
        Money back = difference.isPositive() ? difference : Money.zero(currency);
        ledger.record(caller, rma.orderId(), rma.id(), RefundLedger.EXCHANGE, Resolution.EXCHANGE.wire(), back, Map.of(), claimed, true, d);
        if (difference.isNegative()) {
            ledger.record(caller, rma.orderId(), rma.id(), RefundLedger.EXCHANGE_CHARGE, Resolution.EXCHANGE.wire(), difference.negated(),
                    Map.of(), List.of(), false, d);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exchange", Json.MAPPER.convertValue(d, Map.class));
        return out;
    }

    /** The claimed lines with their units (every order line when the request names none). */
    private static List<RefundLedger.Claimed> claimedUnits(ObjectNode claim) {
        return ClaimReader.fromTree(claim).claimedLines().stream()
                .map(l -> new RefundLedger.Claimed(l.line().sku(), l.requested().quantity())).toList();
    }

    private static boolean isRefund(Resolution r) {
        return r == Resolution.REFUND || r == Resolution.PARTIAL_REFUND;
    }

    private static Money money(CurrencyUnit currency, String amount, String field) {
        try {
            return Money.of(currency, new BigDecimal(amount).setScale(currency.getDecimalPlaces()));
        } catch (ArithmeticException | NumberFormatException e) {
            throw ApiProblem.invalid(field, "'" + amount + "' is not an amount in " + currency + " (at most " + currency.getDecimalPlaces() + " decimals)");
        }
    }

    /** What was paid for the lines the claim is about. */
    private static Money claimedValue(ObjectNode claim, CurrencyUnit currency) {
        Claim parsed = ClaimReader.fromTree(claim);
        return parsed.claimedLines().stream().map(l -> l.line().unitPrice().multipliedBy(l.requested().quantity()))
                .reduce(Money.zero(currency), Money::plus);
    }

    // --- deciding ---------------------------------------------------------------------------

    private record Decided(Outcome outcome, Decision decision, JsonNode json, int seq, String trigger, Instant at, String policyId,
                           JsonNode claim, String error) {
        String outcomeWire() {
            return outcome == null ? null : outcome.wire();
        }

        LocalDate deadline(String name) {
            return decision == null ? null : decision.deadlines().get(name);
        }

        /** The earliest date by which the merchant must act: processing, refund or exchange. */
        LocalDate slaDue() {
            if (decision == null) {
                return null;
            }
            return java.util.stream.Stream.of("processing_by", "refund_by", "exchange_by").map(decision.deadlines()::get)
                    .filter(java.util.Objects::nonNull).min(LocalDate::compareTo).orElse(null);
        }
    }

    /**
     * Decides the claim as it stands, after bringing unit history in (a voided serial adds the fact
     * warranty_voided), and stores the decision with the exact claim it was given. If the engine
     * fails, the failure is stored and the claim goes to review: a claim is never lost.
     */
    private Decided decide(Merchant merchant, UUID rmaId, String policyId, ObjectNode claim, String trigger, int seq) {
        applyUnitHistory(merchant.id(), claim);
        Claim parsed = ClaimReader.fromTree(claim);
        Instant now = clock.instant();
        Decision decision = null;
        String error = null;
        long started = System.nanoTime();
        try {
            decision = policies.decide(merchant.id(), policyId, parsed, now);
        } catch (org.openrma.claim.InvalidClaimException e) {
            // a word or attribute the merchant's policy does not declare: the caller's mistake, refused with its field
            throw e;
        } catch (RuntimeException e) {
            log.error("the engine failed to decide RMA {} under {}", rmaId, policyId, e);
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        metrics.decided(policyId, decision == null ? null : decision.outcome().wire(), Duration.ofNanos(System.nanoTime() - started));
        JsonNode json = decision == null ? null : DecisionJson.toTree(decision);
        return new Decided(decision == null ? null : decision.outcome(), decision, json, seq, trigger, now, policyId, claim.deepCopy(), error);
    }

    /** Stores a decision once its RMA row exists. */
    private void store(Rma rma, Decided d) {
        if (d == null) {
            return;
        }
        Decision decision = d.decision();
        rmas.insertDecision(rma.merchantId(), rma.id(), d.seq(), d.trigger(), d.at(), d.outcomeWire(), d.policyId(),
                decision == null ? null : decision.policyVersion().version(), decision == null ? null : decision.policyVersion().sha256(),
                d.claim(), d.json(), d.error());
    }

    private void applyUnitHistory(UUID merchantId, ObjectNode claim) {
        Set<String> claimedSkus = claimedSkus(claim);
        for (JsonNode line : claim.path("order").path("lines").values()) {
            if (!line.hasNonNull("serial") || !claimedSkus.contains(line.path("sku").asString())) {
                continue;
            }
            String serial = units.current(merchantId, line.get("serial").asString());
            if (!serial.equals(line.get("serial").asString())) {
                ((ObjectNode) line).put("serial", serial);
            }
            if (units.isVoid(merchantId, serial)) {
                addWords((ObjectNode) claim.get("request"), "facts", Set.of(Fact.WARRANTY_VOIDED));
            }
        }
    }

    private void recordUnits(UUID merchantId, ObjectNode claim, UUID rmaId) {
        for (String[] s : claimedSerials(claim)) {
            units.claimed(merchantId, s[0], s[1], rmaId);
        }
    }

    private void voidUnits(UUID merchantId, ObjectNode claim, UUID rmaId, RmaCommand.Inspect c) {
        Units.voidingReason(c.finding(), c.facts()).ifPresent(reason -> {
            for (String[] s : claimedSerials(claim)) {
                units.voidWarranty(merchantId, s[0], s[1], rmaId, reason);
            }
        });
    }

    /** {serial, sku} of every claimed order line that has a serial. */
    private static List<String[]> claimedSerials(ObjectNode claim) {
        Set<String> skus = claimedSkus(claim);
        List<String[]> out = new java.util.ArrayList<>();
        for (JsonNode line : claim.path("order").path("lines").values()) {
            if (line.hasNonNull("serial") && skus.contains(line.path("sku").asString())) {
                out.add(new String[] {line.get("serial").asString(), line.path("sku").asString()});
            }
        }
        return out;
    }

    private static Set<String> claimedSkus(ObjectNode claim) {
        Set<String> skus = new TreeSet<>();
        JsonNode lines = claim.path("request").path("lines");
        if (lines.isArray() && !lines.isEmpty()) {
            lines.values().forEach(l -> skus.add(l.path("sku").asString()));
        } else {
            claim.path("order").path("lines").values().forEach(l -> skus.add(l.path("sku").asString()));
        }
        return skus;
    }

    private static <E extends Enum<E> & Vocabulary> void addWords(ObjectNode request, String field, Set<E> words) {
        if (words.isEmpty()) {
            return;
        }
        Set<String> all = new TreeSet<>();
        JsonNode existing = request.get(field);
        if (existing != null && existing.isArray()) {
            existing.values().forEach(v -> all.add(v.asString()));
        }
        words.forEach(w -> all.add(w.wire()));
        ArrayNode array = request.putArray(field);
        all.forEach(array::add);
    }

    // --- helpers ------------------------------------------------------------------------------

    /** The SLA date of a new decision, else the one already set. */
    private static LocalDate slaDue(Decided decided, Rma rma) {
        LocalDate due = decided.slaDue();
        return due != null ? due : rma.slaDueBy();
    }

    /** The policy's discretion clauses ("at our discretion") an override rests on, as cited text. */
    private List<String> discretionClauses(Merchant merchant, Rma rma, ObjectNode claim) {
        try {
            Instant placed = Instant.parse(claim.path("order").path("placed_at").asString());
            return policies.catalog(merchant.id()).versionInForce(rma.policyId(), placed)
                    .map(p -> p.discretion().stream().map(c -> c.id() + ": " + c.text()).toList())
                    .orElse(List.of());
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private LocalDate evidenceDue(Merchant merchant) {
        return LocalDate.ofInstant(clock.instant(), merchant.timeZone()).plusDays(properties.deadlines().evidenceDays());
    }

    private LocalDate latestDeadline(Rma rma, String name) {
        return rmas.latestDecision(rma.merchantId(), rma.id())
                .map(d -> d.decision() == null ? null : d.decision().path("deadlines").path(name).asString(null))
                .filter(s -> s != null && !s.isEmpty())
                .map(LocalDate::parse).orElse(null);
    }

    private Rma copy(Rma r, RmaStatus status, String outcome, ObjectNode claim, LocalDate shipBackBy, LocalDate evidenceDueBy,
                     LocalDate slaDueBy, String resolution, Instant now) {
        return new Rma(r.id(), r.merchantId(), r.number(), r.orderId(), r.orderNumber(), r.policyId(), status, outcome, claim,
                r.customerEmail(), shipBackBy, evidenceDueBy, slaDueBy, r.slaBreached(), resolution, r.customerConsentAt(),
                r.outboundTracking(), r.createdAt(), r.createdBy(), now, r.version());
    }

    private static ApiProblem stale(Rma current, Versioned expected) {
        boolean ifMatch = expected != null && expected.fromIfMatch();
        return new ApiProblem(ifMatch ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT, "stale-version",
                "RMA " + current.number() + " was changed by someone else (you sent version "
                        + (expected == null ? "?" : expected.version()) + "); reload it and try again");
    }

    private static Map<String, Object> auditState(Rma r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", r.number());
        m.put("status", r.status().wire());
        m.put("outcome", r.outcome());
        m.put("version", r.version());
        m.put("ship_back_by", r.shipBackBy() == null ? null : r.shipBackBy().toString());
        m.put("sla_due_by", r.slaDueBy() == null ? null : r.slaDueBy().toString());
        m.put("sla_breached", r.slaBreached());
        m.put("resolution", r.resolution());
        return m;
    }

    /** Webhook to the merchant and, where a template exists for the new status, an e-mail to the customer. */
    private void announce(Merchant merchant, Rma rma, RmaStatus previous, Decision decision, String eventType) {
        ObjectNode data = (ObjectNode) Json.tree(RmaView.of(rma, RmaLifecycle.Actor.SYSTEM, null, false, rmas.dueSoonUntil(merchant.timeZone())));
        data.put("previous_status", previous == null ? null : previous.wire());
        if (decision != null) {
            data.set("decision", DecisionJson.toTree(decision));
        }
        outbox.webhook(merchant, eventType, data);
        Map<String, String> values = new HashMap<>();
        values.put("rma_number", rma.number());
        values.put("order_number", rma.orderNumber());
        values.put("merchant_name", merchant.name());
        values.put("status", rma.status().wire());
        values.put("summary", decision == null || decision.summary() == null ? "" : decision.summary());
        values.put("ship_back_by", rma.shipBackBy() == null ? "the date in your RMA" : rma.shipBackBy().toString());
        values.put("label_paid_by", decision == null || decision.returnShippingPaidBy() == null ? "the party named in the policy"
                : decision.returnShippingPaidBy() == org.openrma.decision.Payer.MERCHANT ? "us (" + merchant.name() + ")" : "you");
        values.put("missing_evidence", decision == null ? "" : String.join(", ", decision.missingEvidence()));
        values.put("resolution", rma.resolution() == null ? "" : rma.resolution().replace('_', ' ')
                + (rma.outboundTracking() == null ? "" : "; shipped to you with tracking " + rma.outboundTracking()));
        values.put("finding", rma.claim().path("request").path("inspection").path("finding").asString("").replace('_', ' '));
        values.put("refund", ledger.entries(rma.merchantId(), rma.orderId(), rma.id()).stream()
                .map(e -> e.amount() + " " + e.currency() + " " + switch (e.kind()) {
                    case RefundLedger.REFUND -> "refunded";
                    case RefundLedger.STORE_CREDIT -> "as store credit";
                    case RefundLedger.EXCHANGE -> "price difference of the exchange, paid back to you";
                    case RefundLedger.EXCHANGE_CHARGE -> "price difference of the exchange, to be paid by you";
                    case RefundLedger.SHIPPING_REIMBURSEMENT -> "return postage reimbursed";
                    default -> "(" + e.kind().replace('_', ' ') + ")";
                }).reduce((a, b) -> a + ", " + b).orElse("nothing"));
        values.put("deadline", rma.status() == RmaStatus.EXPIRED
                ? String.valueOf(rma.shipBackBy() != null ? rma.shipBackBy() : rma.evidenceDueBy()) : "");
        if (previous != rma.status()) {
            outbox.email(merchant, rma.customerEmail(), rma.status().wire(), values);
        }
    }
}

package org.openrma.service.rma;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openrma.decision.Decision;
import org.openrma.decision.DecisionJson;
import org.openrma.decision.Payer;
import org.openrma.service.ledger.RefundLedger;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.outbox.Outbox;
import org.openrma.service.web.Json;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an RMA's change tells the outside, through the outbox in the same transaction: a webhook to
 * the merchant and, where a template exists for the new status, an e-mail to the customer with the
 * values the templates use. Also the state the audit trail records before and after a change.
 */
@Component
class Announcements {

    private final Rmas rmas;
    private final Outbox outbox;
    private final RefundLedger ledger;

    Announcements(Rmas rmas, Outbox outbox, RefundLedger ledger) {
        this.rmas = rmas;
        this.outbox = outbox;
        this.ledger = ledger;
    }

    /** Webhook to the merchant and, when the status changed, an e-mail to the customer. */
    void announce(Merchant merchant, Rma rma, RmaStatus previous, Decision decision, String eventType) {
        // the event's data is written only when a webhook endpoint takes the event
        outbox.webhook(merchant, eventType, () -> {
            ObjectNode data = view(merchant, rma);
            data.put("previous_status", previous == null ? null : previous.wire());
            if (decision != null) {
                data.set("decision", DecisionJson.toTree(decision));
            }
            return data;
        });
        if (previous != rma.status() && outbox.emails(merchant, rma.customerEmail())) {
            // the values read the refund ledger: only when an e-mail goes out
            outbox.email(merchant, rma.customerEmail(), rma.status().wire(), emailValues(merchant, rma, decision));
        }
    }

    /** A webhook carrying the RMA as it is now (SLA notices). */
    void webhook(Merchant merchant, Rma rma, String eventType) {
        outbox.webhook(merchant, eventType, () -> view(merchant, rma));
    }

    /** The RMA as a webhook event carries it: as the system sees it now. */
    private ObjectNode view(Merchant merchant, Rma rma) {
        return (ObjectNode) Json.tree(RmaView.of(rma, RmaLifecycle.Actor.SYSTEM, null, false, rmas.dueSoonUntil(merchant.timeZone())));
    }

    private Map<String, String> emailValues(Merchant merchant, Rma rma, Decision decision) {
        Map<String, String> values = new HashMap<>();
        values.put("rma_number", rma.number());
        values.put("order_number", rma.orderNumber());
        values.put("merchant_name", merchant.name());
        values.put("status", rma.status().wire());
        values.put("summary", decision == null || decision.summary() == null ? "" : decision.summary());
        values.put("ship_back_by", rma.shipBackBy() == null ? "the date in your RMA" : rma.shipBackBy().toString());
        values.put("label_paid_by", decision == null || decision.returnShippingPaidBy() == null ? "the party named in the policy"
                : decision.returnShippingPaidBy() == Payer.MERCHANT ? "us (" + merchant.name() + ")" : "you");
        values.put("missing_evidence", decision == null ? "" : String.join(", ", decision.missingEvidence()));
        values.put("resolution", rma.resolution() == null ? "" : rma.resolution().replace('_', ' ')
                + (rma.outboundParcel() == null ? "" : "; shipped to you with tracking " + rma.outboundParcel()));
        values.put("finding", ClaimDocument.reading(rma.claim()).finding().replace('_', ' '));
        values.put("refund", ledger.entries(rma.merchantId(), rma.orderId(), rma.id()).stream()
                .map(e -> e.amount().getAmount().toPlainString() + " " + e.amount().getCurrencyUnit().getCode() + " " + switch (e.kind()) {
                    case REFUND -> "refunded";
                    case STORE_CREDIT -> "as store credit";
                    case EXCHANGE -> "price difference of the exchange, paid back to you";
                    case EXCHANGE_CHARGE -> "price difference of the exchange, to be paid by you";
                    case SHIPPING_REIMBURSEMENT -> "return postage reimbursed";
                }).reduce((a, b) -> a + ", " + b).orElse("nothing"));
        values.put("deadline", rma.status() == RmaStatus.EXPIRED
                ? String.valueOf(rma.shipBackBy() != null ? rma.shipBackBy() : rma.evidenceDueBy()) : "");
        return values;
    }

    /** The RMA's state as the audit trail records it before and after a change. */
    static Map<String, Object> auditState(Rma r) {
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
}

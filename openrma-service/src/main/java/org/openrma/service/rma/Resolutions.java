package org.openrma.service.rma;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openrma.claim.ClaimKind;
import org.openrma.claim.Vocabulary;
import org.openrma.decision.DeductionKind;
import org.openrma.decision.Resolution;
import org.openrma.service.access.Caller;
import org.openrma.service.ledger.Payout;
import org.openrma.service.ledger.RefundLedger;
import org.openrma.service.order.OrderManagement;
import org.openrma.service.refusal.Refusal;
import org.openrma.service.web.Json;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Carries out a resolution: the ledger entry it makes (refund, store credit, exchange with its
 * price difference), shipping reimbursed, unit history, and for an order-level claim the order
 * itself (a cancellation carried out marks the order cancelled, an amendment amended).
 */
@Component
class Resolutions {

    /** What the resolution column says for an amendment carried out (it has no {@link Resolution}). */
    static final String AMENDMENT = "amendment";

    private final RefundLedger ledger;
    private final OrderManagement orderManagement;
    private final ClaimUnits units;

    Resolutions(RefundLedger ledger, OrderManagement orderManagement, ClaimUnits units) {
        this.ledger = ledger;
        this.orderManagement = orderManagement;
        this.units = units;
    }

    /** Carries out {@code c} on the RMA under the latest decision's terms (null: none stored); returns the audit detail. */
    Map<String, Object> resolve(Caller caller, Rma rma, ClaimDocument claim, DecidedTerms decision, RmaCommand.Resolve c) {
        boolean decidedApproved = decision != null && decision.approved();
        String kind = claim.kind();
        Map<String, Object> detail = new LinkedHashMap<>();
        if (c.resolution() == null) {
            if (!ClaimKind.AMENDMENT.wire().equals(kind)) {
                throw new Refusal.Invalid("resolution", "is required (only an amendment is carried out without one)");
            }
            if (c.note() == null) {
                throw new Refusal.Invalid("note", "describe the amendment carried out (the new address, size, colour, ...)");
            }
            orderManagement.amended(caller, rma.orderId(), rma.number(), c.note());
            detail.put("resolution", AMENDMENT);
            detail.put("note", c.note());
            return detail;
        }
        CurrencyUnit currency = claim.currency();
        detail.put("resolution", c.resolution().wire());
        Money amount = null;
        Map<DeductionKind, Money> deductions = new EnumMap<>(DeductionKind.class);
        if (c.resolution() == Resolution.REPLACEMENT && decision != null && decision.needsConsent() && rma.customerConsentAt() == null) {
            throw new Refusal.Conflict("consent-required", "the replacement offered is a substitute and waits for the customer's consent");
        }
        if (c.exchange() != null && c.resolution() != Resolution.EXCHANGE) {
            throw new Refusal.Invalid("exchange", "only for the resolution exchange");
        }
        boolean paysValue = isRefund(c.resolution()) || c.resolution() == Resolution.STORE_CREDIT;
        if (decidedApproved) {
            if (!decision.offered().contains(c.resolution().wire())) {
                throw new Refusal.Conflict("resolution-not-offered", "the decision offers " + String.join(", ", decision.offered()) + ", not "
                        + c.resolution().wire());
            }
            if (c.refund() != null) {
                throw new Refusal.Invalid("refund", "the refund is the decided one (" + (decision.refund() == null ? "" : decision.refund()) + "); "
                        + "an amount may only be given for an RMA an agent authorized against the decision");
            }
            if (paysValue) {
                amount = money(currency, decision.refundOrZero(), "decision.refund");
                decision.deductions().forEach((key, value) -> {
                    DeductionKind dk = Vocabulary.parse(DeductionKind.class, key).orElse(null);
                    if (dk != null) {
                        deductions.put(dk, money(currency, value, "decision.deductions"));
                    }
                });
            }
        } else if (paysValue) {
            if (c.refund() == null) {
                throw new Refusal.Invalid("refund", "is required: the engine did not approve this claim, so the agent states the amount");
            }
            amount = money(currency, c.refund().toPlainString(), "refund");
        }
        List<RefundLedger.Claimed> claimed = claim.claim().claimedLines().stream()
                .map(l -> new RefundLedger.Claimed(l.line().sku(), l.requested().quantity())).toList();
        switch (c.resolution()) {
            case REFUND -> ledger.record(caller, rma.orderId(), rma.id(), Payout.refund(Resolution.REFUND, amount, deductions, claimed));
            case PARTIAL_REFUND -> ledger.record(caller, rma.orderId(), rma.id(), Payout.partialRefund(amount, deductions, claimed));
            case STORE_CREDIT -> ledger.record(caller, rma.orderId(), rma.id(), Payout.storeCredit(amount, deductions, claimed));
            case EXCHANGE -> detail.putAll(exchange(caller, rma, claim, currency, claimed, c.exchange()));
            default -> { }
        }
        if (amount != null) {
            detail.put(c.resolution() == Resolution.STORE_CREDIT ? "store_credit" : "refund", amount.getAmount().toPlainString());
        }
        if (decidedApproved) {
            Money reimbursed = money(currency, decision.returnShippingReimbursed(), "decision.return_shipping_reimbursed");
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
        units.resolved(rma.merchantId(), claim, rma.id(), c.resolution(), c.replacementSerial());
        detail.put("outbound_carrier", c.outboundCarrier());
        detail.put("outbound_tracking", c.outboundTracking());
        detail.put("note", c.note());
        return detail;
    }

    /**
     * An exchange: the claimed lines go back, the exchange item goes out. The difference between
     * what was paid for the claimed lines and the exchange item's price is paid back to the
     * customer (ledger entry exchange) or charged to them (exchange_charge); without an exchange
     * item the swap is like for like (difference zero).
     */
    private Map<String, Object> exchange(Caller caller, Rma rma, ClaimDocument claim, CurrencyUnit currency, List<RefundLedger.Claimed> claimed,
                                         RmaCommand.Exchange exchange) {
        Money returned = claim.claimedValue(currency);
        Money price = exchange == null || exchange.price() == null ? returned : money(currency, exchange.price().toPlainString(), "exchange_price");
        Money difference = returned.minus(price);
        ObjectNode d = Json.object();
        d.put("exchange_sku", exchange == null || exchange.sku() == null ? String.join(", ", claim.claimedSkus()) : exchange.sku());
        d.put("exchange_price", price.getAmount().toPlainString());
        d.put("returned_value", returned.getAmount().toPlainString());
        d.put("price_difference", difference.getAmount().toPlainString());
        d.put("settled", difference.isPositive() ? "paid back to the customer" : difference.isNegative() ? "charged to the customer" : "even");
        Money back = difference.isPositive() ? difference : Money.zero(currency);
        ledger.record(caller, rma.orderId(), rma.id(), Payout.exchange(back, claimed, d));
        if (difference.isNegative()) {
            ledger.record(caller, rma.orderId(), rma.id(), Payout.exchangeCharge(difference.negated(), d));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exchange", Json.MAPPER.convertValue(d, Map.class));
        return out;
    }

    private static boolean isRefund(Resolution r) {
        return r == Resolution.REFUND || r == Resolution.PARTIAL_REFUND;
    }

    private static Money money(CurrencyUnit currency, String amount, String field) {
        try {
            return Money.of(currency, new BigDecimal(amount).setScale(currency.getDecimalPlaces()));
        } catch (ArithmeticException | NumberFormatException e) {
            throw new Refusal.Invalid(field, "'" + amount + "' is not an amount in " + currency + " (at most " + currency.getDecimalPlaces() + " decimals)");
        }
    }
}

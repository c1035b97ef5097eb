package org.openrma.service.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openrma.decision.DeductionKind;
import org.openrma.service.access.Caller;
import org.openrma.service.order.Orders;
import org.openrma.service.order.StoredOrder;
import org.openrma.service.web.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The refund ledger of each order: money paid back, with the itemised deductions. Refunds across
 * all RMAs of an order never exceed what was paid for its lines (checked here under the order's
 * row lock, and again by a database trigger); an RMA gets at most one refund and one shipping
 * reimbursement (unique constraint), however often a request is retried.
 */
@Repository
public class RefundLedger {

    public static final String REFUND = "refund";
    public static final String SHIPPING_REIMBURSEMENT = "shipping_reimbursement";

    private final JdbcClient jdbc;
    private final Orders orders;
    private final Clock clock;

    public RefundLedger(JdbcClient jdbc, Orders orders, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.clock = clock;
    }

    public record Entry(UUID id, UUID rmaId, String kind, String resolution, String amount, String currency, Instant createdAt,
                        String createdBy, Map<String, String> deductions) {}

    public record OrderLedger(String orderNumber, String currency, String paid, String refunded, String refundable,
                              String shippingReimbursed, List<Entry> entries) {}

    /** Records the refund of an RMA's resolution; 409 if it would take the order's refunds past what was paid. */
    public void refund(Caller caller, UUID orderId, UUID rmaId, String resolution, Money amount, Map<DeductionKind, Money> deductions) {
        StoredOrder order = orders.lock(caller.merchantId(), orderId);
        Money refunded = total(caller.merchantId(), orderId, REFUND, order.merchandiseTotal().getCurrencyUnit());
        if (refunded.plus(amount).isGreaterThan(order.merchandiseTotal())) {
            throw ApiProblem.conflict("refund-exceeds-paid", "a refund of " + amount + " would bring order " + order.number()
                    + "'s refunds to " + refunded.plus(amount) + ", more than the " + order.merchandiseTotal() + " paid for its lines");
        }
        UUID id = insert(caller, orderId, rmaId, REFUND, resolution, amount);
        deductions.forEach((kind, money) -> jdbc.sql("insert into refund_deduction (refund_id, kind, amount, currency) values (?, ?, ?, ?)")
                .params(id, kind.wire(), money.getAmount(), money.getCurrencyUnit().getCode()).update());
    }

    public void reimburseShipping(Caller caller, UUID orderId, UUID rmaId, String resolution, Money amount) {
        insert(caller, orderId, rmaId, SHIPPING_REIMBURSEMENT, resolution, amount);
    }

    private UUID insert(Caller caller, UUID orderId, UUID rmaId, String kind, String resolution, Money amount) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                insert into refund (id, merchant_id, order_id, rma_id, kind, resolution, amount, currency, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (rma_id, kind) do nothing""")
                .params(id, caller.merchantId(), orderId, rmaId, kind, resolution, amount.getAmount(), amount.getCurrencyUnit().getCode(),
                        Timestamp.from(clock.instant()), caller.name())
                .update();
        if (inserted == 0) {
            throw ApiProblem.conflict("already-refunded", "RMA " + rmaId + " already has a " + kind.replace('_', ' '));
        }
        return id;
    }

    private Money total(UUID merchantId, UUID orderId, String kind, CurrencyUnit currency) {
        BigDecimal sum = jdbc.sql("select coalesce(sum(amount), 0) from refund where merchant_id = ? and order_id = ? and kind = ?")
                .params(merchantId, orderId, kind).query(BigDecimal.class).single();
        return Money.of(currency, sum.setScale(currency.getDecimalPlaces()));
    }

    public List<Entry> entries(UUID merchantId, UUID orderId, UUID rmaId) {
        String where = rmaId == null ? "r.merchant_id = ? and r.order_id = ?" : "r.merchant_id = ? and r.rma_id = ?";
        return jdbc.sql("select r.* from refund r where " + where + " order by r.created_at, r.kind")
                .params(merchantId, rmaId == null ? orderId : rmaId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    CurrencyUnit cur = CurrencyUnit.of(rs.getString("currency").strip());
                    Map<String, String> deductions = new java.util.TreeMap<>();
                    jdbc.sql("select kind, amount from refund_deduction where refund_id = ?").param(id)
                            .query((d, m) -> deductions.put(d.getString(1), d.getBigDecimal(2).setScale(cur.getDecimalPlaces()).toPlainString()))
                            .list();
                    return new Entry(id, rs.getObject("rma_id", UUID.class), rs.getString("kind"), rs.getString("resolution"),
                            rs.getBigDecimal("amount").setScale(cur.getDecimalPlaces()).toPlainString(), cur.getCode(),
                            rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), deductions);
                })
                .list();
    }

    public OrderLedger forOrder(UUID merchantId, StoredOrder order) {
        CurrencyUnit cur = order.merchandiseTotal().getCurrencyUnit();
        Money refunded = total(merchantId, order.id(), REFUND, cur);
        Money shipping = total(merchantId, order.id(), SHIPPING_REIMBURSEMENT, cur);
        return new OrderLedger(order.number(), cur.getCode(), order.merchandiseTotal().getAmount().toPlainString(),
                refunded.getAmount().toPlainString(), order.merchandiseTotal().minus(refunded).getAmount().toPlainString(),
                shipping.getAmount().toPlainString(), entries(merchantId, order.id(), null));
    }
}

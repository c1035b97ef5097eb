package org.openrma.service.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openrma.decision.DeductionKind;
import org.openrma.service.access.Caller;
import org.openrma.service.order.Orders;
import org.openrma.service.order.StoredOrder;
import org.openrma.service.refusal.Refusal;
import org.openrma.service.web.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/**
 * The refund ledger of each order: money paid back, store credit, exchanges with their price
 * difference, and return postage reimbursed, with the itemised deductions.
 *
 * <p>Each entry that gives value back for goods (refund, store credit, the difference of an
 * exchange) is allocated to the order lines it concerns, and to the order's shipping charge for
 * what is left; a return also uses up the units it takes back. Across all RMAs of an order, no line
 * gives back more than was paid for it, nor more units than were sold, and the shipping charge
 * likewise: checked here under the order's row lock, and again by database triggers. An RMA gets
 * at most one entry of each kind (unique constraint), however often a request is retried.
 */
@Repository
public class RefundLedger {

    private final JdbcClient jdbc;
    private final Orders orders;
    private final Clock clock;

    public RefundLedger(JdbcClient jdbc, Orders orders, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.clock = clock;
    }

    /** What an entry used up of one order line, or of the shipping charge ({@code sku} null). */
    public record LineUse(String sku, int quantity, Money amount) {}

    /**
     * One entry of the ledger: its kind, the resolution it carried out, the amount in the order's
     * currency with the deductions taken from it, the lines it used up, and any detail kept with it.
     * The API and the pages show it as {@link EntryView} (amounts as decimal strings).
     */
    public record Entry(UUID id, UUID rmaId, LedgerKind kind, String resolution, Money amount, Instant createdAt, String createdBy,
                        Map<DeductionKind, Money> deductions, List<LineUse> lines, ExchangeDetail detail) {

        public Entry {
            deductions = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(deductions));
            lines = List.copyOf(lines);
        }
    }

    /**
     * What an exchange settled: the item given ({@code exchangeSku}, its {@code exchangePrice}),
     * what the claimed lines were worth ({@code returnedValue}), the difference, and who it went to.
     */
    public record ExchangeDetail(
            @io.swagger.v3.oas.annotations.media.Schema(example = "KGD-IPL-X2") String exchangeSku,
            @io.swagger.v3.oas.annotations.media.Schema(example = "209.00", pattern = "^-?[0-9]+(\\.[0-9]+)?$") String exchangePrice,
            @io.swagger.v3.oas.annotations.media.Schema(example = "189.00", pattern = "^-?[0-9]+(\\.[0-9]+)?$") String returnedValue,
            @io.swagger.v3.oas.annotations.media.Schema(description = "returned_value minus exchange_price: positive is paid back, "
                    + "negative charged", example = "-20.00", pattern = "^-?[0-9]+(\\.[0-9]+)?$") String priceDifference,
            @io.swagger.v3.oas.annotations.media.Schema(description = "in words", example = "charged to the customer") String settled) {

        static ExchangeDetail read(String stored) {
            if (stored == null) {
                return null;
            }
            JsonNode d = Json.read(stored);
            return new ExchangeDetail(d.path("exchange_sku").asString(null), d.path("exchange_price").asString(null),
                    d.path("returned_value").asString(null), d.path("price_difference").asString(null), d.path("settled").asString(null));
        }
    }

    /** One order line (or the shipping charge, {@code sku} null): what was paid, what was given back, what is left. */
    public record LineBalance(String sku, int quantity, int unitsTakenBack, String paid, String givenBack, String refundable) {}

    /**
     * An order's ledger. {@code paid} is what was paid for the lines, {@code shippingPaid} for
     * shipping; {@code refundable} what can still be given back for both.
     */
    public record OrderLedger(String orderNumber, String currency, String paid, String shippingPaid, String refunded, String storeCredit,
                              String exchangeDifference, String exchangeCharged, String refundable, String shippingReimbursed,
                              List<LineBalance> lines, List<EntryView> entries) {}

    /** A claimed order line: the units the RMA concerns. */
    public record Claimed(String sku, int quantity) {}

    /**
     * Records the refund of an RMA's resolution against the whole order; 409 if it would take the
     * order's refunds past what was paid. Prefer {@link #record}, which knows the claimed lines.
     */
    public void refund(Caller caller, UUID orderId, UUID rmaId, String resolution, Money amount, Map<DeductionKind, Money> deductions) {
        record(caller, orderId, rmaId, LedgerKind.REFUND, resolution, amount, deductions, List.of(), false, null);
    }

    public void reimburseShipping(Caller caller, UUID orderId, UUID rmaId, String resolution, Money amount) {
        insert(caller, orderId, rmaId, LedgerKind.SHIPPING_REIMBURSEMENT, resolution, amount, null);
    }

    /**
     * Records an entry of {@code kind} for an RMA. For kinds that give value back, {@code amount}
     * is allocated to the {@code claimed} lines (each up to what was paid for the claimed units and
     * what is left of its line), then, when the RMA is about the whole order, to the shipping charge; {@code takesUnitsBack} also uses up
     * the claimed units. An empty {@code claimed} means every line of the order, without units.
     * 409 {@code refund-exceeds-paid} when anything would go beyond what was paid.
     */
    public UUID record(Caller caller, UUID orderId, UUID rmaId, Payout payout) {
        return record(caller, orderId, rmaId, payout.kind(), payout.resolution().wire(), payout.amount(), payout.deductions(), payout.lines(),
                payout.takesUnitsBack(), payout.detail());
    }

    private UUID record(Caller caller, UUID orderId, UUID rmaId, LedgerKind kind, String resolution, Money amount,
                        Map<DeductionKind, Money> deductions, List<Claimed> claimed, boolean takesUnitsBack, JsonNode detail) {
        StoredOrder order = orders.lock(caller.merchantId(), orderId);
        CurrencyUnit cur = order.merchandiseTotal().getCurrencyUnit();
        List<Allocation> allocations = new ArrayList<>();
        if (kind.givesValueBack || takesUnitsBack) {
            allocations = allocate(caller.merchantId(), order, kind.givesValueBack ? amount : Money.zero(cur), claimed,
                    takesUnitsBack);
        }
        UUID id = insert(caller, orderId, rmaId, kind, resolution, amount, detail);
        deductions.forEach((k, money) -> jdbc.sql("insert into refund_deduction (refund_id, kind, amount, currency) values (?, ?, ?, ?)")
                .params(id, k.wire(), money.getAmount(), money.getCurrencyUnit().getCode()).update());
        for (Allocation a : allocations) {
            jdbc.sql("insert into refund_line (refund_id, merchant_id, order_id, sku, quantity, amount, currency) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, caller.merchantId(), orderId, a.sku(), a.units(), a.amount().getAmount(), cur.getCode()).update();
        }
        return id;
    }

    private record Allocation(String sku, int units, Money amount) {}

    private record Used(int units, Money amount) {}

    /** Spreads {@code amount} over the claimed lines, then the shipping charge; refuses what goes beyond what was paid. */
    private List<Allocation> allocate(UUID merchantId, StoredOrder order, Money amount, List<Claimed> claimed, boolean takesUnitsBack) {
        CurrencyUnit cur = amount.getCurrencyUnit();
        Map<String, OrderLinePaid> lines = orderLines(merchantId, order.id(), cur);
        Map<String, Used> used = used(order.id(), cur);
        List<Claimed> scope = claimed.isEmpty()
                ? lines.values().stream().map(l -> new Claimed(l.sku(), l.quantity())).toList()
                : claimed;
        boolean units = takesUnitsBack && !claimed.isEmpty();
        List<Allocation> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Money left = amount;
        for (Claimed c : scope) {
            OrderLinePaid line = lines.get(c.sku());
            if (line == null) {
                problems.add("order " + order.number() + " has no line " + c.sku());
                continue;
            }
            Used u = used.getOrDefault(c.sku(), new Used(0, Money.zero(cur)));
            if (units && u.units() + c.quantity() > line.quantity()) {
                problems.add("line " + c.sku() + ": " + u.units() + " of its " + line.quantity() + " unit(s) were already taken back, "
                        + "so " + c.quantity() + " more would be more than were sold");
            }
            Money lineLeft = line.total().minus(u.amount());
            Money claimedValue = line.unitPrice().multipliedBy(Math.min(c.quantity(), line.quantity()));
            Money cap = lineLeft.isLessThan(claimedValue) ? lineLeft : claimedValue;
            Money take = left.isLessThan(cap) ? left : cap;
            if (take.isNegative()) {
                take = Money.zero(cur);
            }
            left = left.minus(take);
            out.add(new Allocation(c.sku(), units ? c.quantity() : 0, take));
        }
        // The shipping charge is given back only by an RMA about the whole order (a cancellation, a parcel refused or lost).
        boolean wholeOrder = lines.values().stream().allMatch(l -> scope.stream()
                .filter(c -> c.sku().equals(l.sku())).mapToInt(Claimed::quantity).sum() >= l.quantity());
        if (left.isPositive() && wholeOrder) {
            Money shippingLeft = order.shippingPaid().minus(used.getOrDefault(null, new Used(0, Money.zero(cur))).amount());
            Money take = left.isLessThan(shippingLeft) ? left : shippingLeft;
            if (take.isPositive()) {
                out.add(new Allocation(null, 0, take));
                left = left.minus(take);
            }
        }
        if (left.isPositive()) {
            problems.add("the " + amount + " would be " + left + " more than was paid for "
                    + (wholeOrder ? "order " + order.number() + " and its shipping" : "the claimed lines of order " + order.number())
                    + ", after what earlier RMAs gave back");
        }
        if (!problems.isEmpty()) {
            throw new Refusal.Conflict("refund-exceeds-paid", String.join("; ", problems));
        }
        return out;
    }

    private record OrderLinePaid(String sku, int quantity, Money unitPrice) {
        Money total() {
            return unitPrice.multipliedBy(quantity);
        }
    }

    private Map<String, OrderLinePaid> orderLines(UUID merchantId, UUID orderId, CurrencyUnit cur) {
        Map<String, OrderLinePaid> lines = new LinkedHashMap<>();
        jdbc.sql("select sku, quantity, unit_price from order_line where merchant_id = ? and order_id = ? order by sku").params(merchantId, orderId)
                .query((rs, n) -> lines.put(rs.getString(1), new OrderLinePaid(rs.getString(1), rs.getInt(2),
                        Money.of(cur, rs.getBigDecimal(3).setScale(cur.getDecimalPlaces())))))
                .list();
        return lines;
    }

    /** Units and value given back so far, by sku (null: the shipping charge). */
    private Map<String, Used> used(UUID orderId, CurrencyUnit cur) {
        Map<String, Used> used = new HashMap<>();
        jdbc.sql("select sku, coalesce(sum(quantity), 0), coalesce(sum(amount), 0) from refund_line where order_id = ? group by sku").param(orderId)
                .query((rs, n) -> used.put(rs.getString(1), new Used(rs.getInt(2), Money.of(cur, rs.getBigDecimal(3).setScale(cur.getDecimalPlaces())))))
                .list();
        return used;
    }

    private UUID insert(Caller caller, UUID orderId, UUID rmaId, LedgerKind kind, String resolution, Money amount, JsonNode detail) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                insert into refund (id, merchant_id, order_id, rma_id, kind, resolution, amount, currency, created_at, created_by, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb)) on conflict (rma_id, kind) do nothing""")
                .params(id, caller.merchantId(), orderId, rmaId, kind.wire(), resolution, amount.getAmount(), amount.getCurrencyUnit().getCode(),
                        Timestamp.from(clock.instant()), caller.name(), detail == null ? null : Json.write(detail))
                .update();
        if (inserted == 0) {
            throw new Refusal.Conflict("already-refunded", "RMA " + rmaId + " already has a " + kind.wire().replace('_', ' '));
        }
        return id;
    }

    private Money total(UUID merchantId, UUID orderId, LedgerKind kind, CurrencyUnit currency) {
        BigDecimal sum = jdbc.sql("select coalesce(sum(amount), 0) from refund where merchant_id = ? and order_id = ? and kind = ?")
                .params(merchantId, orderId, kind.wire()).query(BigDecimal.class).single();
        return Money.of(currency, sum.setScale(currency.getDecimalPlaces()));
    }

    public List<Entry> entries(UUID merchantId, UUID orderId, UUID rmaId) {
        String where = rmaId == null ? "r.merchant_id = ? and r.order_id = ?" : "r.merchant_id = ? and r.rma_id = ?";
        return jdbc.sql("select r.* from refund r where " + where + " order by r.created_at, r.kind")
                .params(merchantId, rmaId == null ? orderId : rmaId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    CurrencyUnit cur = CurrencyUnit.of(rs.getString("currency").strip());
                    Map<DeductionKind, Money> deductions = new java.util.EnumMap<>(DeductionKind.class);
                    jdbc.sql("select kind, amount from refund_deduction where refund_id = ?").param(id)
                            .query((d, m) -> deductions.put(stored(DeductionKind.class, d.getString(1)), money(cur, d.getBigDecimal(2))))
                            .list();
                    List<LineUse> lines = jdbc.sql("select sku, quantity, amount from refund_line where refund_id = ? order by sku nulls last").param(id)
                            .query((l, m) -> new LineUse(l.getString(1), l.getInt(2), money(cur, l.getBigDecimal(3))))
                            .list();
                    LedgerKind kind = LedgerKind.of(rs.getString("kind"))
                            .orElseThrow(() -> new IllegalStateException("refund " + id + " has an unknown kind"));
                    return new Entry(id, rs.getObject("rma_id", UUID.class), kind, rs.getString("resolution"), money(cur, rs.getBigDecimal("amount")),
                            rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), deductions, lines,
                            ExchangeDetail.read(rs.getString("detail")));
                })
                .list();
    }

    public OrderLedger forOrder(UUID merchantId, StoredOrder order) {
        CurrencyUnit cur = order.merchandiseTotal().getCurrencyUnit();
        Money refunded = total(merchantId, order.id(), LedgerKind.REFUND, cur);
        Money credit = total(merchantId, order.id(), LedgerKind.STORE_CREDIT, cur);
        Money exchange = total(merchantId, order.id(), LedgerKind.EXCHANGE, cur);
        Money charged = total(merchantId, order.id(), LedgerKind.EXCHANGE_CHARGE, cur);
        Money shipping = total(merchantId, order.id(), LedgerKind.SHIPPING_REIMBURSEMENT, cur);
        Money paidAll = order.merchandiseTotal().plus(order.shippingPaid());
        Money given = refunded.plus(credit).plus(exchange);
        Map<String, Used> used = used(order.id(), cur);
        List<LineBalance> balances = new ArrayList<>();
        for (OrderLinePaid l : orderLines(merchantId, order.id(), cur).values()) {
            Used u = used.getOrDefault(l.sku(), new Used(0, Money.zero(cur)));
            balances.add(new LineBalance(l.sku(), l.quantity(), u.units(), plain(l.total()), plain(u.amount()), plain(l.total().minus(u.amount()))));
        }
        Used s = used.getOrDefault(null, new Used(0, Money.zero(cur)));
        balances.add(new LineBalance(null, 0, 0, plain(order.shippingPaid()), plain(s.amount()), plain(order.shippingPaid().minus(s.amount()))));
        return new OrderLedger(order.number(), cur.getCode(), plain(order.merchandiseTotal()), plain(order.shippingPaid()), plain(refunded),
                plain(credit), plain(exchange), plain(charged), plain(paidAll.minus(given)), plain(shipping), balances,
                entries(merchantId, order.id(), null).stream().map(EntryView::of).toList());
    }

    private static Money money(CurrencyUnit currency, BigDecimal amount) {
        return Money.of(currency, amount.setScale(currency.getDecimalPlaces()));
    }

    /** A word the ledger wrote itself (a check constraint or this class keeps them to the vocabulary). */
    private static <E extends Enum<E> & org.openrma.claim.Vocabulary> E stored(Class<E> type, String word) {
        return org.openrma.claim.Vocabulary.parse(type, word)
                .orElseThrow(() -> new IllegalStateException("the ledger holds an unknown " + type.getSimpleName() + " '" + word + "'"));
    }

    private static String plain(Money m) {
        return m.getAmount().toPlainString();
    }
}

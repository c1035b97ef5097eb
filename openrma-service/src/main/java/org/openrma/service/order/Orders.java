package org.openrma.service.order;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openrma.claim.Order;
import org.openrma.claim.OrderLine;
import org.openrma.service.web.Json;
import org.openrma.service.web.Cursor;
import org.openrma.service.web.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/** The orders table, always queried within one merchant. */
@Repository
public class Orders {

    private final JdbcClient jdbc;

    public Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Filter(String customerEmail, String customerId, Instant placedFrom, Instant placedTo) {}

    public void insert(UUID merchantId, UUID id, Order order, JsonNode document, Instant now, String by) {
        jdbc.sql("""
                insert into customer_order (id, merchant_id, number, channel, placed_at, currency, merchandise_total,
                    customer_id, customer_email, document, imported_at, imported_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""")
                .params(id, merchantId, order.number(), order.channel().wire(), Timestamp.from(order.placedAt()),
                        order.currency().getCode(), order.merchandiseTotal().getAmount(), order.customer().id(),
                        order.customer().email(), Json.write(document), Timestamp.from(now), by)
                .update();
        for (OrderLine line : order.lines()) {
            jdbc.sql("""
                    insert into order_line (order_id, merchant_id, sku, category, unit_price, currency, quantity, serial)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, merchantId, line.sku(), line.category(), line.unitPrice().getAmount(),
                            line.unitPrice().getCurrencyUnit().getCode(), line.quantity(), line.serial())
                    .update();
        }
    }

    public Optional<StoredOrder> byNumber(UUID merchantId, String number) {
        return jdbc.sql("select * from customer_order where merchant_id = ? and number = ?").params(merchantId, number)
                .query(Orders::map).optional();
    }

    public Optional<StoredOrder> byId(UUID merchantId, UUID id) {
        return jdbc.sql("select * from customer_order where merchant_id = ? and id = ?").params(merchantId, id)
                .query(Orders::map).optional();
    }

    /** Locks the order row: refunds on one order are checked one after the other. */
    public StoredOrder lock(UUID merchantId, UUID id) {
        return jdbc.sql("select * from customer_order where merchant_id = ? and id = ? for update").params(merchantId, id)
                .query(Orders::map).single();
    }

    /**
     * The order a customer means by the number they typed: as typed, or as shops print it ({@code #KGD-1001}), in
     * another case, with spaces ({@link #spellings}). Each spelling is an exact match, so the lookup stays on the index.
     */
    public Optional<StoredOrder> forCustomer(UUID merchantId, String number, String email) {
        return jdbc.sql("""
                        select * from customer_order where merchant_id = ? and number = any(?) and lower(customer_email) = lower(?)
                        order by number = ? desc limit 1""")
                .params(merchantId, spellings(number).toArray(String[]::new), email, number.strip()).query(Orders::map).optional();
    }

    /** The spellings a customer's typed order number may stand for, the typed one first. */
    static List<String> spellings(String typed) {
        String bare = typed.strip().replaceFirst("^#\\s*", "").replaceAll("\\s+", "");
        var spellings = new LinkedHashSet<String>();
        for (String s : List.of(typed.strip(), bare)) {
            spellings.add(s);
            spellings.add(s.toUpperCase(Locale.ROOT));
            spellings.add(s.toLowerCase(Locale.ROOT));
        }
        return List.copyOf(spellings);
    }

    public Page<StoredOrder> list(UUID merchantId, UUID onlyOrder, Filter f, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(merchantId, onlyOrder, f, params);
        long total = jdbc.sql("select count(*) from customer_order" + where).params(params).query(Long.class).single();
        params.add(size);
        params.add((long) page * size);
        return new Page<>(jdbc.sql("select * from customer_order" + where + " order by placed_at desc, id limit ? offset ?")
                .params(params).query(Orders::map).list(), page, size, total);
    }

    /** Cursor mode: the orders after the one numbered {@code cursor.startingAfter()}, in the order of pages. */
    public Page<StoredOrder> list(UUID merchantId, UUID onlyOrder, Filter f, Cursor cursor) {
        List<Object> params = new ArrayList<>();
        String where = where(merchantId, onlyOrder, f, params);
        if (cursor.startingAfter() != null) {
            StoredOrder after = jdbc.sql("select * from customer_order where merchant_id = ? and number = ?"
                            + (onlyOrder != null ? " and id = ?" : ""))
                    .params(onlyOrder != null ? List.of(merchantId, cursor.startingAfter(), onlyOrder) : List.of(merchantId, cursor.startingAfter()))
                    .query(Orders::map).optional().orElseThrow(() -> Cursor.unknown(cursor.startingAfter()));
            where += " and (placed_at < ? or (placed_at = ? and id > ?))";
            Timestamp placed = Timestamp.from(after.placedAt());
            params.addAll(List.of(placed, placed, after.id()));
        }
        params.add(cursor.limit() + 1);
        return cursor.slice(jdbc.sql("select * from customer_order" + where + " order by placed_at desc, id limit ?")
                .params(params).query(Orders::map).list());
    }

    private static String where(UUID merchantId, UUID onlyOrder, Filter f, List<Object> params) {
        StringBuilder where = new StringBuilder(" where merchant_id = ?");
        params.add(merchantId);
        if (onlyOrder != null) {
            where.append(" and id = ?");
            params.add(onlyOrder);
        }
        if (f.customerEmail() != null) {
            where.append(" and lower(customer_email) = lower(?)");
            params.add(f.customerEmail());
        }
        if (f.customerId() != null) {
            where.append(" and customer_id = ?");
            params.add(f.customerId());
        }
        if (f.placedFrom() != null) {
            where.append(" and placed_at >= ?");
            params.add(Timestamp.from(f.placedFrom()));
        }
        if (f.placedTo() != null) {
            where.append(" and placed_at < ?");
            params.add(Timestamp.from(f.placedTo()));
        }
        return where.toString();
    }

    /**
     * Saves the shop's delivery update (the order document with new delivery_status / shipped_at /
     * delivered_at) if nobody changed the order since {@code version}; bumps the version.
     */
    public boolean updateDelivery(UUID merchantId, UUID id, JsonNode document, int version) {
        return jdbc.sql("update customer_order set document = cast(? as jsonb), version = version + 1 where merchant_id = ? and id = ? and version = ?")
                .params(Json.write(document), merchantId, id, version).update() == 1;
    }

    /** Marks the order cancelled (a cancellation was carried out); an order is cancelled once. */
    public boolean markCancelled(UUID merchantId, UUID id, Instant at) {
        return jdbc.sql("update customer_order set status = 'cancelled', cancelled_at = ?, version = version + 1 "
                        + "where merchant_id = ? and id = ? and status <> 'cancelled'")
                .params(Timestamp.from(at), merchantId, id).update() == 1;
    }

    /** Marks the order amended (an amendment was carried out); a cancelled order stays cancelled. */
    public boolean markAmended(UUID merchantId, UUID id, Instant at) {
        return jdbc.sql("update customer_order set status = 'amended', amended_at = ?, version = version + 1 "
                        + "where merchant_id = ? and id = ? and status <> 'cancelled'")
                .params(Timestamp.from(at), merchantId, id).update() == 1;
    }

    public static StoredOrder map(ResultSet rs, int n) throws SQLException {
        CurrencyUnit cur = CurrencyUnit.of(rs.getString("currency").strip());
        BigDecimal total = rs.getBigDecimal("merchandise_total");
        return new StoredOrder(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("channel"),
                rs.getTimestamp("placed_at").toInstant(), rs.getString("customer_id"), rs.getString("customer_email"),
                Money.of(cur, total.setScale(cur.getDecimalPlaces())), Json.read(rs.getString("document")),
                rs.getTimestamp("imported_at").toInstant(),
                StoredOrder.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                instant(rs, "cancelled_at"), instant(rs, "amended_at"), rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

package org.openrma.service.ui.console;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.openrma.service.rma.RmaStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only queries the console needs and {@code Rmas} does not offer: the queue filtered by
 * reason, program (of the latest decision) and SLA state, free-text search, counts, and the
 * dashboard's aggregates. Always scoped to one merchant.
 */
@Repository
public class ConsoleQueries {

    private final JdbcClient jdbc;

    public ConsoleQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queue filters; null means any. {@code status}: a status's wire name, {@link #OPEN} (the default: every status in
     * which the RMA still waits on someone) or {@link #ALL}. {@code sla} is "breached", "due" (due within 2 days, not
     * breached) or null. {@code assigneeId}: only the RMAs that member of staff works ("mine").
     */
    public record Filter(String status, String sla, String reason, String program, String query, UUID assigneeId) {}

    public static final String OPEN = "open";
    public static final String ALL = "all";

    /** The orders the queue can be sorted in; each breaks ties by filing time and id, so pages never overlap. */
    public enum Sort {
        /** SLA date, soonest (overdue) first; RMAs without one last. */
        SLA("r.sla_due_by %s nulls last, r.created_at desc, r.id"),
        CREATED("r.created_at %s, r.id"),
        /** The amount at stake (see {@link Row#amount}). */
        AMOUNT("ld.amount %s nulls last, r.created_at desc, r.id");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Ascending unless {@code descending}; SLA reads ascending (soonest first) by default, the others descending. */
        String orderBy(boolean descending) {
            return orderBy.formatted(descending ? "desc" : "asc");
        }

        public static Sort of(String wire) {
            for (Sort s : values()) {
                if (s.wire().equals(wire)) {
                    return s;
                }
            }
            return SLA;
        }
    }

    /**
     * One queue row: the RMA plus the reason and the program its latest decision chose, and the amount at stake: the
     * refund that decision grants ({@code refund} true), else what was paid for the claimed lines, in the order's currency.
     */
    public record Row(UUID id, String number, String orderNumber, String customerEmail, RmaStatus status, String outcome, String reason,
                      String kind, String program, LocalDate slaDueBy, boolean slaBreached, Instant createdAt, BigDecimal amount,
                      boolean refund, String currency, String assignee) {}

    // The latest decision's program and amount at stake: its refund when it grants one, else the price of the claimed lines.
    private static final String FROM = """
             from rma r join customer_order o on o.id = r.order_id
             left join lateral (select d.decision ->> 'program' as program,
                 coalesce(nullif((d.decision ->> 'refund')::numeric, 0),
                     (select sum((l ->> 'price')::numeric) from jsonb_array_elements(case when jsonb_typeof(d.decision -> 'lines') = 'array'
                         then d.decision -> 'lines' else '[]'::jsonb end) l)) as amount,
                 coalesce((d.decision ->> 'refund')::numeric, 0) > 0 as refund
               from decision d where d.rma_id = r.id order by d.seq desc limit 1) ld on true
            """;

    /** A page of the queue: {@code offset} rows skipped, at most {@code limit}. */
    public List<Row> queue(UUID merchantId, Filter f, LocalDate today, Sort sort, boolean descending, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(merchantId, f, today, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select r.id, r.number, o.number as order_number, r.customer_email, r.status, r.outcome, r.claim -> 'request' ->> 'reason' as reason,"
                        + " r.claim -> 'request' ->> 'kind' as kind, ld.program, r.sla_due_by, r.sla_breached, r.created_at, ld.amount, ld.refund,"
                        + " upper(r.claim -> 'order' ->> 'currency') as currency, r.assignee" + FROM + where
                        + " order by " + sort.orderBy(descending) + " limit ? offset ?")
                .params(params)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("order_number"),
                        rs.getString("customer_email"), RmaStatus.valueOf(rs.getString("status")), rs.getString("outcome"),
                        rs.getString("reason"), rs.getString("kind"), rs.getString("program"),
                        rs.getDate("sla_due_by") == null ? null : rs.getDate("sla_due_by").toLocalDate(), rs.getBoolean("sla_breached"),
                        rs.getTimestamp("created_at").toInstant(), rs.getBigDecimal("amount"), rs.getBoolean("refund"), rs.getString("currency"),
                        rs.getString("assignee")))
                .list();
    }

    public long count(UUID merchantId, Filter f, LocalDate today) {
        List<Object> params = new ArrayList<>();
        String where = where(merchantId, f, today, params);
        // The latest decision is read only when the program filters: counting needs no amounts.
        String from = f.program() != null ? FROM : " from rma r join customer_order o on o.id = r.order_id ";
        return jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
    }

    /** Another RMA of the same order, for the RMA page. */
    public record Sibling(UUID id, String number, RmaStatus status, Instant createdAt) {}

    /** The order's other RMAs, oldest first. */
    public List<Sibling> otherRmasOfTheOrder(UUID merchantId, UUID orderId, UUID except) {
        return jdbc.sql("select id, number, status, created_at from rma where merchant_id = ? and order_id = ? and id <> ? order by created_at, id")
                .params(merchantId, orderId, except)
                .query((rs, n) -> new Sibling(rs.getObject(1, UUID.class), rs.getString(2), RmaStatus.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** The customer's history before an RMA: how many RMAs they filed earlier (any order), and what was refunded to them, per currency. */
    public record History(long earlierRmas, Map<String, BigDecimal> refunded) {}

    public History history(UUID merchantId, String customerEmail, Instant before) {
        long earlier = jdbc.sql("select count(*) from rma where merchant_id = ? and lower(customer_email) = lower(?) and created_at < ?")
                .params(merchantId, customerEmail, Timestamp.from(before)).query(Long.class).single();
        Map<String, BigDecimal> refunded = new LinkedHashMap<>();
        jdbc.sql("select f.currency, sum(f.amount) from refund f join rma r on r.id = f.rma_id where f.merchant_id = ? and f.kind = 'refund'"
                        + " and lower(r.customer_email) = lower(?) group by f.currency order by f.currency")
                .params(merchantId, customerEmail)
                .query((rs, n) -> refunded.put(rs.getString(1).strip(), rs.getBigDecimal(2))).list();
        return new History(earlier, refunded);
    }

    /** RMAs by status, for the counts above the queue (all statuses, zero included). */
    public Map<String, Long> countsByStatus(UUID merchantId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (RmaStatus s : RmaStatus.values()) {
            counts.put(s.wire(), 0L);
        }
        jdbc.sql("select status, count(*) from rma where merchant_id = ? group by status").param(merchantId)
                .query((rs, n) -> counts.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(2))).list();
        return counts;
    }

    public Map<String, Long> slaCounts(UUID merchantId, LocalDate today) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("breached", jdbc.sql("select count(*) from rma where merchant_id = ? and sla_breached and status not in ('RESOLVED','REJECTED','CANCELLED','EXPIRED','CLOSED')")
                .param(merchantId).query(Long.class).single());
        m.put("due", jdbc.sql("select count(*) from rma where merchant_id = ? and not sla_breached and sla_due_by <= ? and status not in ('RESOLVED','REJECTED','CANCELLED','EXPIRED','CLOSED')")
                .params(merchantId, Date.valueOf(today.plusDays(2))).query(Long.class).single());
        return m;
    }

    public List<String> programs(UUID merchantId) {
        return jdbc.sql("select distinct decision ->> 'program' from decision where merchant_id = ? and decision ->> 'program' is not null order by 1")
                .param(merchantId).query(String.class).list();
    }

    private static String where(UUID merchantId, Filter f, LocalDate today, List<Object> params) {
        StringBuilder w = new StringBuilder(" where r.merchant_id = ?");
        params.add(merchantId);
        if (f.status() == null || OPEN.equals(f.status())) {
            w.append(" and r.status in ").append(RmaStatus.sqlList(RmaStatus::isOpen));
        } else if (!ALL.equals(f.status())) {
            w.append(" and r.status = ?");
            params.add(f.status().toUpperCase(Locale.ROOT));
        }
        if (f.assigneeId() != null) {
            w.append(" and r.assignee_id = ?");
            params.add(f.assigneeId());
        }
        if ("breached".equals(f.sla())) {
            w.append(" and r.sla_breached");
        } else if ("due".equals(f.sla())) {
            w.append(" and not r.sla_breached and r.sla_due_by <= ? and r.status not in ('RESOLVED','REJECTED','CANCELLED','EXPIRED','CLOSED')");
            params.add(Date.valueOf(today.plusDays(2)));
        }
        if (f.reason() != null) {
            w.append(" and r.claim -> 'request' ->> 'reason' = ?");
            params.add(f.reason());
        }
        if (f.program() != null) {
            w.append(" and ld.program = ?");
            params.add(f.program());
        }
        if (f.query() != null) {
            w.append(" and (upper(r.number) = upper(?) or upper(o.number) = upper(?) or lower(r.customer_email) like lower(?) or o.customer_id = ?)");
            params.add(f.query());
            params.add(f.query());
            params.add("%" + f.query().replace("%", "").replace("_", "\\_") + "%");
            params.add(f.query());
        }
        return w.toString();
    }

    // --- dashboard ----------------------------------------------------------------------------

    /** The dashboard's period: RMAs filed from {@code from} (inclusive) to {@code to} (exclusive); weeks start on Monday in {@code zone}. */
    public record Range(Instant from, Instant to, ZoneId zone) {}

    /** A count or sum per week (its Monday, in the merchant's zone) and series (reason, program, currency). */
    public record Weekly(LocalDate week, String series, BigDecimal value) {}

    /** One line of a breakdown: the key (reason, SKU, program), a title where there is one, RMAs and units claimed. */
    public record Share(String key, String title, long rmas, long units) {}

    public List<Weekly> weeklyByReason(UUID merchantId, Range range) {
        return jdbc.sql("select date_trunc('week', created_at at time zone ?)::date wk, coalesce(claim -> 'request' ->> 'reason', '?') s, count(*)"
                        + " from rma where merchant_id = ? and created_at >= ? and created_at < ? group by 1, 2 order by 1, 2")
                .params(range.zone().getId(), merchantId, Timestamp.from(range.from()), Timestamp.from(range.to()))
                .query((rs, n) -> new Weekly(rs.getDate(1).toLocalDate(), rs.getString(2), BigDecimal.valueOf(rs.getLong(3)))).list();
    }

    public List<Weekly> weeklyByProgram(UUID merchantId, Range range) {
        return jdbc.sql("select date_trunc('week', r.created_at at time zone ?)::date wk, coalesce(ld.program, 'none') s, count(*)" + FROM
                        + " where r.merchant_id = ? and r.created_at >= ? and r.created_at < ? group by 1, 2 order by 1, 2")
                .params(range.zone().getId(), merchantId, Timestamp.from(range.from()), Timestamp.from(range.to()))
                .query((rs, n) -> new Weekly(rs.getDate(1).toLocalDate(), rs.getString(2), BigDecimal.valueOf(rs.getLong(3)))).list();
    }

    /** Refunds paid in the period (by when they were paid), per week and currency, exact. */
    public List<Weekly> weeklyRefunds(UUID merchantId, Range range) {
        return jdbc.sql("select date_trunc('week', created_at at time zone ?)::date wk, currency, sum(amount) from refund"
                        + " where merchant_id = ? and kind = 'refund' and created_at >= ? and created_at < ? group by 1, 2 order by 1, 2")
                .params(range.zone().getId(), merchantId, Timestamp.from(range.from()), Timestamp.from(range.to()))
                .query((rs, n) -> new Weekly(rs.getDate(1).toLocalDate(), rs.getString(2).strip(), rs.getBigDecimal(3))).list();
    }

    /** RMAs filed in the period by reason, most first. */
    public List<Share> byReason(UUID merchantId, Range range) {
        return jdbc.sql("select coalesce(claim -> 'request' ->> 'reason', '?'), count(*) from rma where merchant_id = ? and created_at >= ?"
                        + " and created_at < ? group by 1 order by 2 desc, 1")
                .params(merchantId, Timestamp.from(range.from()), Timestamp.from(range.to()))
                .query((rs, n) -> new Share(rs.getString(1), null, rs.getLong(2), 0)).list();
    }

    /** RMAs filed in the period by the program their latest decision chose, most first. */
    public List<Share> byProgram(UUID merchantId, Range range) {
        return jdbc.sql("select coalesce(ld.program, 'none'), count(*)" + FROM + " where r.merchant_id = ? and r.created_at >= ? and r.created_at < ?"
                        + " group by 1 order by 2 desc, 1")
                .params(merchantId, Timestamp.from(range.from()), Timestamp.from(range.to()))
                .query((rs, n) -> new Share(rs.getString(1), null, rs.getLong(2), 0)).list();
    }

    /**
     * Products claimed in the period: per SKU, the RMAs that name it and the units claimed, with the order line's title
     * where the order has one. A claim that names no lines is about the whole order, so it counts every line of it.
     */
    public List<Share> byProduct(UUID merchantId, Range range) {
        return jdbc.sql("""
                select l.sku, max(l.title), count(distinct r.id), sum(l.quantity)
                from rma r cross join lateral (
                    select rl ->> 'sku' as sku, coalesce((rl ->> 'quantity')::int, 1) as quantity,
                           (select ol ->> 'title' from jsonb_array_elements(r.claim -> 'order' -> 'lines') ol where ol ->> 'sku' = rl ->> 'sku' limit 1) as title
                    from jsonb_array_elements(case when jsonb_array_length(coalesce(r.claim -> 'request' -> 'lines', '[]'::jsonb)) > 0
                        then r.claim -> 'request' -> 'lines' else r.claim -> 'order' -> 'lines' end) rl) l
                where r.merchant_id = ? and r.created_at >= ? and r.created_at < ?
                group by l.sku order by 3 desc, 4 desc, 1""")
                .params(merchantId, Timestamp.from(range.from()), Timestamp.from(range.to()))
                .query((rs, n) -> new Share(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4))).list();
    }

    /** How the first decision on each RMA came out (approved, needs_evidence, needs_review, rejected, engine error). */
    public Map<String, Long> firstOutcomes(UUID merchantId, Range range) {
        Map<String, Long> m = new LinkedHashMap<>();
        jdbc.sql("select coalesce(d.outcome, 'engine_error'), count(*) from decision d join rma r on r.id = d.rma_id"
                        + " where d.merchant_id = ? and d.seq = 1 and r.created_at >= ? and r.created_at < ? group by 1 order by 1")
                .params(merchantId, Timestamp.from(range.from()), Timestamp.from(range.to()))
                .query((rs, n) -> m.put(rs.getString(1), rs.getLong(2))).list();
        return m;
    }

    /** RMAs that ever reached authorized (by the engine, an agent's approval or an override) among those decided. */
    public long everAuthorized(UUID merchantId, Range range) {
        return jdbc.sql("select count(*) from rma r where r.merchant_id = ? and r.created_at >= ? and r.created_at < ? and exists (select 1 from audit_event a"
                        + " where a.merchant_id = r.merchant_id and a.entity_type = 'rma' and a.entity_id = r.id::text and a.after ->> 'status' = 'authorized')")
                .params(merchantId, Timestamp.from(range.from()), Timestamp.from(range.to())).query(Long.class).single();
    }

    /** SLA: RMAs with a due date, split into met (closed out on time), breached, and open within time. */
    public Map<String, Long> slaCompliance(UUID merchantId, Range range) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("met", 0L);
        m.put("open, on time", 0L);
        m.put("breached", 0L);
        jdbc.sql("""
                select case when sla_breached then 'breached'
                            when status in ('RESOLVED','REJECTED','CANCELLED','EXPIRED','CLOSED') then 'met'
                            else 'open, on time' end, count(*)
                from rma where merchant_id = ? and sla_due_by is not null and created_at >= ? and created_at < ? group by 1""")
                .params(merchantId, Timestamp.from(range.from()), Timestamp.from(range.to()))
                .query((rs, n) -> m.put(rs.getString(1), rs.getLong(2))).list();
        return m;
    }

}

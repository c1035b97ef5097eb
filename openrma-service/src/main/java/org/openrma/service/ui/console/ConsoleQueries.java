package org.openrma.service.ui.console;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
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

    /** Queue filters; null means any. {@code sla} is "breached", "due" (due within 2 days, not breached) or null. */
    public record Filter(String status, String sla, String reason, String program, String query) {}

    /** One queue row: the RMA plus the reason and the program its latest decision chose. */
    public record Row(UUID id, String number, String orderNumber, String customerEmail, RmaStatus status, String outcome, String reason,
                      String kind, String program, LocalDate slaDueBy, boolean slaBreached, Instant createdAt) {}

    private static final String FROM = """
             from rma r join customer_order o on o.id = r.order_id
             left join lateral (select d.decision ->> 'program' as program from decision d where d.rma_id = r.id order by d.seq desc limit 1) ld on true
            """;

    public List<Row> queue(UUID merchantId, Filter f, LocalDate today, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(merchantId, f, today, params);
        params.add(limit);
        return jdbc.sql("select r.id, r.number, o.number as order_number, r.customer_email, r.status, r.outcome, r.claim -> 'request' ->> 'reason' as reason,"
                        + " r.claim -> 'request' ->> 'kind' as kind, ld.program, r.sla_due_by, r.sla_breached, r.created_at" + FROM + where
                        + " order by r.sla_breached desc, r.sla_due_by nulls last, r.created_at desc limit ?")
                .params(params)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("order_number"),
                        rs.getString("customer_email"), RmaStatus.valueOf(rs.getString("status")), rs.getString("outcome"),
                        rs.getString("reason"), rs.getString("kind"), rs.getString("program"),
                        rs.getDate("sla_due_by") == null ? null : rs.getDate("sla_due_by").toLocalDate(), rs.getBoolean("sla_breached"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public long count(UUID merchantId, Filter f, LocalDate today) {
        List<Object> params = new ArrayList<>();
        String where = where(merchantId, f, today, params);
        return jdbc.sql("select count(*)" + FROM + where).params(params).query(Long.class).single();
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
        if (f.status() != null) {
            w.append(" and r.status = ?");
            params.add(f.status().toUpperCase(Locale.ROOT));
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

    /** A count or sum per week and series (reason, program, currency). */
    public record Weekly(LocalDate week, String series, double value) {}

    public List<Weekly> weeklyByReason(UUID merchantId, Instant from) {
        return jdbc.sql("select date_trunc('week', created_at at time zone 'UTC')::date wk, coalesce(claim -> 'request' ->> 'reason', '?') s, count(*)"
                        + " from rma where merchant_id = ? and created_at >= ? group by 1, 2 order by 1, 2")
                .params(merchantId, Timestamp.from(from))
                .query((rs, n) -> new Weekly(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getLong(3))).list();
    }

    public List<Weekly> weeklyByProgram(UUID merchantId, Instant from) {
        return jdbc.sql("select date_trunc('week', r.created_at at time zone 'UTC')::date wk, coalesce(ld.program, 'none') s, count(*)" + FROM
                        + " where r.merchant_id = ? and r.created_at >= ? group by 1, 2 order by 1, 2")
                .params(merchantId, Timestamp.from(from))
                .query((rs, n) -> new Weekly(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getLong(3))).list();
    }

    public List<Weekly> weeklyRefunds(UUID merchantId, Instant from) {
        return jdbc.sql("select date_trunc('week', created_at at time zone 'UTC')::date wk, currency, sum(amount) from refund"
                        + " where merchant_id = ? and kind = 'refund' and created_at >= ? group by 1, 2 order by 1, 2")
                .params(merchantId, Timestamp.from(from))
                .query((rs, n) -> new Weekly(rs.getDate(1).toLocalDate(), rs.getString(2).strip(), rs.getBigDecimal(3).doubleValue())).list();
    }

    /** How the first decision on each RMA came out (approved, needs_evidence, needs_review, rejected, engine error). */
    public Map<String, Long> firstOutcomes(UUID merchantId, Instant from) {
        Map<String, Long> m = new LinkedHashMap<>();
        jdbc.sql("select coalesce(d.outcome, 'engine_error'), count(*) from decision d join rma r on r.id = d.rma_id"
                        + " where d.merchant_id = ? and d.seq = 1 and r.created_at >= ? group by 1 order by 1")
                .params(merchantId, Timestamp.from(from)).query((rs, n) -> m.put(rs.getString(1), rs.getLong(2))).list();
        return m;
    }

    /** RMAs that ever reached authorized (by the engine, an agent's approval or an override) among those decided. */
    public long everAuthorized(UUID merchantId, Instant from) {
        return jdbc.sql("select count(*) from rma r where r.merchant_id = ? and r.created_at >= ? and exists (select 1 from audit_event a"
                        + " where a.merchant_id = r.merchant_id and a.entity_type = 'rma' and a.entity_id = r.id::text and a.after ->> 'status' = 'authorized')")
                .params(merchantId, Timestamp.from(from)).query(Long.class).single();
    }

    /** SLA: RMAs with a due date, split into met (closed out on time), breached, and open within time. */
    public Map<String, Long> slaCompliance(UUID merchantId, Instant from) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("met", 0L);
        m.put("open, on time", 0L);
        m.put("breached", 0L);
        jdbc.sql("""
                select case when sla_breached then 'breached'
                            when status in ('RESOLVED','REJECTED','CANCELLED','EXPIRED','CLOSED') then 'met'
                            else 'open, on time' end, count(*)
                from rma where merchant_id = ? and sla_due_by is not null and created_at >= ? group by 1""")
                .params(merchantId, Timestamp.from(from)).query((rs, n) -> m.put(rs.getString(1), rs.getLong(2))).list();
        return m;
    }

}

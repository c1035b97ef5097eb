package org.openrma.service.rma;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openrma.service.OpenRmaProperties;
import org.openrma.service.db.Write;
import org.openrma.service.db.Writes;
import org.openrma.service.order.Orders;
import org.openrma.service.order.StoredOrder;
import org.openrma.service.web.Cursor;
import org.openrma.service.web.Json;
import org.openrma.service.web.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The RMA and decision tables, always queried within one merchant (and one order, for customers). */
@Repository
public class Rmas {

    private static final String SELECT = "select r.*, o.number as order_number from rma r join customer_order o on o.id = r.order_id";

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate statements;
    private final Clock clock;
    private final int dueSoonDays;

    public Rmas(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate statements, Clock clock, OpenRmaProperties properties) {
        this.jdbc = jdbc;
        this.statements = statements;
        this.clock = clock;
        this.dueSoonDays = properties.deadlines().slaDueSoonDays();
    }

    /** The last SLA date that counts as due soon for a merchant in {@code zone}: today there plus the due-soon days. */
    public LocalDate dueSoonUntil(java.time.ZoneId zone) {
        return LocalDate.ofInstant(clock.instant(), zone).plusDays(dueSoonDays);
    }

    /**
     * List filters; null means any. {@code slaDueSoon}: open, not breached, SLA date within the
     * due-soon window; {@code slaDueFrom}/{@code slaDueTo}: SLA date range (inclusive).
     */
    public record Filter(RmaStatus status, Boolean slaBreached, Instant createdFrom, Instant createdTo, String customerEmail,
                         String orderNumber, Boolean slaDueSoon, LocalDate slaDueFrom, LocalDate slaDueTo) {

        public Filter(RmaStatus status, Boolean slaBreached, Instant createdFrom, Instant createdTo, String customerEmail, String orderNumber) {
            this(status, slaBreached, createdFrom, createdTo, customerEmail, orderNumber, null, null, null);
        }
    }

    /** Statuses in which the merchant still owes the customer something (SLA dates run). */
    static final String OPEN_STATUSES = RmaStatus.sqlList(RmaStatus::isOpen);

    public record StoredDecision(int seq, String trigger, Instant decidedAt, String outcome, String policyVersion, JsonNode claim,
                                 JsonNode decision, String engineError) {

        /** The decision read into its type (null when the engine failed). */
        public RmaDocuments.Decision typed() {
            return RmaDocuments.decision(decision);
        }
    }

    /** The RMA's row as a new RMA writes it: to be sent with the filing's other rows ({@link Writes#together}). */
    public Write inserting(Rma r) {
        return new Write("""
                insert into rma (id, merchant_id, number, order_id, policy_id, status, outcome, claim, customer_email, ship_back_by,
                    evidence_due_by, sla_due_by, sla_breached, resolution, customer_consent_at, outbound_carrier, outbound_tracking, return_tracking,
                    created_at, created_by, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                r.id(), r.merchantId(), r.number(), r.orderId(), r.policyId(), r.status().name(), r.outcome(), Json.write(r.claim()),
                r.customerEmail(), date(r.shipBackBy()), date(r.evidenceDueBy()), date(r.slaDueBy()), r.slaBreached(), r.resolution(),
                timestamp(r.customerConsentAt()), r.outboundCarrier(), r.outboundTracking(), r.returnTracking(), Timestamp.from(r.createdAt()), r.createdBy(),
                Timestamp.from(r.updatedAt()));
    }

    /**
     * Saves the RMA if its version is still {@code r.version()}, bumping it. Two concurrent writers
     * both read version n; the second UPDATE waits for the first to commit, then matches no row.
     */
    public boolean update(Rma r) {
        return jdbc.sql("""
                update rma set status = ?, outcome = ?, claim = cast(? as jsonb), ship_back_by = ?, evidence_due_by = ?, sla_due_by = ?,
                    sla_breached = ?, resolution = ?, customer_consent_at = ?, outbound_carrier = ?, outbound_tracking = ?, return_tracking = ?, updated_at = ?,
                    version = version + 1
                where merchant_id = ? and id = ? and version = ?""")
                .params(r.status().name(), r.outcome(), Json.write(r.claim()), date(r.shipBackBy()), date(r.evidenceDueBy()),
                        date(r.slaDueBy()), r.slaBreached(), r.resolution(), timestamp(r.customerConsentAt()), r.outboundCarrier(), r.outboundTracking(),
                        r.returnTracking(), Timestamp.from(r.updatedAt()), r.merchantId(), r.id(), r.version())
                .update() == 1;
    }

    public Optional<Rma> find(UUID merchantId, UUID id, UUID onlyOrder) {
        OneRma one = OneRma.of(merchantId, id, onlyOrder);
        return jdbc.sql(SELECT + one.where()).params(one.params()).query(Rmas::map).optional();
    }

    /**
     * An RMA as a single-RMA read shows it, without its documents: the row (all but the claim), its latest decision's seq
     * and the customer's choice. The claim and the decision are rendered once per instance and named by what never changes
     * ({@link RenderedDocuments}: (RMA, version), (RMA, seq)), so a read that has them rendered needs only these; one that
     * has not fetches their text by name ({@link #claimText}, {@link #decisionText}).
     */
    public record ShownRow(Rma rma, Integer decisionSeq, CustomerChoice choice) {}

    /** {@link ShownRow} in one query: the row, the latest decision's seq and the customer's choice, but no document. */
    public Optional<ShownRow> shown(UUID merchantId, UUID id, UUID onlyOrder) {
        OneRma one = OneRma.of(merchantId, id, onlyOrder);
        String sql = "select " + ROW_WITHOUT_CLAIM + ", (select max(seq) from decision d where d.merchant_id = r.merchant_id and d.rma_id = r.id)"
                + " as decision_seq, " + CustomerChoices.COLUMNS + " from rma r join customer_order o on o.id = r.order_id"
                + " left join rma_customer_choice c on c.merchant_id = r.merchant_id and c.rma_id = r.id"
                + one.where();
        return jdbc.sql(sql).params(one.params())
                .query((rs, n) -> new ShownRow(rma(rs, null), (Integer) rs.getObject("decision_seq"), CustomerChoices.map(rs))).optional();
    }

    /** The claim of an RMA as stored at {@code version}; empty once the RMA has moved on to another version. */
    public Optional<String> claimText(UUID merchantId, UUID id, int version) {
        return jdbc.sql("select claim from rma where merchant_id = ? and id = ? and version = ?").params(merchantId, id, version)
                .query(String.class).optional();
    }

    /** The stored decision {@code seq} of an RMA (decision rows are never changed), or null where the engine failed. */
    public String decisionText(UUID merchantId, UUID rmaId, int seq) {
        return jdbc.sql("select decision from decision where merchant_id = ? and rma_id = ? and seq = ?").params(merchantId, rmaId, seq)
                .query((rs, n) -> rs.getString("decision")).optional().orElse(null);
    }

    /** {@link ShownRow} with its claim and latest decision as stored, all from one snapshot. */
    public record ShownAsStored(ShownRow shown, String claimJson, String decisionJson) {}

    /** {@link ShownAsStored} in one query: for a read whose RMA moved on between {@link #shown} and {@link #claimText}. */
    public Optional<ShownAsStored> shownAsStored(UUID merchantId, UUID id, UUID onlyOrder) {
        OneRma one = OneRma.of(merchantId, id, onlyOrder);
        String sql = "select r.*, o.number as order_number, d.seq as decision_seq, d.decision as decision_json, "
                + CustomerChoices.COLUMNS + " from rma r join customer_order o on o.id = r.order_id"
                + " left join lateral (select seq, decision from decision where merchant_id = r.merchant_id and rma_id = r.id"
                + " order by seq desc limit 1) d on true"
                + " left join rma_customer_choice c on c.merchant_id = r.merchant_id and c.rma_id = r.id"
                + one.where();
        return jdbc.sql(sql).params(one.params()).query((rs, n) -> new ShownAsStored(
                new ShownRow(rma(rs, null), (Integer) rs.getObject("decision_seq"), CustomerChoices.map(rs)),
                rs.getString("claim"), rs.getString("decision_json"))).optional();
    }

    /** The condition that picks one RMA of a merchant (and of one order, for a customer), and its parameters. */
    private record OneRma(String where, List<Object> params) {

        static OneRma of(UUID merchantId, UUID id, UUID onlyOrder) {
            return onlyOrder == null ? new OneRma(" where r.merchant_id = ? and r.id = ?", List.of(merchantId, id))
                    : new OneRma(" where r.merchant_id = ? and r.id = ? and r.order_id = ?", List.of(merchantId, id, onlyOrder));
        }
    }

    /** An order locked for the rest of the transaction, with the RMAs filed on it so far (as the lock found them). */
    public record LockedOrder(StoredOrder order, List<Rma> rmas) {}

    /**
     * Locks an order ({@code select ... for update}) found by its number, or by its id, and reads its RMAs, in one round
     * trip: both statements go in one message batch with one Sync. The server runs them one after the other, and the RMA
     * statement takes its snapshot only once the lock is granted, so it sees every RMA committed by a claim that held the lock
     * before (READ COMMITTED: each statement its own snapshot). Empty when the merchant has no such order.
     */
    public Optional<LockedOrder> lockOrder(UUID merchantId, String number) {
        return lockOrder(LOCK_BY_NUMBER, merchantId, number);
    }

    public Optional<LockedOrder> lockOrder(UUID merchantId, UUID orderId) {
        return lockOrder(LOCK_BY_ID, merchantId, orderId);
    }

    /** {@link #lockOrder}'s two statements, the order found by number or by id; parameters: merchant, key, merchant, merchant, key. */
    static final String LOCK_BY_NUMBER = lockingStatements("number");
    static final String LOCK_BY_ID = lockingStatements("id");

    private static String lockingStatements(String column) {
        return "select * from customer_order where merchant_id = ? and " + column + " = ? for update; "
                + rmasOfOrder("(select id from customer_order where merchant_id = ? and " + column + " = ?)");
    }

    private Optional<LockedOrder> lockOrder(String sql, UUID merchantId, Object key) {
        return statements.execute(sql, (java.sql.PreparedStatement ps) -> {
            ps.setObject(1, merchantId);
            ps.setObject(2, key);
            ps.setObject(3, merchantId);
            ps.setObject(4, merchantId);
            ps.setObject(5, key);
            ps.execute();
            StoredOrder order = null;
            try (ResultSet rs = ps.getResultSet()) {
                if (rs.next()) {
                    order = Orders.map(rs, 0);
                }
            }
            List<Rma> earlier = new ArrayList<>();
            if (ps.getMoreResults()) {
                try (ResultSet rs = ps.getResultSet()) {
                    while (rs.next()) {
                        earlier.add(map(rs, 0));
                    }
                }
            }
            return order == null ? Optional.<LockedOrder>empty() : Optional.of(new LockedOrder(order, List.copyOf(earlier)));
        });
    }

    public List<Rma> forOrder(UUID merchantId, UUID orderId) {
        return jdbc.sql(RMAS_OF_ORDER_BY_ID).params(merchantId, orderId).query(Rmas::map).list();
    }

    /** {@link #forOrder}'s statement; parameters: merchant, order id. */
    static final String RMAS_OF_ORDER_BY_ID = rmasOfOrder("?");

    /**
     * The RMAs of one order, oldest first; parameters: the merchant, then whatever {@code order} needs. The tenant is checked
     * on the order (one row, by its key) and not on the RMAs: given {@code rma.merchant_id = ?} as well, PostgreSQL may
     * read the merchant's index and filter by order — on a table whose statistics are not yet gathered (a new database, a
     * merchant's first busy minutes) or in a cached generic plan — which costs a read of every RMA the merchant has on each
     * submission. The order's RMAs belong to the order's merchant, so the answer is the same; only {@code rma_order_idx}
     * can serve it ({@code RmasOfAnOrderIntegrationTests}).
     */
    private static String rmasOfOrder(String order) {
        return SELECT + " where o.merchant_id = ? and r.order_id = " + order + " order by r.created_at, r.id";
    }

    public Page<Rma> list(UUID merchantId, UUID onlyOrder, Filter f, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(merchantId, onlyOrder, f, params);
        long total = jdbc.sql("select count(*) from rma r join customer_order o on o.id = r.order_id" + where).params(params)
                .query(Long.class).single();
        params.add(size);
        params.add((long) page * size);
        return new Page<>(jdbc.sql(SELECT + where + " order by r.created_at desc, r.id limit ? offset ?").params(params)
                .query(Rmas::map).list(), page, size, total);
    }

    /**
     * Cursor mode: the RMAs after the cursor's in the same order as pages (newest first, ties by
     * id). The cursor must be an RMA the caller could see (same merchant, and order for customers),
     * whatever the filters; else it is refused like an unknown id.
     */
    public Page<Rma> list(UUID merchantId, UUID onlyOrder, Filter f, Cursor cursor) {
        List<Object> params = new ArrayList<>();
        String where = where(merchantId, onlyOrder, f, params);
        if (cursor.startingAfter() != null) {
            UUID after = cursor.key(UUID::fromString);
            if (find(merchantId, after, onlyOrder).isEmpty()) {
                throw Cursor.unknown(cursor.startingAfter());
            }
            where += " and (r.created_at < c.created_at or (r.created_at = c.created_at and r.id > c.id))";
            params.addFirst(after);
            params.addFirst(merchantId);
        }
        params.add(cursor.limit() + 1);
        String from = cursor.startingAfter() == null ? "" : ", (select created_at, id from rma where merchant_id = ? and id = ?) c";
        return cursor.slice(jdbc.sql(SELECT + from + where + " order by r.created_at desc, r.id limit ?").params(params)
                .query(Rmas::map).list());
    }

    /** The latest decision of each of these RMAs (those that have one), in one query. */
    public java.util.Map<UUID, RmaDocuments.Decision> latestDecisions(UUID merchantId, List<UUID> rmaIds) {
        java.util.Map<UUID, RmaDocuments.Decision> latest = new java.util.HashMap<>();
        if (rmaIds.isEmpty()) {
            return latest;
        }
        jdbc.sql("select distinct on (rma_id) rma_id, decision from decision where merchant_id = ? and rma_id = any(?) "
                        + "order by rma_id, seq desc")
                .params(merchantId, rmaIds.toArray(UUID[]::new))
                .query((rs, n) -> {
                    String decision = rs.getString("decision");
                    if (decision != null) {
                        latest.put(rs.getObject("rma_id", UUID.class), RmaDocuments.decision(Json.read(decision)));
                    }
                    return null;
                }).list();
        return latest;
    }

    /** Package-private for {@code RmasOfAnOrderIntegrationTests}; for one order, the tenant is checked on it (see {@link #rmasOfOrder}). */
    String where(UUID merchantId, UUID onlyOrder, Filter f, List<Object> params) {
        boolean oneOrder = onlyOrder != null || f.orderNumber() != null;
        StringBuilder where = new StringBuilder(oneOrder ? " where o.merchant_id = ?" : " where r.merchant_id = ?");
        params.add(merchantId);
        if (onlyOrder != null) {
            where.append(" and r.order_id = ?");
            params.add(onlyOrder);
        }
        if (f.status() != null) {
            where.append(" and r.status = ?");
            params.add(f.status().name());
        }
        if (f.slaBreached() != null) {
            where.append(" and r.sla_breached = ?");
            params.add(f.slaBreached());
        }
        if (f.createdFrom() != null) {
            where.append(" and r.created_at >= ?");
            params.add(Timestamp.from(f.createdFrom()));
        }
        if (f.createdTo() != null) {
            where.append(" and r.created_at < ?");
            params.add(Timestamp.from(f.createdTo()));
        }
        if (f.customerEmail() != null) {
            where.append(" and lower(r.customer_email) = lower(?)");
            params.add(f.customerEmail());
        }
        if (f.orderNumber() != null) {
            where.append(" and o.number = ?");
            params.add(f.orderNumber());
        }
        if (f.slaDueFrom() != null) {
            where.append(" and r.sla_due_by >= ?");
            params.add(date(f.slaDueFrom()));
        }
        if (f.slaDueTo() != null) {
            where.append(" and r.sla_due_by <= ?");
            params.add(date(f.slaDueTo()));
        }
        if (f.slaDueSoon() != null) {
            String dueSoon = "(r.status in " + OPEN_STATUSES + " and not r.sla_breached and r.sla_due_by is not null and r.sla_due_by <= "
                    + "((cast(? as timestamptz) at time zone (select m.time_zone from merchant m where m.id = r.merchant_id))::date + ?))";
            where.append(f.slaDueSoon() ? " and " + dueSoon : " and not coalesce(" + dueSoon + ", false)");
            params.add(Timestamp.from(clock.instant()));
            params.add(dueSoonDays);
        }
        return where.toString();
    }

    /**
     * Sets who works the RMA (null: nobody), apart from {@link #update}: assigning is not a lifecycle move, so it keeps
     * the version (an agent's open page stays current) and an update never overwrites it.
     */
    public boolean assign(UUID merchantId, UUID id, Rma.Assignee assignee, Instant at) {
        return jdbc.sql("update rma set assignee_id = ?, assignee = ?, updated_at = ? where merchant_id = ? and id = ?")
                .params(assignee == null ? null : assignee.id(), assignee == null ? null : assignee.name(), Timestamp.from(at), merchantId, id)
                .update() == 1;
    }

    /** Records that a notice about an RMA's SLA date was sent; false if it already was (for that date). */
    public boolean recordSlaNotice(UUID rmaId, LocalDate slaDueBy, String kind, Instant at) {
        return jdbc.sql("insert into rma_sla_notice (rma_id, sla_due_by, kind, sent_at) values (?, ?, ?, ?) on conflict do nothing")
                .params(rmaId, date(slaDueBy), kind, Timestamp.from(at)).update() == 1;
    }

    /** Open, not breached RMAs (any merchant) whose SLA date is due soon and that got no due-soon notice for it yet: {merchant, rma, date}. */
    /** An open RMA whose SLA date is near and whose due-soon notice has not been sent. */
    public record DueSoon(UUID merchantId, UUID rmaId, LocalDate slaDueBy) {}

    public List<DueSoon> dueSoonWithoutNotice(int limit) {
        return jdbc.sql("select r.merchant_id, r.id, r.sla_due_by from rma r join merchant m on m.id = r.merchant_id"
                        + " where r.status in " + OPEN_STATUSES + " and not r.sla_breached and r.sla_due_by is not null"
                        + " and r.sla_due_by <= ((cast(? as timestamptz) at time zone m.time_zone)::date + ?)"
                        + " and not exists (select 1 from rma_sla_notice n where n.rma_id = r.id and n.sla_due_by = r.sla_due_by"
                        + " and n.kind = 'due_soon') order by r.sla_due_by limit ?")
                .params(Timestamp.from(clock.instant()), dueSoonDays, limit)
                .query((rs, n) -> new DueSoon(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getDate(3).toLocalDate()))
                .list();
    }

    public int nextDecisionSeq(UUID rmaId) {
        return jdbc.sql("select coalesce(max(seq), 0) + 1 from decision where rma_id = ?").param(rmaId).query(Integer.class).single();
    }

    /** A decision's row ({@link Writes#together}). */
    public Write insertingDecision(UUID merchantId, UUID rmaId, int seq, String trigger, Instant at, String outcome, String policyId,
                                   String policyVersion, String sha256, JsonNode claim, String decision, String engineError) {
        return new Write("""
                insert into decision (merchant_id, rma_id, seq, trigger, decided_at, outcome, policy_id, policy_version, policy_sha256,
                    claim, decision, engine_error)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?)""",
                merchantId, rmaId, seq, trigger, Timestamp.from(at), outcome, policyId, policyVersion, sha256, Json.write(claim),
                decision, engineError);
    }

    public List<StoredDecision> decisions(UUID merchantId, UUID rmaId) {
        return jdbc.sql("select * from decision where merchant_id = ? and rma_id = ? order by seq").params(merchantId, rmaId)
                .query((rs, n) -> new StoredDecision(rs.getInt("seq"), rs.getString("trigger"), rs.getTimestamp("decided_at").toInstant(),
                        rs.getString("outcome"), rs.getString("policy_version"), Json.read(rs.getString("claim")),
                        Json.read(rs.getString("decision")), rs.getString("engine_error")))
                .list();
    }

    public Optional<StoredDecision> latestDecision(UUID merchantId, UUID rmaId) {
        // only the latest row is read (and its JSON parsed): every RMA view asks for it
        return jdbc.sql("select * from decision where merchant_id = ? and rma_id = ? order by seq desc limit 1").params(merchantId, rmaId)
                .query((rs, n) -> new StoredDecision(rs.getInt("seq"), rs.getString("trigger"), rs.getTimestamp("decided_at").toInstant(),
                        rs.getString("outcome"), rs.getString("policy_version"), Json.read(rs.getString("claim")),
                        Json.read(rs.getString("decision")), rs.getString("engine_error")))
                .optional();
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static Rma map(ResultSet rs, int n) throws SQLException {
        return rma(rs, (ObjectNode) Json.read(rs.getString("claim")));
    }

    /** The columns {@link #rma} reads, all but the claim, of {@code rma r join customer_order o}. */
    private static final String ROW_WITHOUT_CLAIM = "r.id, r.merchant_id, r.number, r.order_id, o.number as order_number, r.policy_id,"
            + " r.status, r.outcome, r.customer_email, r.ship_back_by, r.evidence_due_by, r.sla_due_by, r.sla_breached, r.resolution,"
            + " r.customer_consent_at, r.outbound_carrier, r.outbound_tracking, r.return_tracking, r.created_at, r.created_by,"
            + " r.updated_at, r.version, r.assignee_id, r.assignee";

    /** The RMA of a row, with {@code claim} as given (null where the caller shows the claim from its text, {@link ShownRow}). */
    private static Rma rma(ResultSet rs, ObjectNode claim) throws SQLException {
        return new Rma(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class), rs.getString("number"),
                rs.getObject("order_id", UUID.class), rs.getString("order_number"), rs.getString("policy_id"),
                RmaStatus.valueOf(rs.getString("status")), rs.getString("outcome"), claim,
                rs.getString("customer_email"), localDate(rs, "ship_back_by"), localDate(rs, "evidence_due_by"), localDate(rs, "sla_due_by"),
                rs.getBoolean("sla_breached"), rs.getString("resolution"),
                rs.getTimestamp("customer_consent_at") == null ? null : rs.getTimestamp("customer_consent_at").toInstant(),
                rs.getString("outbound_carrier"), rs.getString("outbound_tracking"), rs.getString("return_tracking"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"),
                rs.getObject("assignee_id") == null ? null : new Rma.Assignee(rs.getObject("assignee_id", UUID.class), rs.getString("assignee")));
    }
}

package org.openrma.service.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.openrma.service.ledger.LedgerKind;
import org.openrma.service.rma.RmaStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The state of the whole system as gauges, read from the database (so every instance reports the same
 * numbers, and they survive restarts): RMAs by status, SLA-breached open RMAs, ledger entries (refunds
 * issued, reimbursements, store credit, exchanges) by kind, and the outbox backlog. The queries
 * run at most once per {@link #MAX_AGE_NANOS} however often Prometheus scrapes, and a failing database
 * shows as NaN rather than a failed scrape.
 */
@Component
public class DatabaseGauges implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(DatabaseGauges.class);
    /** Scrapes come every 15-60 s; several instances each scraping must not add up to real load. */
    private static final long MAX_AGE_NANOS = 10_000_000_000L;
    private static final String[] REFUND_KINDS = java.util.Arrays.stream(LedgerKind.values()).map(LedgerKind::wire).toArray(String[]::new);

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;

    public DatabaseGauges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One reading of the database; {@code values} by gauge key, e.g. {@code rmas:AUTHORIZED} (statuses are stored by name). */
    record Snapshot(long readAtNanos, Map<String, Double> values) {}

    @Override
    public void bindTo(MeterRegistry registry) {
        for (RmaStatus status : RmaStatus.values()) {
            gauge(registry, "openrma.rmas", "RMAs by status", "rmas:" + status.name()).tag("status", status.wire()).register(registry);
        }
        gauge(registry, "openrma.rmas.sla.breached", "Open RMAs past their SLA date", "sla_breached").register(registry);
        for (String kind : REFUND_KINDS) {
            gauge(registry, "openrma.refunds.issued", "Ledger entries (refunds, reimbursements, credits, exchanges) by kind",
                    "refunds:" + kind).tag("kind", kind).register(registry);
        }
        for (String status : new String[] {"pending", "dead"}) {
            gauge(registry, "openrma.outbox.messages", "Outbox messages not delivered: pending (the backlog) and dead (given up)",
                    "outbox:" + status).tag("status", status).register(registry);
        }
    }

    private Gauge.Builder<DatabaseGauges> gauge(MeterRegistry registry, String name, String description, String key) {
        ToDoubleFunction<DatabaseGauges> read = g -> g.value(key);
        return Gauge.builder(name, this, read).description(description).strongReference(true);
    }

    double value(String key) {
        Snapshot s = current();
        return s == null ? Double.NaN : s.values().getOrDefault(key, 0.0);
    }

    private synchronized Snapshot current() {
        Snapshot s = snapshot;
        if (s != null && System.nanoTime() - s.readAtNanos() < MAX_AGE_NANOS) {
            return s;
        }
        try {
            snapshot = read();
        } catch (RuntimeException e) {
            log.warn("cannot read the database gauges: {}", e.getMessage());
            snapshot = null;
        }
        return snapshot;
    }

    Snapshot read() {
        Map<String, Double> values = new HashMap<>();
        jdbc.sql("select status, count(*) from rma group by status")
                .query((rs, n) -> values.put("rmas:" + rs.getString(1), (double) rs.getLong(2))).list();
        values.put("sla_breached", jdbc.sql("select count(*) from rma where sla_breached and status in (:open)")
                .param("open", java.util.Arrays.stream(RmaStatus.values()).filter(RmaStatus::isOpen).map(RmaStatus::name).toList())
                .query(Long.class).single().doubleValue());
        jdbc.sql("select kind, count(*) from refund group by kind")
                .query((rs, n) -> values.put("refunds:" + rs.getString(1), (double) rs.getLong(2))).list();
        jdbc.sql("select status, count(*) from outbox where status <> 'delivered' group by status")
                .query((rs, n) -> values.put("outbox:" + rs.getString(1), (double) rs.getLong(2))).list();
        return new Snapshot(System.nanoTime(), Map.copyOf(values));
    }
}

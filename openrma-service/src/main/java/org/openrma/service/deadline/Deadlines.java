package org.openrma.service.deadline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.openrma.service.access.Caller;
import org.openrma.service.rma.RmaCommand;
import org.openrma.service.ops.OperationsMetrics;
import org.openrma.service.rma.RmaManagement;
import org.openrma.service.rma.Rmas;
import org.openrma.service.rma.RmaStatus;
import org.openrma.service.refusal.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * RMA deadlines. {@link #sweep()} runs as a db-scheduler recurring task ({@code rma-deadline-sweep},
 * see {@link BackgroundTasks}) on one instance at a time, and asks the database which deadlines
 * have passed according to the service's {@link Clock}, judged as calendar dates in each
 * merchant's time zone:
 * <ul>
 *   <li>an authorized RMA not shipped back after {@code ship_back_by} expires;</li>
 *   <li>an RMA still awaiting evidence after {@code evidence_due_by} expires;</li>
 *   <li>an open RMA after {@code sla_due_by} (the decision's processing/refund/exchange date) is flagged SLA-breached;</li>
 *   <li>an open RMA whose {@code sla_due_by} is within {@code openrma.deadlines.sla-due-soon-days} gets one
 *       {@code rma.sla_due_soon} webhook (its {@code sla_due_soon} flag is derived on every read).</li>
 * </ul>
 * The scheduler keeps its cadence on wall-clock time while what is due is decided by the injected
 * clock, so a test (or a replay) that moves the clock makes deadlines pass without confusing the
 * scheduler's own bookkeeping. Each RMA is handled in its own transaction, through the state machine.
 */
@Component
public class Deadlines {

    private static final Logger log = LoggerFactory.getLogger(Deadlines.class);
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<RmaManagement> management;
    private final OperationsMetrics metrics;

    public Deadlines(JdbcClient jdbc, Clock clock, ObjectProvider<RmaManagement> management, OperationsMetrics metrics) {
        this.metrics = metrics;
        this.jdbc = jdbc;
        this.clock = clock;
        this.management = management;
    }

    private record Due(UUID merchantId, UUID rmaId, int version, LocalDate date) {}

    /** Handles every deadline that has passed by now; returns how many RMAs changed. */
    public int sweep() {
        int changed = 0;
        changed += expire(RmaStatus.AUTHORIZED, "ship_back_by");
        changed += expire(RmaStatus.NEEDS_EVIDENCE, "evidence_due_by");
        for (Due due : due("status in ('NEEDS_EVIDENCE', 'UNDER_REVIEW', 'AUTHORIZED', 'IN_TRANSIT', 'RECEIVED', 'INSPECTED') "
                + "and not r.sla_breached", "sla_due_by")) {
            try {
                management.getObject().breachSla(new Caller.Automation(due.merchantId(), "deadline:sla_due_by"), due.rmaId(), due.date());
                metrics.slaBreached();
                changed++;
            } catch (RuntimeException e) {
                log.info("could not flag the SLA breach of RMA {} now; next sweep retries: {}", due.rmaId(), e.getMessage());
            }
        }
        for (Rmas.DueSoon due : management.getObject().dueSoonWithoutNotice(BATCH)) {
            try {
                management.getObject().noticeSlaDueSoon(new Caller.Automation(due.merchantId(), "deadline:sla_due_soon"), due.rmaId(),
                        due.slaDueBy());
            } catch (RuntimeException e) {
                log.info("could not send the SLA due-soon notice of RMA {} now; next sweep retries: {}", due.rmaId(), e.getMessage());
            }
        }
        return changed;
    }

    private int expire(RmaStatus status, String column) {
        int changed = 0;
        for (Due due : due("r.status = '" + status.name() + "'", column)) {
            try {
                management.getObject().apply(new Caller.Automation(due.merchantId(), "deadline:" + column), due.rmaId(),
                        new RmaManagement.Versioned(due.version(), false), new RmaCommand.Expire(column));
                changed++;
            } catch (Refusal e) {
                log.info("RMA {} moved on before its {} deadline was applied: {}", due.rmaId(), column, e.getMessage());
            }
        }
        return changed;
    }

    /** RMAs matching {@code condition} whose {@code column} date is before today in their merchant's zone. */
    private List<Due> due(String condition, String column) {
        return jdbc.sql("""
                select r.merchant_id, r.id, r.version, r.%1$s from rma r join merchant m on m.id = r.merchant_id
                where %2$s and r.%1$s is not null and r.%1$s < (cast(? as timestamptz) at time zone m.time_zone)::date
                order by r.%1$s limit %3$d""".formatted(column, condition, BATCH))
                .param(Timestamp.from(clock.instant()))
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3), rs.getDate(4).toLocalDate()))
                .list();
    }
}

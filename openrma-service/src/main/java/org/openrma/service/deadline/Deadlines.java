package org.openrma.service.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import javax.sql.DataSource;
import org.openrma.service.OpenRmaProperties;
import org.openrma.service.access.Caller;
import org.openrma.service.rma.Rma;
import org.openrma.service.rma.RmaCommand;
import org.openrma.service.rma.RmaManagement;
import org.openrma.service.rma.RmaStatus;
import org.openrma.service.rma.Rmas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * RMA deadlines as db-scheduler one-time tasks, one per (RMA, deadline, date), due at the start of
 * the day after the deadline in the merchant's time zone. They are scheduled in the transaction of
 * the change that set the deadline, run once across all instances, and the scheduler reads "now"
 * from the service's {@link Clock}, so a test that moves the clock makes them due.
 * A task that finds its RMA has moved on does nothing.
 */
@Component
public class Deadlines implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Deadlines.class);

    public static final String SHIP_BACK_BY = "ship_back_by";
    public static final String EVIDENCE_DUE_BY = "evidence_due_by";
    public static final String SLA_DUE_BY = "sla_due_by";

    private final OneTimeTask<String> task;
    private final Scheduler scheduler;
    private final Clock clock;
    private final boolean enabled;
    private volatile boolean running;

    public Deadlines(DataSource dataSource, Clock clock, OpenRmaProperties properties, ObjectProvider<RmaManagement> management,
                     Rmas rmas) {
        this.clock = clock;
        this.enabled = properties.deadlines().schedulerEnabled();
        this.task = Tasks.oneTime("rma-deadline", String.class)
                .onFailure((complete, ops) -> ops.reschedule(complete, clock.instant().plus(Duration.ofMinutes(1))))
                .execute((instance, ctx) -> run(instance.getData(), management.getObject(), rmas));
        this.scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), task)
                .clock(clock::instant)
                .pollingInterval(properties.deadlines().pollInterval())
                .threads(2)
                .commitWhenAutocommitDisabled(false)
                .build();
    }

    /** Schedules the deadlines that apply to the RMA's status now (existing tasks are kept). */
    public void schedule(Rma rma, ZoneId zone) {
        if (rma.status() == RmaStatus.AUTHORIZED && rma.shipBackBy() != null) {
            schedule(rma, SHIP_BACK_BY, rma.shipBackBy(), zone);
        }
        if (rma.status() == RmaStatus.AWAITING_EVIDENCE && rma.evidenceDueBy() != null) {
            schedule(rma, EVIDENCE_DUE_BY, rma.evidenceDueBy(), zone);
        }
        if (rma.status().isOpen() && rma.slaDueBy() != null && !rma.slaBreached()) {
            schedule(rma, SLA_DUE_BY, rma.slaDueBy(), zone);
        }
    }

    private void schedule(Rma rma, String name, LocalDate date, ZoneId zone) {
        String data = rma.merchantId() + "|" + rma.id() + "|" + name + "|" + date;
        scheduler.scheduleIfNotExists(task.instance(rma.id() + "/" + name + "/" + date, data),
                date.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private void run(String data, RmaManagement management, Rmas rmas) {
        String[] p = data.split("\\|");
        UUID merchantId = UUID.fromString(p[0]);
        UUID rmaId = UUID.fromString(p[1]);
        String name = p[2];
        LocalDate date = LocalDate.parse(p[3]);
        Caller.Automation system = new Caller.Automation(merchantId, "deadline:" + name);
        Rma rma = rmas.find(merchantId, rmaId, null).orElse(null);
        if (rma == null) {
            return;
        }
        switch (name) {
            case SHIP_BACK_BY -> {
                if (rma.status() == RmaStatus.AUTHORIZED && date.equals(rma.shipBackBy())) {
                    management.apply(system, rmaId, new RmaManagement.Versioned(rma.version(), false), new RmaCommand.Expire(name));
                }
            }
            case EVIDENCE_DUE_BY -> {
                if (rma.status() == RmaStatus.AWAITING_EVIDENCE && date.equals(rma.evidenceDueBy())) {
                    management.apply(system, rmaId, new RmaManagement.Versioned(rma.version(), false), new RmaCommand.Expire(name));
                }
            }
            case SLA_DUE_BY -> management.breachSla(system, rmaId, date);
            default -> log.warn("unknown deadline {} in task data {}", name, data);
        }
    }

    /** Runs due deadline tasks now instead of waiting for the next poll (tests; the poller does the same). */
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void start() {
        if (enabled) {
            scheduler.start();
            running = true;
        }
    }

    @Override
    public void stop() {
        if (running) {
            scheduler.stop();
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

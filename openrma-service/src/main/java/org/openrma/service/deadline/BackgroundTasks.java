package org.openrma.service.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.openrma.service.OpenRmaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The persistent scheduler (db-scheduler, table {@code scheduled_tasks}). Each recurring task runs
 * on one instance at a time however many instances share the database:
 * <ul>
 *   <li>{@code rma-deadline-sweep}: {@link Deadlines#sweep()} every {@code openrma.deadlines.poll-interval};</li>
 *   <li>{@code idempotency-key-expiry}: forgets stored responses older than 24 hours, hourly;</li>
 *   <li>each {@link Housekeeping} bean under its own name (such as {@code abandoned-upload-cleanup}).</li>
 * </ul>
 * The cadence is wall-clock time; what is due is judged by the injected {@link Clock}.
 */
@Component
public class BackgroundTasks implements SmartLifecycle {

    static final Duration IDEMPOTENCY_KEY_LIFETIME = Duration.ofHours(24);

    private final DataSource dataSource;
    private final List<RecurringTask<Void>> tasks;
    private final Duration pollingInterval;
    private final boolean enabled;
    private Scheduler scheduler;
    private volatile boolean running;

    public BackgroundTasks(DataSource dataSource, Deadlines deadlines, JdbcClient jdbc, Clock clock, OpenRmaProperties properties,
                           List<Housekeeping> chores) {
        this.dataSource = dataSource;
        this.enabled = properties.deadlines().schedulerEnabled();
        this.pollingInterval = properties.deadlines().pollInterval();
        RecurringTask<Void> sweep = Tasks.recurring("rma-deadline-sweep", FixedDelay.of(properties.deadlines().pollInterval()))
                .execute((instance, ctx) -> deadlines.sweep());
        RecurringTask<Void> keys = Tasks.recurring("idempotency-key-expiry", FixedDelay.ofHours(1))
                .execute((instance, ctx) -> jdbc.sql("delete from idempotency_key where created_at < ?")
                        .param(Timestamp.from(clock.instant().minus(IDEMPOTENCY_KEY_LIFETIME))).update());
        List<RecurringTask<Void>> all = new java.util.ArrayList<>(List.of(sweep, keys));
        chores.forEach(chore -> all.add(Tasks.recurring(chore.name(), FixedDelay.of(chore.every())).execute((instance, ctx) -> chore.run())));
        this.tasks = List.copyOf(all);
    }

    /** A stopped db-scheduler cannot start again (its executors are shut down), so each start builds a new one. */
    @Override
    public synchronized void start() {
        if (enabled && !running) {
            scheduler = Scheduler.create(dataSource)
                    .startTasks(tasks)
                    .pollingInterval(pollingInterval)
                    .threads(2)
                    .build();
            scheduler.start();
            running = true;
        }
    }

    @Override
    public synchronized void stop() {
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

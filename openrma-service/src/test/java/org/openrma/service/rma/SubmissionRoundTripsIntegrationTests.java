package org.openrma.service.rma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.node.ObjectNode;

/**
 * How many times one claim submission ({@code POST /api/v1/rmas} with {@code order_number} and an
 * {@code Idempotency-Key}, the load test's request) talks to PostgreSQL: the driver's own protocol log
 * counts the statements executed and the round trips (each "Sync" waits for the server), on the request's
 * thread only. A regression guard for BENCHMARKS.md's count; when a change adds a statement to the
 * submission, this says so.
 */
class SubmissionRoundTripsIntegrationTests extends IntegrationTest {

    /** Counts the PostgreSQL driver's Execute and Sync messages sent by Tomcat's request threads. */
    private static final class ProtocolCounter extends Handler {
        final AtomicInteger executes = new AtomicInteger();
        final AtomicInteger syncs = new AtomicInteger();
        final List<String> statements = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(LogRecord record) {
            if (!Thread.currentThread().getName().startsWith("http-nio-") || record.getMessage() == null) {
                return; // background work (outbox relay, deadline tasks, cache listener) is not the request's
            }
            String m = record.getMessage();
            if (m.startsWith(" FE=> Execute")) {
                executes.incrementAndGet();
            } else if (m.startsWith(" FE=> Sync")) {
                syncs.incrementAndGet();
            } else if (m.startsWith(" FE=> Parse")) {
                statements.add(m.replaceAll("\\s+", " ")); // a statement's first executions on a connection (later ones reuse it by name)
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    private record Counted(int executes, int syncs, List<String> statements) {}

    private Counted counted(Runnable request) {
        Logger driver = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
        ProtocolCounter counter = new ProtocolCounter();
        Level before = driver.getLevel();
        driver.setLevel(Level.FINEST);
        driver.addHandler(counter);
        try {
            request.run();
        } finally {
            driver.removeHandler(counter);
            driver.setLevel(before);
        }
        return new Counted(counter.executes.get(), counter.syncs.get(), List.copyOf(counter.statements));
    }

    @Test
    void aClaimSubmissionTakesAtMostSevenRoundTripsToTheDatabase() {
        TestMerchant m = newMerchant("kst-servos");
        List<Counted> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ObjectNode claim = Claims.kstDefectiveDiscontinuedServo("RT-" + m.slug() + "-" + i);
            assertThat(api.post("/api/v1/orders", Claims.order(claim)).key(m.agent()).send().status()).isEqualTo(201);
            Api.Request submit = api.post("/api/v1/rmas", Claims.byOrderNumber(claim)).key(m.agent()).idempotencyKey("rt-" + i);
            Counted c = counted(() -> assertThat(submit.send().status()).isEqualTo(201));
            runs.add(c);
        }
        // the first submission warms the per-instance caches (key, merchant, policy catalog); the rest are the steady state
        Counted steady = runs.getLast();
        System.out.printf("submission round trips: first %d executes / %d syncs, steady %d executes / %d syncs%n  %s%n",
                runs.getFirst().executes(), runs.getFirst().syncs(), steady.executes(), steady.syncs(),
                String.join("\n  ", runs.getFirst().statements()));
        assertThat(steady.syncs()).as("round trips of a submission: %s", steady.statements()).isLessThanOrEqualTo(7);
    }
}

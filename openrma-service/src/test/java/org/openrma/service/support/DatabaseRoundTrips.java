package org.openrma.service.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * How many times a request talks to PostgreSQL: the driver's own protocol log counts the statements executed and the
 * round trips (each "Sync" waits for the server), on Tomcat's request threads only (the outbox relay, deadline tasks and
 * cache listener are not the request's): platform threads named {@code http-nio-*}, or, where requests run on virtual
 * threads (ops.VirtualThreadsByDefault), Tomcat's {@code tomcat-handler-*}.
 */
public final class DatabaseRoundTrips {

    /** What one request sent: Execute and Sync messages, and the text of each statement parsed (its first runs on a connection). */
    public record Counted(int executes, int syncs, List<String> statements) {}

    private DatabaseRoundTrips() {}

    public static Counted counted(Runnable request) {
        return counted(request, ProtocolCounter::requestThread);
    }

    /** What {@code work} sent on the calling thread (a test that talks to a repository itself, not through a request). */
    public static Counted countedOnThisThread(Runnable work) {
        Thread caller = Thread.currentThread();
        return counted(work, name -> Thread.currentThread() == caller);
    }

    private static Counted counted(Runnable request, Predicate<String> counts) {
        Logger driver = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
        ProtocolCounter counter = new ProtocolCounter(counts);
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

    private static final class ProtocolCounter extends Handler {
        final Predicate<String> counts;
        final AtomicInteger executes = new AtomicInteger();
        final AtomicInteger syncs = new AtomicInteger();
        final List<String> statements = Collections.synchronizedList(new ArrayList<>());

        ProtocolCounter(Predicate<String> counts) {
            this.counts = counts;
        }

        @Override
        public void publish(LogRecord record) {
            if (!counts.test(Thread.currentThread().getName()) || record.getMessage() == null) {
                return;
            }
            String m = record.getMessage();
            if (m.startsWith(" FE=> Execute")) {
                executes.incrementAndGet();
            } else if (m.startsWith(" FE=> Sync")) {
                syncs.incrementAndGet();
            } else if (m.startsWith(" FE=> Parse")) {
                statements.add(m.replaceAll("\\s+", " "));
            }
        }

        private static boolean requestThread(String name) {
            return name.startsWith("http-nio-") || name.startsWith("tomcat-handler-");
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}

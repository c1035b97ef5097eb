package org.openrma.cli.replay;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Tells the user how a long replay is going. On a terminal: one line redrawn in place with the
 * share of the file read, the rate and the time left. Otherwise (a log, a pipe, a test): a plain
 * line every few seconds with the count and the rate.
 */
final class Progress implements AutoCloseable {

    private static final long LOG_EVERY_SECONDS = 5;

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier claims;
    private final LongSupplier bytesRead;
    private final long totalBytes;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer;
    private int lastWidth;
    private long lastClaims;
    private long lastNanos = startNanos;

    /** {@code totalBytes} is 0 when the size is not known (standard input). */
    Progress(PrintWriter err, boolean terminal, LongSupplier claims, LongSupplier bytesRead, long totalBytes) {
        this.err = err;
        this.terminal = terminal;
        this.claims = claims;
        this.bytesRead = bytesRead;
        this.totalBytes = totalBytes;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "replay-progress");
            t.setDaemon(true);
            return t;
        });
        long period = terminal ? 250 : LOG_EVERY_SECONDS * 1000;
        timer.scheduleAtFixedRate(this::report, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Whether standard error is an interactive terminal. {@code System.console()} is null when a
     * stream is redirected; from JDK 22 it may return a console anyway, which then says through
     * {@code isTerminal()} (looked up by name: the code is compiled for Java 21).
     */
    static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private synchronized void report() {
        long done = claims.getAsLong();
        long nanos = System.nanoTime();
        double seconds = Math.max(elapsedSeconds(), 1e-3);
        // the rate over the last period: the first seconds, while the JIT warms up, are slower
        double rate = (done - lastClaims) / Math.max((nanos - lastNanos) / 1e9, 1e-3);
        lastClaims = done;
        lastNanos = nanos;
        if (!terminal) {
            err.printf(Locale.ROOT, "replay: %,d claims decided, %,.0f claims/s (%,.0f on average)%n", done, rate, done / seconds);
            err.flush();
            return;
        }
        StringBuilder line = new StringBuilder("\r");
        if (totalBytes > 0) {
            double share = Math.min(1, bytesRead.getAsLong() / (double) totalBytes);
            int filled = (int) Math.round(share * 30);
            line.append(String.format(Locale.ROOT, "replay %3.0f%% [", share * 100)).append("=".repeat(filled))
                    .append(filled < 30 ? ">" + " ".repeat(29 - filled) : "").append("] ");
            line.append(String.format(Locale.ROOT, "%,d claims  %,.0f/s", done, rate));
            if (share > 0.001) {
                long left = Math.round(seconds * (1 - share) / share);
                line.append(String.format(Locale.ROOT, "  ETA %d:%02d:%02d", left / 3600, left / 60 % 60, left % 60));
            }
        } else {
            line.append(String.format(Locale.ROOT, "replay %,d claims  %,.0f/s", done, rate));
        }
        int width = line.length();
        line.append(" ".repeat(Math.max(0, lastWidth - width)));
        lastWidth = width;
        err.print(line);
        err.flush();
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        if (terminal && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
        }
    }
}

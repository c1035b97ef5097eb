package org.openrma.service.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovery of the embedded database after the service was killed ({@code kill -9}, OOM killer, power
 * button of a container): the PostgreSQL it had started survives it, still holding the data folder's
 * {@code postmaster.pid}, and a new server on that folder refuses to start. Before the embedded server
 * starts, this stops that orphan, and only a process that provably is the PostgreSQL server of this very
 * data folder: the process named in {@code postmaster.pid}, alive, whose executable is {@code postgres}
 * and whose working directory (a postmaster changes into its data folder) is this folder. Anything else
 * is left running.
 */
final class OrphanedPostgres {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);

    /** What was found in a data folder before starting a server on it. */
    enum Outcome {
        /** no {@code postmaster.pid}: the last server stopped cleanly, or there never was one */
        NONE,
        /** the pid file names a process that is gone; PostgreSQL itself treats such a file as stale */
        STALE,
        /** the pid file names a live process that is not this folder's server (a reused pid); the file was removed */
        UNRELATED_REMOVED,
        /** the pid file names a live process that cannot be inspected; left as it is */
        UNKNOWN,
        /** this folder's orphaned server was running and has been stopped */
        STOPPED
    }

    private OrphanedPostgres() {}

    static Outcome stopIfRunning(Path dataDir, Duration timeout) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Outcome.NONE;
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (RuntimeException unreadable) {
            // Written but not yet filled, or damaged: no server can own it; PostgreSQL would refuse to start on it.
            log.warn("Removing the unreadable {} left by an earlier embedded PostgreSQL", pidFile);
            Files.delete(pidFile);
            return Outcome.UNRELATED_REMOVED;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return Outcome.STALE;
        }
        switch (identify(pid, dataDir)) {
            case OURS -> { }
            case UNKNOWN -> {
                // Cannot inspect it (not Linux, another user's process): neither stopped nor its file touched;
                // PostgreSQL decides, and says why if it refuses.
                log.warn("{} names the running pid {}, which cannot be inspected; leaving it to PostgreSQL", pidFile, pid);
                return Outcome.UNKNOWN;
            }
            case OTHER -> {
                // The pid was reused by another process after the server died; PostgreSQL would take it for a live
                // server and refuse to start, so the stale file goes, and the other process is left alone.
                log.warn("{} names pid {}, which is not a PostgreSQL of {}; removing the stale file", pidFile, pid, dataDir);
                Files.deleteIfExists(pidFile);
                return Outcome.UNRELATED_REMOVED;
            }
        }
        log.warn("An embedded PostgreSQL (pid {}) of {} outlived the service that started it (killed?); stopping it before starting a new one",
                pid, dataDir.toAbsolutePath());
        // SIGTERM: "smart" shutdown. Its clients died with the old service, so it checkpoints and exits at once.
        process.get().destroy();
        try {
            process.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The earlier embedded PostgreSQL (pid " + pid + ") of " + dataDir.toAbsolutePath()
                    + " did not stop within " + timeout.toSeconds() + " s; stop it (kill -INT " + pid + ") and start the service again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the earlier embedded PostgreSQL (pid " + pid + ")", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot wait for the earlier embedded PostgreSQL (pid " + pid + ") to stop", e);
        }
        return Outcome.STOPPED;
    }

    private enum Identity { OURS, OTHER, UNKNOWN }

    /** Linux: {@code /proc/PID/exe} is a {@code postgres} binary and {@code /proc/PID/cwd} is the data folder. */
    private static Identity identify(long pid, Path dataDir) {
        try {
            Path proc = Path.of("/proc", Long.toString(pid));
            Path exe = Files.readSymbolicLink(proc.resolve("exe"));
            Path cwd = proc.resolve("cwd").toRealPath();
            // A binary unpacked to a temporary folder that was since cleaned shows as "postgres (deleted)".
            boolean postgres = exe.getFileName() != null && exe.getFileName().toString().replace(" (deleted)", "").equals("postgres");
            return postgres && cwd.equals(dataDir.toRealPath()) ? Identity.OURS : Identity.OTHER;
        } catch (IOException | SecurityException | UnsupportedOperationException cannotTell) {
            return Identity.UNKNOWN;
        }
    }
}

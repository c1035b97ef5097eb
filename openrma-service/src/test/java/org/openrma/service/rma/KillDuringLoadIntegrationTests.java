package org.openrma.service.rma;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrma.service.OpenRmaApplication;
import org.openrma.service.access.Caller;
import org.openrma.service.seed.DemoSeed;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import org.openrma.service.support.TestDatabase;

/**
 * Killing the service mid-request loses no acknowledged write: a separate service process takes
 * claims from four parallel clients, is killed with SIGKILL under load, is started again on the
 * same database, and every RMA it acknowledged with a 201 is there. (scripts/kill-check.sh does
 * the same by hand with the packaged jar.) The same with the embedded database, whose server outlives the
 * killed service, checks the restart works at the first attempt.
 */
class KillDuringLoadIntegrationTests extends IntegrationTest {

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service in its own JVM, on the test database, with the test's class path. */
    private static Process startService(int port, Path log) throws IOException {
        return startService(port, log, List.of("--openrma.db.url=" + TestDatabase.url(), "--openrma.db.user=" + TestDatabase.user(),
                "--openrma.seed.enabled=false"));
    }

    /**
     * The service in its own JVM with the test's class path, started once (never retried): returns when its
     * readiness probe answers UP (migrations and seed done), fails the test with its log if it exits first.
     */
    private static Process startService(int port, Path log, List<String> databaseArgs) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), OpenRmaApplication.class.getName(),
                "--server.port=" + port, "--openrma.outbox.poller-enabled=false", "--openrma.deadlines.scheduler-enabled=false",
                "--logging.level.root=warn"));
        command.addAll(databaseArgs);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Api api = new Api(port);
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < end && p.isAlive()) {
            try {
                if (api.get("/actuator/health/readiness").send().status() == 200) {
                    return p;
                }
            } catch (UncheckedIOException notYet) {
                // still starting
            }
            sleep(200);
        }
        p.destroyForcibly();
        throw new AssertionError("the service did not start (exit " + (p.isAlive() ? "none" : p.exitValue()) + "); see " + log + ":\n"
                + Files.readString(log));
    }

    /** Files claims from four clients until {@code wanted} are acknowledged, then kills the service with SIGKILL mid-load. */
    private static Set<String> fileClaimsThenKill(Process service, int port, String agentKey, int wanted) throws InterruptedException {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            Api remote = new Api(port);
            for (int w = 0; w < 4; w++) {
                int worker = w;
                clients.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        try {
                            Api.Response r = remote.post("/api/v1/rmas", Claims.kingdoUnopenedDay60("KILL-" + worker + "-" + i)).key(agentKey).send();
                            if (r.status() == 201) {
                                acknowledged.add(r.json().get("id").asString());
                            }
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                    }
                });
            }
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (acknowledged.size() < wanted && System.nanoTime() < end) {
                sleep(20);
            }
            service.destroyForcibly();   // SIGKILL, with requests in flight
            assertThat(service.waitFor(10, TimeUnit.SECONDS)).isTrue();
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            stop.set(true);
            clients.shutdownNow();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(wanted);
        return Set.copyOf(acknowledged);
    }

    private static List<String> missingAfterRestart(int port, String agentKey, Set<String> acknowledged) {
        Api after = new Api(port);
        List<String> missing = new ArrayList<>();
        for (String id : acknowledged) {
            if (after.get("/api/v1/rmas/" + id).key(agentKey).send().status() != 200) {
                missing.add(id);
            }
        }
        return missing;
    }

    private static void stop(Process p) throws InterruptedException {
        if (p != null) {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
            p.destroyForcibly();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void everyAcknowledgedRmaIsThereAfterAKillAndRestart() throws Exception {
        TestMerchant m = newMerchant("kingdo");
        Path log = Files.createTempFile("openrma-kill", ".log");
        int port = freePort();
        Process service = startService(port, log);
        Process restarted = null;
        try {
            Set<String> acknowledged = fileClaimsThenKill(service, port, m.agent(), 30);

            restarted = startService(port, log);

            assertThat(missingAfterRestart(port, m.agent(), acknowledged)).as("RMAs acknowledged with 201 but missing after the restart").isEmpty();
        } finally {
            service.destroyForcibly();
            stop(restarted);
            new File(log.toString()).deleteOnExit();
        }
    }

    /**
     * The default set-up, the embedded PostgreSQL, outlives a service killed with SIGKILL. The next start must
     * work on the first try: it stops that orphaned server of its data folder, recovers, and serves every RMA
     * acknowledged before the kill.
     */
    @Test
    void theEmbeddedDatabaseStartsOnTheFirstTryAfterTheServiceIsKilled(@TempDir Path folder) throws Exception {
        Path dataDir = folder.resolve("pg");
        Path log = folder.resolve("service.log");
        int port = freePort();
        // The demo seed gives the fresh database a merchant and a well-known agent key.
        List<String> embedded = List.of("--openrma.db.url=", "--spring.datasource.url=", "--openrma.db.embedded-data-dir=" + dataDir,
                "--openrma.seed.enabled=true");
        String agent = DemoSeed.demoKey("kingdo", Caller.Role.AGENT);
        Process service = startService(port, log, embedded);
        Process restarted = null;
        long orphan = -1;
        try {
            Set<String> acknowledged = fileClaimsThenKill(service, port, agent, 10);
            orphan = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().trim());
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the killed service's PostgreSQL is still running").contains(true);

            restarted = startService(port, log, embedded);

            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).as("the orphaned PostgreSQL was stopped").isFalse();
            assertThat(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().trim()).isNotEqualTo(Long.toString(orphan));
            assertThat(missingAfterRestart(port, agent, acknowledged)).as("RMAs acknowledged with 201 but missing after the restart").isEmpty();
        } finally {
            service.destroyForcibly();
            stop(restarted);   // a clean stop also stops its embedded PostgreSQL
            if (orphan > 0) {
                ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroy);   // only if the test failed before the restart
            }
        }
    }
}

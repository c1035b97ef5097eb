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
import org.openrma.service.OpenRmaApplication;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import org.openrma.service.support.TestDatabase;

/**
 * Killing the service mid-request loses no acknowledged write: a separate service process takes
 * claims from four parallel clients, is killed with SIGKILL under load, is started again on the
 * same database, and every RMA it acknowledged with a 201 is there. (scripts/kill-check.sh does
 * the same by hand with the packaged jar.)
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
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OpenRmaApplication.class.getName(),
                "--server.port=" + port, "--openrma.db.url=" + TestDatabase.url(), "--openrma.db.user=" + TestDatabase.user(),
                "--openrma.seed.enabled=false", "--openrma.outbox.poller-enabled=false", "--openrma.deadlines.scheduler-enabled=false",
                "--logging.level.root=warn")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        Api api = new Api(port);
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < end && p.isAlive()) {
            try {
                if (api.get("/api/v1/rma-lifecycle").send().status() == 200) {
                    return p;
                }
            } catch (UncheckedIOException notYet) {
                // still starting
            }
            sleep(200);
        }
        p.destroyForcibly();
        throw new AssertionError("the service did not start; see " + log + ":\n" + Files.readString(log));
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
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        Process restarted = null;
        try {
            Api remote = new Api(port);
            for (int w = 0; w < 4; w++) {
                int worker = w;
                clients.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        try {
                            Api.Response r = remote.post("/api/v1/rmas", Claims.kingdoUnopenedDay60("KILL-" + worker + "-" + i)).key(m.agent()).send();
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
            while (acknowledged.size() < 30 && System.nanoTime() < end) {
                sleep(20);
            }
            service.destroyForcibly();   // SIGKILL, with requests in flight
            assertThat(service.waitFor(10, TimeUnit.SECONDS)).isTrue();
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(30);

            restarted = startService(port, log);
            Api after = new Api(port);
            List<String> missing = new ArrayList<>();
            for (String id : acknowledged) {
                if (after.get("/api/v1/rmas/" + id).key(m.agent()).send().status() != 200) {
                    missing.add(id);
                }
            }
            assertThat(missing).as("RMAs acknowledged with 201 but missing after the restart").isEmpty();
        } finally {
            stop.set(true);
            clients.shutdownNow();
            service.destroyForcibly();
            if (restarted != null) {
                restarted.destroy();
                restarted.waitFor(20, TimeUnit.SECONDS);
                restarted.destroyForcibly();
            }
            new File(log.toString()).deleteOnExit();
        }
    }
}

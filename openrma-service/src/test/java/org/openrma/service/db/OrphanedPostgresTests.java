package org.openrma.service.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What start-up does with a {@code postmaster.pid} that is not a live server of the folder. (A real orphaned
 * server, stopped and replaced, is {@code KillDuringLoadIntegrationTests}'s embedded-database test.)
 */
class OrphanedPostgresTests {

    @TempDir
    Path dataDir;

    private Path pidFile(long pid) throws IOException {
        // The first lines of a real postmaster.pid: pid, data folder, start time, port.
        return Files.writeString(dataDir.resolve("postmaster.pid"), pid + "\n" + dataDir + "\n1764700000\n5432\n");
    }

    @Test
    void aCleanFolderNeedsNothing() throws IOException {
        assertThat(OrphanedPostgres.stopIfRunning(dataDir, Duration.ofSeconds(1))).isEqualTo(OrphanedPostgres.Outcome.NONE);
    }

    @Test
    void aFileNamingAFinishedProcessIsLeftToPostgres() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path file = pidFile(finished.pid());

        assertThat(OrphanedPostgres.stopIfRunning(dataDir, Duration.ofSeconds(1))).isEqualTo(OrphanedPostgres.Outcome.STALE);
        assertThat(file).exists();
    }

    @Test
    void aLiveProcessThatIsNotThisFoldersServerIsLeftRunningAndItsStaleFileRemoved() throws Exception {
        Process other = new ProcessBuilder("sleep", "30").start();
        try {
            Path file = pidFile(other.pid());

            assertThat(OrphanedPostgres.stopIfRunning(dataDir, Duration.ofSeconds(1))).isEqualTo(OrphanedPostgres.Outcome.UNRELATED_REMOVED);
            assertThat(other.isAlive()).as("a process that is not our PostgreSQL is never stopped").isTrue();
            assertThat(file).doesNotExist();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aPostgresOfAnotherDataFolderIsLeftRunning() throws Exception {
        // A backend of the local PostgreSQL server (when one runs): a real postgres process, of another folder.
        long backend;
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=2", "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("select pg_backend_pid()")) {
            rs.next();
            backend = rs.getLong(1);
            pidFile(backend);

            OrphanedPostgres.Outcome outcome = OrphanedPostgres.stopIfRunning(dataDir, Duration.ofSeconds(1));

            assertThat(outcome).isIn(OrphanedPostgres.Outcome.UNRELATED_REMOVED, OrphanedPostgres.Outcome.UNKNOWN);
            assertThat(ProcessHandle.of(backend).map(ProcessHandle::isAlive)).contains(true);
            assertThat(c.isValid(2)).as("the other server's session still answers").isTrue();
        } catch (SQLException noLocalServer) {
            assumeTrue(false, "no PostgreSQL at 127.0.0.1:5432 to try this with");
        }
    }

    @Test
    void anUnreadableFileIsRemoved() throws IOException {
        Files.writeString(dataDir.resolve("postmaster.pid"), "");

        assertThat(OrphanedPostgres.stopIfRunning(dataDir, Duration.ofSeconds(1))).isEqualTo(OrphanedPostgres.Outcome.UNRELATED_REMOVED);
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
    }
}

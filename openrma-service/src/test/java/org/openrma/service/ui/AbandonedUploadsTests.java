package org.openrma.service.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files kept for a form that was never sent again, and staging left by a stopped instance, go after a day; newer ones stay. */
class AbandonedUploadsTests {

    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @TempDir
    Path uploads;

    private Path folder(String first, String... more) throws Exception {
        Path p = uploads.resolve(Path.of(first, more));
        Files.createDirectories(p);
        Files.writeString(p.resolve("photo.png"), "x");
        return p;
    }

    private static void age(Path folder, Duration age) throws Exception {
        Files.setLastModifiedTime(folder, FileTime.from(NOW.minus(age)));
    }

    @Test
    void keptFilesOlderThanADayAndLeftoverStagingAreDeletedNewerOnesStay() throws Exception {
        String order = UUID.randomUUID().toString();
        Path abandoned = folder(".held", order, UUID.randomUUID().toString());
        Path recent = folder(".held", order, UUID.randomUUID().toString());
        Path leftover = folder(".staging", UUID.randomUUID().toString());
        Path rmaFiles = folder(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        age(abandoned, Duration.ofHours(25));
        age(recent, Duration.ofHours(2));
        age(leftover, Duration.ofDays(3));
        age(rmaFiles, Duration.ofDays(400));
        EvidenceFiles files = new EvidenceFiles(new UiProperties(uploads, null, null, null), null, Clock.fixed(NOW, ZoneOffset.UTC));

        int removed = files.forgetAbandoned();

        assertThat(removed).isEqualTo(2);
        assertThat(abandoned).doesNotExist();
        assertThat(leftover).doesNotExist();
        assertThat(recent.resolve("photo.png")).exists();
        assertThat(rmaFiles.resolve("photo.png")).as("an RMA's own files are never touched").exists();
    }

    @Test
    void aMissingUploadFolderIsNothingToDo() {
        EvidenceFiles files = new EvidenceFiles(new UiProperties(uploads.resolve("none"), null, null, null), null, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(files.forgetAbandoned()).isZero();
    }
}

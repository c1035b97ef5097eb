package org.openrma.service.ui;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the web UI ({@code openrma.ui.*}, or {@code OPENRMA_UI_*}).
 *
 * @param uploadDir where customers' photos and videos are kept, one folder per merchant and RMA
 * @param maxFileSize the largest photo or video accepted
 * @param maxFiles how many files one request may carry
 * @param staffSessionTtl how long an agent or admin stays signed in to the console and studio
 */
@ConfigurationProperties("openrma.ui")
public record UiProperties(Path uploadDir, DataSize maxFileSize, Integer maxFiles, Duration staffSessionTtl) {

    public UiProperties {
        uploadDir = uploadDir != null ? uploadDir : Path.of("./data/uploads");
        maxFileSize = maxFileSize != null ? maxFileSize : DataSize.ofMegabytes(10);
        maxFiles = maxFiles != null ? maxFiles : 6;
        staffSessionTtl = staffSessionTtl != null ? staffSessionTtl : Duration.ofHours(8);
    }
}

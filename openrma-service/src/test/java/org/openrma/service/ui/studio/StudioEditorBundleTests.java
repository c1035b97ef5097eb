package org.openrma.service.ui.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed editor bundle is the one its sources build: build.sh writes the SHA-256 of the sources it read into the
 * bundle's first line, so a change to the sources without a rebuild fails here (rebuild: {@code sh src/main/frontend/build.sh}
 * after {@code npm ci}).
 */
class StudioEditorBundleTests {

    private static final Path FRONTEND = Path.of("src", "main", "frontend");
    private static final Path BUNDLE = Path.of("src", "main", "resources", "static", "js", "studio-editor.js");

    @Test
    void theCommittedBundleWasBuiltFromTheCommittedSources() throws Exception {
        ByteArrayOutputStream sources = new ByteArrayOutputStream();
        for (String name : List.of("build.sh", "studio-editor.js", "package.json", "package-lock.json")) {
            sources.write(Files.readAllBytes(FRONTEND.resolve(name)));
        }
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sources.toByteArray()));
        String firstLine = Files.readAllLines(BUNDLE).getFirst();
        assertThat(firstLine).as("rebuild the bundle: cd src/main/frontend && npm ci && sh build.sh").contains("sources-sha256=" + hash + " ");
    }
}

package org.openrma.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openrma.cli.SeedConformance;

/**
 * The repository carries copies of the shared seed material (scenarios and clause catalogue) so a
 * fresh clone tests itself. Where the shared originals sit beside the repository ({@code ../shared}, as on
 * the developers' machines), the copies must be identical, so a change there is noticed here; in a
 * clone without {@code ../shared} there is nothing to compare with and the tests are skipped.
 */
class SeedCopiesTests {

    private static final Path SHARED = SeedConformance.repositoryRoot().resolveSibling("shared");

    @Test
    void seedScenariosAreACopyOfTheSharedScenarios() throws IOException {
        Path original = SHARED.resolve("scenarios");
        assumeTrue(Files.isDirectory(original), "no " + original + " to compare conformance/seed with");

        assertThat(contents(SeedConformance.scenarios()))
                .as("conformance/seed differs from %s: copy it again (cp -r %s/. conformance/seed/)", original, original)
                .isEqualTo(contents(original));
    }

    @Test
    void clauseCatalogueIsACopyOfTheSharedOne() throws IOException {
        Path original = SHARED.resolve("notes").resolve("seed-clauses.md");
        assumeTrue(Files.isRegularFile(original), "no " + original + " to compare conformance/seed-clauses.md with");

        assertThat(Files.readString(SeedConformance.clauseCatalogue()))
                .as("conformance/seed-clauses.md differs from %s: copy it again", original)
                .isEqualTo(Files.readString(original));
    }

    /** Every file under {@code folder} by its relative path, with its text, so a diff names the file. */
    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }
}

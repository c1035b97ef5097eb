package org.openrma.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The seed conformance material committed in the repository: the scenarios in {@code conformance/seed/}
 * and the clause catalogue {@code conformance/seed-clauses.md}. The tests read only these copies, so a
 * fresh clone tests itself; {@code SeedCopiesTests} notices when they drift from {@code ../shared}.
 */
public final class SeedConformance {

    private SeedConformance() {}

    /** The repository's root: the nearest folder at or above the working directory holding {@code conformance/seed}. */
    public static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("conformance").resolve("seed")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new AssertionError("no conformance/seed folder in " + start + " or above it: run the tests inside the OpenRMA repository");
    }

    /** The seed scenarios, {@code conformance/seed/}. */
    public static Path scenarios() {
        return repositoryRoot().resolve("conformance").resolve("seed");
    }

    /** The catalogue of the sample policies' clauses, {@code conformance/seed-clauses.md}. */
    public static Path clauseCatalogue() {
        return repositoryRoot().resolve("conformance").resolve("seed-clauses.md");
    }
}

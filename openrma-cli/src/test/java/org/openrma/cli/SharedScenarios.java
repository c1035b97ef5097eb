package org.openrma.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared conformance scenarios: {@code shared/scenarios} in the working directory or the nearest folder above it. */
public final class SharedScenarios {

    /** Overrides where the scenarios are, for builds outside the usual layout. */
    public static final String LOCATION_PROPERTY = "openrma.scenarios";

    private SharedScenarios() {}

    public static Path folder() {
        String configured = System.getProperty(LOCATION_PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("scenarios");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("no shared/scenarios folder in " + start + " or above it; set -D" + LOCATION_PROPERTY + "=DIR");
    }
}

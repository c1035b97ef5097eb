package org.openrma.service.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Whether the browser tests can run: they need a Chromium executable ({@code /usr/bin/chromium}, or
 * {@code -Dopenrma.test.chromium=PATH}). Without one they are skipped, with one line on the console
 * saying how to run them, so a fresh clone on a laptop passes; CI sets {@code OPENRMA_REQUIRE_BROWSER=1}
 * (or {@code -Dopenrma.test.require-browser=true}) and then a missing browser fails the tests instead.
 */
public final class Chromium implements ExecutionCondition {

    static final String REQUIRE_ENV = "OPENRMA_REQUIRE_BROWSER";
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    /** Where the browser should be. */
    static Path executable() {
        return Path.of(System.getProperty("openrma.test.chromium", "/usr/bin/chromium"));
    }

    static boolean required() {
        String env = System.getenv(REQUIRE_ENV);
        return "1".equals(env) || "true".equalsIgnoreCase(env) || Boolean.getBoolean("openrma.test.require-browser");
    }

    static boolean available() {
        return Files.isExecutable(executable());
    }

    /** The one line a developer without a browser sees. */
    static String skipLine() {
        return "Browser tests skipped: " + missing();
    }

    static String missing() {
        return "no Chromium at " + executable() + ". To run them: apt-get install chromium"
                + " (or -Dopenrma.test.chromium=PATH); " + REQUIRE_ENV + "=1 makes a missing browser fail them (CI sets it).";
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (available() || required()) {
            // When required and missing, BrowserTest.launch() fails with the same explanation.
            return ConditionEvaluationResult.enabled("Chromium at " + executable());
        }
        if (TOLD.compareAndSet(false, true)) {
            System.out.println(skipLine());
        }
        return ConditionEvaluationResult.disabled(skipLine());
    }
}

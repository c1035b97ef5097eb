package org.openrma.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openrma.cli.SeedConformance;
import org.openrma.policy.PolicyCatalog;

/**
 * The acceptance test of the engine: every seed scenario ({@code conformance/seed/}) must pass with the
 * built-in policies, checked by the same code as {@code openrma conformance}.
 */
class ConformanceScenariosTests {

    @Test
    void everySharedScenarioPasses() {
        Path folder = SeedConformance.scenarios();

        Report report = new ScenarioRunner(PolicyCatalog.builtIn()).runAll(folder);

        assertThat(report.results()).as("scenarios in %s", folder).isNotEmpty();
        assertThat(report.failed())
                .as("%s in %s%n%s", report.summary(), folder, report.failureText())
                .isZero();
    }
}

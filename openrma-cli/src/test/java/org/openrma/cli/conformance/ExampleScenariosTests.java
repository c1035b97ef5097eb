package org.openrma.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrma.policy.Diagnostic;
import org.openrma.policy.PolicyCatalog;

/**
 * The example policies in {@code examples/} (modelled on published policies of other kinds of
 * merchant) lint clean, and each passes its own conformance scenarios in {@code conformance/examples/}.
 */
class ExampleScenariosTests {

    private static Path repository() {
        return org.openrma.cli.SeedConformance.repositoryRoot();
    }

    @Test
    void everyExamplePolicyLintsClean() {
        PolicyCatalog catalog = PolicyCatalog.load(repository().resolve("examples"));

        assertThat(catalog.policyIds()).hasSizeGreaterThanOrEqualTo(6);
        List<Diagnostic> warnings = catalog.policyIds().stream().flatMap(id -> catalog.versions(id).stream())
                .flatMap(v -> v.warnings().stream()).filter(d -> d.severity() == Diagnostic.Severity.WARNING).toList();
        assertThat(warnings).isEmpty();
    }

    @Test
    void everyExampleScenarioPasses() {
        Path root = repository();

        Report report = new ScenarioRunner(PolicyCatalog.load(root.resolve("examples"))).runAll(root.resolve("conformance").resolve("examples"));

        assertThat(report.results()).hasSizeGreaterThanOrEqualTo(6 * 4);
        assertThat(report.failed()).as("%s%n%s", report.summary(), report.failureText()).isZero();
    }
}

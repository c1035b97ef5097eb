package org.openrma.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrma.policy.Diagnostic;
import org.openrma.policy.PolicyCatalog;
import org.openrma.policy.statute.StatuteLibrary;

/**
 * The statutory packs in {@code statutes/} lint clean, and the scenarios in {@code conformance/statutory/}
 * (the research note's worked scenarios and more per regime) pass with the sample policies and the packs composed.
 */
class StatutoryScenariosTests {

    private static Path repository() {
        return org.openrma.cli.SeedConformance.repositoryRoot();
    }

    @Test
    void everyStatutoryPackCompilesWithoutWarnings() {
        List<String> files = List.of("de", "fr", "it", "es", "nl", "be", "at", "ie", "pl", "se", "gb", "au");
        for (String f : files) {
            var result = org.openrma.policy.PolicyCompiler.compile(f + ".yaml", read(repository().resolve("statutes").resolve(f + ".yaml")));
            List<Diagnostic> problems = result.diagnostics().stream().filter(d -> d.severity() != Diagnostic.Severity.INFO).toList();
            assertThat(problems).as(f).isEmpty();
        }
        assertThat(StatuteLibrary.load(repository().resolve("statutes")).countries())
                .containsExactlyInAnyOrder("DE", "FR", "IT", "ES", "NL", "BE", "AT", "IE", "PL", "SE", "GB", "AU");
    }

    @Test
    void everyStatutoryScenarioPasses() {
        Path root = repository();
        ScenarioRunner runner = new ScenarioRunner(PolicyCatalog.load(root.resolve("policies")), StatuteLibrary.load(root.resolve("statutes")));

        Report report = runner.runAll(root.resolve("conformance").resolve("statutory"));

        assertThat(report.results()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(report.failed()).as("%s%n%s", report.summary(), report.failureText()).isZero();
    }

    @Test
    void withoutTheStatutesTheWorkedScenarioIsTheMerchantsRejection() {
        Path root = repository();
        ScenarioRunner merchantOnly = new ScenarioRunner(PolicyCatalog.load(root.resolve("policies")));

        ScenarioResult result = merchantOnly.run(root.resolve("conformance/statutory/ST-01-kospet-de-opened-watch-day11.yaml"));

        assertThat(result.passed()).isFalse();
        assertThat(result.differences()).anySatisfy(d -> assertThat(d.toString()).contains("outcome").contains("rejected"));
    }

    private static String read(Path p) {
        try {
            return java.nio.file.Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

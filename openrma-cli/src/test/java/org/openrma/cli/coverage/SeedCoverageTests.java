package org.openrma.cli.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openrma.cli.Cli;
import org.openrma.cli.SeedConformance;

class SeedCoverageTests {

    private static final Path REPO = SeedConformance.repositoryRoot();

    @Test
    void everyClauseOfTheCatalogueIsAccountedForInTheSeedPolicies() throws IOException {
        String catalogue = Files.readString(SeedConformance.clauseCatalogue());
        Cli.Run run = Cli.run(REPO, "coverage");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher ids = Pattern.compile("^\\| (S\\d-\\d\\d) \\|", Pattern.MULTILINE).matcher(catalogue);
        int count = 0;
        while (ids.find()) {
            count++;
            assertThat(run.out()).as("clause %s of the catalogue", ids.group(1)).contains("| " + ids.group(1) + " |");
        }
        assertThat(count).isGreaterThan(100);
        assertThat(run.out()).doesNotContain("NOT ENCODED").contains(" 0 unaccounted for.");
    }

    @Test
    void committedSeedCoverageDocumentMatchesThePolicies() throws IOException {
        Cli.Run run = Cli.run(REPO, "coverage");

        assertThat(Files.readString(REPO.resolve("docs/seed-coverage.md")))
                .as("docs/seed-coverage.md is stale: run ./openrma coverage > docs/seed-coverage.md")
                .isEqualTo(run.out());
    }

    @Test
    void aClauseNoRuleCitesIsReportedAsNotEncoded(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("p.yaml"), """
                policy: tiny
                version: "1"
                effective_from: 2024-01-01
                clauses:
                  A1: "Returns within 30 days."
                  A2: "Gift cards are final sale."
                programs:
                  - id: return
                    serves: { kind: return }
                    window: { from: delivered, within: 30 days, cites: A1 }
                """);

        Cli.Run run = Cli.run(dir, "coverage", "--policies", ".");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("| A2 | Gift cards are final sale. | **NOT ENCODED** |").contains("1 unaccounted for.");
    }
}

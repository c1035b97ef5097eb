package org.openrma.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrma.policy.PolicyCatalog;

class ScenarioRunnerTests {

    static final String VALID_CLAIM = """
              order:
                number: "T-1"
                channel: official_store
                placed_at: "2025-03-03T10:00:00Z"
                delivered_at: "2025-03-10T12:00:00Z"
                currency: USD
                lines:
                  - { sku: "S1", category: servo, unit_price: "57.99", quantity: 1 }
              request:
                kind: return
                submitted_at: "2025-03-17T10:30:00Z"
                reason: ordered_wrong_item
                lines: [ { sku: "S1", quantity: 1, condition: opened_unused } ]
            """;

    @TempDir
    Path dir;

    private final ScenarioRunner runner = new ScenarioRunner(PolicyCatalog.of(List.of()));

    private Path scenario(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void failsAScenarioThatIsNotValidYaml() throws IOException {
        ScenarioResult result = runner.run(scenario("SC-900-broken.yaml", "id: SC-900\nclaim: [ unclosed\n"));
        assertThat(result.passed()).isFalse();
        assertThat(result.id()).isEqualTo("SC-900-broken");
        assertThat(result.problem()).startsWith("the scenario file is not valid YAML");
    }

    @Test
    void failsAScenarioWithoutPolicyClaimOrExpect() throws IOException {
        ScenarioResult result = runner.run(scenario("SC-901.yaml", "id: SC-901\ntitle: No claim\npolicy: example-shop\nexpect: { outcome: approved }\n"));
        assertThat(result.passed()).isFalse();
        assertThat(result.lines()).containsExactly("FAIL SC-901 (SC-901.yaml): No claim", "    the scenario needs 'policy', 'claim' and 'expect'");
    }

    @Test
    void failsAScenarioWhoseClaimIsInvalidNamingTheField() throws IOException {
        String claim = VALID_CLAIM.replace("unit_price: \"57.99\"", "unit_price: \"-57.99\"");
        ScenarioResult result = runner.run(scenario("SC-902.yaml", "id: SC-902\ntitle: Negative\npolicy: example-shop\nclaim:\n" + claim
                + "expect: { outcome: approved }\n"));
        assertThat(result.passed()).isFalse();
        assertThat(result.problem()).contains("claim.order.lines[0].unit_price: must not be negative");
    }

    @Test
    void failsAScenarioNamingAnUnknownPolicy() throws IOException {
        ScenarioResult result = runner.run(scenario("SC-903.yaml", "id: SC-903\ntitle: Unknown\npolicy: nobody\nclaim:\n" + VALID_CLAIM
                + "expect: { outcome: approved }\n"));
        assertThat(result.passed()).isFalse();
        assertThat(result.problem()).contains("unknown policy 'nobody'");
    }

    @Test
    void runsEveryYamlFileOfAFolderInNameOrderAndCountsFailures() throws IOException {
        scenario("b.yaml", "id: B\n");
        scenario("a.yaml", "id: A\n");
        scenario("README.md", "not a scenario");
        Report report = runner.runAll(dir);
        assertThat(report.results()).extracting(ScenarioResult::id).containsExactly("A", "B");
        assertThat(report.summary()).isEqualTo("0 passed, 2 failed");
        assertThat(report.lines(false).getLast()).isEqualTo("0 passed, 2 failed");
    }
}

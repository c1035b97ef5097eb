package org.openrma.cli.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrma.cli.Cli;
import org.openrma.cli.SeedConformance;
import org.openrma.cli.conformance.ScenarioRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * End to end through the built-in policies, so these need the engine. The policy and claim come
 * from the first shared scenario: no policy id is written in Java.
 */
class DecideCommandTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private String policy;
    private String claim;

    @BeforeEach
    void takeTheFirstSharedScenario() throws IOException {
        Path folder = SeedConformance.scenarios();
        JsonNode scenario = YAMLMapper.builder().build().readTree(Files.readString(ScenarioRunner.scenarioFiles(folder).getFirst()));
        policy = scenario.get("policy").asString();
        claim = JSON.writeValueAsString(scenario.get("claim"));
        Files.writeString(dir.resolve("claim.json"), claim);
    }

    @Test
    void printsTheDecisionAsJsonWithThePolicyVersionThatDecided() {
        Cli.Run run = Cli.run(dir, "decide", policy, "claim.json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("outcome").asString()).isIn("approved", "rejected", "needs_review", "needs_evidence");
        assertThat(json.get("policy_version").get("policy").asString()).isEqualTo(policy);
    }

    @Test
    void decidesAsOfTheSubmissionSoTheSameClaimGivesTheSameDecision() {
        String submittedAt = JSON.readTree(claim).get("request").get("submitted_at").asString();

        Cli.Run first = Cli.runWithInput(dir, claim, "decide", policy, "-");
        Cli.Run second = Cli.runWithInput(dir, claim, "decide", policy, "-", "--now", submittedAt);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void explainsTheDecisionInWords() {
        Cli.Run run = Cli.run(dir, "decide", policy, "claim.json", "--explain");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Outcome: ").contains("\nWhy:\n", "\nPrograms considered:\n");
    }
}

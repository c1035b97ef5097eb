package org.openrma.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrma.claim.Claim;
import org.openrma.claim.ClaimReader;
import org.openrma.cli.Cli;
import org.openrma.cli.SeedConformance;
import org.openrma.decision.Decision;
import org.openrma.decision.Outcome;
import org.openrma.policy.PolicyCatalog;
import org.openrma.policy.statute.StatuteLibrary;
import org.openrma.policy.statute.StatutoryDecider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What consumer law costs a merchant over its history: a generated KST history of consumers in
 * Germany and Italy replayed under the policy alone and under the policy with the statutory packs,
 * the report's refunds by country checked against decisions made directly with the engine.
 */
class StatutoryReplayTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void theReplayReportsWhatStatutoryRightsCostByCountry() throws IOException {
        Path root = SeedConformance.repositoryRoot();
        String policies = root.resolve("policies").toString();
        String statutes = root.resolve("statutes").toString();
        Cli.Run generated = Cli.run(dir, "generate", "--policy", "kst-servos", "--claims", "600", "--seed", "11", "--countries", "DE,IT",
                "--out", "kst.jsonl");
        assertThat(generated.exitCode()).as(generated.err()).isZero();

        Cli.Run replay = Cli.run(dir, "replay", "--baseline", "kst-servos", "--candidate", "kst-servos", "--policies", policies,
                "--statutes", statutes, "--market", "DE,IT", "--claims", "kst.jsonl", "--out", "report", "--threads", "2");
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        JsonNode report = JSON.readTree(dir.resolve("report/replay.json").toFile());

        // the same claims decided directly: refunds of approved decisions, by country, merchant alone and composed
        PolicyCatalog catalog = PolicyCatalog.load(Path.of(policies));
        StatutoryDecider composed = new StatutoryDecider(catalog, StatuteLibrary.load(Path.of(statutes)));
        Map<String, BigDecimal[]> expected = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve("kst.jsonl"))) {
            Claim claim = ClaimReader.read(line);
            var now = claim.request().submittedAt();
            Decision alone = catalog.decide("kst-servos", claim, now);
            Decision withLaw = composed.decide("kst-servos", claim, now, Optional.of(List.of("DE", "IT")));
            BigDecimal[] sums = expected.computeIfAbsent(claim.legal().country(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(alone.outcome() == Outcome.APPROVED ? alone.refund().getAmount() : BigDecimal.ZERO);
            sums[1] = sums[1].add(withLaw.outcome() == Outcome.APPROVED ? withLaw.refund().getAmount() : BigDecimal.ZERO);
        }

        Map<String, BigDecimal[]> reported = new TreeMap<>();
        for (JsonNode slice : report.get("money").get("by_country")) {
            reported.put(slice.get("country").asString(), new BigDecimal[] {new BigDecimal(slice.get("baseline").get("refund").asString()),
                    new BigDecimal(slice.get("candidate").get("refund").asString())});
        }
        assertThat(reported.keySet()).containsExactly("DE", "IT");
        for (String country : expected.keySet()) {
            assertThat(reported.get(country)[0]).as(country + " baseline").isEqualByComparingTo(expected.get(country)[0]);
            assertThat(reported.get(country)[1]).as(country + " with consumer law").isEqualByComparingTo(expected.get(country)[1]);
            // statutory rights only add: the composed refunds are at least the policy's
            assertThat(reported.get(country)[1]).isGreaterThan(reported.get(country)[0]);
        }
    }
}

package org.openrma.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openrma.claim.Claim;
import org.openrma.claim.ClaimReader;
import org.openrma.cli.Cli;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GenerateCommandTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void theSameSeedWritesTheSameBytes() throws IOException {
        Cli.Run first = Cli.run(dir, "generate", "--policy", "kospet", "--claims", "300", "--seed", "11");
        Cli.Run second = Cli.run(dir, "generate", "--policy", "kospet", "--claims", "300", "--seed", "11");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out().lines()).hasSize(300);
        assertThat(second.out()).isEqualTo(first.out());

        assertThat(Cli.run(dir, "generate", "--policy", "kospet", "--claims", "300", "--seed", "11", "--out", "a.jsonl.gz").exitCode()).isZero();
        assertThat(Cli.run(dir, "generate", "--policy", "kospet", "--claims", "300", "--seed", "11", "--out", "b.jsonl.gz").exitCode()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("a.jsonl.gz"))).isEqualTo(Files.readAllBytes(dir.resolve("b.jsonl.gz")));
        assertThat(gunzip(dir.resolve("a.jsonl.gz"))).isEqualTo(first.out());
    }

    @Test
    void aDifferentSeedWritesDifferentClaims() {
        String one = Cli.run(dir, "generate", "--policy", "kospet", "--claims", "50", "--seed", "1").out();
        String two = Cli.run(dir, "generate", "--policy", "kospet", "--claims", "50", "--seed", "2").out();
        assertThat(one.lines()).hasSize(50);
        assertThat(two.lines()).hasSize(50);
        assertThat(one.lines().toList()).doesNotContainAnyElementsOf(two.lines().toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"kospet", "kingdo", "kst-servos", "kst-rma"})
    void everyGeneratedLineIsAValidClaim(String policy) {
        Cli.Run run = Cli.run(dir, "generate", "--policy", policy, "--claims", "3000", "--seed", "5");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3000);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Claim claim = ClaimReader.read(line); // throws, naming the field, if a line is invalid
            assertThat(claim.order().number()).as("line %d", i + 1).isNotBlank();
        }
    }

    @Test
    void ordersFallBetweenFromAndToAndRequestsSpreadOverBothKospetWindows() {
        List<JsonNode> claims = Cli.run(dir, "generate", "--policy", "kospet", "--claims", "5000", "--seed", "3").out().lines()
                .map(JSON::readTree).toList();

        assertThat(claims).allSatisfy(c -> assertThat(Instant.parse(c.path("order").path("placed_at").asString()))
                .isBetween(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-12-31T23:59:59Z")));
        assertThat(claims).anyMatch(c -> c.path("order").path("placed_at").asString().startsWith("2024"))
                .anyMatch(c -> c.path("order").path("placed_at").asString().startsWith("2025"));
        List<Long> days = claims.stream().filter(c -> c.path("order").has("delivered_at")).map(GenerateCommandTests::daysAfterDelivery).toList();
        assertThat(days).allSatisfy(d -> assertThat(d).isBetween(0L, 800L));
        assertThat(days.stream().filter(d -> d <= 15).count()).as("inside the 15-day window").isGreaterThan(1000);
        assertThat(days.stream().filter(d -> d >= 16 && d <= 30).count()).as("16 to 30 days").isGreaterThan(200);
        assertThat(days.stream().filter(d -> d > 365 && d <= 730).count()).as("second year").isGreaterThan(200);
        assertThat(days.stream().filter(d -> d > 730).count()).as("past two years").isGreaterThan(20);
        assertThat(claims).extracting(c -> c.path("order").path("channel").asString())
                .contains("official_store", "authorized_dealer", "retailer");
        assertThat(claims).extracting(c -> c.path("request").path("reason").asString())
                .contains("changed_mind", "ordered_wrong_item", "defective", "dead_on_arrival", "not_received");
        assertThat(claims).extracting(c -> c.path("request").path("facts").toString()).anyMatch(f -> f.contains("water_damage"))
                .anyMatch(f -> f.contains("firmware_modified"));
        assertThat(claims).anyMatch(c -> c.path("request").path("costs").has("customs"))
                .anyMatch(c -> c.path("order").path("lines").toString().contains("free_gift"))
                .anyMatch(c -> c.path("request").has("inspection"));
    }

    @Test
    void theBeautyDeviceCatalogueHasAdverseReactions() {
        String out = Cli.run(dir, "generate", "--policy", "kingdo", "--claims", "1000", "--seed", "3").out();
        assertThat(out).contains("\"reason\":\"adverse_reaction\"", "medical_documentation", "\"kind\":\"cancellation\"");
    }

    @Test
    void aCsvFileHasOneClaimColumn() throws IOException {
        Cli.Run run = Cli.run(dir, "generate", "--policy", "kospet", "--claims", "3", "--out", "claims.csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("claims.csv"));
        assertThat(lines).hasSize(4);
        assertThat(lines.getFirst()).isEqualTo("claim");
        assertThat(lines.get(1)).startsWith("\"{\"\"order\"\":");
    }

    @Test
    void anUnknownPolicyExitsTwoNamingThoseThatHaveACatalogue() {
        Cli.Run run = Cli.run(dir, "generate", "--policy", "nobody", "--claims", "3");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no claim catalogue for policy 'nobody'", "kospet", "kingdo").doesNotContain("Exception");
    }

    @Test
    void aCatalogueFileWithWrongWordsReportsEveryProblem() throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), """
                policy: mine
                currency: USD
                channels: { official_store: 1, flea_market: 2 }
                products: [ { sku: A, category: x, price: ["1.00", "2.00"] } ]
                defaults: { conditions: { unopened: 1 } }
                requests: [ { kind: return, reason: boredom, delay: short } ]
                """);
        Cli.Run run = Cli.run(dir, "generate", "--catalogue", "bad.yaml", "--claims", "3");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("channels.flea_market: unknown value", "requests[0].reason: unknown value 'boredom'");
    }

    @Test
    void toBeforeFromIsBadInput() {
        Cli.Run run = Cli.run(dir, "generate", "--policy", "kospet", "--claims", "3", "--from", "2025-01-01", "--to", "2024-01-01");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--to: 2024-01-01 is before --from 2025-01-01");
    }

    private static long daysAfterDelivery(JsonNode claim) {
        LocalDate delivered = Instant.parse(claim.path("order").path("delivered_at").asString()).atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate submitted = Instant.parse(claim.path("request").path("submitted_at").asString()).atOffset(ZoneOffset.UTC).toLocalDate();
        return ChronoUnit.DAYS.between(delivered, submitted);
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package org.openrma.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openrma.testing.Policies.compile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrma.decision.Decision;
import org.openrma.decision.DecisionJson;
import org.openrma.decision.Outcome;
import org.openrma.testing.Claims;
import tools.jackson.databind.JsonNode;

/** The version that decides a claim is the one in force when the order was placed. */
class PolicyCatalogTests {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static String version(String label, String effectiveFrom, String within, String zone) {
        return """
                policy: gadgets
                version: "%s"
                effective_from: %s
                calendar: { time_zone: %s }
                clauses:
                  C1: "Returns are accepted within %s of delivery."
                programs:
                  - id: return
                    serves: { kind: return }
                    window: { from: delivered, within: %s, cites: C1 }
                    resolutions: { offer: [ refund ] }
                """.formatted(label, effectiveFrom, zone, within, within);
    }

    private static final String OLD_TEXT = version("2023", "2023-01-01", "7 days", "UTC");
    private static final String NEW_TEXT = version("2025", "2025-01-01", "30 days", "UTC");
    private static final PolicyCatalog CATALOG = PolicyCatalog.of(List.of(compile(NEW_TEXT), compile(OLD_TEXT)));

    private static Claims placedAt(String instant) {
        return Claims.aReturn().placedAt(instant).with("order.shipped_at", null).deliveredAt("2025-01-03T10:00:00Z")
                .submittedAt("2025-01-20T10:00:00Z");
    }

    @Test
    void listsVersionsOldestFirst() {
        assertThat(CATALOG.versions("gadgets")).extracting(CompiledPolicy::version).containsExactly("2023", "2025");
        assertThat(CATALOG.policyIds()).containsExactly("gadgets");
    }

    @Test
    void decidesAnOrderPlacedOneMinuteBeforeTheNewVersionByTheOldOne() {
        Decision decision = CATALOG.decide("gadgets", placedAt("2024-12-31T23:59:00Z").build(), NOW);

        assertThat(decision.policyVersion().version()).isEqualTo("2023");
        assertThat(decision.outcome()).as("7 days from 01-03 ended 01-10").isEqualTo(Outcome.REJECTED);
    }

    @Test
    void decidesAnOrderPlacedAtTheNewVersionsFirstInstantByTheNewOne() {
        Decision decision = CATALOG.decide("gadgets", placedAt("2025-01-01T00:00:00Z").build(), NOW);

        assertThat(decision.policyVersion().version()).isEqualTo("2025");
        assertThat(decision.policyVersion().effectiveFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(decision.outcome()).as("30 days from 01-03 end 02-02").isEqualTo(Outcome.APPROVED);
    }

    @Test
    void sendsAnOrderPlacedBeforeTheFirstVersionToReview() {
        Decision decision = CATALOG.decide("gadgets", placedAt("2022-12-31T23:59:59Z").build(), NOW);

        assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(decision.program()).isNull();
        assertThat(decision.summary()).contains("No version of policy 'gadgets' was in force").contains("2023-01-01");
        assertThat(decision.lines()).singleElement().satisfies(l -> assertThat(l.outcome()).isEqualTo(Outcome.NEEDS_REVIEW));
        assertThat(decision.explanation()).singleElement().satisfies(s -> assertThat(s.read())
                .containsEntry("order.placed_at", "2022-12-31T23:59:59Z"));
    }

    @Test
    void findsTheVersionInForceAtAnInstant() {
        assertThat(CATALOG.versionInForce("gadgets", Instant.parse("2022-06-01T00:00:00Z"))).isEmpty();
        assertThat(CATALOG.versionInForce("gadgets", Instant.parse("2023-01-01T00:00:00Z"))).get()
                .extracting(CompiledPolicy::version).isEqualTo("2023");
        assertThat(CATALOG.versionInForce("gadgets", Instant.parse("2031-01-01T00:00:00Z"))).get()
                .extracting(CompiledPolicy::version).isEqualTo("2025");
    }

    @Test
    void judgesTheEffectiveDateInThePolicysTimeZone() {
        // 2025-01-01T03:00Z is still 2024-12-31 22:00 in New York
        PolicyCatalog newYork = PolicyCatalog.of(List.of(compile(version("2023", "2023-01-01", "7 days", "America/New_York")),
                compile(version("2025", "2025-01-01", "30 days", "America/New_York"))));

        assertThat(newYork.versionInForce("gadgets", Instant.parse("2025-01-01T03:00:00Z"))).get()
                .extracting(CompiledPolicy::version).isEqualTo("2023");
        assertThat(newYork.versionInForce("gadgets", Instant.parse("2025-01-01T05:00:00Z"))).get()
                .extracting(CompiledPolicy::version).isEqualTo("2025");
    }

    @Test
    void namesTheVersionAndTheSha256OfItsFileInTheDecision() throws Exception {
        String expectedHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(NEW_TEXT.getBytes(StandardCharsets.UTF_8)));

        Decision decision = CATALOG.decide("gadgets", placedAt("2025-01-01T00:00:00Z").build(), NOW);
        JsonNode json = DecisionJson.toTree(decision).get("policy_version");

        assertThat(decision.policyVersion().sha256()).isEqualTo(expectedHash).hasSize(64);
        assertThat(json.get("policy").asString()).isEqualTo("gadgets");
        assertThat(json.get("version").asString()).isEqualTo("2025");
        assertThat(json.get("effective_from").asString()).isEqualTo("2025-01-01");
        assertThat(json.get("sha256").asString()).isEqualTo(expectedHash);
    }

    @Test
    void refusesAnUnknownPolicyIdNamingTheKnownOnes() {
        assertThatThrownBy(() -> CATALOG.decide("widgets", placedAt("2025-01-01T00:00:00Z").build(), NOW))
                .isInstanceOf(UnknownPolicyException.class).hasMessageContaining("widgets").hasMessageContaining("gadgets");
    }

    @Test
    void loadsEveryPolicyFileBelowAFolder(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve("gadgets"));
        Files.writeString(folder.resolve("gadgets/2023-01-01.yaml"), OLD_TEXT);
        Files.writeString(folder.resolve("gadgets/2025-01-01.yaml"), NEW_TEXT);
        Files.writeString(folder.resolve("notes.txt"), "not a policy");

        PolicyCatalog catalog = PolicyCatalog.load(folder);

        assertThat(catalog.versions("gadgets")).extracting(CompiledPolicy::fileName)
                .containsExactly(Path.of("gadgets", "2023-01-01.yaml").toString(), Path.of("gadgets", "2025-01-01.yaml").toString());
    }

    @Test
    void reportsTheErrorsOfEveryFileInAFolder(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("a.yaml"), OLD_TEXT.replace("within: 7 days,", "within: 7 dayz,"));
        Files.writeString(folder.resolve("b.yaml"), NEW_TEXT.replace("from: delivered", "from: delivred"));

        assertThatThrownBy(() -> PolicyCatalog.load(folder)).isInstanceOfSatisfying(PolicyLoadException.class, e ->
                assertThat(e.diagnostics()).extracting(Diagnostic::file).containsExactlyInAnyOrder("a.yaml", "b.yaml"));
    }

    @Test
    void refusesTwoVersionsInForceFromTheSameDate(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("a.yaml"), OLD_TEXT);
        Files.writeString(folder.resolve("b.yaml"), OLD_TEXT.replace("version: \"2023\"", "version: \"2023b\""));

        assertThatThrownBy(() -> PolicyCatalog.load(folder)).isInstanceOf(PolicyLoadException.class)
                .hasMessageContaining("already has a version in force from 2023-01-01");
    }
}

package org.openrma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input openrma cannot use ends with exit code 2 and a message on standard error that names the
 * field and the problem, never a stack trace. The claim is checked before any policy is loaded,
 * so these tests do not depend on the engine's policies.
 */
class BadInputTests {

    static final String CLAIM = """
            {
              "order": {
                "number": "EX-1001",
                "channel": "official_store",
                "placed_at": "2025-03-03T10:00:00Z",
                "delivered_at": "2025-03-10T12:00:00Z",
                "currency": "USD",
                "lines": [ { "sku": "S1", "category": "servo", "unit_price": "57.99", "quantity": 1 } ]
              },
              "request": {
                "kind": "return",
                "submitted_at": "2025-03-17T10:30:00Z",
                "reason": "ordered_wrong_item",
                "lines": [ { "sku": "S1", "quantity": 1, "condition": "opened_unused" } ]
              }
            }
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void emptyPolicyFolder() throws IOException {
        Files.createDirectories(dir.resolve("empty-policies"));
    }

    private Cli.Run decide(String claim) throws IOException {
        Files.writeString(dir.resolve("claim.json"), claim);
        return Cli.run(dir, "decide", "example-shop", "claim.json", "--policies", "empty-policies");
    }

    private static void assertBadInput(Cli.Run run, String... fragments) {
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(2);
        assertThat(run.err()).contains(fragments);
        assertThat(run.err()).doesNotContain("\tat ", "Exception");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void rejectsAWordTheDecidingPolicyDoesNotDeclare() throws IOException {
        Files.createDirectories(dir.resolve("shop"));
        Files.writeString(dir.resolve("shop/example-shop.yaml"), """
                policy: example-shop
                version: "1"
                effective_from: 2020-01-01
                vocabulary: { reasons: [too_small, too_large] }
                clauses: { C1: "Returns within 30 days." }
                programs:
                  - { id: return, serves: { kind: return }, window: { from: delivered, within: 30 days, cites: C1 } }
                """);
        Files.writeString(dir.resolve("claim.json"), CLAIM.replace("ordered_wrong_item", "too_tight"));

        Cli.Run run = Cli.run(dir, "decide", "example-shop", "claim.json", "--policies", "shop");

        assertBadInput(run, "request.reason", "unknown value 'too_tight'", "too_small, too_large");
        Files.writeString(dir.resolve("claim.json"), CLAIM.replace("ordered_wrong_item", "too_small"));
        assertThat(Cli.run(dir, "decide", "example-shop", "claim.json", "--policies", "shop").exitCode()).isZero();
    }

    @Test
    void rejectsMalformedJson() throws IOException {
        assertBadInput(decide("{ \"order\": { \"number\": "), "invalid claim in claim.json", "(document): not valid JSON or YAML");
    }

    @Test
    void rejectsMalformedYaml() throws IOException {
        Files.writeString(dir.resolve("claim.yaml"), "order: [ unclosed\nrequest: {\n");
        assertBadInput(Cli.run(dir, "decide", "example-shop", "claim.yaml"), "(document): not valid JSON or YAML");
    }

    @Test
    void rejectsAnUnknownPolicy() throws IOException {
        assertBadInput(decide(CLAIM), "unknown policy 'example-shop'");
    }

    @Test
    void rejectsAnUnknownEnumValueNamingTheField() throws IOException {
        assertBadInput(decide(CLAIM.replace("\"official_store\"", "\"flea_market\"")),
                "order.channel: unknown value 'flea_market'; expected one of official_store");
    }

    @Test
    void rejectsANegativePriceNamingTheField() throws IOException {
        assertBadInput(decide(CLAIM.replace("\"57.99\"", "\"-57.99\"")), "order.lines[0].unit_price: must not be negative");
    }

    @Test
    void rejectsDeliveryBeforeTheOrderWasPlaced() throws IOException {
        assertBadInput(decide(CLAIM.replace("2025-03-10T12:00:00Z", "2025-03-01T12:00:00Z")),
                "order.delivered_at: is before order.placed_at");
    }

    @Test
    void rejectsAnUnknownCurrency() throws IOException {
        assertBadInput(decide(CLAIM.replace("\"USD\"", "\"XYZ\"")), "order.currency: unknown currency 'XYZ'");
    }

    @Test
    void rejectsAClaimedLineThatIsNotInTheOrder() throws IOException {
        assertBadInput(decide(CLAIM.replace("{ \"sku\": \"S1\", \"quantity\": 1, \"condition\"", "{ \"sku\": \"S9\", \"quantity\": 1, \"condition\"")),
                "request.lines[0].sku: 'S9' is not a line of order EX-1001");
    }

    @Test
    void listsEveryProblemOfAClaimNotOnlyTheFirst() throws IOException {
        Cli.Run run = decide(CLAIM.replace("\"USD\"", "\"XYZ\"").replace("\"official_store\"", "\"flea_market\""));
        assertBadInput(run, "order.currency", "order.channel");
    }

    @Test
    void readsAnInvalidClaimFromStandardInputToo() {
        Cli.Run run = Cli.runWithInput(dir, CLAIM.replace("\"57.99\"", "\"-1\""), "decide", "example-shop", "-", "--policies", "empty-policies");
        assertBadInput(run, "invalid claim in standard input", "order.lines[0].unit_price");
    }

    @Test
    void rejectsAMissingClaimFile() {
        assertBadInput(Cli.run(dir, "decide", "example-shop", "nowhere.json"), "claim file 'nowhere.json' not found");
    }

    @Test
    void rejectsAMissingPolicyFile() throws IOException {
        Files.writeString(dir.resolve("claim.json"), CLAIM);
        assertBadInput(Cli.run(dir, "decide", "missing.yaml", "claim.json"), "policy file 'missing.yaml' not found");
    }

    @Test
    void rejectsAPolicyFileThatDoesNotCompileWithItsLocations() throws IOException {
        Files.writeString(dir.resolve("claim.json"), CLAIM);
        Files.writeString(dir.resolve("broken.yaml"), "policy: [ unclosed\n");
        assertBadInput(Cli.run(dir, "decide", "broken.yaml", "claim.json"), "the policies cannot be loaded", "broken.yaml:", ": error: ");
    }

    @Test
    void rejectsAMissingPolicyFolder() throws IOException {
        Files.writeString(dir.resolve("claim.json"), CLAIM);
        assertBadInput(Cli.run(dir, "decide", "example-shop", "claim.json", "--policies", "nowhere"), "--policies: 'nowhere' is not a folder");
    }

    @Test
    void rejectsATimestampThatCannotBeRead() throws IOException {
        Files.writeString(dir.resolve("claim.json"), CLAIM);
        assertBadInput(Cli.run(dir, "decide", "example-shop", "claim.json", "--now", "yesterday"), "--now", "'yesterday' is not a timestamp");
    }

    @Test
    void exitsTwoOnAnUnknownOption() {
        assertBadInput(Cli.run(dir, "decide", "example-shop", "claim.json", "--frobnicate"), "Unknown option: '--frobnicate'");
    }

    @Test
    void exitsTwoOnAMissingArgument() {
        assertBadInput(Cli.run(dir, "decide", "example-shop"), "Missing required parameter: 'CLAIM'");
    }

    @Test
    void exitsTwoOnAnUnknownCommand() {
        assertThat(Cli.run(dir, "decidee").exitCode()).isEqualTo(2);
    }

    @Test
    void rejectsAMissingScenarioFolder() {
        assertBadInput(Cli.run(dir, "conformance", "nowhere"), "scenario folder 'nowhere' not found");
    }

    @Test
    void rejectsAScenarioFolderWithoutScenarios() {
        assertBadInput(Cli.run(dir, "conformance", "empty-policies"), "holds no *.yaml scenario");
    }

    @Test
    void rejectsAMissingFileToLint() {
        assertBadInput(Cli.run(dir, "lint", "nowhere.yaml"), "'nowhere.yaml' not found");
    }
}

package org.openrma.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrma.cli.Cli;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays a generated KOSPET history from the 2023 text to the 2025 text and checks the report
 * against counts made directly over the same file, from the policy texts, without the report code.
 */
class ReplayCommandTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CLAIMS = 5000;

    @TempDir
    static Path shared;

    static Path history;
    static String kospet2023;
    static String kospet2025;
    static JsonNode report;
    static Cli.Run replay;

    @TempDir
    Path dir;

    @BeforeAll
    static void replayAGeneratedKospetHistory() throws IOException {
        Path policies = policiesFolder();
        kospet2023 = policies.resolve("kospet/2023-01-01.yaml").toString();
        kospet2025 = policies.resolve("kospet/2025-01-01.yaml").toString();
        Cli.Run generated = Cli.run(shared, "generate", "--policy", "kospet", "--claims", String.valueOf(CLAIMS), "--seed", "2026",
                "--out", "kospet.jsonl");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        history = shared.resolve("kospet.jsonl");
        replay = Cli.run(shared, "replay", "--baseline", kospet2023, "--candidate", kospet2025, "--claims", "kospet.jsonl", "--out", "report");
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        report = JSON.readTree(shared.resolve("report/replay.json").toFile());
    }

    @Test
    void everyClaimIsDecidedByEachFileWhateverTheOrderDate() {
        assertThat(report.at("/counts/records").asLong()).isEqualTo(CLAIMS);
        assertThat(report.at("/counts/decided").asLong()).isEqualTo(CLAIMS);
        assertThat(report.at("/counts/malformed").asLong()).isZero();
        assertThat(report.at("/baseline/claims_by_version").toString()).isEqualTo("{\"kospet 2023\":" + CLAIMS + "}");
        assertThat(report.at("/candidate/claims_by_version").toString()).isEqualTo("{\"kospet 2025\":" + CLAIMS + "}");
        long matrixTotal = 0;
        for (JsonNode cell : report.get("transitions")) {
            matrixTotal += cell.get("count").asLong();
        }
        assertThat(matrixTotal).isEqualTo(CLAIMS);
        assertThat(replay.out()).contains("5,000 claims replayed", "claims/s", "wrote report/replay.json, report/replay.html");
    }

    @Test
    void unopenedOfficialStoreReturnsOnDays16To30GoFromRejectedToApprovedAndNoOthersOfThatSliceChange() throws IOException {
        // 2023: "within 15 days of receiving it ... unused and unopened"; 2025: "30-Days Return Unconditional", official store only.
        long expected = 0;
        long inSlice = 0;
        for (JsonNode claim : claims()) {
            JsonNode request = claim.get("request");
            if (!request.get("kind").asString().equals("return") || !request.get("reason").asString().equals("changed_mind")) {
                continue;
            }
            long day = daysAfterDelivery(claim);
            if (day < 16 || day > 30) {
                continue;
            }
            inSlice++;
            boolean unopened = true;
            for (JsonNode line : request.get("lines")) {
                unopened &= line.path("condition").asString("").equals("unopened");
            }
            if (unopened && claim.at("/order/channel").asString().equals("official_store")) {
                expected++;
            }
        }

        JsonNode segment = segment("return", "changed_mind", "16-30");
        assertThat(expected).isGreaterThan(50);
        assertThat(segment.get("claims").asLong()).isEqualTo(inSlice);
        assertThat(segment.get("transitions").toString()).isEqualTo("{\"rejected -> approved\":" + expected + "}");
    }

    @Test
    void qualityRepairsInTheSecondYearAreNowCoveredWhenBoughtFromTheStoreOrADealer() throws IOException {
        // 2023: "one-year repair warranty"; 2025: "within 2 years of receiving it", official store and authorized dealers,
        // physical damage, misuse, flashed firmware and the like excluded, a photo or video of the defect required;
        // and, new in 2025, WORRY FREE+ replaces a water- or drop-damaged unit whatever the channel.
        Set<String> excluded = Set.of("physical_damage", "water_damage", "misuse", "disassembled", "firmware_modified", "parts_modified",
                "normal_wear", "improper_storage", "continued_use_after_fault", "warranty_voided", "no_anti_counterfeit_mark",
                "not_original_purchaser");
        long approved = 0;
        long needsEvidence = 0;
        for (JsonNode claim : claims()) {
            JsonNode request = claim.get("request");
            long day = daysAfterDelivery(claim);
            if (!request.get("kind").asString().equals("warranty") || !request.get("reason").asString().equals("defective")
                    || day < 366 || day > 730) {
                continue;
            }
            boolean storeOrDealer = Set.of("official_store", "authorized_dealer").contains(claim.at("/order/channel").asString());
            boolean clean = true;
            boolean accident = false;
            for (JsonNode fact : request.get("facts")) {
                clean &= !excluded.contains(fact.asString());
                accident |= fact.asString().equals("water_damage") || fact.asString().equals("physical_damage");
            }
            if (accident && request.path("protection_plan").asString("").equals("worry_free_plus")) {
                approved++;
                continue;
            }
            String finding = request.at("/inspection/finding").asString("");
            boolean faultStands = !finding.equals("misuse") && !finding.equals("no_fault_found");
            if (!storeOrDealer || !clean || !faultStands) {
                continue;
            }
            boolean media = false;
            for (JsonNode e : request.get("evidence")) {
                media |= e.asString().equals("photo") || e.asString().equals("video");
            }
            if (media) {
                approved++;
            } else {
                needsEvidence++;
            }
        }

        JsonNode transitions = segment("warranty", "defective", "366-730").get("transitions");
        assertThat(approved).isGreaterThan(50);
        assertThat(transitions.path("rejected -> approved").asLong()).isEqualTo(approved);
        assertThat(transitions.path("rejected -> needs_evidence").asLong()).isEqualTo(needsEvidence);
        assertThat(transitions.size()).as(transitions.toString()).isEqualTo(needsEvidence > 0 ? 2 : 1);
    }

    @Test
    void refundTotalsAreExactSumsOfTheDecisionsInEveryBreakdown() {
        JsonNode total = report.at("/money/total/0");
        for (String breakdown : List.of("by_program", "by_reason", "by_month")) {
            long claims = 0;
            java.math.BigDecimal baseline = java.math.BigDecimal.ZERO;
            java.math.BigDecimal difference = java.math.BigDecimal.ZERO;
            for (JsonNode slice : report.at("/money/" + breakdown)) {
                claims += slice.get("claims").asLong();
                baseline = baseline.add(new java.math.BigDecimal(slice.at("/baseline/refund").asString()));
                difference = difference.add(new java.math.BigDecimal(slice.at("/difference/refund").asString()));
            }
            assertThat(claims).as(breakdown).isEqualTo(CLAIMS);
            assertThat(baseline).as(breakdown).isEqualByComparingTo(total.at("/baseline/refund").asString());
            assertThat(difference).as(breakdown).isEqualByComparingTo(total.at("/difference/refund").asString());
        }
        assertThat(new java.math.BigDecimal(total.at("/candidate/refund").asString())
                .subtract(new java.math.BigDecimal(total.at("/baseline/refund").asString())))
                .isEqualByComparingTo(total.at("/difference/refund").asString());
        assertThat(total.at("/baseline/refund").asString()).matches("\\d+\\.\\d{2}");
    }

    @Test
    void theTopChangesAreOrderedByRefundDifferenceAndCarryBothDecisions() {
        JsonNode top = report.get("top_changes");
        assertThat(top).hasSize(20);
        java.math.BigDecimal previous = null;
        for (JsonNode change : top) {
            java.math.BigDecimal size = new java.math.BigDecimal(change.get("refund_difference").asString()).abs();
            if (previous != null) {
                assertThat(size).isLessThanOrEqualTo(previous);
            }
            previous = size;
            // the bulk is decided without explanations; the top changes again in full: both must agree on the money
            assertThat(paidRefund(change.get("candidate")).subtract(paidRefund(change.get("baseline"))))
                    .isEqualByComparingTo(change.get("refund_difference").asString());
            assertThat(change.at("/baseline/summary").asString()).isNotBlank();
            assertThat(change.at("/candidate/explanation")).isNotEmpty();
            assertThat(change.at("/baseline/policy_version/version").asString()).isEqualTo("2023");
            assertThat(change.at("/candidate/policy_version/version").asString()).isEqualTo("2025");
        }
    }

    @Test
    void theHtmlReportIsOnePageWithTheMatrixAndTheCharts() throws IOException {
        String html = Files.readString(shared.resolve("report/replay.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<table class=\"matrix\">", "<svg class=\"chart months\"",
                "<polyline", "<rect class=\"bar\"", "<svg class=\"outcomes\"", "rejected &rarr; approved", "<details class=\"change\">");
        assertThat(html).doesNotContain("<script", "<link", " src=", "url(", "@import");
    }

    @Test
    void aPolicyIdUsesTheVersionInForceAtEachOrdersDate() {
        Cli.Run run = Cli.run(shared, "replay", "--baseline", "kospet", "--candidate", "kospet", "--claims", "kospet.jsonl",
                "--out", "by-date", "--format", "json", "--policies", policiesFolder().toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode byDate = JSON.readTree(shared.resolve("by-date/replay.json").toFile());
        long placedIn2025 = claims().stream().filter(c -> c.at("/order/placed_at").asString().startsWith("2025")).count();
        assertThat(byDate.at("/baseline/claims_by_version/kospet 2025").asLong()).isEqualTo(placedIn2025);
        assertThat(byDate.at("/baseline/claims_by_version/kospet 2023").asLong()).isEqualTo(CLAIMS - placedIn2025);
        assertThat(byDate.at("/counts/changed").asLong()).isZero();
        assertThat(Files.exists(shared.resolve("by-date/replay.html"))).isFalse();
    }

    @Test
    void malformedLinesAreSkippedCountedAndListedWithTheirLineNumbers() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(history).subList(0, 6));
        lines.set(1, "{\"order\": {\"number\": ");
        lines.add(3, "");
        lines.set(4, lines.get(4).replace("\"kind\":\"", "\"kind\":\"x"));
        Files.write(dir.resolve("claims.jsonl"), lines);

        Cli.Run run = Cli.run(dir, "replay", "--baseline", kospet2023, "--candidate", kospet2025, "--claims", "claims.jsonl");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode skipped = JSON.readTree(dir.resolve("replay.json").toFile());
        assertThat(skipped.at("/counts/decided").asLong()).isEqualTo(4);
        assertThat(skipped.at("/counts/malformed").asLong()).isEqualTo(2);
        assertThat(skipped.at("/problems/first/0/line").asLong()).isEqualTo(2);
        assertThat(skipped.at("/problems/first/0/problem").asString()).contains("not valid JSON");
        assertThat(skipped.at("/problems/first/1/line").asLong()).isEqualTo(5);
        assertThat(skipped.at("/problems/first/1/problem").asString()).contains("request.kind: unknown value");
        assertThat(run.out()).contains("2 records skipped (2 malformed, 0 the engine failed on); first at line 2");
        assertThat(Files.readString(dir.resolve("replay.html"))).contains("Records not replayed", "<td>5</td>");
    }

    @Test
    void withOnErrorFailTheFirstMalformedLineExitsTwo() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(history).subList(0, 1000));
        lines.set(700, "not a claim");
        lines.set(900, "{}");
        Files.write(dir.resolve("claims.jsonl"), lines);

        Cli.Run run = Cli.run(dir, "replay", "--baseline", kospet2023, "--candidate", kospet2025, "--claims", "claims.jsonl",
                "--on-error", "fail", "--threads", "3");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--claims claims.jsonl: line 701: invalid claim").doesNotContain("Exception");
        assertThat(Files.exists(dir.resolve("replay.json"))).isFalse();
    }

    @Test
    void aGzippedFileIsReadByItsMagicBytesWhateverItsName() throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("history.data")))) {
            Files.copy(history, out);
        }
        Cli.Run run = Cli.run(dir, "replay", "--baseline", kospet2023, "--candidate", kospet2025, "--claims", "history.data",
                "--format", "json", "--threads", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode gz = JSON.readTree(dir.resolve("replay.json").toFile());
        assertThat(gz.at("/input/gzip").asBoolean()).isTrue();
        assertSameNumbers(gz, report);
    }

    @Test
    void aTruncatedGzipFileIsBadInputNamingTheFile() throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("whole.jsonl.gz")))) {
            Files.copy(history, out);
        }
        byte[] whole = Files.readAllBytes(dir.resolve("whole.jsonl.gz"));
        Files.write(dir.resolve("cut.jsonl.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));

        Cli.Run run = Cli.run(dir, "replay", "--baseline", kospet2023, "--candidate", kospet2025, "--claims", "cut.jsonl.gz");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--claims cut.jsonl.gz: cannot read it after").doesNotContain("Exception");
    }

    @Test
    void aCsvWithAClaimColumnGivesTheSameReport() throws IOException {
        Cli.Run generated = Cli.run(dir, "generate", "--policy", "kospet", "--claims", String.valueOf(CLAIMS), "--seed", "2026",
                "--out", "kospet.csv.gz");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        Cli.Run run = Cli.run(dir, "replay", "--baseline", kospet2023, "--candidate", kospet2025, "--claims", "kospet.csv.gz",
                "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode csv = JSON.readTree(dir.resolve("replay.json").toFile());
        assertThat(csv.at("/input/format").asString()).isEqualTo("csv");
        assertSameNumbers(csv, report);
    }

    @Test
    void aCsvWithOneColumnPerFieldIsReadLikeTheSameClaimInJson() throws IOException {
        String header = "order.number,order.channel,order.placed_at,order.delivered_at,order.currency,order.lines[0].sku,"
                + "order.lines[0].category,order.lines[0].unit_price,order.lines[0].quantity,request.kind,request.submitted_at,"
                + "request.reason,request.lines[0].sku,request.lines[0].condition,request.evidence,request.costs.customs\n";
        Files.writeString(dir.resolve("flat.csv"), header
                + "K-1,official_store,2024-03-01T10:00:00Z,2024-03-05T12:00:00Z,USD,W1,smartwatch,129.99,1,return,"
                + "2024-03-25T09:00:00Z,changed_mind,W1,unopened,photo|video,5.00\n"
                + "\"K-2, with a comma\",official_store,2024-03-01T10:00:00Z,2024-03-05T12:00:00Z,USD,W1,smartwatch,129.99,1,"
                + "warranty,2025-04-20T09:00:00Z,defective,W1,used,photo,\n"
                + "K-3,official_store,not a date,,USD,W1,smartwatch,129.99,1,return,2024-03-25T09:00:00Z,changed_mind,W1,unopened,,\n"
                + "K-4,too,few\n");

        Cli.Run run = Cli.run(dir, "replay", "--baseline", kospet2023, "--candidate", kospet2025, "--claims", "flat.csv", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode flat = JSON.readTree(dir.resolve("replay.json").toFile());
        assertThat(flat.at("/counts/decided").asLong()).isEqualTo(2);
        assertThat(flat.at("/problems/first/0/line").asLong()).isEqualTo(4);
        assertThat(flat.at("/problems/first/0/problem").asString()).contains("order.placed_at");
        assertThat(flat.at("/problems/first/1/line").asLong()).isEqualTo(5);
        assertThat(flat.at("/problems/first/1/problem").asString()).contains("expected 16 CSV fields, found 3");
        assertThat(segment(flat, "return", "changed_mind", "16-30").get("transitions").toString()).isEqualTo("{\"rejected -> approved\":1}");
        assertThat(segment(flat, "warranty", "defective", "366-730").get("transitions").toString()).isEqualTo("{\"rejected -> approved\":1}");
        assertThat(flat.at("/top_changes/0/order").asString()).isEqualTo("K-1");
        assertThat(flat.at("/top_changes/0/refund_difference").asString()).isEqualTo("+129.99");
    }

    @Test
    void aMissingClaimsFileOrUnknownPolicyIsBadInput() {
        Cli.Run missing = Cli.run(dir, "replay", "--baseline", kospet2023, "--candidate", kospet2025, "--claims", "nothing.jsonl");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--claims: 'nothing.jsonl' not found");

        Cli.Run unknown = Cli.run(dir, "replay", "--baseline", "nobody", "--candidate", kospet2025, "--claims", history.toString(),
                "--policies", policiesFolder().toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("nobody").doesNotContain("Exception");
    }

    private static java.math.BigDecimal paidRefund(JsonNode decision) {
        return decision.get("outcome").asString().equals("approved") ? new java.math.BigDecimal(decision.get("refund").asString())
                : java.math.BigDecimal.ZERO;
    }

    private static void assertSameNumbers(JsonNode actual, JsonNode expected) {
        for (String part : List.of("/counts", "/transitions", "/money", "/segments", "/outcomes")) {
            assertThat(actual.at(part)).as(part).isEqualTo(expected.at(part));
        }
        List<String> actualTop = new ArrayList<>();
        List<String> expectedTop = new ArrayList<>();
        actual.get("top_changes").forEach(c -> actualTop.add(c.get("order").asString() + c.get("refund_difference").asString()));
        expected.get("top_changes").forEach(c -> expectedTop.add(c.get("order").asString() + c.get("refund_difference").asString()));
        assertThat(actualTop).isEqualTo(expectedTop);
    }

    private static JsonNode segment(String kind, String reason, String age) {
        return segment(report, kind, reason, age);
    }

    private static JsonNode segment(JsonNode report, String kind, String reason, String age) {
        for (JsonNode s : report.get("segments")) {
            if (s.get("kind").asString().equals(kind) && s.get("reason").asString().equals(reason)
                    && s.get("days_since_delivery").asString().equals(age)) {
                return s;
            }
        }
        Map<String, Long> known = new TreeMap<>();
        report.get("segments").forEach(s -> known.put(s.get("kind").asString() + "/" + s.get("reason").asString() + "/"
                + s.get("days_since_delivery").asString(), s.get("claims").asLong()));
        throw new AssertionError("no segment " + kind + "/" + reason + "/" + age + " in " + known);
    }

    private static List<JsonNode> claims() {
        try (var lines = Files.lines(history)) {
            return lines.map(JSON::readTree).collect(Collectors.toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Whole days from the delivery date to the request date, in UTC as the KOSPET policies count. */
    private static long daysAfterDelivery(JsonNode claim) {
        if (!claim.get("order").has("delivered_at")) {
            return -1;
        }
        LocalDate delivered = Instant.parse(claim.at("/order/delivered_at").asString()).atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate submitted = Instant.parse(claim.at("/request/submitted_at").asString()).atOffset(ZoneOffset.UTC).toLocalDate();
        return ChronoUnit.DAYS.between(delivered, submitted);
    }

    private static Path policiesFolder() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("policies/kospet/2025-01-01.yaml"))) {
                return d.resolve("policies");
            }
        }
        throw new AssertionError("no policies/kospet folder above " + Path.of("").toAbsolutePath());
    }
}

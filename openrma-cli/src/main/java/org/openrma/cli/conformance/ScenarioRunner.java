package org.openrma.cli.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openrma.claim.Claim;
import org.openrma.claim.ClaimReader;
import org.openrma.claim.InvalidClaimException;
import org.openrma.decision.Decision;
import org.openrma.policy.PolicyCatalog;
import org.openrma.policy.UnknownPolicyException;
import org.openrma.policy.statute.StatuteLibrary;
import org.openrma.policy.statute.StatutoryDecider;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Runs conformance scenarios: reads a scenario's {@code policy}, {@code claim} and
 * {@code expect}, decides the claim as of its {@code request.submitted_at} and compares the
 * decision with the expectations. The command line and the test suite both run scenarios here.
 */
public final class ScenarioRunner {

    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    private final PolicyCatalog catalog;
    private final StatutoryDecider statutory;

    public ScenarioRunner(PolicyCatalog catalog) {
        this(catalog, null);
    }

    /**
     * With statutory packs: a claim whose buyer's country is among the merchant's markets (the
     * policy's {@code markets:}, or the scenario's own {@code markets: [IT]}) is decided under the
     * policy and that country's consumer law composed.
     */
    public ScenarioRunner(PolicyCatalog catalog, StatuteLibrary statutes) {
        this.catalog = catalog;
        this.statutory = statutes == null ? null : new StatutoryDecider(catalog, statutes);
    }

    /** Every {@code *.yaml} file directly in the folder, in file name order. */
    public Report runAll(Path directory) {
        return new Report(scenarioFiles(directory).stream().map(this::run).toList());
    }

    public static List<Path> scenarioFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is not a folder");
        }
        // sub-folders too: one folder of scenarios per example policy runs as one suite
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one scenario file. Never throws for a bad scenario or an engine failure: both are failed results. */
    public ScenarioResult run(Path file) {
        String fallbackId = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        JsonNode scenario;
        try {
            scenario = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException e) {
            return ScenarioResult.broken(file, fallbackId, "", "cannot read the scenario file: " + e.getMessage());
        } catch (JacksonException e) {
            return ScenarioResult.broken(file, fallbackId, "", "the scenario file is not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() : ""));
        }
        if (scenario == null || !scenario.isObject()) {
            return ScenarioResult.broken(file, fallbackId, "", "the scenario file is not a mapping with policy, claim and expect");
        }
        String id = text(scenario, "id", fallbackId);
        String title = text(scenario, "title", "");
        String policy = text(scenario, "policy", null);
        if (policy == null || !scenario.hasNonNull("claim") || !scenario.hasNonNull("expect")) {
            return ScenarioResult.broken(file, id, title, "the scenario needs 'policy', 'claim' and 'expect'");
        }
        Claim claim;
        try {
            claim = ClaimReader.fromTree(scenario.get("claim"));
        } catch (InvalidClaimException e) {
            return ScenarioResult.broken(file, id, title, "invalid claim:\n" + e.problems().stream()
                    .map(p -> "  claim." + p.field() + ": " + p.message()).collect(Collectors.joining("\n")));
        }
        Instant now = claim.request().submittedAt();
        Decision decision;
        try {
            java.util.Optional<List<String>> markets = markets(scenario.get("markets"));
            decision = statutory != null ? statutory.decide(policy, claim, now, markets)
                    : catalog.decide(policy, claim, now);
        } catch (UnknownPolicyException e) {
            return ScenarioResult.broken(file, id, title, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return ScenarioResult.broken(file, id, title, "the engine failed: " + e + where(e));
        }
        return ScenarioResult.decided(file, id, title, Expectations.compare(scenario.get("expect"), decision));
    }

    /** A scenario's {@code markets}: the countries the merchant is taken to sell to, overriding the policy's. */
    private static java.util.Optional<List<String>> markets(JsonNode node) {
        if (node == null || node.isNull()) {
            return java.util.Optional.empty();
        }
        List<String> out = new java.util.ArrayList<>();
        if (node.isArray()) {
            node.values().forEach(v -> out.add(v.asString().trim().toUpperCase(java.util.Locale.ROOT)));
        } else {
            for (String s : node.asString().split(",")) {
                out.add(s.trim().toUpperCase(java.util.Locale.ROOT));
            }
        }
        return java.util.Optional.of(out);
    }

    private static String text(JsonNode scenario, String field, String fallback) {
        JsonNode n = scenario.get(field);
        return n == null || n.isNull() || n.isContainer() || n.asString().isBlank() ? fallback : n.asString().trim();
    }

    private static String where(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length == 0 ? "" : "\n  at " + trace[0];
    }
}

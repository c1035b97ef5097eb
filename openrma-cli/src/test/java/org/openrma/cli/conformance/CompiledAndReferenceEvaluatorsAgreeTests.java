package org.openrma.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openrma.claim.Claim;
import org.openrma.claim.ClaimReader;
import org.openrma.cli.SeedConformance;
import org.openrma.decision.Decision;
import org.openrma.decision.DecisionJson;
import org.openrma.decision.Detail;
import org.openrma.policy.CompiledPolicy;
import org.openrma.policy.PolicyCatalog;
import org.openrma.policy.statute.Composer;
import org.openrma.policy.statute.StatuteLibrary;
import org.openrma.policy.statute.StatutoryTerms;
import org.openrma.whatif.generate.ClaimGenerator;
import org.openrma.whatif.generate.GeneratorCatalogue;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@link CompiledPolicy#decide} (outcome first, words rendered when read) must give exactly the reference evaluator's
 * decisions, explanations included, on every conformance scenario and on a large random claim mix.
 */
class CompiledAndReferenceEvaluatorsAgreeTests {

    private static final Path ROOT = SeedConformance.repositoryRoot();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    /** Claims per generator catalogue: 5 catalogues x 4,000, each decided under every seed policy. */
    private static final int CLAIMS_PER_CATALOGUE = 4_000;

    private final PolicyCatalog seed = PolicyCatalog.load(ROOT.resolve("policies"));

    @Test
    void everySeedScenarioIsDecidedIdentically() {
        Path folder = ROOT.resolve("conformance").resolve("seed");
        assertThat(agreeOnScenarios(folder, seed, null)).isEqualTo(ScenarioRunner.scenarioFiles(folder).size()).isGreaterThanOrEqualTo(25);
    }

    @Test
    void everyExampleScenarioIsDecidedIdentically() {
        Path folder = ROOT.resolve("conformance").resolve("examples");
        assertThat(agreeOnScenarios(folder, PolicyCatalog.load(ROOT.resolve("examples")), null)).isEqualTo(ScenarioRunner.scenarioFiles(folder).size())
                .isGreaterThanOrEqualTo(30);
    }

    @Test
    void everyStatutoryScenarioIsDecidedIdenticallyWithConsumerLawComposed() {
        StatuteLibrary statutes = StatuteLibrary.load(ROOT.resolve("statutes"));
        Path folder = ROOT.resolve("conformance").resolve("statutory");
        assertThat(agreeOnScenarios(folder, seed, statutes)).isEqualTo(ScenarioRunner.scenarioFiles(folder).size()).isGreaterThanOrEqualTo(28);
    }

    @Test
    void twentyThousandGeneratedClaimsAreDecidedIdenticallyUnderEverySeedPolicy() {
        int decided = 0;
        for (String catalogue : GeneratorCatalogue.builtInPolicies()) {
            ClaimGenerator generator = new ClaimGenerator(GeneratorCatalogue.builtIn(catalogue), 14, LocalDate.parse("2023-01-01"),
                    LocalDate.parse("2025-12-31"));
            if (catalogue.equals("kospet")) {
                generator.withConsumersIn(List.of("DE", "FR", "GB"));
            }
            for (int i = 0; i < CLAIMS_PER_CATALOGUE; i++) {
                Claim claim = ClaimReader.fromTree(generator.next());
                for (String policy : seed.policyIds()) {
                    Optional<CompiledPolicy> version = seed.versionInForce(policy, claim.order().placedAt());
                    if (version.isPresent()) {
                        agree(version.get(), claim, catalogue + " claim " + i + " under " + policy);
                        decided++;
                    }
                }
            }
        }
        assertThat(decided).isGreaterThan(20_000 * 3);
    }

    /** Decides every scenario of a folder both ways; returns how many were compared. */
    private static int agreeOnScenarios(Path folder, PolicyCatalog catalog, StatuteLibrary statutes) {
        int compared = 0;
        for (Path file : ScenarioRunner.scenarioFiles(folder)) {
            JsonNode scenario = YAML.readTree(file.toFile());
            Claim claim = ClaimReader.fromTree(scenario.get("claim"));
            String policy = scenario.get("policy").asString();
            Optional<CompiledPolicy> version = catalog.versionInForce(policy, claim.order().placedAt());
            assertThat(version).as(file.toString()).isPresent();
            agree(version.get(), claim, file.toString());
            if (statutes != null) {
                agreeComposed(version.get(), claim, statutes, scenario.get("markets"), file.toString());
            }
            compared++;
        }
        return compared;
    }

    private static void agree(CompiledPolicy policy, Claim claim, String what) {
        Instant now = claim.request().submittedAt();
        for (Detail detail : Detail.values()) {
            Outcome<Decision> compiled = attempt(() -> policy.decide(claim, now, detail));
            Outcome<Decision> reference = attempt(() -> policy.decideByReference(claim, now, detail));
            assertThat(compiled.failure()).as(what + " " + detail).isEqualTo(reference.failure());
            if (reference.value() != null) {
                assertThat(compiled.value()).as(what + " " + detail).isEqualTo(reference.value());
                assertThat(DecisionJson.write(compiled.value())).as(what + " " + detail).isEqualTo(DecisionJson.write(reference.value()));
            }
        }
    }

    /** The statutory layer composes the merchant's decision with the packs': the same from either evaluator. */
    private static void agreeComposed(CompiledPolicy policy, Claim claim, StatuteLibrary statutes, JsonNode marketsNode, String what) {
        Instant now = claim.request().submittedAt();
        StatutoryTerms terms = StatutoryTerms.of(policy);
        List<String> markets = marketsNode == null || marketsNode.isNull() ? terms.markets()
                : marketsNode.isArray() ? marketsNode.values().stream().map(JsonNode::asString).toList()
                : List.of(marketsNode.asString().split(",\\s*"));
        var packs = statutes.applicable(claim, markets);
        Outcome<Decision> compiled = attempt(() -> Composer.compose(policy.decide(claim, now), claim, packs, statutes, terms, now));
        Outcome<Decision> reference = attempt(() -> Composer.compose(policy.decideByReference(claim, now, Detail.FULL), claim, packs, statutes,
                terms, now));
        assertThat(compiled.failure()).as(what).isEqualTo(reference.failure());
        if (reference.value() != null) {
            assertThat(DecisionJson.write(compiled.value())).as(what).isEqualTo(DecisionJson.write(reference.value()));
        }
    }

    private record Outcome<T>(T value, String failure) {}

    /** A decision, or the exception it ended in (the same claims must fail the same way: fail-closed is part of the contract). */
    private static <T> Outcome<T> attempt(Supplier<T> decide) {
        try {
            T value = decide.get();
            if (value instanceof Decision d) {
                DecisionJson.write(d);
            }
            return new Outcome<>(value, null);
        } catch (RuntimeException e) {
            return new Outcome<>(null, e.getClass().getName() + ": " + e.getMessage());
        }
    }
}

package org.openrma.service.rma;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openrma.claim.Claim;
import org.openrma.claim.ClaimReader;
import org.openrma.decision.Decision;
import org.openrma.decision.DecisionJson;
import org.openrma.policy.CompiledPolicy;
import org.openrma.policy.PolicyCatalog;
import org.openrma.policy.statute.Composer;
import org.openrma.policy.statute.StatuteLibrary;
import org.openrma.policy.statute.StatutoryTerms;
import org.openrma.service.web.Json;
import org.openrma.whatif.generate.ClaimGenerator;
import org.openrma.whatif.generate.GeneratorCatalogue;

/**
 * The API's typed decision ({@link RmaDocuments.Decision}, which previews, reads and the OpenAPI schema use) must hold every
 * field of the JSON the engine's {@code DecisionJson} writes and the service stores, with the same values: read from that
 * JSON and written again, it is the same JSON. ({@code StoredDecisionTextIntegrationTests} holds the response's own
 * mapper to the same.)
 */
class TypedDecisionAgreesWithDecisionJsonTests {

    private static final List<String> MARKETS = List.of("DE", "FR", "GB");

    /** A decision of a generated claim and what it is. */
    record Sample(String what, Decision decision) {}

    @Test
    void generatedClaimsUnderEverySeedPolicyWithAndWithoutConsumerLaw() {
        List<Sample> samples = decisions(1_000);
        for (Sample sample : samples) {
            var written = DecisionJson.toTree(sample.decision());
            assertThat(Json.tree(RmaDocuments.decision(written))).as(sample.what()).isEqualTo(written);
        }
        assertThat(samples).hasSizeGreaterThan(3_000);
        assertThat(samples.stream().filter(s -> s.decision().legal() != null)).as("decisions with a legal block among them").hasSizeGreaterThan(100);
    }

    /**
     * Decisions of {@code perCatalogue} claims of every generator catalogue (consumers in DE, FR and GB) under every seed
     * policy in force, and, where a statutory pack applies, the same composed with consumer law (no seed policy declares
     * markets: composed as a merchant selling to those consumers would declare them).
     */
    static List<Sample> decisions(int perCatalogue) {
        PolicyCatalog seed = PolicyCatalog.builtIn();
        StatuteLibrary statutes = StatuteLibrary.builtIn();
        List<Sample> samples = new ArrayList<>();
        for (String catalogue : GeneratorCatalogue.builtInPolicies()) {
            ClaimGenerator generator = new ClaimGenerator(GeneratorCatalogue.builtIn(catalogue), 14, LocalDate.parse("2023-01-01"),
                    LocalDate.parse("2025-12-31"));
            generator.withConsumersIn(MARKETS);
            for (int i = 0; i < perCatalogue; i++) {
                Claim claim = ClaimReader.fromTree(generator.next());
                Instant now = claim.request().submittedAt();
                for (String policy : seed.policyIds()) {
                    Optional<CompiledPolicy> version = seed.versionInForce(policy, claim.order().placedAt());
                    if (version.isEmpty()) {
                        continue;
                    }
                    String what = catalogue + " claim " + i + " under " + policy;
                    Decision decided = version.get().decide(claim, now);
                    samples.add(new Sample(what, decided));
                    StatutoryTerms terms = StatutoryTerms.of(version.get());
                    var packs = statutes.applicable(claim, MARKETS);
                    if (!packs.isEmpty()) {
                        samples.add(new Sample(what + " with consumer law", Composer.compose(decided, claim, packs, statutes, terms, now)));
                    }
                }
            }
        }
        return samples;
    }
}

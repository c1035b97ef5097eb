package org.openrma.service.rma;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
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
 * A submission converts the engine's decision once, straight into the typed document it stores and answers with. That
 * document must be exactly what the engine's {@code DecisionJson} writes: the same JSON stored (so rows written before and
 * after read alike, and SQL over them finds the same values) and the same typed answer as reading that JSON back.
 */
class TypedDecisionAgreesWithDecisionJsonTests {

    private static final int CLAIMS_PER_CATALOGUE = 1_000;
    private static final List<String> MARKETS = List.of("DE", "FR", "GB");

    private final PolicyCatalog seed = PolicyCatalog.builtIn();
    private final StatuteLibrary statutes = StatuteLibrary.builtIn();

    @Test
    void generatedClaimsUnderEverySeedPolicyWithAndWithoutConsumerLaw() {
        int compared = 0;
        int withLegal = 0;
        for (String catalogue : GeneratorCatalogue.builtInPolicies()) {
            ClaimGenerator generator = new ClaimGenerator(GeneratorCatalogue.builtIn(catalogue), 14, LocalDate.parse("2023-01-01"),
                    LocalDate.parse("2025-12-31"));
            generator.withConsumersIn(MARKETS);
            for (int i = 0; i < CLAIMS_PER_CATALOGUE; i++) {
                Claim claim = ClaimReader.fromTree(generator.next());
                Instant now = claim.request().submittedAt();
                for (String policy : seed.policyIds()) {
                    Optional<CompiledPolicy> version = seed.versionInForce(policy, claim.order().placedAt());
                    if (version.isEmpty()) {
                        continue;
                    }
                    String what = catalogue + " claim " + i + " under " + policy;
                    Decision decided = version.get().decide(claim, now);
                    assertAgree(decided, what);
                    StatutoryTerms terms = StatutoryTerms.of(version.get());
                    // no seed policy declares markets: composed as a merchant selling to those consumers would declare them
                    var packs = statutes.applicable(claim, MARKETS);
                    if (!packs.isEmpty()) {
                        Decision composed = Composer.compose(decided, claim, packs, statutes, terms, now);
                        assertAgree(composed, what + " with consumer law");
                        withLegal += composed.legal() == null ? 0 : 1;
                    }
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(3 * CLAIMS_PER_CATALOGUE);
        assertThat(withLegal).as("decisions with a legal block among them").isGreaterThan(100);
    }

    private static void assertAgree(Decision decided, String what) {
        RmaDocuments.Decision typed = RmaDocuments.asStored(decided);
        var written = DecisionJson.toTree(decided);
        assertThat(Json.tree(typed)).as(what + ": the JSON stored").isEqualTo(written);
        assertThat(typed).as(what + ": the typed answer").isEqualTo(RmaDocuments.decision(written));
    }
}

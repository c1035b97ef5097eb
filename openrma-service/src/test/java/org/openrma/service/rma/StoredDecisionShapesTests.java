package org.openrma.service.rma;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openrma.service.ui.DecisionModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every shape of decision the service has stored still reads: the same approval of a return as the
 * first release wrote it (no remedies, no policy hash), as 2026-12-02 wrote it (remedies) and as
 * written now (decisive citations). The rows in the database are never rewritten.
 */
class StoredDecisionShapesTests {

    private static JsonNode stored(String name) throws IOException {
        try (InputStream in = StoredDecisionShapesTests.class.getResourceAsStream("/stored-decisions/" + name)) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22-first-release.json", "2026-12-02-with-remedies.json", "2026-12-03-with-decisive-citations.json"})
    void readsTheTermsOfEveryStoredShape(String shape) throws IOException {
        DecidedTerms terms = DecidedTerms.of(RmaDocuments.decision(stored(shape)));

        assertThat(terms.approved()).isTrue();
        assertThat(terms.offered()).containsExactly("exchange", "refund");
        assertThat(terms.refundOrZero()).isEqualTo("51.82");
        assertThat(terms.deductions()).isEqualTo(Map.of("restocking_fee", "12.95"));
        assertThat(terms.returnShippingReimbursed()).isEqualTo("0.00");
        assertThat(terms.needsConsent()).isFalse();
        assertThat(terms.deadline("claim_window_ends")).isEqualTo(LocalDate.parse("2024-05-15"));
        assertThat(terms.deadline("ship_back_by")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22-first-release.json", "2026-12-02-with-remedies.json", "2026-12-03-with-decisive-citations.json"})
    void quotesTheSameDecisiveClausesForEveryStoredShape(String shape) throws IOException {
        DecisionModel page = DecisionModel.of(RmaDocuments.decision(stored(shape)), "USD");

        assertThat(page.outcome()).isEqualTo("approved");
        assertThat(page.refund()).isEqualTo("51.82");
        assertThat(page.decisiveClauses()).extracting(DecisionModel.Clause::id).containsExactly("S0-01", "S0-02", "S0-03", "S0-09", "S0-10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22-first-release.json", "2026-12-02-with-remedies.json", "2026-12-03-with-decisive-citations.json"})
    void aDecisionStoredBeforeConsumerLawWasComposedReadsWithoutALegalBlock(String shape) throws IOException {
        assertThat(DecidedTerms.of(RmaDocuments.decision(stored(shape))).legal()).isNull();
        assertThat(DecisionModel.of(RmaDocuments.decision(stored(shape)), "USD").legal()).isNull();
        RmaDocuments.Decision typed = RmaDocuments.decision(stored(shape));
        assertThat(typed.legalBasis()).isNull();
        assertThat(typed.overrides()).isNull();
        assertThat(typed.statutory()).isNull();
    }

    /** ST-03: KST × an Italian consumer on day 11, as the service stores it since it composes consumer law. */
    @org.junit.jupiter.api.Test
    void aDecisionUnderConsumerLawReadsItsLegalBasisOverridesAndRoutesTyped() throws IOException {
        JsonNode stored = stored("2026-12-03-with-legal-block.json");

        RmaDocuments.Decision typed = RmaDocuments.decision(stored);
        assertThat(typed.legalBasis()).isEqualTo(Map.of("refund", java.util.List.of("statute:IT:Codice del consumo art. 52")));
        assertThat(typed.overrides()).containsExactly(new RmaDocuments.StatutoryOverride("merchant:S0-01 claim_window_ends",
                "statute:IT:Codice del consumo art. 52", "rejected", "approved"));
        assertThat(typed.statutory().country()).isEqualTo("IT");
        assertThat(typed.statutory().recommended()).isEqualTo("statute:IT:Codice del consumo art. 52");
        assertThat(typed.deadlines().get("statutory_window_ends")).isEqualTo(LocalDate.parse("2025-03-24"));

        DecisionModel page = DecisionModel.of(typed, "EUR");
        assertThat(page.legal().basis()).containsExactly(new DecisionModel.Amount("refund", "Codice del consumo art. 52 (IT)"));
        assertThat(page.legal().overrides()).extracting(DecisionModel.Override::before, DecisionModel.Override::after)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rejected", "approved"));
        DecidedTerms terms = DecidedTerms.of(typed);
        assertThat(terms.refundOrZero()).isEqualTo("66.49");
        assertThat(terms.legal().country()).isEqualTo("IT");
        assertThat(terms.legal().packs()).containsExactly("statute-it@2022-01-01");
        assertThat(terms.legal().basis()).containsExactly(Map.entry("refund", java.util.List.of("statute:IT:Codice del consumo art. 52")));
        assertThat(terms.legal().recommendedRoute().program()).isEqualTo("withdrawal");
        assertThat(terms.legal().overrides()).extracting(DecidedTerms.Legal.Override::rule).containsExactly("merchant:S0-01 claim_window_ends");
    }

    @org.junit.jupiter.api.Test
    void aDecisionTheEngineFailedToMakeHasNoTerms() {
        assertThat(DecidedTerms.of(RmaDocuments.decision((JsonNode) null))).isNull();
        assertThat(DecidedTerms.of(RmaDocuments.decision(tools.jackson.databind.node.NullNode.getInstance()))).isNull();
    }

    @org.junit.jupiter.api.Test
    void aRowWithoutTheFieldsAddedSinceOrWithAWordNoLongerKnownStillReads() {
        RmaDocuments.Decision d = RmaDocuments.decision(JsonMapper.builder().build().readTree("""
                {"outcome": "approved", "refund": "5.00",
                 "explanation": [{"program": "p", "rule": "r", "result": "skipped", "says": "An older word."}]}"""));

        assertThat(d.needsConsent()).isFalse();
        assertThat(d.explanation().getFirst().result()).isNull();
        assertThat(DecidedTerms.of(d).refundOrZero()).isEqualTo("5.00");
        assertThat(DecisionModel.of(d, "USD").explanation().getFirst().result()).isEmpty();
    }
}

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

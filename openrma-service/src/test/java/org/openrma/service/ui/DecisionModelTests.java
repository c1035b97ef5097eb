package org.openrma.service.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openrma.service.rma.RmaDocuments;
import tools.jackson.databind.json.JsonMapper;

/** The clauses the portal quotes as "what decided" are the ones the engine named; older stored decisions still show theirs. */
class DecisionModelTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String STEPS = """
            "explanation": [
              {"program": "return", "rule": "return.claim_window_ends", "result": "passed", "says": "Within the window.",
               "read": {"delivered": "2025-03-03T12:00:00Z"}, "cites": [{"clause": "W", "text": "Returns within 14 days."}]},
              {"program": "return", "rule": "marketplace", "result": "passed", "says": "Does not apply to this claim.",
               "read": {"channel": "official_store"}, "cites": [{"clause": "G", "text": "Marketplace orders are reviewed."}]},
              {"program": "return", "rule": "return.refund", "result": "applied", "says": "Refund 10.00 EUR.",
               "read": {"base": "10.00"}, "cites": [{"clause": "M", "text": "Refunds go to the original payment method."}]}
            ]""";

    private static RmaDocuments.Decision decision(String extra) {
        return RmaDocuments.decision(JSON.readTree("{\"outcome\": \"approved\", \"program\": \"return\", " + extra + STEPS + "}"));
    }

    @Test
    void quotesTheClausesTheEngineNamedAsDecisive() {
        DecisionModel model = DecisionModel.of(decision("\"decisive_citations\": [{\"clause\": \"M\", \"text\": \"Refunds go to the original payment method.\"}], "), "EUR");

        assertThat(model.decisiveClauses()).extracting(DecisionModel.Clause::id).containsExactly("M");
    }

    @Test
    void quotesThePassedRulesOfADecisionStoredBeforeTheEngineNamedThem() {
        DecisionModel model = DecisionModel.of(decision(""), "EUR");

        assertThat(model.decisiveClauses()).extracting(DecisionModel.Clause::id).containsExactly("W");
    }
}

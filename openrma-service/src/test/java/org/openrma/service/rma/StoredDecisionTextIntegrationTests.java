package org.openrma.service.rma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrma.decision.DecisionJson;
import org.openrma.service.support.IntegrationTest;
import org.openrma.service.web.Json;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A filing writes its decision once, straight from the engine's record ({@code DecisionJson.compact}), stores that text as
 * the decision row and copies it into its answer: it must be the JSON the response's mapper writes for the typed document
 * the API documents, byte for byte (and the JSON of {@code DecisionJson}'s tree, {@code TypedDecisionAgreesWithDecisionJsonTests}).
 */
class StoredDecisionTextIntegrationTests extends IntegrationTest {

    @Autowired
    tools.jackson.databind.json.JsonMapper responses;

    @Test
    void theDecisionTextStoredAndAnsweredIsWhatTheResponsesMapperWritesForTheTypedDecision() {
        List<TypedDecisionAgreesWithDecisionJsonTests.Sample> samples = TypedDecisionAgreesWithDecisionJsonTests.decisions(200);
        for (var sample : samples) {
            String text = RenderedDocuments.ShownDecision.written(sample.decision()).body().json();
            assertThat(Json.read(text)).as(sample.what())
                    .isEqualTo(Json.read(responses.writeValueAsString(RmaDocuments.asStored(sample.decision()))))
                    .isEqualTo(DecisionJson.toTree(sample.decision()));
            // byte for byte, keys in the same order: what a read renders from the stored row, so the filing's text can serve reads
            assertThat(responses.writeValueAsString(RmaDocuments.decision(Json.read(text)))).as(sample.what()).isEqualTo(text);
        }
        assertThat(samples.stream().filter(s -> s.decision().legal() != null)).hasSizeGreaterThan(20);
    }

    @Test
    void aFiledDecisionIsStoredAsItWasAnswered() {
        TestMerchant m = newMerchant("kospet");
        clock.set(java.time.Instant.parse("2024-04-22T10:00:00Z"));
        var answer = submit(m, org.openrma.service.support.Claims.kospetDeadOnArrival("WEB-STORED-1", "SN-STORED-1"));

        String stored = jdbc.sql("select decision::text from decision where merchant_id = ?").param(m.id()).query(String.class).single();
        assertThat(answer.get("decision").get("outcome").asString()).isEqualTo("approved");
        assertThat(Json.read(stored)).isEqualTo(answer.get("decision"));
    }
}

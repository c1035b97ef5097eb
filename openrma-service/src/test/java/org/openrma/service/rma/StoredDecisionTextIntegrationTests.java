package org.openrma.service.rma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrma.decision.DecisionJson;
import org.openrma.service.support.IntegrationTest;
import org.openrma.service.web.Json;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A filing writes its decision once, with the response's mapper, and stores that text as the decision row: it must be
 * the JSON the engine's {@code DecisionJson} writes, as it was when the row was written from that tree.
 */
class StoredDecisionTextIntegrationTests extends IntegrationTest {

    @Autowired
    RenderedDocuments rendered;

    @Test
    void theDecisionTextStoredAndAnsweredIsTheEnginesDecisionJson() {
        List<TypedDecisionAgreesWithDecisionJsonTests.Sample> samples = TypedDecisionAgreesWithDecisionJsonTests.decisions(200);
        for (var sample : samples) {
            String text = rendered.written(RmaDocuments.asStored(sample.decision())).body().json();
            assertThat(Json.read(text)).as(sample.what()).isEqualTo(DecisionJson.toTree(sample.decision()));
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

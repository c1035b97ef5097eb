package org.openrma.service.rma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The large documents a submission writes are compressed with lz4 where the server has it (V30), with pglz where it
 * has not, and read back whole either way.
 */
class LargeDocumentsCompressionIntegrationTests extends IntegrationTest {

    @Test
    void aSubmissionsDecisionAndIdempotentAnswerAreStoredWithTheServersFastestCompression() {
        TestMerchant m = newMerchant("kst-servos");
        ObjectNode claim = Claims.kstDefectiveDiscontinuedServo("LZ-" + m.slug());
        assertThat(api.post("/api/v1/orders", Claims.order(claim)).key(m.agent()).send().status()).isEqualTo(201);
        Api.Response filed = api.post("/api/v1/rmas", Claims.byOrderNumber(claim)).key(m.agent()).idempotencyKey("lz-1").send();
        assertThat(filed.status()).isEqualTo(201);
        UUID rma = UUID.fromString(filed.json().get("id").asString());

        String expected = serverHasLz4() ? "lz4" : "pglz";
        assertThat(jdbc.sql("select pg_column_compression(decision) from decision where rma_id = ?").param(rma).query(String.class).single())
                .as("the decision (several KB with its explanation)").isEqualTo(expected);
        assertThat(jdbc.sql("select pg_column_compression(response_body) from idempotency_key where key = ? and location like ?")
                .params("lz-1", "%" + rma).query(String.class).single()).as("the stored idempotent answer").isEqualTo(expected);

        JsonNode read = api.get("/api/v1/rmas/" + rma).key(m.agent()).send().json();
        assertThat(read.get("decision")).isEqualTo(filed.json().get("decision"));
        Api.Response replayed = api.post("/api/v1/rmas", Claims.byOrderNumber(claim)).key(m.agent()).idempotencyKey("lz-1").send();
        assertThat(replayed.text()).isEqualTo(filed.text());
    }

    /** Asked of the server, not of the columns: a server without lz4 refuses it as a setting. */
    private boolean serverHasLz4() {
        try {
            jdbc.sql("select set_config('default_toast_compression', 'lz4', true)").query(String.class).single();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}

package org.openrma.service.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Deadlines are swept by a db-scheduler recurring task (every 200 ms in tests); what is due is
 * judged by the service's clock. Timeline of the Kingdo return (merchant zone UTC):
 * <pre>
 *   2025-10-24 approved ── 2025-11-07 ship back by ── 11-07 23:59 still authorized ── 11-08 00:01 expired
 *   (received at once)      2025-11-24 refund by ─────────────────────────────────────── 11-25 00:00 SLA breached
 * </pre>
 */
class DeadlinesIntegrationTests extends IntegrationTest {

    private String status(TestMerchant m, JsonNode rma) {
        return api.get("/api/v1/rmas/" + rma.get("id").asString()).key(m.agent()).send().json().get("status").asString();
    }

    @Test
    void anAuthorizedReturnNotShippedByItsDeadlineExpires() {
        TestMerchant m = newMerchant("kingdo");
        clock.set(Instant.parse("2025-10-24T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kingdoUnopenedDay60("KGD-D1"));
        String shipBackBy = rma.get("ship_back_by").asString();

        clock.set(Instant.parse(shipBackBy + "T23:59:00Z"));
        sleep(Duration.ofMillis(800));
        assertThat(status(m, rma)).isEqualTo("authorized");

        clock.advance(Duration.ofMinutes(2));
        await("the RMA to expire", Duration.ofSeconds(10), () -> status(m, rma).equals("expired"));
        JsonNode history = api.get("/api/v1/rmas/" + rma.get("id").asString() + "/history").key(m.agent()).send().json();
        JsonNode last = history.get("items").get(history.get("items").size() - 1);
        assertThat(last.get("actor").asString()).isEqualTo("system:deadline:ship_back_by");
        assertThat(last.at("/after/deadline").asString()).isEqualTo("ship_back_by");
    }

    @Test
    void anRmaStillOpenAfterItsRefundDeadlineIsFlaggedAsBreached() {
        TestMerchant m = newMerchant("kingdo");
        clock.set(Instant.parse("2025-10-24T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kingdoUnopenedDay60("KGD-D2"));
        JsonNode received = actOk(m, actOk(m, rma, "ship-back", java.util.Map.of()), "receive", java.util.Map.of());
        String slaDue = received.get("sla_due_by").asString();

        clock.set(Instant.parse(slaDue + "T00:00:00Z").plus(Duration.ofDays(1)).plusSeconds(1));
        await("the SLA breach", Duration.ofSeconds(10), () ->
                api.get("/api/v1/rmas?sla_breached=true").key(m.agent()).send().json().get("total").asLong() == 1);
        JsonNode breached = api.get("/api/v1/rmas/" + rma.get("id").asString()).key(m.agent()).send().json();
        assertThat(breached.get("status").asString()).isEqualTo("received");
        assertThat(breached.get("sla_breached").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/rmas?sla_breached=false").key(m.agent()).send().json().get("total").asLong()).isZero();
    }

    @Test
    void aMissingEvidenceRequestExpiresAfterTheEvidencePeriod() {
        TestMerchant m = newMerchant("kospet");
        clock.set(Instant.parse("2024-09-11T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kospetDoaWithoutPackagingPhoto("KSP-D3"));
        assertThat(rma.get("status").asString()).isEqualTo("needs_evidence");
        assertThat(rma.get("evidence_due_by").asString()).isEqualTo("2024-09-25");
        clock.set(Instant.parse("2024-09-26T00:00:01Z"));
        await("the RMA to expire", Duration.ofSeconds(10), () -> status(m, rma).equals("expired"));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.openrma.service.rma;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * KST's two policies through the workflow to closed, with the audit trail of each step (Kingdo and
 * KOSPET have theirs in {@link RmaLifecycleIntegrationTests}): an order-level claim resolved
 * without a return, and a substitute replacement that waits for the customer's consent.
 */
class SeedMerchantLifecycleIntegrationTests extends IntegrationTest {

    @Test
    void aParcelLostByTheCarrierIsResolvedByReshipmentWithoutAReturn() {
        TestMerchant m = newMerchant("kst-rma");
        clock.set(Instant.parse("2025-06-10T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kstParcelLost("KSTD-P1"));
        assertThat(rma.get("status").asString()).isEqualTo("authorized");
        assertThat(rma.at("/decision/resolutions").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("refund", "reshipment");

        JsonNode resolved = actOk(m, rma, "resolve", Map.of("resolution", "reshipment", "outbound_carrier", "UPS", "outbound_tracking", "1Z999"));
        assertThat(resolved.get("resolution").asString()).isEqualTo("reshipment");
        assertThat(resolved.get("outbound_carrier").asString()).isEqualTo("UPS");
        assertThat(resolved.get("outbound_tracking").asString()).isEqualTo("1Z999");
        JsonNode ledger = api.get("/api/v1/orders/KSTD-P1/ledger").key(m.agent()).send().json();
        assertThat(ledger.get("entries")).isEmpty();
        assertThat(actOk(m, resolved, "close", Map.of()).get("status").asString()).isEqualTo("closed");
        JsonNode history = api.get("/api/v1/rmas/" + rma.get("id").asString() + "/history").key(m.agent()).send().json();
        assertThat(history.get("items").valueStream().map(e -> e.get("action").asString()))
                .containsExactly("rma.submitted", "rma.resolve", "rma.close");
    }

    @Test
    void aSubstituteReplacementWaitsForTheCustomersConsent() {
        TestMerchant m = newMerchant("kst-servos");
        clock.set(Instant.parse("2025-05-09T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kstDefectiveDiscontinuedServo("KST-C1"));
        assertThat(rma.get("status").asString()).isEqualTo("authorized");
        assertThat(rma.get("needs_consent").asBoolean()).isTrue();

        Api.Response early = act(m, rma, "resolve", Map.of("resolution", "replacement"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("consent");
        assertThat(act(m, rma, "consent", Map.of()).status()).as("only the customer consents").isEqualTo(403);

        String token = api.post("/api/v1/customer-sessions", Map.of("merchant", m.slug(), "order_number", "KST-C1", "email", "j.novak@example.com"))
                .send().json().get("token").asString();
        Api.Response consent = api.post("/api/v1/rmas/" + rma.get("id").asString() + "/consent", Map.of("note", "a newer model is fine"))
                .key(token).ifMatch(rma.get("version").asInt()).send();
        assertThat(consent.status()).as(consent.toString()).isEqualTo(200);
        assertThat(consent.json().get("customer_consent_at").asString()).isEqualTo("2025-05-09T10:00:00Z");

        JsonNode resolved = actOk(m, consent.json(), "resolve", Map.of("resolution", "replacement", "outbound_tracking", "RS-1"));
        assertThat(resolved.get("status").asString()).isEqualTo("resolved");
        assertThat(actOk(m, resolved, "close", Map.of()).get("status").asString()).isEqualTo("closed");
        JsonNode history = api.get("/api/v1/rmas/" + rma.get("id").asString() + "/history").key(m.agent()).send().json();
        assertThat(history.get("items").valueStream().map(e -> e.get("action").asString()))
                .containsExactly("rma.submitted", "rma.consent", "rma.resolve", "rma.close");
    }
}

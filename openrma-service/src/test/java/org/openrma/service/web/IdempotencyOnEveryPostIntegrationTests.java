package org.openrma.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openrma.policy.PolicyCatalog;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every POST of the API honours Idempotency-Key: each one is sent twice with the same key and
 * body, the second answer is the first one replayed (same status and body, Idempotent-Replayed),
 * and the effect happened once. The test fails when a POST endpoint appears that it does not walk.
 */
class IdempotencyOnEveryPostIntegrationTests extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    PolicyCatalog builtIn;

    private final Set<String> covered = new TreeSet<>();

    /** Sends the POST twice with one key; returns the first answer after checking the second replays it. */
    private Api.Response twice(String pattern, String path, Object body, String credential, Integer ifMatch) {
        String key = "idem-" + UUID.randomUUID();
        Api.Request first = api.post(path, body).key(credential).idempotencyKey(key);
        Api.Request second = api.post(path, body).key(credential).idempotencyKey(key);
        if (ifMatch != null) {
            first.ifMatch(ifMatch);
            second.ifMatch(ifMatch);
        }
        Api.Response a = first.send();
        Api.Response b = second.send();
        assertThat(a.status()).as(pattern + ": " + a).isBetween(200, 299);
        assertThat(b.status()).as(pattern + " replayed").isEqualTo(a.status());
        assertThat(b.text()).as(pattern + " replayed").isEqualTo(a.text());
        assertThat(b.header("Idempotent-Replayed")).as(pattern).isEqualTo("true");
        covered.add(pattern);
        return a;
    }

    private Api.Response command(TestMerchant m, JsonNode rma, String action, Object body) {
        return twice("/api/v1/rmas/{id}/" + action, "/api/v1/rmas/" + rma.get("id").asString() + "/" + action, body, m.agent(),
                rma.get("version").asInt());
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void everyPostReplaysARetryInsteadOfActingTwice() throws Exception {
        TestMerchant m = newMerchant("kingdo");
        TestMerchant kospet = newMerchant("kospet");
        TestMerchant servos = newMerchant("kst-servos");

        // Orders and the RMA lifecycle.
        clock.set(Instant.parse("2025-10-24T10:00:00Z"));
        twice("/api/v1/orders", "/api/v1/orders", Claims.order(Claims.kingdoUnopenedDay60("KGD-ID1")), m.agent(), null);
        JsonNode order = twice("/api/v1/orders/{number}/delivery", "/api/v1/orders/KGD-ID1/delivery",
                Map.of("delivery_status", "delivered"), m.agent(), null).json();
        assertThat(order.get("version").asInt()).isEqualTo(1);
        JsonNode rma = twice("/api/v1/rmas", "/api/v1/rmas", Claims.byOrderNumber(Claims.kingdoUnopenedDay60("KGD-ID1")), m.agent(), null).json();
        assertThat(count("select count(*) from rma where merchant_id = ?", m.id())).isEqualTo(1);
        rma = command(m, rma, "ship-back", Map.of("tracking", "T-ID1")).json();
        rma = command(m, rma, "receive", Map.of()).json();
        rma = command(m, rma, "inspect", Map.of("finding", "no_fault_found")).json();
        rma = command(m, rma, "resolve", Map.of("resolution", "refund")).json();
        rma = command(m, rma, "close", Map.of()).json();
        assertThat(rma.get("version").asInt()).isEqualTo(5);
        assertThat(count("select count(*) from refund where rma_id = ?::uuid", rma.get("id").asString())).isEqualTo(1);

        JsonNode toCancel = submit(m, Claims.kingdoUnopenedDay60("KGD-ID2"));
        command(m, toCancel, "cancel", Map.of("reason", "changed my mind"));

        ObjectNode notReceived = Claims.kingdoUnopenedDay60("KGD-ID3");
        ((ObjectNode) notReceived.get("request")).put("kind", "not_received").put("reason", "not_received");
        JsonNode review = submit(m, notReceived);
        assertThat(review.get("status").asString()).isEqualTo("under_review");
        command(m, review, "approve", Map.of("note", "carrier confirms loss"));
        // The claim to reject is about another order: KGD-ID3's only unit is held by the approved RMA, and a
        // second claim on it is refused at intake.
        ObjectNode notReceivedAgain = Claims.kingdoUnopenedDay60("KGD-ID5");
        ((ObjectNode) notReceivedAgain.get("request")).put("kind", "not_received").put("reason", "not_received");
        JsonNode review2 = submit(m, notReceivedAgain);
        assertThat(review2.get("status").asString()).isEqualTo("under_review");
        command(m, review2, "reject", Map.of("reason", "the carrier shows delivery"));

        clock.set(Instant.parse("2024-09-11T10:00:00Z"));
        JsonNode evidence = submit(kospet, Claims.kospetDoaWithoutPackagingPhoto("KSP-ID1"));
        command(kospet, evidence, "add-evidence", Map.of("evidence", java.util.List.of("packaging_photo")));
        clock.set(Instant.parse("2023-10-20T10:00:00Z"));
        JsonNode rejected = submit(kospet, Claims.kospetFirmwareFlashed("KSP-ID2"));
        command(kospet, rejected, "override", Map.of("reason", "goodwill"));

        // Return shipping: the print-your-own label of a merchant-paid warranty return (no carrier account), made once.
        api.put("/api/v1/merchant/shipping", Map.of("version", 0, "return_addresses", java.util.List.of(Map.of("id", "main",
                "address", Map.of("name", "Returns", "street1", "1 Dock Rd", "city", "Omaha", "zip", "68102", "country", "US")))))
                .key(kospet.admin()).send();
        clock.set(Instant.parse("2024-04-22T10:00:00Z"));
        JsonNode doa = submit(kospet, Claims.kospetDeadOnArrival("KSP-ID3", "SN-ID3"));
        twice("/api/v1/rmas/{id}/return-label", "/api/v1/rmas/" + doa.get("id").asString() + "/return-label",
                Map.of("from", Map.of("name", "Hanna", "street1", "1 Elm St", "city", "Austin", "zip", "73301", "country", "US")), kospet.agent(), null);
        assertThat(count("select count(*) from return_label where rma_id = ?::uuid", doa.get("id").asString())).isEqualTo(1);

        // The customer: a session, then consent to a substitute replacement.
        clock.set(Instant.parse("2025-05-09T10:00:00Z"));
        JsonNode servo = submit(servos, Claims.kstDefectiveDiscontinuedServo("KST-ID1"));
        String token = twice("/api/v1/customer-sessions", "/api/v1/customer-sessions",
                Map.of("merchant", servos.slug(), "order_number", "KST-ID1", "email", "j.novak@example.com"), null, null).json().get("token").asString();
        twice("/api/v1/rmas/{id}/consent", "/api/v1/rmas/" + servo.get("id").asString() + "/consent", Map.of("note", "fine"), token,
                servo.get("version").asInt());
        assertThat(count("select count(*) from audit_event where entity_id = ? and action = 'rma.consent'", servo.get("id").asString())).isEqualTo(1);

        // Merchant administration.
        JsonNode key = twice("/api/v1/merchant/api-keys", "/api/v1/merchant/api-keys", Map.of("name", "helpdesk", "role", "agent"), m.admin(), null).json();
        assertThat(count("select count(*) from api_key where merchant_id = ? and name = 'helpdesk'", m.id())).isEqualTo(1);
        twice("/api/v1/merchant/api-keys/{id}/revoke", "/api/v1/merchant/api-keys/" + key.get("id").asString() + "/revoke", Map.of(), m.admin(), null);

        api.put("/api/v1/merchant", Map.of("version", 0, "webhook_url", "http://127.0.0.1:9/hook")).key(m.admin()).send();
        submit(m, Claims.kingdoUnopenedDay60("KGD-ID4"));
        long delivery = jdbc.sql("select id from outbox where merchant_id = ? order by id desc limit 1").param(m.id()).query(Long.class).single();
        twice("/api/v1/deliveries/{id}/retry", "/api/v1/deliveries/" + delivery + "/retry", Map.of(), m.admin(), null);

        JsonNode endpoint = twice("/api/v1/webhook-endpoints", "/api/v1/webhook-endpoints",
                Map.of("url", "http://127.0.0.1:9/hook-id", "enabled_events", java.util.List.of("*")), m.admin(), null).json();
        assertThat(count("select count(*) from webhook_endpoint where merchant_id = ?", m.id())).isEqualTo(1);
        String endpointPath = "/api/v1/webhook-endpoints/" + endpoint.get("id").asString();
        JsonNode rotated = twice("/api/v1/webhook-endpoints/{id}/rotate-secret", endpointPath + "/rotate-secret", Map.of(), m.admin(), null).json();
        assertThat(rotated.get("secret").asString()).isNotEqualTo(endpoint.get("secret").asString());
        twice("/api/v1/webhook-endpoints/{id}/test", endpointPath + "/test", Map.of(), m.admin(), null);
        assertThat(count("select count(*) from outbox where endpoint_id = ? and event_type = 'webhook_endpoint.test'",
                java.util.UUID.fromString(endpoint.get("id").asString()))).isEqualTo(1);

        String source = builtIn.versions("kingdo").getFirst().sourceText().replaceFirst("(?m)^policy:.*$", "policy: idempotent-policy");
        twice("/api/v1/policies", "/api/v1/policies", Map.of("file_name", "p.yaml", "source", source), m.admin(), null);
        assertThat(count("select count(*) from policy_version where merchant_id = ?", m.id())).isEqualTo(1);
        twice("/api/v1/policies/drafts/replay", "/api/v1/policies/drafts/replay", Map.of("source", source), m.admin(), null);

        Set<String> posts = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                info.getPathPatternsCondition().getPatternValues().stream().filter(p -> p.startsWith("/api/v1/")).forEach(posts::add);
            }
        });
        assertThat(covered).as("POST endpoints walked by this test; add any new one").containsAll(posts);
    }
}

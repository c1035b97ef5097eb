package org.openrma.service.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Customers: order number + e-mail give a short-lived token for that order and its RMAs, nothing else. */
class CustomerAccessIntegrationTests extends IntegrationTest {

    private String session(TestMerchant m, String number, String email) {
        Api.Response r = api.post("/api/v1/customer-sessions", Map.of("merchant", m.slug(), "order_number", number, "email", email)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("token").asString();
    }

    @Test
    void aCustomerFilesAndFollowsAClaimOnTheirOwnOrderOnly() {
        TestMerchant m = newMerchant("kingdo");
        ObjectNode mine = Claims.kingdoUnopenedDay60("KGD-CU1");
        ObjectNode other = Claims.kingdoUnopenedDay60("KGD-CU2");
        ((ObjectNode) other.get("order").get("customer")).put("email", "someone.else@example.com");
        api.post("/api/v1/orders", Claims.order(mine)).key(m.agent()).send();
        clock.set(Instant.parse("2025-10-24T10:00:00Z"));
        JsonNode othersRma = submit(m, other);

        String token = session(m, "KGD-CU1", "ANA@example.com");
        Api.Response filed = api.post("/api/v1/rmas", Map.of("request", mine.get("request"))).key(token).send();
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(filed.json().get("order_number").asString()).isEqualTo("KGD-CU1");
        assertThat(filed.json().at("/claim/request/submitted_at").asString()).isEqualTo("2025-10-24T10:00:00Z");

        assertThat(api.get("/api/v1/orders/KGD-CU1").key(token).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/orders/KGD-CU2").key(token).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/rmas/" + othersRma.get("id").asString()).key(token).send().status()).isEqualTo(404);
        JsonNode list = api.get("/api/v1/rmas").key(token).send().json();
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/orders").key(token).send().json().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/audit").key(token).send().status()).isEqualTo(403);
        assertThat(api.post("/api/v1/rmas", Claims.byOrderNumber(other)).key(token).send().status()).isEqualTo(422);
    }

    @Test
    void aCustomerMayCancelButNotApproveOrResolve() {
        TestMerchant m = newMerchant("kingdo");
        clock.set(Instant.parse("2025-10-24T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kingdoUnopenedDay60("KGD-CU3"));
        String token = session(m, "KGD-CU3", "ana@example.com");
        String base = "/api/v1/rmas/" + rma.get("id").asString();
        Api.Response resolve = api.post(base + "/resolve", Map.of("resolution", "refund")).key(token).ifMatch(rma.get("version").asInt()).send();
        assertThat(resolve.status()).isEqualTo(403);
        Api.Response cancel = api.post(base + "/cancel", Map.of("reason", "changed my mind again")).key(token).ifMatch(rma.get("version").asInt()).send();
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
        assertThat(cancel.json().get("status").asString()).isEqualTo("cancelled");
    }

    @Test
    void aWrongEmailOrNumberGetsTheSame404() {
        TestMerchant m = newMerchant("kingdo");
        api.post("/api/v1/orders", Claims.order(Claims.kingdoUnopenedDay60("KGD-CU4"))).key(m.agent()).send();
        Api.Response wrongEmail = api.post("/api/v1/customer-sessions", Map.of("merchant", m.slug(), "order_number", "KGD-CU4", "email", "x@example.com")).send();
        Api.Response wrongNumber = api.post("/api/v1/customer-sessions", Map.of("merchant", m.slug(), "order_number", "KGD-NOPE", "email", "ana@example.com")).send();
        assertThat(wrongEmail.status()).isEqualTo(404);
        assertThat(wrongNumber.status()).isEqualTo(404);
        assertThat(wrongEmail.json().get("detail").asString()).isEqualTo(wrongNumber.json().get("detail").asString());
    }

    @Test
    void aTokenExpiresWhenTheClockPassesItsLifetime() {
        TestMerchant m = newMerchant("kingdo");
        api.post("/api/v1/orders", Claims.order(Claims.kingdoUnopenedDay60("KGD-CU5"))).key(m.agent()).send();
        String token = session(m, "KGD-CU5", "ana@example.com");
        assertThat(api.get("/api/v1/orders/KGD-CU5").key(token).send().status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        Api.Response expired = api.get("/api/v1/orders/KGD-CU5").key(token).send();
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("detail").asString()).contains("expired");
    }

    @Test
    void aTamperedTokenIsRefused() {
        TestMerchant m = newMerchant("kingdo");
        api.post("/api/v1/orders", Claims.order(Claims.kingdoUnopenedDay60("KGD-CU6"))).key(m.agent()).send();
        String token = session(m, "KGD-CU6", "ana@example.com");
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertThat(api.get("/api/v1/orders/KGD-CU6").key(tampered).send().status()).isEqualTo(401);
    }
}

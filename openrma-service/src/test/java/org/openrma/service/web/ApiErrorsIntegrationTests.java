package org.openrma.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every bad request gets a 4xx problem+json that names what is wrong; nothing is half-stored. */
class ApiErrorsIntegrationTests extends IntegrationTest {

    private static void assertProblem(Api.Response r, int status, String mentions) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("type").asString()).startsWith("urn:openrma:problem:");
        assertThat(p.get("detail").asString()).contains(mentions);
    }

    @Test
    void malformedJsonIsA400NamingTheLineAndColumn() {
        TestMerchant m = newMerchant("kingdo");
        Api.Response r = api.post("/api/v1/rmas", "{\"order_number\": \"X\",\n \"request\": {\"kind\": }").key(m.agent()).send();
        assertProblem(r, 400, "line 2");
    }

    @Test
    void anUnknownEnumValueIsA422NamingTheField() {
        TestMerchant m = newMerchant("kingdo");
        ObjectNode claim = Claims.kingdoUnopenedDay60("KGD-E1");
        ((ObjectNode) claim.get("request")).put("reason", "bored");
        Api.Response r = api.post("/api/v1/rmas", claim).key(m.agent()).send();
        assertProblem(r, 422, "request.reason");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("request.reason");
        assertThat(r.json().get("errors").get(0).get("message").asString()).contains("changed_mind");
    }

    @Test
    void aRejectedClaimLeavesNoOrderBehind() {
        TestMerchant m = newMerchant("kingdo");
        ObjectNode claim = Claims.kingdoUnopenedDay60("KGD-E2");
        ((ObjectNode) claim.get("request").get("lines").get(0)).put("sku", "NOT-SOLD");
        Api.Response r = api.post("/api/v1/rmas", claim).key(m.agent()).send();
        assertProblem(r, 422, "request.lines[0].sku");
        assertThat(api.get("/api/v1/orders/KGD-E2").key(m.agent()).send().status()).isEqualTo(404);
    }

    @Test
    void everyProblemInAnOrderIsReportedWithItsPath() {
        TestMerchant m = newMerchant("kingdo");
        Api.Response r = api.post("/api/v1/orders", Map.of("number", "O-1", "channel", "web_shop", "currency", "EURO", "lines", java.util.List.of()))
                .key(m.agent()).send();
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("channel", "currency", "placed_at", "lines");
    }

    @Test
    void anUnknownOrderNumberIsA404() {
        TestMerchant m = newMerchant("kingdo");
        Api.Response r = api.post("/api/v1/rmas", Claims.byOrderNumber(Claims.kingdoUnopenedDay60("NOPE-1"))).key(m.agent()).send();
        assertProblem(r, 404, "NOPE-1");
    }

    @Test
    void anIllegalTransitionIsA409ListingWhatIsAllowed() {
        TestMerchant m = newMerchant("kingdo");
        clock.set(Instant.parse("2025-10-24T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kingdoUnopenedDay60("KGD-E3"));
        Api.Response r = act(m, rma, "close", Map.of());
        assertProblem(r, 409, "cannot close an RMA that is " + rma.get("status").asString());
    }

    @Test
    void aCommandWithoutTheVersionIsA428AndAStaleVersionA409Or412() {
        TestMerchant m = newMerchant("kingdo");
        JsonNode rma = submit(m, Claims.kospetFirmwareFlashed("KSP-E4"));
        String path = "/api/v1/rmas/" + rma.get("id").asString() + "/cancel";
        assertProblem(api.post(path, Map.of()).key(m.agent()).send(), 428, "version");
        assertProblem(api.post(path, Map.of("version", 7)).key(m.agent()).send(), 409, "changed by someone else");
        assertProblem(api.post(path, Map.of()).key(m.agent()).ifMatch(7).send(), 412, "changed by someone else");
    }

    @Test
    void missingOrInvalidCredentialsAre401AndTheWrongRoleIs403() {
        TestMerchant m = newMerchant("kingdo");
        assertProblem(api.get("/api/v1/rmas").send(), 401, "API key");
        assertProblem(api.get("/api/v1/rmas").key("ork_not-a-key").send(), 401, "not valid");
        assertProblem(api.get("/api/v1/rmas").key("ct_forged.token").send(), 401, "not valid");
        assertProblem(api.get("/api/v1/merchant/api-keys").key(m.agent()).send(), 403, "admin");
        assertThat(api.get("/api/v1/merchant/api-keys").key(m.admin()).send().status()).isEqualTo(200);
    }

    @Test
    void aRevokedKeyNoLongerWorks() {
        TestMerchant m = newMerchant("kingdo");
        JsonNode issued = api.post("/api/v1/merchant/api-keys", Map.of("name", "temp", "role", "agent")).key(m.admin()).send().json();
        String key = issued.get("key").asString();
        assertThat(api.get("/api/v1/rmas").key(key).send().status()).isEqualTo(200);
        assertThat(api.post("/api/v1/merchant/api-keys/" + issued.get("id").asString() + "/revoke", Map.of()).key(m.admin()).send().status())
                .isEqualTo(204);
        assertProblem(api.get("/api/v1/rmas").key(key).send(), 401, "revoked");
    }

    @Test
    void badPathAndQueryParametersAre4xxNot500() {
        TestMerchant m = newMerchant("kingdo");
        assertThat(api.get("/api/v1/rmas/not-a-uuid").key(m.agent()).send().status()).isEqualTo(422);
        assertThat(api.get("/api/v1/rmas?status=lost").key(m.agent()).send().status()).isEqualTo(422);
        assertThat(api.get("/api/v1/rmas?size=1000").key(m.agent()).send().status()).isEqualTo(422);
        assertThat(api.get("/api/v1/rmas?created_from=yesterday").key(m.agent()).send().status()).isBetween(400, 499);
        assertThat(api.get("/api/v1/no-such-thing").key(m.agent()).send().status()).isEqualTo(404);
        assertThat(api.request("DELETE", "/api/v1/rmas", null).key(m.agent()).send().status()).isEqualTo(405);
        Api.Response text = api.request("POST", "/api/v1/rmas", "hello").key(m.agent()).header("Content-Type", "text/plain").send();
        assertThat(text.status()).isIn(400, 415);
        assertThat(text.contentType()).startsWith("application/problem+json");
    }

    @Test
    void unknownFieldsInACommandAreNamed() {
        TestMerchant m = newMerchant("kingdo");
        JsonNode rma = submit(m, Claims.kospetFirmwareFlashed("KSP-E5"));
        Api.Response r = act(m, rma, "cancel", Map.of("reason", "x", "resaon", "typo"));
        assertProblem(r, 422, "resaon");
    }

    @Test
    void anUploadedPolicyWithErrorsIsRefusedWithEveryDiagnosticAndItsLocation() {
        TestMerchant m = newMerchant("kingdo");
        Api.Response r = api.post("/api/v1/policies", Map.of("file_name", "broken.yaml", "source", "title: no id, no version\n")).key(m.admin()).send();
        assertProblem(r, 422, "broken.yaml");
        assertThat(r.json().get("errors").valueStream().map(e -> e.get("field").asString())).allMatch(f -> f.matches("source:\\d+:\\d+"));
        assertThat(api.get("/api/v1/policies").key(m.agent()).send().json().valueStream().map(p -> p.get("file_name").asString()))
                .doesNotContain("broken.yaml");
        assertThat(api.post("/api/v1/policies", Map.of("source", "x")).key(m.agent()).send().status()).isEqualTo(403);
    }
}

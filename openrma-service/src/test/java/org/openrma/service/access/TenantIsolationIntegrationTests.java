package org.openrma.service.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openrma.policy.PolicyCatalog;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * No endpoint leaks another merchant's data. The test walks EVERY /api endpoint the application
 * maps (so a new endpoint is covered automatically), fills its path with merchant A's ids, and
 * calls it with merchant B's admin key: nothing may succeed on A's objects, and no response may
 * contain anything of A's. The same calls with A's key succeed, so the ids are real.
 */
class TenantIsolationIntegrationTests extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    PolicyCatalog builtIn;

    @Test
    void noEndpointLeaksAnotherMerchantsData() {
        TestMerchant a = newMerchant("kospet");
        TestMerchant b = newMerchant("kospet");
        assertThat(api.put("/api/v1/merchant", Map.of("version", 0, "webhook_url", "http://127.0.0.1:9/hook")).key(a.admin()).send().status())
                .isEqualTo(200);
        clock.set(Instant.parse("2024-04-22T10:00:00Z"));
        JsonNode rma = submit(a, Claims.kospetDeadOnArrival("SECRET-ORDER-A", "SECRET-SERIAL-A"));
        // A's return shipping: an address and a print-your-own label, so that every GET of the RMA's documents answers A.
        assertThat(api.put("/api/v1/merchant/shipping", Map.of("version", 0, "return_addresses", List.of(Map.of("id", "main",
                "address", Map.of("name", "Returns A", "street1", "1 Dock Rd", "city", "Omaha", "zip", "68102", "country", "US")))))
                .key(a.admin()).send().status()).isEqualTo(200);
        assertThat(api.post("/api/v1/rmas/" + rma.get("id").asString() + "/return-label", Map.of("from", Map.of("name", "H. Mueller",
                "street1", "1 Elm St", "city", "Austin", "zip", "73301", "country", "US"))).key(a.agent()).send().status()).isEqualTo(201);
        String policySource = builtIn.versions("kingdo").getFirst().sourceText()
                .replaceFirst("(?m)^policy:.*$", "policy: secret-policy-a");
        Api.Response uploaded = api.post("/api/v1/policies", Map.of("file_name", "a.yaml", "source", policySource)).key(a.admin()).send();
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String policyVersion = uploaded.json().at("/version/version").asString();
        long deliveryId = jdbc.sql("select id from outbox where merchant_id = ? order by id limit 1").param(a.id()).query(Long.class).single();
        String keyId = jdbc.sql("select id::text from api_key where merchant_id = ? limit 1").param(a.id()).query(String.class).single();
        Api.Response endpoint = api.post("/api/v1/webhook-endpoints", Map.of("url", "http://127.0.0.1:9/hook-a", "enabled_events", List.of("*")))
                .key(a.admin()).send();
        assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
        String endpointId = endpoint.json().get("id").asString();
        String secrets = String.join("|", rma.get("id").asString(), rma.get("number").asString(), "SECRET-ORDER-A", "SECRET-SERIAL-A",
                "h.mueller@example.com", "secret-policy-a", a.slug());

        Map<String, String> values = Map.of("id", rma.get("id").asString(), "number", "SECRET-ORDER-A", "serial", "SECRET-SERIAL-A",
                "policy", "secret-policy-a", "version", policyVersion);
        List<String> checked = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : e.getKey().getPathPatternsCondition().getPatternValues()) {
                if (!pattern.startsWith("/api/v1/")) {
                    continue;
                }
                Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
                for (RequestMethod method : methods) {
                    String path = fill(pattern, values, deliveryId, keyId, endpointId);
                    String body = method == RequestMethod.GET ? null : "{\"version\": 0}";
                    Api.Response asB = api.request(method.name(), path, body).key(b.admin()).send();
                    checked.add(method + " " + pattern + " -> " + asB.status());
                    assertThat(asB.status()).as(method + " " + path + " as merchant B: " + asB).isNotEqualTo(500);
                    String echoFree = asB.text();
                    for (String v : values.values()) {
                        if (path.contains(v)) {
                            echoFree = echoFree.replace(v, "");
                        }
                    }
                    assertThat(echoFree).as(method + " " + path + " as merchant B leaks A's data: " + asB).doesNotContainPattern(secrets);
                    if (pattern.contains("{") && method == RequestMethod.GET) {
                        assertThat(asB.status()).as(method + " " + path + " as B").isEqualTo(404);
                        Api.Response asA = api.request(method.name(), path, null).key(a.admin()).send();
                        assertThat(asA.status()).as(method + " " + path + " as A: " + asA).isEqualTo(200);
                    }
                    if (pattern.contains("{") && method != RequestMethod.GET) {
                        assertThat(asB.status()).as(method + " " + path + " as B: " + asB).isIn(404, 422, 428);
                    }
                }
            }
        }
        assertThat(checked).hasSizeGreaterThan(20);
        assertThat(jdbc.sql("select count(*) from audit_event where merchant_id = ? and entity_id = ?").params(b.id(), rma.get("id").asString())
                .query(Long.class).single()).isZero();
    }

    private static String fill(String pattern, Map<String, String> values, long deliveryId, String keyId, String endpointId) {
        String p = pattern;
        if (p.startsWith("/api/v1/webhook-endpoints/")) {
            p = p.replace("{id}", endpointId);
        }
        if (p.startsWith("/api/v1/deliveries/")) {
            p = p.replace("{id}", String.valueOf(deliveryId));
        }
        if (p.startsWith("/api/v1/merchant/api-keys/")) {
            p = p.replace("{id}", keyId);
        }
        for (var v : values.entrySet()) {
            p = p.replace("{" + v.getKey() + "}", v.getValue());
        }
        return p;
    }
}

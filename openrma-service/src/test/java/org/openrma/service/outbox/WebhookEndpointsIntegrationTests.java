package org.openrma.service.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Webhook endpoints as a resource: several per merchant, each with its event filter and its own
 * secret; rotation with an overlap signed with both secrets; disable, delete, and a test event.
 * A JDK HttpServer receives the webhooks on three paths.
 */
class WebhookEndpointsIntegrationTests extends IntegrationTest {

    record Received(String path, String signature, String eventId, String eventType, String body) {}

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        clock.set(Instant.parse("2025-10-24T10:00:00Z"));
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("OpenRMA-Signature"),
                    exchange.getRequestHeaders().getFirst("OpenRMA-Event-Id"), exchange.getRequestHeaders().getFirst("OpenRMA-Event-Type"), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private JsonNode create(TestMerchant m, String path, List<String> events) {
        Api.Response r = api.post("/api/v1/webhook-endpoints", Map.of("url", url(path), "enabled_events", events)).key(m.admin()).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.header("Location")).isEqualTo("/api/v1/webhook-endpoints/" + r.json().get("id").asString());
        return r.json();
    }

    private List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The v1 values of an OpenRMA-Signature header. */
    private static List<String> v1s(String header) {
        List<String> v = new ArrayList<>();
        for (String part : header.split(",")) {
            if (part.startsWith("v1=")) {
                v.add(part.substring(3));
            }
        }
        return v;
    }

    private static String expectedV1(String secret, Received r) {
        long t = Long.parseLong(r.signature().split(",")[0].substring(2));
        return v1s(OutboxRelay.signature(secret, t, r.body())).getFirst();
    }

    @Test
    void eachEventGoesToEveryEndpointWhoseFilterTakesItAndToTheMerchantsOwnUrl() {
        TestMerchant m = newMerchant("kingdo");
        api.put("/api/v1/merchant", Map.of("version", 0, "webhook_url", url("/own"))).key(m.admin()).send();
        JsonNode all = create(m, "/all", List.of("*"));
        create(m, "/created", List.of("rma.created"));
        create(m, "/orders", List.of("order.delivery_updated"));

        submit(m, Claims.kingdoUnopenedDay60("WHE-1"));
        relay.deliverDue();

        assertThat(at("/own")).extracting(Received::eventType).containsExactly("rma.created");
        assertThat(at("/all")).extracting(Received::eventType).containsExactly("rma.created");
        assertThat(at("/created")).extracting(Received::eventType).containsExactly("rma.created");
        assertThat(at("/orders")).isEmpty();
        // One event, the same id at every endpoint; each endpoint's copy is signed with its own secret.
        assertThat(received).extracting(Received::eventId).containsOnly(at("/own").getFirst().eventId());
        Received toAll = at("/all").getFirst();
        assertThat(v1s(toAll.signature())).containsExactly(expectedV1(all.get("secret").asString(), toAll));
        JsonNode deliveries = api.get("/api/v1/deliveries?channel=webhook").key(m.admin()).send().json().get("items");
        assertThat(deliveries).hasSize(3);
        assertThat(deliveries).extracting(d -> d.at("/payload/type").asString()).containsOnly("rma.created");
    }

    @Test
    void theSecretIsShownOnlyWhenTheEndpointIsCreated() {
        TestMerchant m = newMerchant("kingdo");
        JsonNode created = create(m, "/once", List.of("*"));
        assertThat(created.get("secret").asString()).startsWith("whsec_");

        JsonNode shown = api.get("/api/v1/webhook-endpoints/" + created.get("id").asString()).key(m.admin()).send().json();
        assertThat(shown.has("secret")).isFalse();
        JsonNode listed = api.get("/api/v1/webhook-endpoints").key(m.admin()).send().json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).has("secret")).isFalse();
        assertThat(api.get("/api/v1/webhook-endpoints").key(m.agent()).send().status()).as("admin only").isEqualTo(403);
    }

    @Test
    void aRotatedSecretSignsBesideThePreviousOneUntilTheOverlapEnds() {
        TestMerchant m = newMerchant("kingdo");
        JsonNode endpoint = create(m, "/rotating", List.of("*"));
        String id = endpoint.get("id").asString();
        String old = endpoint.get("secret").asString();

        Api.Response rotated = api.post("/api/v1/webhook-endpoints/" + id + "/rotate-secret", Map.of("previous_secret_valid_hours", 2))
                .key(m.admin()).send();
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String fresh = rotated.json().get("secret").asString();
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
        assertThat(Instant.parse(rotated.json().get("previous_secret_expires_at").asString())).isEqualTo(clock.instant().plus(Duration.ofHours(2)));

        submit(m, Claims.kingdoUnopenedDay60("WHE-R1"));
        relay.deliverDue();
        Received during = at("/rotating").getLast();
        assertThat(v1s(during.signature())).containsExactly(expectedV1(fresh, during), expectedV1(old, during));

        clock.advance(Duration.ofHours(2).plusSeconds(1));
        submit(m, Claims.kingdoUnopenedDay60("WHE-R2"));
        relay.deliverDue();
        Received after = at("/rotating").getLast();
        assertThat(v1s(after.signature())).containsExactly(expectedV1(fresh, after));
        assertThat(api.get("/api/v1/webhook-endpoints/" + id).key(m.admin()).send().json().get("previous_secret_expires_at").isNull()).isTrue();
    }

    @Test
    void aDisabledEndpointGetsNoNewEventsAndADeletedOneGivesUpWhatWasWaiting() {
        TestMerchant m = newMerchant("kingdo");
        String disabled = create(m, "/disabled", List.of("*")).get("id").asString();
        String deleted = create(m, "/deleted", List.of("*")).get("id").asString();
        Api.Response off = api.put("/api/v1/webhook-endpoints/" + disabled, Map.of("enabled", false)).key(m.admin()).send();
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(off.json().get("enabled").asBoolean()).isFalse();
        assertThat(off.json().get("enabled_events")).extracting(JsonNode::asString).containsExactly("*");

        submit(m, Claims.kingdoUnopenedDay60("WHE-D1"));         // queued for /deleted only
        assertThat(api.request("DELETE", "/api/v1/webhook-endpoints/" + deleted, null).key(m.admin()).send().status()).isEqualTo(204);
        relay.deliverDue();

        assertThat(received).isEmpty();
        JsonNode given = api.get("/api/v1/deliveries?channel=webhook").key(m.admin()).send().json().get("items").get(0);
        assertThat(given.get("status").asString()).isEqualTo("dead");
        assertThat(given.get("webhook_endpoint_id").asString()).isEqualTo(deleted);
        assertThat(api.get("/api/v1/webhook-endpoints/" + deleted).key(m.admin()).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/audit?entity_type=webhook_endpoint").key(m.admin()).send().json().get("items"))
                .extracting(e -> e.get("action").asString())
                .containsExactly("webhook_endpoint.created", "webhook_endpoint.created", "webhook_endpoint.updated", "webhook_endpoint.deleted");
    }

    @Test
    void aTestEventGoesToTheOneEndpointSignedWithItsSecret() {
        TestMerchant m = newMerchant("kingdo");
        JsonNode endpoint = create(m, "/tested", List.of("order.delivery_updated"));
        create(m, "/other", List.of("*"));

        Api.Response queued = api.post("/api/v1/webhook-endpoints/" + endpoint.get("id").asString() + "/test", Map.of()).key(m.admin()).send();
        assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
        assertThat(queued.header("Location")).isEqualTo("/api/v1/deliveries/" + queued.json().at("/message/id").asLong());
        assertThat(queued.json().at("/message/status").asString()).isEqualTo("pending");
        relay.deliverDue();

        assertThat(at("/other")).isEmpty();
        Received test = at("/tested").getFirst();
        assertThat(test.eventType()).isEqualTo("webhook_endpoint.test");
        assertThat(v1s(test.signature())).containsExactly(expectedV1(endpoint.get("secret").asString(), test));
        assertThat(Api.JSON.readTree(test.body()).at("/data/webhook_endpoint_id").asString()).isEqualTo(endpoint.get("id").asString());
        JsonNode delivery = api.get(queued.header("Location")).key(m.admin()).send().json();
        assertThat(delivery.at("/message/status").asString()).isEqualTo("delivered");
    }

    @Test
    void unknownEventTypesAndPrivateUrlsAreRefusedNamingTheField() {
        TestMerchant m = newMerchant("kingdo");
        Api.Response r = api.post("/api/v1/webhook-endpoints", Map.of("url", "https://10.0.0.7/hook",
                "enabled_events", List.of("rma.created", "rma.exploded"))).key(m.admin()).send();
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors")).extracting(e -> e.get("field").asString()).containsExactlyInAnyOrder("url", "enabled_events[1]");
        Api.Response none = api.post("/api/v1/webhook-endpoints", Map.of("url", url("/x"), "enabled_events", List.of())).key(m.admin()).send();
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.json().at("/errors/0/field").asString()).isEqualTo("enabled_events");
        Api.Response tooLong = api.post("/api/v1/webhook-endpoints/" + create(m, "/y", List.of("*")).get("id").asString() + "/rotate-secret",
                Map.of("previous_secret_valid_hours", 1000)).key(m.admin()).send();
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().at("/errors/0/field").asString()).isEqualTo("previous_secret_valid_hours");
    }

    @Test
    void anotherMerchantsEndpointIsNotFound() {
        TestMerchant a = newMerchant("kingdo");
        TestMerchant b = newMerchant("kingdo");
        String id = create(a, "/a", List.of("*")).get("id").asString();
        assertThat(api.get("/api/v1/webhook-endpoints/" + id).key(b.admin()).send().status()).isEqualTo(404);
        assertThat(api.post("/api/v1/webhook-endpoints/" + id + "/test", Map.of()).key(b.admin()).send().status()).isEqualTo(404);
        assertThat(api.request("DELETE", "/api/v1/webhook-endpoints/" + id, null).key(b.admin()).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/webhook-endpoints").key(b.admin()).send().json()).isEmpty();
    }
}

package org.openrma.service.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * E-mail through the merchant's SMTP server (GreenMail, a real SMTP server) and signed webhooks to a
 * real HTTP receiver, both through the transactional outbox: a broken endpoint never breaks a claim,
 * and failed deliveries are retried with backoff.
 */
class NotificationsIntegrationTests extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    record Received(String signature, String eventId, String eventType, String body) {}

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean fail = failuresLeft.getAndDecrement() > 0;
            if (!fail) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("OpenRMA-Signature"),
                        exchange.getRequestHeaders().getFirst("OpenRMA-Event-Id"), exchange.getRequestHeaders().getFirst("OpenRMA-Event-Type"), body));
            }
            exchange.sendResponseHeaders(fail ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private JsonNode configure(TestMerchant m, Map<String, Object> settings) {
        Api.Response r = api.put("/api/v1/merchant", settings).key(m.admin()).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void theCustomerIsEmailedThroughTheMerchantsSmtpServer() throws Exception {
        TestMerchant m = newMerchant("kingdo");
        configure(m, Map.of("version", 0, "smtp_host", "127.0.0.1", "smtp_port", ServerSetupTest.SMTP.getPort(), "smtp_from", "returns@kingdo.example"));
        clock.set(Instant.parse("2025-10-24T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kingdoUnopenedDay60("KGD-N1"));

        assertThat(mail.getReceivedMessages()).isEmpty();
        relay.deliverDue();

        MimeMessage[] messages = mail.getReceivedMessages();
        assertThat(messages).hasSize(1);
        assertThat(messages[0].getAllRecipients()[0].toString()).isEqualTo("ana@example.com");
        assertThat(messages[0].getFrom()[0].toString()).isEqualTo("returns@kingdo.example");
        assertThat(messages[0].getSubject()).contains(rma.get("number").asString()).contains("KGD-N1");
        JsonNode deliveries = api.get("/api/v1/deliveries?channel=email").key(m.agent()).send().json();
        assertThat(deliveries.get("items").get(0).get("status").asString()).isEqualTo("delivered");
    }

    @Test
    void anUnreachableSmtpServerNeitherBreaksTheClaimNorLosesTheEmail() {
        TestMerchant m = newMerchant("kingdo");
        configure(m, Map.of("version", 0, "smtp_host", "127.0.0.1", "smtp_port", 9, "smtp_from", "returns@kingdo.example"));
        clock.set(Instant.parse("2025-10-24T10:00:00Z"));
        submit(m, Claims.kingdoUnopenedDay60("KGD-N2"));

        relay.deliverDue();
        JsonNode pending = api.get("/api/v1/deliveries?channel=email").key(m.agent()).send().json().get("items").get(0);
        assertThat(pending.get("status").asString()).isEqualTo("pending");
        assertThat(pending.get("attempts").asInt()).isEqualTo(1);
        assertThat(Instant.parse(pending.get("next_attempt_at").asString())).isEqualTo(clock.instant().plusSeconds(10));
        assertThat(pending.get("last_error").asString()).isNotBlank();
    }

    @Test
    void webhooksAreSignedWithTheMerchantsSecret() {
        TestMerchant m = newMerchant("kingdo");
        JsonNode settings = configure(m, Map.of("version", 0, "webhook_url", hookUrl(), "rotate_webhook_secret", true));
        String secret = settings.get("webhook_secret").asString();
        assertThat(secret).startsWith("whsec_");
        clock.set(Instant.parse("2025-10-24T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kingdoUnopenedDay60("KGD-N3"));
        actOk(m, rma, "ship-back", Map.of("tracking", "T-3"));

        relay.deliverDue();

        assertThat(received).extracting(Received::eventType).containsExactly("rma.created", "rma.status_changed");
        for (Received r : received) {
            long t = Long.parseLong(r.signature().replaceAll("t=(\\d+),.*", "$1"));
            assertThat(r.signature()).isEqualTo(OutboxRelay.signature(secret, t, r.body()));
            assertThat(Api.JSON.readTree(r.body()).get("id").asString()).isEqualTo(r.eventId());
        }
        JsonNode changed = Api.JSON.readTree(received.get(1).body());
        assertThat(changed.at("/data/status").asString()).isEqualTo("in_transit");
        assertThat(changed.at("/data/previous_status").asString()).isEqualTo("authorized");
        assertThat(OutboxRelay.signature("another secret", 1L, received.get(0).body())).isNotEqualTo(received.get(0).signature());
    }

    @Test
    void aFailingEndpointIsRetriedWithExponentialBackoffUntilItAnswers() {
        TestMerchant m = newMerchant("kingdo");
        configure(m, Map.of("version", 0, "webhook_url", hookUrl()));
        clock.set(Instant.parse("2025-10-24T10:00:00Z"));
        failuresLeft.set(2);
        submit(m, Claims.kingdoUnopenedDay60("KGD-N4"));

        relay.deliverDue();                               // attempt 1 fails: next in 10 s
        assertThat(received).isEmpty();
        clock.advance(Duration.ofSeconds(9));
        relay.deliverDue();                               // not due yet
        clock.advance(Duration.ofSeconds(1));
        relay.deliverDue();                               // attempt 2 fails: next in 20 s
        clock.advance(Duration.ofSeconds(19));
        relay.deliverDue();
        assertThat(received).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        relay.deliverDue();                               // attempt 3 succeeds
        assertThat(received).hasSize(1);

        JsonNode list = api.get("/api/v1/deliveries?channel=webhook").key(m.agent()).send().json();
        long id = list.get("items").get(0).get("id").asLong();
        JsonNode detail = api.get("/api/v1/deliveries/" + id).key(m.agent()).send().json();
        assertThat(detail.at("/message/status").asString()).isEqualTo("delivered");
        assertThat(detail.get("attempts").valueStream().map(a -> a.get("status_code").asInt())).containsExactly(503, 503, 204);
    }

    @Test
    void aDeliveryThatRunsOutOfAttemptsIsDeadUntilAnAdminRetriesIt() {
        TestMerchant m = newMerchant("kingdo");
        configure(m, Map.of("version", 0, "webhook_url", hookUrl()));
        clock.set(Instant.parse("2025-10-24T10:00:00Z"));
        failuresLeft.set(3);
        submit(m, Claims.kingdoUnopenedDay60("KGD-N5"));
        for (int i = 0; i < 3; i++) {
            relay.deliverDue();
            clock.advance(Duration.ofHours(1));
        }
        JsonNode dead = api.get("/api/v1/deliveries?status=dead").key(m.agent()).send().json();
        assertThat(dead.get("total").asLong()).isEqualTo(1);
        long id = dead.get("items").get(0).get("id").asLong();
        assertThat(api.post("/api/v1/deliveries/" + id + "/retry", Map.of()).key(m.agent()).send().status()).isEqualTo(403);
        assertThat(api.post("/api/v1/deliveries/" + id + "/retry", Map.of()).key(m.admin()).send().status()).isEqualTo(200);
        relay.deliverDue();
        assertThat(received).hasSize(1);
    }

    @Test
    void theCustomerHearsOfEachStepThatConcernsThem() throws Exception {
        TestMerchant m = newMerchant("kingdo");
        configure(m, Map.of("version", 0, "smtp_host", "127.0.0.1", "smtp_port", ServerSetupTest.SMTP.getPort(), "smtp_from", "returns@kingdo.example"));
        clock.set(Instant.parse("2025-10-24T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kingdoUnopenedDay60("KGD-N6"));
        rma = actOk(m, rma, "ship-back", Map.of("tracking", "T-6"));
        rma = actOk(m, rma, "receive", Map.of());
        rma = actOk(m, rma, "inspect", Map.of("finding", "no_fault_found"));
        actOk(m, rma, "resolve", Map.of("resolution", "refund"));
        relay.deliverDue();

        MimeMessage[] messages = mail.getReceivedMessages();
        assertThat(messages).extracting(MimeMessage::getSubject).satisfiesExactly(
                s -> assertThat(s).contains("is authorized"),
                s -> assertThat(s).contains("Inspection result"),
                s -> assertThat(s).contains("is resolved: refund"));
        String authorized = ((String) messages[0].getContent());
        assertThat(authorized).contains("Ship it back by 2025-11-07").contains("paid by you");
        assertThat((String) messages[1].getContent()).contains("no fault found");
        assertThat((String) messages[2].getContent()).contains("189.00 USD");
    }
}

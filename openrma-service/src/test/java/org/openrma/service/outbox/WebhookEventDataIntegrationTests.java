package org.openrma.service.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.IntegrationTest;
import org.openrma.service.web.Json;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** An event's data is written only when a webhook takes the event: a merchant without webhooks pays nothing for it. */
class WebhookEventDataIntegrationTests extends IntegrationTest {

    @Autowired
    Outbox outbox;

    private long queued(TestMerchant m) {
        return jdbc.sql("select count(*) from outbox where merchant_id = ? and channel = 'webhook'").param(m.id()).query(Long.class).single();
    }

    @Test
    void anEventNoWebhookTakesIsNeitherWrittenNorQueued() {
        TestMerchant m = newMerchant("kingdo");
        AtomicInteger written = new AtomicInteger();

        outbox.webhook(merchants.get(m.id()), "rma.created", () -> {
            written.incrementAndGet();
            return Json.tree(Map.of("n", 1));
        });

        assertThat(written).hasValue(0);
        assertThat(queued(m)).isZero();
    }

    @Test
    void anEventTheMerchantsWebhookTakesIsWrittenOnceAndQueued() {
        TestMerchant m = newMerchant("kingdo");
        assertThat(api.put("/api/v1/merchant", Map.of("version", 0, "webhook_url", "http://127.0.0.1:9/openrma")).key(m.admin()).send()
                .status()).isEqualTo(200);
        AtomicInteger written = new AtomicInteger();

        outbox.webhook(merchants.get(m.id()), "rma.created", () -> {
            written.incrementAndGet();
            return Json.tree(Map.of("n", 1));
        });

        assertThat(written).hasValue(1);
        assertThat(queued(m)).isEqualTo(1);
        JsonNode payload = Json.read(jdbc.sql("select payload::text from outbox where merchant_id = ?").param(m.id()).query(String.class).single());
        assertThat(payload.path("data").path("n").asInt()).isEqualTo(1);
    }
}

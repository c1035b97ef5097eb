package org.openrma.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.node.ObjectNode;

/** Idempotency-Key: a retried POST replays the first response instead of acting twice. */
class IdempotencyIntegrationTests extends IntegrationTest {

    private long rmaCount(TestMerchant m) {
        return jdbc.sql("select count(*) from rma where merchant_id = ?").param(m.id()).query(Long.class).single();
    }

    @Test
    void aRetryWithTheSameKeyAndBodyReplaysTheResponseAndCreatesNothingNew() {
        TestMerchant m = newMerchant("kingdo");
        ObjectNode claim = Claims.kingdoUnopenedDay60("KGD-I1");
        Api.Response first = api.post("/api/v1/rmas", claim).key(m.agent()).idempotencyKey("k-1").send();
        Api.Response second = api.post("/api/v1/rmas", claim).key(m.agent()).idempotencyKey("k-1").send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(rmaCount(m)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefusedWith422() {
        TestMerchant m = newMerchant("kingdo");
        api.post("/api/v1/rmas", Claims.kingdoUnopenedDay60("KGD-I2")).key(m.agent()).idempotencyKey("k-2").send();
        Api.Response other = api.post("/api/v1/rmas", Claims.kingdoUnopenedDay60("KGD-I3")).key(m.agent()).idempotencyKey("k-2").send();
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("detail").asString()).contains("k-2");
        assertThat(rmaCount(m)).isEqualTo(1);
    }

    @Test
    void aFailedAttemptIsNotStoredSoTheRetryRunsAgain() {
        TestMerchant m = newMerchant("kingdo");
        ObjectNode claim = Claims.byOrderNumber(Claims.kingdoUnopenedDay60("KGD-I4"));
        assertThat(api.post("/api/v1/rmas", claim).key(m.agent()).idempotencyKey("k-4").send().status()).isEqualTo(404);
        api.post("/api/v1/orders", Claims.order(Claims.kingdoUnopenedDay60("KGD-I4"))).key(m.agent()).send();
        assertThat(api.post("/api/v1/rmas", claim).key(m.agent()).idempotencyKey("k-4").send().status()).isEqualTo(201);
    }

    @Test
    void keysAreScopedToTheMerchant() {
        TestMerchant a = newMerchant("kingdo");
        TestMerchant b = newMerchant("kingdo");
        ObjectNode claim = Claims.kingdoUnopenedDay60("KGD-I5");
        assertThat(api.post("/api/v1/rmas", claim).key(a.agent()).idempotencyKey("shared").send().status()).isEqualTo(201);
        Api.Response other = api.post("/api/v1/rmas", claim).key(b.agent()).idempotencyKey("shared").send();
        assertThat(other.status()).isEqualTo(201);
        assertThat(other.header("Idempotent-Replayed")).isNull();
        assertThat(rmaCount(b)).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneRma() throws Exception {
        TestMerchant m = newMerchant("kingdo");
        ObjectNode claim = Claims.kingdoUnopenedDay60("KGD-I6");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Api.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> api.post("/api/v1/rmas", claim).key(m.agent()).idempotencyKey("k-6").send());
            }
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
            assertThat(responses).extracting(Api.Response::status).containsOnly(201);
            assertThat(responses).extracting(r -> r.json().get("id").asString()).containsOnly(responses.getFirst().json().get("id").asString());
            assertThat(rmaCount(m)).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }
}

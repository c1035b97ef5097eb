package org.openrma.service.rma;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.RepeatedTest;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Optimistic concurrency: two agents acting on the same version at once get one success and one 409. */
class ConcurrencyIntegrationTests extends IntegrationTest {

    @RepeatedTest(3)
    void twoAgentsActingAtOnceGetOneSuccessAndOneConflict() throws Exception {
        TestMerchant m = newMerchant("kingdo");
        clock.set(Instant.parse("2025-10-24T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kingdoUnopenedDay60("KGD-C1"));
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Api.Response> cancel = CompletableFuture.supplyAsync(() -> {
            await(start);
            return act(m, rma, "cancel", Map.of("reason", "customer called"));
        });
        CompletableFuture<Api.Response> ship = CompletableFuture.supplyAsync(() -> {
            await(start);
            return act(m, rma, "ship-back", Map.of("tracking", "T1"));
        });
        List<Integer> statuses = List.of(cancel.get().status(), ship.get().status());

        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        JsonNode now = api.get("/api/v1/rmas/" + rma.get("id").asString()).key(m.agent()).send().json();
        assertThat(now.get("version").asInt()).isEqualTo(rma.get("version").asInt() + 1);
        long audited = jdbc.sql("select count(*) from audit_event where entity_id = ? and action <> 'rma.submitted'")
                .param(rma.get("id").asString()).query(Long.class).single();
        assertThat(audited).isEqualTo(1);
    }

    /** The same race with the version in the body instead of If-Match: the loser gets 409. */
    @RepeatedTest(3)
    void twoAgentsSendingTheVersionInTheBodyGetOneSuccessAndOne409() throws Exception {
        TestMerchant m = newMerchant("kingdo");
        clock.set(Instant.parse("2025-10-24T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kingdoUnopenedDay60("KGD-C2"));
        String path = "/api/v1/rmas/" + rma.get("id").asString();
        int version = rma.get("version").asInt();
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Api.Response> cancel = CompletableFuture.supplyAsync(() -> {
            await(start);
            return api.post(path + "/cancel", Map.of("version", version, "reason", "customer called")).key(m.agent()).send();
        });
        CompletableFuture<Api.Response> ship = CompletableFuture.supplyAsync(() -> {
            await(start);
            return api.post(path + "/ship-back", Map.of("version", version, "tracking", "T2")).key(m.agent()).send();
        });
        Api.Response a = cancel.get();
        Api.Response b = ship.get();
        assertThat(List.of(a.status(), b.status())).containsExactlyInAnyOrder(200, 409);
        Api.Response loser = a.status() == 409 ? a : b;
        assertThat(loser.contentType()).startsWith("application/problem+json");
        assertThat(loser.json().get("type").asString()).isIn("urn:openrma:problem:stale-version", "urn:openrma:problem:illegal-transition");
        assertThat(api.get(path).key(m.agent()).send().json().get("version").asInt()).isEqualTo(version + 1);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

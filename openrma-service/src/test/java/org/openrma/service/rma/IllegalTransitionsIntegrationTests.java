package org.openrma.service.rma;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openrma.service.rma.RmaLifecycle.Actor;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Through the API, in each status an RMA reaches on its way from authorized to closed, every
 * command endpoint the table does not allow answers 409 and changes nothing.
 * (RmaLifecycleTests checks every (status, action) pair of the table itself.)
 */
class IllegalTransitionsIntegrationTests extends IntegrationTest {

    /** A body each command accepts, so the refusal is about the transition, not the input. */
    private static final Map<RmaAction, Map<String, Object>> BODIES = Map.of(
            RmaAction.ADD_EVIDENCE, Map.of("evidence", List.of("photo")),
            RmaAction.REJECT, Map.of("reason", "x"),
            RmaAction.OVERRIDE, Map.of("reason", "x"),
            RmaAction.INSPECT, Map.of("finding", "no_fault_found"),
            RmaAction.RESOLVE, Map.of("resolution", "refund"));

    @Test
    void everyCommandTheTableDoesNotAllowIsRefusedWith409() {
        TestMerchant m = newMerchant("kingdo");
        clock.set(Instant.parse("2025-10-24T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kingdoUnopenedDay60("KGD-X1"));
        int refused = 0;
        for (String step : List.of("ship-back", "receive", "inspect", "resolve", "close", "")) {
            RmaStatus status = RmaStatus.valueOf(rma.get("status").asString().toUpperCase(java.util.Locale.ROOT));
            Set<RmaAction> allowed = EnumSet.noneOf(RmaAction.class);
            allowed.addAll(RmaLifecycle.allowed(status, Actor.AGENT));
            allowed.addAll(RmaLifecycle.allowed(status, Actor.CUSTOMER));
            allowed.addAll(RmaLifecycle.allowed(status, Actor.SYSTEM));
            for (RmaAction action : RmaAction.values()) {
                if (action == RmaAction.SUBMIT || action == RmaAction.EXPIRE || allowed.contains(action)) {
                    continue;
                }
                Api.Response r = act(m, rma, action.wire(), BODIES.getOrDefault(action, Map.of()));
                assertThat(r.status()).as(action.wire() + " in " + status + ": " + r).isEqualTo(409);
                assertThat(r.json().get("type").asString()).isEqualTo("urn:openrma:problem:illegal-transition");
                refused++;
            }
            JsonNode unchanged = api.get("/api/v1/rmas/" + rma.get("id").asString()).key(m.agent()).send().json();
            assertThat(unchanged.get("version").asInt()).isEqualTo(rma.get("version").asInt());
            if (!step.isEmpty()) {
                rma = actOk(m, rma, step, BODIES.getOrDefault(RmaAction.valueOf(step.toUpperCase(java.util.Locale.ROOT).replace('-', '_')), Map.of()));
            }
        }
        assertThat(rma.get("status").asString()).isEqualTo("closed");
        assertThat(refused).isGreaterThan(40);
    }
}

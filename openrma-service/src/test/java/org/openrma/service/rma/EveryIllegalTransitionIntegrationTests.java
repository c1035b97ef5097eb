package org.openrma.service.rma;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openrma.service.deadline.Deadlines;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generated from {@link RmaLifecycle#TABLE}: an RMA is brought into EVERY status, and in each one
 * every command endpoint whose (status, action) pair is not in the table answers 409
 * problem+json ({@code illegal-transition}) and changes nothing. SUBMIT (POST /rmas) and EXPIRE
 * (the deadline task) have no command endpoint; RmaLifecycleTests covers them on the table itself.
 */
class EveryIllegalTransitionIntegrationTests extends IntegrationTest {

    @Autowired
    Deadlines deadlines;

    /** A body each command accepts, so the refusal is about the transition, not the input. */
    private static final Map<RmaAction, Map<String, Object>> BODIES = Map.of(
            RmaAction.ADD_EVIDENCE, Map.of("evidence", List.of("photo")),
            RmaAction.REJECT, Map.of("reason", "x"),
            RmaAction.OVERRIDE, Map.of("reason", "x"),
            RmaAction.INSPECT, Map.of("finding", "no_fault_found"),
            RmaAction.RESOLVE, Map.of("resolution", "refund"));

    private static boolean inTable(RmaStatus status, RmaAction action) {
        return RmaLifecycle.TABLE.stream().anyMatch(t -> t.from() == status && t.action() == action);
    }

    private JsonNode reload(TestMerchant m, JsonNode rma) {
        return api.get("/api/v1/rmas/" + rma.get("id").asString()).key(m.agent()).send().json();
    }

    private static RmaStatus status(JsonNode rma) {
        return RmaStatus.valueOf(rma.get("status").asString().toUpperCase(Locale.ROOT));
    }

    /** A fresh kingdo RMA on its own order, moved through {@code steps}. */
    private JsonNode kingdoAfter(TestMerchant m, String order, String... steps) {
        JsonNode rma = submit(m, Claims.kingdoUnopenedDay60(order));
        for (String step : steps) {
            Map<String, Object> body = switch (step) {
                case "inspect" -> Map.of("finding", "no_fault_found");
                case "resolve" -> Map.of("resolution", "refund");
                case "ship-back" -> Map.of("tracking", "T1");
                default -> Map.of();
            };
            rma = actOk(m, rma, step, body);
        }
        return rma;
    }

    /**
     * One RMA in each status, reached through the API (and the deadline task for expired).
     * Timeline: the expiring claim is filed on 2025-10-24 and swept on 2025-11-09 (ship back by
     * 2025-11-07); the others are filed on 2025-10-24; the KOSPET ones at their scenario dates,
     * the needs-evidence one last, and the clock stays on 2024-09-11 so no deadline passes meanwhile.
     */
    private Map<RmaStatus, JsonNode> oneInEachStatus(TestMerchant kingdo, TestMerchant kospet) {
        Map<RmaStatus, JsonNode> by = new EnumMap<>(RmaStatus.class);
        clock.set(Instant.parse("2025-10-24T10:00:00Z"));
        JsonNode toExpire = kingdoAfter(kingdo, "KGD-EV-EXP");
        clock.set(Instant.parse("2025-11-09T10:00:00Z"));
        deadlines.sweep();
        by.put(RmaStatus.EXPIRED, reload(kingdo, toExpire));

        clock.set(Instant.parse("2025-10-24T10:00:00Z"));
        by.put(RmaStatus.AUTHORIZED, kingdoAfter(kingdo, "KGD-EV-AUT"));
        by.put(RmaStatus.IN_TRANSIT, kingdoAfter(kingdo, "KGD-EV-TRA", "ship-back"));
        by.put(RmaStatus.RECEIVED, kingdoAfter(kingdo, "KGD-EV-REC", "ship-back", "receive"));
        by.put(RmaStatus.INSPECTED, kingdoAfter(kingdo, "KGD-EV-INS", "ship-back", "receive", "inspect"));
        by.put(RmaStatus.RESOLVED, kingdoAfter(kingdo, "KGD-EV-RES", "ship-back", "receive", "inspect", "resolve"));
        by.put(RmaStatus.CLOSED, kingdoAfter(kingdo, "KGD-EV-CLO", "ship-back", "receive", "inspect", "resolve", "close"));
        by.put(RmaStatus.CANCELLED, kingdoAfter(kingdo, "KGD-EV-CAN", "cancel"));
        ObjectNode notReceived = Claims.kingdoUnopenedDay60("KGD-EV-REV");
        ((ObjectNode) notReceived.get("request")).put("kind", "not_received").put("reason", "not_received");
        by.put(RmaStatus.UNDER_REVIEW, submit(kingdo, notReceived));

        clock.set(Instant.parse("2023-10-20T10:00:00Z"));
        by.put(RmaStatus.REJECTED, submit(kospet, Claims.kospetFirmwareFlashed("KSP-EV-REJ")));
        clock.set(Instant.parse("2024-09-11T10:00:00Z"));
        by.put(RmaStatus.NEEDS_EVIDENCE, submit(kospet, Claims.kospetDoaWithoutPackagingPhoto("KSP-EV-EVI")));
        return by;
    }

    @Test
    void inEveryStatusEveryActionTheTableDoesNotAllowIsRefusedWith409() {
        TestMerchant kingdo = newMerchant("kingdo");
        TestMerchant kospet = newMerchant("kospet");
        Map<RmaStatus, JsonNode> rmas = oneInEachStatus(kingdo, kospet);
        rmas.forEach((expected, rma) -> assertThat(status(reload(expected == RmaStatus.NEEDS_EVIDENCE || expected == RmaStatus.REJECTED
                ? kospet : kingdo, rma))).as("reached " + expected).isEqualTo(expected));
        assertThat(rmas.keySet()).containsExactlyInAnyOrder(RmaStatus.values());

        int refused = 0;
        Set<RmaAction> commands = EnumSet.complementOf(EnumSet.of(RmaAction.SUBMIT, RmaAction.EXPIRE));
        for (var e : rmas.entrySet()) {
            TestMerchant m = e.getKey() == RmaStatus.NEEDS_EVIDENCE || e.getKey() == RmaStatus.REJECTED ? kospet : kingdo;
            JsonNode rma = reload(m, e.getValue());
            for (RmaAction action : commands) {
                if (inTable(e.getKey(), action)) {
                    continue;
                }
                Api.Response r = act(m, rma, action.wire(), BODIES.getOrDefault(action, Map.of()));
                assertThat(r.status()).as(action.wire() + " in " + e.getKey() + ": " + r).isEqualTo(409);
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.json().get("type").asString()).isEqualTo("urn:openrma:problem:illegal-transition");
                refused++;
            }
            assertThat(reload(m, rma).get("version").asInt()).as("unchanged in " + e.getKey()).isEqualTo(rma.get("version").asInt());
        }
        long expected = EnumSet.allOf(RmaStatus.class).stream()
                .mapToLong(s -> commands.stream().filter(a -> !inTable(s, a)).count()).sum();
        assertThat(refused).isEqualTo((int) expected).isGreaterThan(100);
    }
}

package org.openrma.service.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** "SLA due soon": an open RMA whose SLA date is within two days is flagged, listed by the filter, and announced once. */
class SlaDueSoonIntegrationTests extends IntegrationTest {

    @Autowired
    Deadlines deadlines;

    private JsonNode get(TestMerchant m, JsonNode rma) {
        return api.get("/api/v1/rmas/" + rma.get("id").asString()).key(m.agent()).send().json();
    }

    private long listed(TestMerchant m, String query) {
        return api.get("/api/v1/rmas?" + query).key(m.agent()).send().json().get("total").asLong();
    }

    @Test
    void anRmaIsDueSoonTwoDaysBeforeItsSlaDateAndAnnouncedOnce() {
        TestMerchant m = newMerchant("kingdo");
        api.put("/api/v1/merchant", Map.of("version", 0, "webhook_url", "http://127.0.0.1:9/hook")).key(m.admin()).send();
        clock.set(Instant.parse("2025-10-24T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kingdoUnopenedDay60("KGD-S1"));
        rma = actOk(m, rma, "ship-back", Map.of("tracking", "T-S1"));
        clock.set(Instant.parse("2025-10-30T10:00:00Z"));
        rma = actOk(m, rma, "receive", Map.of());
        LocalDate due = LocalDate.parse(rma.get("sla_due_by").asString());
        assertThat(rma.get("sla_due_soon").asBoolean()).isFalse();

        // Timeline: due-3 days not yet due soon; due-2 days due soon; the sweep announces it once.
        clock.set(due.minusDays(3).atTime(12, 0).toInstant(ZoneOffset.UTC));
        assertThat(get(m, rma).get("sla_due_soon").asBoolean()).isFalse();
        assertThat(listed(m, "sla_due_soon=true")).isZero();
        deadlines.sweep();
        assertThat(jdbc.sql("select count(*) from outbox where merchant_id = ? and event_type = 'rma.sla_due_soon'").param(m.id())
                .query(Long.class).single()).isZero();

        clock.set(due.minusDays(2).atTime(0, 30).toInstant(ZoneOffset.UTC));
        assertThat(get(m, rma).get("sla_due_soon").asBoolean()).isTrue();
        assertThat(listed(m, "sla_due_soon=true")).isEqualTo(1);
        assertThat(listed(m, "sla_due_soon=false")).isZero();
        assertThat(listed(m, "sla_due_from=" + due + "&sla_due_to=" + due)).isEqualTo(1);
        assertThat(listed(m, "sla_due_to=" + due.minusDays(1))).isZero();
        deadlines.sweep();
        deadlines.sweep();
        assertThat(jdbc.sql("select count(*) from outbox where merchant_id = ? and event_type = 'rma.sla_due_soon'").param(m.id())
                .query(Long.class).single()).isEqualTo(1);
        JsonNode history = api.get("/api/v1/rmas/" + rma.get("id").asString() + "/history").key(m.agent()).send().json();
        assertThat(history.get("items").valueStream().map(e -> e.get("action").asString())).contains("rma.sla_due_soon");

        // Resolved: no longer due soon.
        JsonNode inspected = actOk(m, get(m, rma), "inspect", Map.of("finding", "no_fault_found"));
        JsonNode resolved = actOk(m, inspected, "resolve", Map.of("resolution", "refund"));
        assertThat(resolved.get("sla_due_soon").asBoolean()).isFalse();
    }
}

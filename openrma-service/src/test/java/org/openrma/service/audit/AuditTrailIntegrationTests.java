package org.openrma.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The audit trail records who did what with before/after state, and cannot be rewritten. */
class AuditTrailIntegrationTests extends IntegrationTest {

    @Test
    void settingsChangesAreAuditedWithBeforeAndAfter() {
        TestMerchant m = newMerchant("kingdo");
        assertThat(api.put("/api/merchant", Map.of("version", 0, "time_zone", "Europe/Berlin")).key(m.admin()).send().status()).isEqualTo(200);
        JsonNode events = api.get("/api/audit?entity_type=merchant").key(m.agent()).send().json();
        assertThat(events.get("total").asLong()).isEqualTo(1);
        JsonNode e = events.get("items").get(0);
        assertThat(e.get("action").asString()).isEqualTo("merchant.updated");
        assertThat(e.get("actor").asString()).isEqualTo("admin:admin");
        assertThat(e.at("/before/time_zone").asString()).isEqualTo("UTC");
        assertThat(e.at("/after/time_zone").asString()).isEqualTo("Europe/Berlin");
    }

    @Test
    void theDatabaseRejectsUpdatesAndDeletesOfAuditEvents() {
        TestMerchant m = newMerchant("kingdo");
        submit(m, Claims.kospetFirmwareFlashed("KSP-A1"));
        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'nobody' where merchant_id = ?").param(m.id()).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where merchant_id = ?").param(m.id()).update())
                .hasMessageContaining("append-only");
        assertThat(jdbc.sql("select count(*) from audit_event where merchant_id = ?").param(m.id()).query(Long.class).single()).isEqualTo(2);
    }
}

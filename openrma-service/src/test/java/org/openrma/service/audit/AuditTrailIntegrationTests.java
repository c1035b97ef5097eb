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
        assertThat(api.put("/api/v1/merchant", Map.of("version", 0, "time_zone", "Europe/Berlin")).key(m.admin()).send().status()).isEqualTo(200);
        JsonNode events = api.get("/api/v1/audit?entity_type=merchant").key(m.agent()).send().json();
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
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where merchant_id = ?").param(m.id()).update())
                .rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.sql("select count(*) from audit_event where merchant_id = ?").param(m.id()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aPublishedPolicyVersionAndTheStoredDecisionsCannotBeChanged() {
        TestMerchant m = newMerchant("kingdo");
        submit(m, Claims.kospetFirmwareFlashed("KSP-A2"));
        jdbc.sql("""
                insert into policy_version (merchant_id, policy_id, version, effective_from, sha256, file_name, source_text, uploaded_at, uploaded_by)
                values (?, 'p', '1', date '2030-01-01', 'x', 'p.yaml', 'policy: p', now(), 'test')""").param(m.id()).update();
        assertThatThrownBy(() -> jdbc.sql("update policy_version set source_text = 'changed' where merchant_id = ?").param(m.id()).update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from decision where merchant_id = ?").param(m.id()).update())
                .rootCause().hasMessageContaining("append-only");
    }
}

package org.openrma.service.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Units by serial: a finding that voids the warranty follows the serial into later claims; replacements keep history. */
class UnitHistoryIntegrationTests extends IntegrationTest {

    private JsonNode receivedDoa(TestMerchant m, String order, String serial) {
        clock.set(Instant.parse("2024-04-22T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kospetDeadOnArrival(order, serial));
        assertThat(rma.get("status").asString()).isEqualTo("authorized");
        return actOk(m, rma, "receive", Map.of());
    }

    @Test
    void anInspectionFindingFirmwareModifiedVoidsTheSerialForLaterClaims() {
        TestMerchant m = newMerchant("kospet");
        JsonNode rma = receivedDoa(m, "KSP-U1", "SN-U1");
        JsonNode inspected = actOk(m, rma, "inspect", Map.of("finding", "misuse", "facts", List.of("firmware_modified")));
        // The misuse ends that claim: rejected, the watch goes back to the customer, who may claim it again (an
        // open RMA would hold the unit, and a second claim on it would be refused at intake).
        actOk(m, inspected, "reject", Map.of("reason", "firmware modified: not covered"));

        JsonNode unit = api.get("/api/v1/units/SN-U1").key(m.agent()).send().json();
        assertThat(unit.get("warranty_void").asBoolean()).isTrue();
        assertThat(unit.get("voided_reason").asString()).contains("misuse");
        assertThat(unit.get("history").valueStream().map(e -> e.get("event").asString())).containsExactly("claimed", "warranty_voided");

        JsonNode later = submit(m, Claims.byOrderNumber(Claims.kospetDeadOnArrival("KSP-U1", "SN-U1")));
        assertThat(later.at("/claim/request/facts").valueStream().map(JsonNode::asString)).contains("warranty_voided");
        JsonNode decided = api.get("/api/v1/rmas/" + later.get("id").asString() + "/decisions").key(m.agent()).send().json();
        assertThat(decided.get(0).at("/claim/request/facts").valueStream().map(JsonNode::asString)).contains("warranty_voided");
    }

    @Test
    void aReplacementUnitKeepsTheHistoryAndLaterClaimsFollowIt() {
        TestMerchant m = newMerchant("kospet");
        JsonNode rma = receivedDoa(m, "KSP-U2", "SN-U2");
        rma = actOk(m, rma, "inspect", Map.of("finding", "defect_confirmed"));
        actOk(m, rma, "resolve", Map.of("resolution", "replacement", "replacement_serial", "SN-U2-R"));

        JsonNode old = api.get("/api/v1/units/SN-U2").key(m.agent()).send().json();
        assertThat(old.get("replaced_by_serial").asString()).isEqualTo("SN-U2-R");
        assertThat(old.get("warranty_void").asBoolean()).isFalse();
        JsonNode replacement = api.get("/api/v1/units/SN-U2-R").key(m.agent()).send().json();
        assertThat(replacement.get("history").get(0).get("event").asString()).isEqualTo("issued_as_replacement");

        JsonNode later = submit(m, Claims.byOrderNumber(Claims.kospetDeadOnArrival("KSP-U2", "SN-U2")));
        assertThat(later.at("/claim/order/lines/0/serial").asString()).isEqualTo("SN-U2-R");
    }
}

package org.openrma.service.rma;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The parcel of a unit shipped out: carrier and tracking number kept apart, and RMAs stored before the split still read. */
class OutboundShipmentIntegrationTests extends IntegrationTest {

    private JsonNode reshipped(TestMerchant m, String order, Map<String, Object> resolve) {
        clock.set(Instant.parse("2025-06-10T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kstParcelLost(order));
        return actOk(m, rma, "resolve", resolve);
    }

    @Test
    void carrierAndTrackingNumberComeBackAsTheySent() {
        TestMerchant m = newMerchant("kst-rma");
        JsonNode resolved = reshipped(m, "KSTD-O1", Map.of("resolution", "reshipment", "outbound_carrier", "DHL Express", "outbound_tracking", "JD 0201"));
        assertThat(resolved.get("outbound_carrier").asString()).isEqualTo("DHL Express");
        assertThat(resolved.get("outbound_tracking").asString()).isEqualTo("JD 0201");
        JsonNode read = api.get("/api/v1/rmas/" + resolved.get("id").asString()).key(m.agent()).send().json();
        assertThat(read.get("outbound_carrier").asString()).isEqualTo("DHL Express");
        assertThat(read.get("outbound_tracking").asString()).isEqualTo("JD 0201");
    }

    @Test
    void aTrackingNumberWithoutCarrierHasANullCarrier() {
        TestMerchant m = newMerchant("kst-rma");
        JsonNode resolved = reshipped(m, "KSTD-O2", Map.of("resolution", "reshipment", "outbound_tracking", "1Z999"));
        assertThat(resolved.get("outbound_carrier").isNull()).isTrue();
        assertThat(resolved.get("outbound_tracking").asString()).isEqualTo("1Z999");
    }

    @Test
    void anRmaStoredBeforeTheSplitStillReadsWithItsCombinedText() {
        TestMerchant m = newMerchant("kst-rma");
        JsonNode resolved = reshipped(m, "KSTD-O3", Map.of("resolution", "reshipment"));
        // What an older version stored: "<carrier> <tracking>" in one column, no carrier column.
        jdbc.sql("update rma set outbound_carrier = null, outbound_tracking = 'UPS 1Z999' where id = ?")
                .param(java.util.UUID.fromString(resolved.get("id").asString())).update();
        JsonNode read = api.get("/api/v1/rmas/" + resolved.get("id").asString()).key(m.agent()).send().json();
        assertThat(read.get("outbound_carrier").isNull()).isTrue();
        assertThat(read.get("outbound_tracking").asString()).isEqualTo("UPS 1Z999");
    }
}

package org.openrma.service.rma;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** A unit bought once is returned once: a second claim on it is refused at intake, before anything is shipped. */
class AlreadyClaimedUnitsIntegrationTests extends IntegrationTest {

    private TestMerchant m;

    @BeforeEach
    void kingdoOrderWithOneDevice() {
        m = newMerchant("kingdo");
        clock.set(Instant.parse("2025-10-24T10:00:00Z"));
    }

    private Api.Response file(String orderNumber) {
        return api.post("/api/v1/rmas", Claims.byOrderNumber(Claims.kingdoUnopenedDay60(orderNumber))).key(m.agent()).send();
    }

    @Test
    void aSecondReturnOfTheOnlyUnitIsRefusedWhileTheFirstIsOpen() {
        JsonNode first = submit(m, Claims.kingdoUnopenedDay60("DUP-1"));
        long rmasBefore = rmaCount();

        Api.Response second = file("DUP-1");

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("type").asString()).endsWith("units-already-claimed");
        assertThat(second.json().get("detail").asString())
                .contains("request.lines[0].quantity", "KGD-IPL-X1", first.get("number").asString(), "authorized");
        assertThat(rmaCount()).isEqualTo(rmasBefore);
    }

    @Test
    void aRejectedOrCancelledRequestFreesTheUnit() {
        JsonNode first = submit(m, Claims.kingdoUnopenedDay60("DUP-2"));
        actOk(m, first, "cancel", Map.of());

        Api.Response again = file("DUP-2");

        assertThat(again.status()).isEqualTo(201);
    }

    @Test
    void aUnitRefundedAndClosedIsGoneForGood() {
        JsonNode rma = submit(m, Claims.kingdoUnopenedDay60("DUP-3"));
        rma = actOk(m, rma, "ship-back", Map.of("carrier", "DHL", "tracking", "JD0009"));
        rma = actOk(m, rma, "receive", Map.of());
        rma = actOk(m, rma, "inspect", Map.of("finding", "no_fault_found"));
        rma = actOk(m, rma, "resolve", Map.of("resolution", "refund"));
        actOk(m, rma, "close", Map.of());

        Api.Response again = file("DUP-3");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("(returned)");
    }

    private long rmaCount() {
        return jdbc.sql("select count(*) from rma where merchant_id = ?").param(m.id()).query(Long.class).single();
    }
}

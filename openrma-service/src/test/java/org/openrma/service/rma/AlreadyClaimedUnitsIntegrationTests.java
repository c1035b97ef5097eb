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
import tools.jackson.databind.node.ObjectNode;

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

    /**
     * The order is locked as it is found and its RMAs are read in the same round trip, after the lock is granted: of claims on
     * the only unit filed at the same moment, each waits for the one before it to commit and sees its RMA, so exactly one wins.
     */
    @Test
    void ofClaimsOnTheOnlyUnitFiledAtOnceExactlyOneIsAccepted() throws Exception {
        ObjectNode claim = Claims.kingdoUnopenedDay60("RACE-1");
        assertThat(api.post("/api/v1/orders", Claims.order(claim)).key(m.agent()).send().status()).isEqualTo(201);
        long rmasBefore = rmaCount();
        int racers = 6;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(racers);
        java.util.List<java.util.concurrent.CompletableFuture<Api.Response>> filings = new java.util.ArrayList<>();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(racers);
        for (int i = 0; i < racers; i++) {
            filings.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return file("RACE-1");
            }, threads));
        }
        java.util.List<Integer> statuses = filings.stream().map(java.util.concurrent.CompletableFuture::join).map(Api.Response::status).toList();
        threads.shutdown();
        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        assertThat(rmaCount()).isEqualTo(rmasBefore + 1);
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

    @Test
    void aRepairedUnitIsTheCustomersAgainAndALaterWarrantyClaimOnItIsAccepted() {
        TestMerchant kospet = newMerchant("kospet");
        JsonNode repair = submit(kospet, kospetWarrantyDefect("DUP-4", "SN-DUP-4", "2024-06-03T10:00:00Z"));
        Api.Response whileOpen = api.post("/api/v1/rmas", Claims.byOrderNumber(kospetWarrantyDefect("DUP-4", "SN-DUP-4", "2024-06-03T10:00:00Z")))
                .key(kospet.agent()).send();
        assertThat(whileOpen.status()).as(whileOpen.toString()).isEqualTo(409);
        repair = actOk(kospet, repair, "receive", Map.of());
        repair = actOk(kospet, repair, "inspect", Map.of("finding", "defect_confirmed"));
        repair = actOk(kospet, repair, "resolve", Map.of("resolution", "repair"));
        assertThat(repair.get("resolution").asString()).isEqualTo("repair");
        actOk(kospet, repair, "close", Map.of());

        Api.Response later = api.post("/api/v1/rmas", Claims.byOrderNumber(kospetWarrantyDefect("DUP-4", "SN-DUP-4", "2024-11-04T10:00:00Z")))
                .key(kospet.agent()).send();

        assertThat(later.status()).as(later.toString()).isEqualTo(201);
    }

    @Test
    void aReplacedUnitMayBeClaimedAgain() {
        TestMerchant kospet = newMerchant("kospet");
        clock.set(Instant.parse("2024-04-22T10:00:00Z"));
        JsonNode doa = submit(kospet, Claims.kospetDeadOnArrival("DUP-5", "SN-DUP-5"));
        doa = actOk(kospet, doa, "receive", Map.of());
        doa = actOk(kospet, doa, "inspect", Map.of("finding", "defect_confirmed"));
        doa = actOk(kospet, doa, "resolve", Map.of("resolution", "replacement", "replacement_serial", "SN-DUP-5-R"));
        assertThat(doa.get("resolution").asString()).isEqualTo("replacement");

        Api.Response later = api.post("/api/v1/rmas", Claims.byOrderNumber(kospetWarrantyDefect("DUP-5", "SN-DUP-5", "2024-11-04T10:00:00Z")))
                .key(kospet.agent()).send();

        assertThat(later.status()).as(later.toString()).isEqualTo(201);
    }

    /** A Kospet watch under the one-year repair warranty: a defect reported on the given day (the clock is set to it). */
    private ObjectNode kospetWarrantyDefect(String orderNumber, String serial, String reportedAt) {
        clock.set(Instant.parse(reportedAt));
        ObjectNode claim = Claims.kospetDeadOnArrival(orderNumber, serial);
        ((ObjectNode) claim.get("request")).put("reason", "defective").put("submitted_at", reportedAt);
        return claim;
    }

    @Test
    void aRejectionOverriddenAfterTheUnitWasClaimedAgainIsRefused() {
        TestMerchant kospet = newMerchant("kospet");
        clock.set(Instant.parse("2023-10-20T10:00:00Z"));
        JsonNode rejected = submit(kospet, Claims.kospetFirmwareFlashed("DUP-K1"));
        assertThat(rejected.get("status").asString()).isEqualTo("rejected");
        tools.jackson.databind.node.ObjectNode plainDefect = Claims.byOrderNumber(Claims.kospetFirmwareFlashed("DUP-K1"));
        ((tools.jackson.databind.node.ObjectNode) plainDefect.get("request")).putArray("facts");
        JsonNode open = submit(kospet, plainDefect);
        assertThat(open.get("status").asString()).isNotIn("rejected", "cancelled");

        Api.Response revived = act(kospet, rejected, "override", Map.of("reason", "goodwill"));

        assertThat(revived.status()).isEqualTo(409);
        assertThat(revived.json().get("type").asString()).endsWith("units-already-claimed");
        assertThat(revived.json().get("detail").asString()).contains(open.get("number").asString());
        assertThat(api.get("/api/v1/rmas/" + rejected.get("id").asString()).key(kospet.agent()).send().json().get("status").asString())
                .isEqualTo("rejected");
    }

    private long rmaCount() {
        return jdbc.sql("select count(*) from rma where merchant_id = ?").param(m.id()).query(Long.class).single();
    }
}

package org.openrma.service.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.JsonNode;

/** The refund ledger: one refund per resolution, never more than was paid across all RMAs of an order. */
class RefundLedgerIntegrationTests extends IntegrationTest {

    private JsonNode authorizedKingdoReturn(TestMerchant m, String orderNumber, boolean importFirst) {
        clock.set(Instant.parse("2025-10-24T10:00:00Z"));
        var claim = Claims.kingdoUnopenedDay60(orderNumber);
        if (importFirst) {
            return submit(m, Claims.byOrderNumber(claim));
        }
        return submit(m, claim);
    }

    @Test
    void resolvingTwiceRecordsOneRefund() {
        TestMerchant m = newMerchant("kingdo");
        JsonNode rma = authorizedKingdoReturn(m, "KGD-L1", false);
        Api.Response first = act(m, rma, "resolve", Map.of("resolution", "refund"));
        Api.Response again = act(m, rma, "resolve", Map.of("resolution", "refund"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(412);
        Api.Response replayWithNewVersion = act(m, first.json(), "resolve", Map.of("resolution", "refund"));
        assertThat(replayWithNewVersion.status()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from refund where rma_id = ?::uuid").param(rma.get("id").asString()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void refundsAcrossAnOrdersRmasNeverExceedWhatWasPaid() {
        TestMerchant m = newMerchant("kospet");
        clock.set(Instant.parse("2023-10-20T10:00:00Z"));
        // A goodwill partial refund: the customer keeps the watch (so a later claim on it is allowed at intake) and
        // 40.00 of the 159.99 paid is back.
        JsonNode first = actOk(m, submit(m, Claims.kospetFirmwareFlashed("KSP-L2")), "override", Map.of("reason", "goodwill"));
        actOk(m, first, "resolve", Map.of("resolution", "partial_refund", "refund", "40.00"));
        JsonNode second = submit(m, Claims.byOrderNumber(Claims.kospetFirmwareFlashed("KSP-L2")));
        second = actOk(m, second, "override", Map.of("reason", "returned after all"));

        Api.Response over = act(m, second, "resolve", Map.of("resolution", "refund", "refund", "159.99"));
        assertThat(over.status()).as(over.toString()).isEqualTo(409);
        assertThat(over.json().get("detail").asString()).contains("more than");
        assertThat(api.get("/api/v1/rmas/" + second.get("id").asString()).key(m.agent()).send().json().get("status").asString())
                .isEqualTo(second.get("status").asString());
        assertThat(act(m, second, "resolve", Map.of("resolution", "refund", "refund", "119.99")).status()).isEqualTo(200);
        JsonNode ledger = api.get("/api/v1/orders/KSP-L2/ledger").key(m.agent()).send().json();
        assertThat(ledger.get("refunded").asString()).isEqualTo(ledger.get("paid").asString());
    }

    @Test
    void theDatabaseItselfRefusesARefundBeyondWhatWasPaid() {
        TestMerchant m = newMerchant("kingdo");
        JsonNode rma = authorizedKingdoReturn(m, "KGD-L3", false);
        UUID orderId = jdbc.sql("select order_id from rma where id = ?::uuid").param(rma.get("id").asString()).query(UUID.class).single();
        assertThatThrownBy(() -> jdbc.sql("""
                insert into refund (id, merchant_id, order_id, rma_id, kind, resolution, amount, currency, created_at, created_by)
                values (gen_random_uuid(), ?, ?, ?::uuid, 'refund', 'refund', 189.01, 'USD', now(), 'test')""")
                .params(m.id(), orderId, rma.get("id").asString()).update())
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("more than");
    }

    @Test
    void ledgerEntriesCannotBeChangedOrDeleted() {
        TestMerchant m = newMerchant("kingdo");
        JsonNode rma = authorizedKingdoReturn(m, "KGD-L4", false);
        act(m, rma, "resolve", Map.of("resolution", "refund"));
        assertThatThrownBy(() -> jdbc.sql("update refund set amount = 1 where rma_id = ?::uuid").param(rma.get("id").asString()).update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from refund where rma_id = ?::uuid").param(rma.get("id").asString()).update())
                .rootCause().hasMessageContaining("append-only");
    }

    @Test
    void anAgentMayStateTheRefundOnlyWhenOverridingTheDecision() {
        TestMerchant m = newMerchant("kospet");
        clock.set(Instant.parse("2023-10-20T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kospetFirmwareFlashed("KSP-L5"));
        assertThat(rma.get("status").asString()).isEqualTo("rejected");
        JsonNode overridden = actOk(m, rma, "override", Map.of("reason", "loyal customer, goodwill"));
        assertThat(overridden.get("status").asString()).isEqualTo("authorized");
        Api.Response noAmount = act(m, overridden, "resolve", Map.of("resolution", "partial_refund"));
        assertThat(noAmount.status()).isEqualTo(422);
        Api.Response tooMuch = act(m, overridden, "resolve", Map.of("resolution", "partial_refund", "refund", "500.00"));
        assertThat(tooMuch.status()).isEqualTo(409);
        JsonNode resolved = actOk(m, overridden, "resolve", Map.of("resolution", "partial_refund", "refund", "40.00"));
        assertThat(resolved.get("resolution").asString()).isEqualTo("partial_refund");
        JsonNode entries = api.get("/api/v1/rmas/" + rma.get("id").asString() + "/refunds").key(m.agent()).send().json();
        assertThat(entries.get(0).get("amount").asString()).isEqualTo("40.00");
    }
}

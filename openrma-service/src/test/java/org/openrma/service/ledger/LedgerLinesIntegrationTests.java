package org.openrma.service.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Api;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The ledger per order line: a line gives back no more than was paid for it, across all RMAs of
 * the order, even when the order as a whole still has money left; store credit and exchanges
 * (with their price difference, either way) are entries too.
 */
class LedgerLinesIntegrationTests extends IntegrationTest {

    // Timeline (UTC): placed 2025-06-02, delivered 2025-06-04, claims 2025-06-10 (inside Kingdo's 60 days).
    private void importOrder(TestMerchant m, String number, boolean discontinuedFirstLine) {
        String tags = discontinuedFirstLine ? ", \"tags\": [\"discontinued\"]" : "";
        Api.Response r = api.post("/api/v1/orders", Api.JSON.readTree("""
                {"number": "%s", "channel": "official_store", "placed_at": "2025-06-02T08:00:00Z",
                 "shipped_at": "2025-06-02T12:00:00Z", "delivered_at": "2025-06-04T12:00:00Z", "delivery_status": "delivered",
                 "currency": "USD", "shipping": {"method": "economy", "amount": "15.00"},
                 "customer": {"id": "C-9101", "email": "li@example.com"},
                 "lines": [{"sku": "KGD-A", "category": "ipl_device", "unit_price": "100.00", "quantity": 1%s},
                           {"sku": "KGD-B", "category": "ipl_device", "unit_price": "100.00", "quantity": 1}]}
                """.formatted(number, tags))).key(m.agent()).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        clock.set(Instant.parse("2025-06-10T09:00:00Z"));
    }

    private JsonNode file(TestMerchant m, String number, String sku, String reason, String condition) {
        return submit(m, Api.JSON.valueToTree(Map.of("order_number", number, "request", Map.of("kind", "return", "reason", reason,
                "lines", List.of(Map.of("sku", sku, "quantity", 1, "condition", condition)), "evidence", List.of("photo", "video")))));
    }

    private JsonNode ledger(TestMerchant m, String number) {
        return api.get("/api/v1/orders/" + number + "/ledger").key(m.agent()).send().json();
    }

    @Test
    void aLineNeverGivesBackMoreThanWasPaidForItEvenWhileTheOrderStillHasMoneyLeft() {
        TestMerchant m = newMerchant("kingdo");
        importOrder(m, "KGD-LL1", false);
        // A used device is a case for an agent, who settles with a partial refund: the customer keeps the unit, so
        // it may be claimed again (a refunded unit could not be: intake refuses it), but 60.00 of its 100.00 is back.
        JsonNode kept = file(m, "KGD-LL1", "KGD-A", "changed_mind", "used");
        assertThat(kept.get("status").asString()).isEqualTo("under_review");
        kept = actOk(m, kept, "approve", Map.of("note", "used once: partial refund, the customer keeps it"));
        actOk(m, kept, "resolve", Map.of("resolution", "partial_refund", "refund", "60.00"));
        JsonNode second = file(m, "KGD-LL1", "KGD-A", "changed_mind", "unopened");
        JsonNode other = file(m, "KGD-LL1", "KGD-B", "changed_mind", "unopened");
        assertThat(second.get("status").asString()).isEqualTo("authorized");

        Api.Response beyondTheLine = act(m, second, "resolve", Map.of("resolution", "refund"));
        assertThat(beyondTheLine.status()).as(beyondTheLine.toString()).isEqualTo(409);
        assertThat(beyondTheLine.json().get("type").asString()).isEqualTo("urn:openrma:problem:refund-exceeds-paid");
        assertThat(beyondTheLine.json().get("detail").asString()).contains("more than was paid for the claimed lines of order KGD-LL1");
        assertThat(act(m, other, "resolve", Map.of("resolution", "refund")).status()).isEqualTo(200);

        JsonNode ledger = ledger(m, "KGD-LL1");
        assertThat(ledger.get("refunded").asString()).isEqualTo("152.50");   // 60.00 kept-item refund + (100.00 − 7.50 shipping share)
        assertThat(ledger.get("lines").valueStream().map(l -> l.get("sku").asString(null) + ":" + l.get("units_taken_back").asInt() + ":"
                + l.get("given_back").asString())).containsExactly("KGD-A:0:60.00", "KGD-B:1:92.50", "null:0:0.00");
    }

    @Test
    void theDatabaseRefusesALineGivenBackTwice() {
        TestMerchant m = newMerchant("kingdo");
        importOrder(m, "KGD-LL2", false);
        JsonNode rma = file(m, "KGD-LL2", "KGD-A", "changed_mind", "unopened");
        actOk(m, rma, "resolve", Map.of("resolution", "refund"));
        UUID refundId = jdbc.sql("select id from refund where rma_id = ?::uuid").param(rma.get("id").asString()).query(UUID.class).single();
        UUID orderId = jdbc.sql("select order_id from rma where id = ?::uuid").param(rma.get("id").asString()).query(UUID.class).single();
        assertThatThrownBy(() -> jdbc.sql("insert into refund_line (refund_id, merchant_id, order_id, sku, quantity, amount, currency) "
                + "values (?, ?, ?, 'KGD-A', 1, 1.00, 'USD')").params(refundId, m.id(), orderId).update())
                .rootCause().hasMessageContaining("more than");
        assertThatThrownBy(() -> jdbc.sql("insert into refund_line (refund_id, merchant_id, order_id, sku, quantity, amount, currency) "
                + "values (?, ?, ?, null, 0, 15.01, 'USD')").params(refundId, m.id(), orderId).update())
                .rootCause().hasMessageContaining("shipping charge");
    }

    @Test
    void anExchangeForADearerItemChargesTheDifference() {
        TestMerchant m = newMerchant("kingdo");
        importOrder(m, "KGD-LL3", false);
        JsonNode rma = file(m, "KGD-LL3", "KGD-A", "damaged_in_transit", "unopened");
        assertThat(rma.at("/decision/resolutions").valueStream().map(JsonNode::asString)).contains("exchange");
        JsonNode resolved = actOk(m, rma, "resolve", Map.of("resolution", "exchange", "exchange_sku", "KGD-PRO", "exchange_price", "120.00",
                "outbound_tracking", "EX-1"));
        assertThat(resolved.get("resolution").asString()).isEqualTo("exchange");

        JsonNode entries = api.get("/api/v1/rmas/" + rma.get("id").asString() + "/refunds").key(m.agent()).send().json();
        assertThat(entries.valueStream().map(e -> e.get("kind").asString() + "=" + e.get("amount").asString()))
                .containsExactlyInAnyOrder("exchange=0.00", "exchange_charge=20.00");
        JsonNode exchange = entries.valueStream().filter(e -> e.get("kind").asString().equals("exchange")).findFirst().orElseThrow();
        assertThat(exchange.at("/detail/price_difference").asString()).isEqualTo("-20.00");
        assertThat(exchange.at("/detail/exchange_sku").asString()).isEqualTo("KGD-PRO");
        assertThat(exchange.at("/lines/0/quantity").asInt()).isEqualTo(1);
        JsonNode ledger = ledger(m, "KGD-LL3");
        assertThat(ledger.get("exchange_charged").asString()).isEqualTo("20.00");
        assertThat(ledger.get("refundable").asString()).isEqualTo("215.00");

        // The exchanged line went back: another RMA about it is refused at intake, so it cannot be refunded on one.
        Api.Response again = api.post("/api/v1/rmas", Api.JSON.valueToTree(Map.of("order_number", "KGD-LL3", "request", Map.of("kind", "return",
                "reason", "changed_mind", "lines", List.of(Map.of("sku", "KGD-A", "quantity", 1, "condition", "unopened")),
                "evidence", List.of("photo", "video"))))).key(m.agent()).send();
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith("units-already-claimed");
        assertThat(again.json().get("detail").asString()).contains("KGD-A", rma.get("number").asString(), "(returned)");
    }

    @Test
    void anExchangeForACheaperItemPaysTheDifferenceBack() {
        TestMerchant m = newMerchant("kingdo");
        importOrder(m, "KGD-LL4", false);
        JsonNode rma = file(m, "KGD-LL4", "KGD-A", "damaged_in_transit", "unopened");
        actOk(m, rma, "resolve", Map.of("resolution", "exchange", "exchange_sku", "KGD-MINI", "exchange_price", "70.00"));
        JsonNode ledger = ledger(m, "KGD-LL4");
        assertThat(ledger.get("exchange_difference").asString()).isEqualTo("30.00");
        assertThat(ledger.get("refundable").asString()).isEqualTo("185.00");
        assertThat(ledger.get("entries").valueStream().map(e -> e.get("kind").asString())).containsExactly("exchange");
    }

    @Test
    void aLikeForLikeExchangeRecordsAnEntryWithNoMoney() {
        TestMerchant m = newMerchant("kingdo");
        importOrder(m, "KGD-LL5", false);
        JsonNode rma = file(m, "KGD-LL5", "KGD-A", "damaged_in_transit", "unopened");
        actOk(m, rma, "resolve", Map.of("resolution", "exchange"));
        JsonNode entry = ledger(m, "KGD-LL5").at("/entries/0");
        assertThat(entry.get("kind").asString()).isEqualTo("exchange");
        assertThat(entry.get("amount").asString()).isEqualTo("0.00");
        assertThat(entry.at("/detail/settled").asString()).isEqualTo("even");
    }

    @Test
    void storeCreditIsAnEntryAndUsesUpTheLine() {
        TestMerchant m = newMerchant("kingdo");
        importOrder(m, "KGD-LL6", true);
        clock.set(Instant.parse("2025-09-10T09:00:00Z"));
        JsonNode rma = submit(m, Api.JSON.valueToTree(Map.of("order_number", "KGD-LL6", "request", Map.of("kind", "warranty", "reason", "defective",
                "lines", List.of(Map.of("sku", "KGD-A", "quantity", 1, "condition", "used")), "evidence", List.of("photo", "video", "proof_of_purchase")))));
        assertThat(rma.get("status").asString()).isEqualTo("under_review");
        assertThat(rma.at("/decision/resolutions").valueStream().map(JsonNode::asString)).contains("store_credit");
        rma = actOk(m, rma, "approve", Map.of("note", "discontinued: store credit"));
        assertThat(act(m, rma, "resolve", Map.of("resolution", "store_credit", "refund", "100.01")).status()).isEqualTo(409);
        actOk(m, rma, "resolve", Map.of("resolution", "store_credit", "refund", "100.00"));

        JsonNode ledger = ledger(m, "KGD-LL6");
        assertThat(ledger.get("store_credit").asString()).isEqualTo("100.00");
        assertThat(ledger.get("refunded").asString()).isEqualTo("0.00");
        assertThat(ledger.get("refundable").asString()).isEqualTo("115.00");
        assertThat(ledger.at("/entries/0/kind").asString()).isEqualTo("store_credit");
    }
}

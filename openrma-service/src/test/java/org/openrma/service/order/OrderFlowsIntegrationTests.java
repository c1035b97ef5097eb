package org.openrma.service.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Api;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Order-level flows under Kingdo's policy, end to end through the API: cancellation and amendment
 * inside the 3-hour window and refused once the shop reports the parcel shipped; the order marked
 * cancelled or amended; a refund request while the parcel is in transit; a parcel returned to
 * sender refunded after inspection minus every cost the policy names.
 */
class OrderFlowsIntegrationTests extends IntegrationTest {

    // Timeline (UTC): order placed 2025-06-02 08:00, claims at 09:00 (inside the 3-hour window).
    private static final Instant PLACED = Instant.parse("2025-06-02T08:00:00Z");

    private static ObjectNode order(String number) {
        return (ObjectNode) Api.JSON.readTree("""
                {"number": "%s", "channel": "official_store", "placed_at": "%s", "delivery_status": "not_shipped",
                 "currency": "USD", "shipping": {"method": "economy", "amount": "15.00"},
                 "customer": {"id": "C-9001", "email": "olga@example.com"},
                 "lines": [{"sku": "KGD-IPL-X1", "category": "ipl_device", "unit_price": "100.00", "quantity": 1},
                           {"sku": "KGD-IPL-X2", "category": "ipl_device", "unit_price": "100.00", "quantity": 1}]}
                """.formatted(number, PLACED));
    }

    private static Map<String, Object> claim(String number, String kind, String reason) {
        return Map.of("order_number", number, "request", Map.of("kind", kind, "reason", reason));
    }

    private void importOrder(TestMerchant m, String number) {
        Api.Response r = api.post("/api/v1/orders", order(number)).key(m.agent()).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("status").asString()).isEqualTo("open");
        assertThat(r.json().get("shipping_paid").asString()).isEqualTo("15.00");
    }

    private Api.Response delivery(TestMerchant m, String number, Map<String, Object> body) {
        return api.post("/api/v1/orders/" + number + "/delivery", body).key(m.agent()).send();
    }

    @Test
    void aCancellationInsideTheWindowRefundsItemsAndShippingAndMarksTheOrderCancelled() {
        TestMerchant m = newMerchant("kingdo");
        clock.set(PLACED.plusSeconds(3600));
        importOrder(m, "KGD-OC1");
        JsonNode rma = submit(m, Api.JSON.valueToTree(claim("KGD-OC1", "cancellation", "changed_mind")));
        assertThat(rma.get("status").asString()).isEqualTo("authorized");
        assertThat(rma.at("/decision/refund").asString()).isEqualTo("215.00");

        JsonNode resolved = actOk(m, rma, "resolve", Map.of("resolution", "refund"));
        assertThat(resolved.get("status").asString()).isEqualTo("resolved");

        JsonNode order = api.get("/api/v1/orders/KGD-OC1").key(m.agent()).send().json();
        assertThat(order.get("status").asString()).isEqualTo("cancelled");
        assertThat(order.get("cancelled_at").asString()).isEqualTo("2025-06-02T09:00:00Z");
        JsonNode ledger = api.get("/api/v1/orders/KGD-OC1/ledger").key(m.agent()).send().json();
        assertThat(ledger.get("refunded").asString()).isEqualTo("215.00");
        assertThat(ledger.get("refundable").asString()).isEqualTo("0.00");
        assertThat(ledger.at("/entries/0/lines").valueStream().map(l -> l.get("sku").asString(null) + "=" + l.get("amount").asString()))
                .containsExactly("KGD-IPL-X1=100.00", "KGD-IPL-X2=100.00", "null=15.00");

        Api.Response shipped = delivery(m, "KGD-OC1", Map.of("delivery_status", "in_transit", "shipped_at", "2025-06-02T10:00:00Z"));
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(409);
        assertThat(shipped.json().get("type").asString()).isEqualTo("urn:openrma:problem:order-cancelled");
        Api.Response again = api.post("/api/v1/rmas", claim("KGD-OC1", "return", "changed_mind")).key(m.agent()).send();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:openrma:problem:order-cancelled");
        JsonNode audit = api.get("/api/v1/audit?entity_type=order&entity_id=KGD-OC1").key(m.agent()).send().json();
        assertThat(audit.get("items").valueStream().map(e -> e.get("action").asString())).containsExactly("order.imported", "order.cancelled");
    }

    @Test
    void aCancellationIsRefusedOnceTheShopReportsTheParcelShipped() {
        TestMerchant m = newMerchant("kingdo");
        clock.set(PLACED.plusSeconds(1800));
        importOrder(m, "KGD-OC2");
        Api.Response stale = api.post("/api/v1/orders/KGD-OC2/delivery", Map.of("delivery_status", "in_transit"))
                .key(m.agent()).header("If-Match", "\"7\"").send();
        assertThat(stale.status()).isEqualTo(409);
        Api.Response shipped = delivery(m, "KGD-OC2", Map.of("version", 0, "delivery_status", "in_transit",
                "shipped_at", "2025-06-02T08:20:00Z", "carrier", "DHL", "tracking", "JD01"));
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(200);
        assertThat(shipped.json().get("delivery_status").asString()).isEqualTo("in_transit");
        assertThat(shipped.json().get("version").asInt()).isEqualTo(1);
        assertThat(delivery(m, "KGD-OC2", Map.of("delivery_status", "teleported")).status()).isEqualTo(422);

        clock.set(PLACED.plusSeconds(3600));
        JsonNode rma = submit(m, Api.JSON.valueToTree(claim("KGD-OC2", "cancellation", "changed_mind")));
        assertThat(rma.get("status").asString()).isEqualTo("rejected");
        assertThat(rma.at("/decision/summary").asString()).contains("cannot be cancelled");
        assertThat(api.get("/api/v1/orders/KGD-OC2").key(m.agent()).send().json().get("status").asString()).isEqualTo("open");
    }

    @Test
    void anAmendmentCarriedOutMarksTheOrderAmended() {
        TestMerchant m = newMerchant("kingdo");
        clock.set(PLACED.plusSeconds(3600));
        importOrder(m, "KGD-OC3");
        JsonNode rma = submit(m, Api.JSON.valueToTree(claim("KGD-OC3", "amendment", "ordered_wrong_item")));
        assertThat(rma.get("status").asString()).isEqualTo("authorized");
        Api.Response noNote = act(m, rma, "resolve", Map.of());
        assertThat(noNote.status()).isEqualTo(422);
        JsonNode resolved = actOk(m, rma, "resolve", Map.of("note", "colour changed from white to pink"));
        assertThat(resolved.get("resolution").asString()).isEqualTo("amendment");
        JsonNode order = api.get("/api/v1/orders/KGD-OC3").key(m.agent()).send().json();
        assertThat(order.get("status").asString()).isEqualTo("amended");
        assertThat(order.get("amended_at").asString()).isEqualTo("2025-06-02T09:00:00Z");
        JsonNode ledger = api.get("/api/v1/orders/KGD-OC3/ledger").key(m.agent()).send().json();
        assertThat(ledger.get("entries")).isEmpty();
    }

    @Test
    void aCustomerAskingForARefundWhileTheParcelIsInTransitIsToldWhyNot() {
        TestMerchant m = newMerchant("kingdo");
        clock.set(PLACED.plusSeconds(1800));
        importOrder(m, "KGD-OC4");
        assertThat(delivery(m, "KGD-OC4", Map.of("delivery_status", "in_transit", "shipped_at", "2025-06-02T08:20:00Z")).status()).isEqualTo(200);

        clock.set(Instant.parse("2025-06-05T09:00:00Z"));
        String token = api.post("/api/v1/customer-sessions", Map.of("merchant", m.slug(), "order_number", "KGD-OC4", "email", "olga@example.com"))
                .send().json().get("token").asString();
        Api.Response filed = api.post("/api/v1/rmas", Map.of("request", Map.of("kind", "not_received", "reason", "not_received")))
                .key(token).send();
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(filed.json().get("status").asString()).isEqualTo("rejected");
        assertThat(filed.json().at("/decision/summary").asString()).contains("in transit cannot be refunded");
        assertThat(filed.json().at("/decision/explanation").valueStream()
                .flatMap(s -> s.get("cites").valueStream()).map(c -> c.get("clause").asString())).contains("S4-25", "S4-26");
        JsonNode mine = api.get("/api/v1/rmas/" + filed.json().get("id").asString()).key(token).send().json();
        assertThat(mine.get("status").asString()).isEqualTo("rejected");
    }

    @Test
    void aParcelReturnedToSenderIsRefundedAfterInspectionMinusEveryCost() {
        TestMerchant m = newMerchant("kingdo");
        clock.set(PLACED.plusSeconds(1800));
        importOrder(m, "KGD-OC5");
        delivery(m, "KGD-OC5", Map.of("delivery_status", "in_transit", "shipped_at", "2025-06-02T08:20:00Z"));
        clock.set(Instant.parse("2025-06-09T09:00:00Z"));
        Api.Response back = delivery(m, "KGD-OC5", Map.of("delivery_status", "returned_to_sender"));
        assertThat(back.status()).isEqualTo(200);

        clock.set(Instant.parse("2025-06-10T09:00:00Z"));
        JsonNode rma = submit(m, Api.JSON.valueToTree(claim("KGD-OC5", "refused_delivery", "not_received")));
        assertThat(rma.get("status").asString()).isEqualTo("authorized");
        // The carrier brings the parcel back: the agent receives it without a customer shipment, inspects, and refunds.
        rma = actOk(m, rma, "receive", Map.of());
        rma = actOk(m, rma, "inspect", Map.of("finding", "no_fault_found", "handling", "5.00", "customs", "3.00", "return_logistics", "12.00"));
        assertThat(rma.at("/decision/refund").asString()).isEqualTo("180.00");
        JsonNode resolved = actOk(m, rma, "resolve", Map.of("resolution", "refund"));
        assertThat(resolved.get("status").asString()).isEqualTo("resolved");

        JsonNode entry = api.get("/api/v1/rmas/" + rma.get("id").asString() + "/refunds").key(m.agent()).send().json().get(0);
        assertThat(entry.get("amount").asString()).isEqualTo("180.00");
        assertThat(entry.get("deductions").propertyNames()).containsExactlyInAnyOrder("shipping", "handling", "customs", "return_logistics");
        assertThat(entry.at("/deductions/return_logistics").asString()).isEqualTo("12.00");
    }
}

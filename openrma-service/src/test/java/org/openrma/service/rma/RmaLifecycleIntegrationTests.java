package org.openrma.service.rma;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrma.claim.ClaimReader;
import org.openrma.decision.DecisionJson;
import org.openrma.policy.PolicyCatalog;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One RMA's whole life through the API, from claim to closed, with the ledger and audit trail it leaves. */
class RmaLifecycleIntegrationTests extends IntegrationTest {

    @Autowired
    PolicyCatalog builtIn;

    @Test
    void storesExactlyTheDecisionTheEngineMakesForTheClaim() {
        TestMerchant m = newMerchant("kingdo");
        ObjectNode claim = Claims.kingdoUnopenedDay60("KGD-1");
        clock.set(Instant.parse("2025-10-24T10:00:00Z"));

        JsonNode rma = submit(m, claim);

        JsonNode expected = DecisionJson.toTree(builtIn.decide("kingdo", ClaimReader.fromTree(claim), clock.instant()));
        assertThat(rma.get("decision")).isEqualTo(expected);
        assertThat(rma.get("outcome").asString()).isEqualTo(expected.get("outcome").asString());
        Api.Response decisions = api.get("/api/v1/rmas/" + rma.get("id").asString() + "/decisions").key(m.agent()).send();
        assertThat(decisions.status()).isEqualTo(200);
        assertThat(decisions.json().get(0).get("decision")).isEqualTo(expected);
        assertThat(decisions.json().get(0).get("trigger").asString()).isEqualTo("submitted");
    }

    @Test
    void anApprovedReturnIsAuthorizedShippedReceivedInspectedRefundedAndClosed() {
        TestMerchant m = newMerchant("kingdo");
        clock.set(Instant.parse("2025-10-24T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kingdoUnopenedDay60("KGD-2"));
        assertThat(rma.get("status").asString()).isEqualTo("authorized");
        assertThat(rma.get("ship_back_by").asString()).isEqualTo("2025-11-07");
        assertThat(rma.get("return_label_paid_by").asString()).isEqualTo("customer");
        assertThat(rma.get("return_instructions").asString()).contains(rma.get("number").asString()).contains("2025-11-07");
        assertThat(rma.get("allowed_actions").values()).extracting(JsonNode::asString).contains("ship_back", "receive", "cancel");

        clock.set(Instant.parse("2025-10-27T09:00:00Z"));
        rma = actOk(m, rma, "ship-back", Map.of("carrier", "DHL", "tracking", "JD0001"));
        assertThat(rma.get("status").asString()).isEqualTo("in_transit");
        clock.set(Instant.parse("2025-11-04T11:00:00Z"));
        rma = actOk(m, rma, "receive", Map.of());
        assertThat(rma.get("status").asString()).isEqualTo("received");
        assertThat(rma.get("sla_due_by").asString()).as("refund due 14 business days after receipt").isEqualTo("2025-11-24");
        rma = actOk(m, rma, "inspect", Map.of("finding", "no_fault_found", "notes", "sealed box"));
        assertThat(rma.get("status").asString()).isEqualTo("inspected");
        assertThat(rma.at("/claim/request/inspection/finding").asString()).isEqualTo("no_fault_found");
        assertThat(rma.at("/decision/outcome").asString()).isEqualTo("approved");
        assertThat(rma.at("/decision/refund").asString()).isEqualTo("189.00");

        rma = actOk(m, rma, "resolve", Map.of("resolution", "refund"));
        assertThat(rma.get("status").asString()).isEqualTo("resolved");
        rma = actOk(m, rma, "close", Map.of());
        assertThat(rma.get("status").asString()).isEqualTo("closed");
        assertThat(rma.get("allowed_actions").values()).isEmpty();

        JsonNode ledger = api.get("/api/v1/orders/KGD-2/ledger").key(m.agent()).send().json();
        assertThat(ledger.get("paid").asString()).isEqualTo("189.00");
        assertThat(ledger.get("refunded").asString()).isEqualTo("189.00");
        assertThat(ledger.get("refundable").asString()).isEqualTo("0.00");
        assertThat(ledger.get("entries")).hasSize(1);

        JsonNode history = api.get("/api/v1/rmas/" + rma.get("id").asString() + "/history").key(m.agent()).send().json();
        List<String> actions = history.get("items").valueStream().map(e -> e.get("action").asString()).toList();
        assertThat(actions).containsExactly("rma.submitted", "rma.ship-back", "rma.receive", "rma.inspect", "rma.resolve", "rma.close");
        assertThat(history.get("items").get(3).at("/after/finding").asString()).isEqualTo("no_fault_found");
        JsonNode shipBack = history.get("items").get(1);
        assertThat(shipBack.at("/before/status").asString()).isEqualTo("authorized");
        assertThat(shipBack.at("/after/status").asString()).isEqualTo("in_transit");
        assertThat(shipBack.at("/after/tracking").asString()).isEqualTo("JD0001");
        assertThat(shipBack.get("actor").asString()).isEqualTo("agent:agent");
    }

    @Test
    void addingTheMissingEvidenceDecidesTheClaimAgain() {
        TestMerchant m = newMerchant("kospet");
        clock.set(Instant.parse("2024-09-11T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kospetDoaWithoutPackagingPhoto("KSP-R3"));
        assertThat(rma.get("status").asString()).isEqualTo("needs_evidence");
        assertThat(rma.at("/decision/missing_evidence").valueStream().map(JsonNode::asString)).containsExactly("packaging_photo");

        JsonNode after = actOk(m, rma, "add-evidence", Map.of("evidence", List.of("packaging_photo")));

        JsonNode decisions = api.get("/api/v1/rmas/" + rma.get("id").asString() + "/decisions").key(m.agent()).send().json();
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(1).get("trigger").asString()).isEqualTo("evidence_added");
        assertThat(decisions.get(1).at("/claim/request/evidence").valueStream().map(JsonNode::asString)).contains("photo", "packaging_photo");
        assertThat(decisions.get(1).at("/decision/missing_evidence").valueStream().map(JsonNode::asString)).doesNotContain("packaging_photo");
        String outcome = decisions.get(1).at("/decision/outcome").asString();
        assertThat(after.get("status").asString())
                .isEqualTo(RmaLifecycle.afterDecision(org.openrma.claim.Vocabulary.parse(org.openrma.decision.Outcome.class, outcome).orElseThrow()).wire());
    }

    @Test
    void aConfirmedDefectOnADeadOnArrivalWatchRefundsThePriceAndTheReturnPostage() {
        TestMerchant m = newMerchant("kospet");
        clock.set(Instant.parse("2024-04-22T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kospetDeadOnArrival("KSP-R4", "SN-R4"));
        assertThat(rma.at("/decision/resolutions").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("replacement", "refund");
        rma = actOk(m, rma, "ship-back", Map.of("tracking", "T-R4"));
        rma = actOk(m, rma, "receive", Map.of());
        rma = actOk(m, rma, "inspect", Map.of("finding", "defect_confirmed"));
        assertThat(rma.at("/decision/return_shipping_reimbursed").asString()).isEqualTo("30.00");
        rma = actOk(m, rma, "resolve", Map.of("resolution", "refund"));
        assertThat(actOk(m, rma, "close", Map.of()).get("status").asString()).isEqualTo("closed");

        JsonNode ledger = api.get("/api/v1/orders/KSP-R4/ledger").key(m.agent()).send().json();
        assertThat(ledger.get("refunded").asString()).isEqualTo("129.99");
        assertThat(ledger.get("shipping_reimbursed").asString()).isEqualTo("30.00");
        assertThat(ledger.get("entries").valueStream().map(e -> e.get("kind").asString()))
                .containsExactlyInAnyOrder("refund", "shipping_reimbursement");
        JsonNode history = api.get("/api/v1/rmas/" + rma.get("id").asString() + "/history").key(m.agent()).send().json();
        assertThat(history.get("items").valueStream().map(e -> e.get("action").asString()))
                .containsExactly("rma.submitted", "rma.ship-back", "rma.receive", "rma.inspect", "rma.resolve", "rma.close");
    }

    @Test
    void noFaultFoundOnADeadOnArrivalClaimReimbursesNoPostage() {
        TestMerchant m = newMerchant("kospet");
        clock.set(Instant.parse("2024-04-22T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kospetDeadOnArrival("KSP-R5", "SN-R5"));
        rma = actOk(m, rma, "receive", Map.of());
        rma = actOk(m, rma, "inspect", Map.of("finding", "no_fault_found"));
        assertThat(rma.at("/decision/return_shipping_reimbursed").asString()).isIn("0.00", "0");
        assertThat(rma.at("/claim/request/inspection/finding").asString()).isEqualTo("no_fault_found");
    }
}

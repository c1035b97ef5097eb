package org.openrma.service.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrma.policy.PolicyCatalog;
import org.openrma.service.support.Api;
import org.openrma.service.support.CarrierStub;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ReturnShippingIntegrationTests extends IntegrationTest {

    @Autowired
    PolicyCatalog builtIn;

    static final Map<String, Object> WAREHOUSE = Map.of("id", "main-warehouse", "address", Map.of("name", "Returns", "company", "Test Shop",
            "street1", "417 Montgomery Street", "city", "San Francisco", "state", "CA", "zip", "94104", "country", "US"));
    static final Map<String, Object> REPAIR_CENTRE = Map.of("id", "repair-centre", "programs", List.of("dead-on-arrival"),
            "address", Map.of("name", "Repair centre", "street1", "179 N Harbor Dr", "city", "Redondo Beach", "state", "CA", "zip", "90277",
                    "country", "US"));
    static final Map<String, Object> CUSTOMER = Map.of("name", "Dana Customer", "street1", "1 Elm St", "city", "Austin", "state", "TX",
            "zip", "73301", "country", "US");

    /** Return addresses and, with {@code apiKey}, an EasyPost account (answered by {@link CarrierStub}). */
    private void shippingSettings(TestMerchant m, String apiKey, Object... addresses) {
        var body = new java.util.HashMap<String, Object>(Map.of("version", 0, "return_addresses", List.of(addresses)));
        if (apiKey != null) {
            body.put("carrier", "easypost");
            body.put("carrier_api_key", apiKey);
        }
        Api.Response r = api.put("/api/v1/merchant/shipping", body).key(m.admin()).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static void stubEasyPost(String apiKey) {
        CarrierStub.labelBought(apiKey);
    }

    private static void stubEasyPostRefusing(String apiKey) {
        CarrierStub.addressRefused(apiKey);
    }

    private JsonNode kospetWarrantyApproved(TestMerchant m, String order) {
        clock.set(Instant.parse("2024-04-22T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kospetDeadOnArrival(order, "SN-" + order));
        assertThat(rma.get("status").asString()).isEqualTo("authorized");
        assertThat(rma.get("return_label_paid_by").asString()).isEqualTo("merchant");
        return rma;
    }

    private JsonNode kingdoReturnApproved(TestMerchant m, String order, String policy) {
        clock.set(Instant.parse("2025-10-24T10:00:00Z"));
        var claim = Claims.kingdoUnopenedDay60(order);
        ((tools.jackson.databind.node.ObjectNode) claim.get("request")).remove("costs");
        if (policy != null) {
            claim.put("policy", policy);
        }
        JsonNode rma = submit(m, claim);
        assertThat(rma.get("status").asString()).as(rma.toString()).isEqualTo("authorized");
        return rma;
    }

    private String token(TestMerchant m, String order, String email) {
        return api.post("/api/v1/customer-sessions", Map.of("merchant", m.slug(), "order_number", order, "email", email)).send()
                .json().get("token").asString();
    }

    private HttpResponse<byte[]> download(String path, String key) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCarriersApiKeyIsStoredEncryptedAndNeverShown() {
        TestMerchant m = newMerchant("kospet");
        shippingSettings(m, "EZTK_secret_" + m.slug(), WAREHOUSE);

        JsonNode shown = api.get("/api/v1/merchant/shipping").key(m.agent()).send().json();

        assertThat(shown.get("carrier").asString()).isEqualTo("easypost");
        assertThat(shown.get("carrier_api_key_set").asBoolean()).isTrue();
        assertThat(shown.toString()).doesNotContain("EZTK_secret");
        assertThat(shown.at("/return_addresses/0/address/zip").asString()).isEqualTo("94104");
        String stored = jdbc.sql("select carrier_api_key from merchant_shipping where merchant_id = ?").param(m.id()).query(String.class).single();
        assertThat(stored).startsWith("enc:v1:").doesNotContain("EZTK_secret");
        assertThat(api.put("/api/v1/merchant/shipping", Map.of("version", 0, "carrier", "easypost")).key(m.agent()).send().status())
                .as("agents may not change it").isEqualTo(403);
    }

    @Test
    void badSettingsAreRefusedNamingEveryField() {
        TestMerchant m = newMerchant("kospet");

        Api.Response r = api.put("/api/v1/merchant/shipping", Map.of("version", 0, "carrier", "pigeon",
                "return_addresses", List.of(Map.of("id", "a", "address", Map.of("name", "x", "street1", "y", "city", "z", "zip", "1",
                        "country", "usa"))))).key(m.admin()).send();

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.text()).contains("return_addresses[0].address.country");
    }

    @Test
    void anApprovedReturnGetsAPackingSlipWhoseCodesScanAsTheRmaNumberWithTheReturnAddress() {
        TestMerchant m = newMerchant("kingdo");
        shippingSettings(m, null, WAREHOUSE);
        JsonNode rma = kingdoReturnApproved(m, "KGD-RS1", null);
        String id = rma.get("id").asString();

        JsonNode plan = api.get("/api/v1/rmas/" + id + "/return-shipping").key(m.agent()).send().json();
        HttpResponse<byte[]> slip = download(plan.get("packing_slip_url").asString(), token(m, "KGD-RS1", "ana@example.com"));

        assertThat(plan.get("label_offer").asString()).as("the customer pays and no label is sold").isEqualTo("none");
        assertThat(plan.at("/return_address/street1").asString()).isEqualTo("417 Montgomery Street");
        assertThat(slip.statusCode()).isEqualTo(200);
        assertThat(slip.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(PdfReading.barcode(slip.body(), BarcodeFormat.QR_CODE)).isEqualTo(rma.get("number").asString());
        assertThat(PdfReading.barcode(slip.body(), BarcodeFormat.CODE_128)).isEqualTo(rma.get("number").asString());
        assertThat(PdfReading.text(slip.body())).contains("417 Montgomery Street", "KGD-IPL-X1", "Post it with a trackable service");
        assertThat(api.post("/api/v1/rmas/" + id + "/return-label", Map.of("from", CUSTOMER)).key(m.agent()).send().text())
                .contains("no-prepaid-label");
        HttpResponse<byte[]> ownLabel = download(plan.get("print_your_own_label_url").asString(), m.agent());
        assertThat(PdfReading.barcode(ownLabel.body(), BarcodeFormat.CODE_128)).isEqualTo(rma.get("number").asString());
    }

    @Test
    void anotherCustomerOrMerchantCannotDownloadTheSlip() {
        TestMerchant m = newMerchant("kingdo");
        TestMerchant other = newMerchant("kingdo");
        shippingSettings(m, null, WAREHOUSE);
        JsonNode rma = kingdoReturnApproved(m, "KGD-RS2", null);
        kingdoReturnApproved(m, "KGD-RS3", null);
        String slip = "/api/v1/rmas/" + rma.get("id").asString() + "/packing-slip";

        assertThat(download(slip, token(m, "KGD-RS3", "ana@example.com")).statusCode()).as("a customer of another order").isEqualTo(404);
        assertThat(download(slip, other.agent()).statusCode()).as("another merchant").isEqualTo(404);
        assertThat(download(slip, "nonsense").statusCode()).isEqualTo(401);
    }

    @Test
    void aWarrantyApprovalWithTheLabelOnTheMerchantGetsACarrierLabelWhoseTrackingIsStoredOnTheRma() {
        TestMerchant m = newMerchant("kospet");
        String key = "EZTK_" + m.slug();
        shippingSettings(m, key, WAREHOUSE, REPAIR_CENTRE);
        stubEasyPost(key);
        JsonNode rma = kospetWarrantyApproved(m, "KSP-RS1");
        String id = rma.get("id").asString();
        JsonNode plan = api.get("/api/v1/rmas/" + id + "/return-shipping").key(m.agent()).send().json();
        assertThat(plan.get("label_offer").asString()).isEqualTo("merchant_paid");
        assertThat(plan.at("/return_address/street1").asString()).as("the program's own address").isEqualTo("179 N Harbor Dr");

        String customer = token(m, "KSP-RS1", "h.mueller@example.com");
        Api.Response bought = api.post("/api/v1/rmas/" + id + "/return-label", Map.of("from", CUSTOMER)).key(customer).send();

        assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
        assertThat(bought.json().get("carrier").asString()).isEqualTo("USPS");
        assertThat(bought.json().get("tracking").asString()).isEqualTo("9405500105440232839154");
        assertThat(bought.json().get("cost").asString()).isEqualTo("7.47");
        assertThat(bought.json().get("paid_by").asString()).isEqualTo("merchant");
        JsonNode after = api.get("/api/v1/rmas/" + id).key(m.agent()).send().json();
        assertThat(after.get("return_tracking").asString()).isEqualTo("USPS 9405500105440232839154");
        assertThat(after.get("status").asString()).isEqualTo("authorized");
        assertThat(after.get("version").asInt()).isEqualTo(rma.get("version").asInt() + 1);
        assertThat(after.at("/decision/refund").asString()).as("a merchant-paid label deducts nothing")
                .isEqualTo(rma.at("/decision/refund").asString());
        assertThat(api.get("/api/v1/rmas/" + id + "/history").key(m.agent()).send().text()).contains("rma.return_label");
        assertThat(api.post("/api/v1/rmas/" + id + "/return-label", Map.of("from", CUSTOMER)).key(customer).send().text())
                .contains("label-already-bought");
        JsonNode shipped = actOk(m, after, "ship-back", Map.of());
        assertThat(shipped.get("return_tracking").asString()).as("the label's tracking stays when none is reported")
                .isEqualTo("USPS 9405500105440232839154");
    }

    @Test
    void aSecondClickWhileTheCarrierIsStillAnsweringBuysNoSecondLabel() throws Exception {
        TestMerchant m = newMerchant("kospet");
        String key = "EZTK_" + m.slug();
        shippingSettings(m, key, WAREHOUSE, REPAIR_CENTRE);
        CarrierStub.labelBoughtSlowly(key, 1500);
        String id = kospetWarrantyApproved(m, "KSP-RS9").get("id").asString();
        String customer = token(m, "KSP-RS9", "h.mueller@example.com");

        var first = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> api.post("/api/v1/rmas/" + id + "/return-label", Map.of("from", CUSTOMER)).key(customer).send());
        Thread.sleep(500);   // the first request is waiting for the carrier
        Api.Response second = api.post("/api/v1/rmas/" + id + "/return-label", Map.of("from", CUSTOMER)).key(customer).send();

        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.text()).as("refused before calling the carrier, not after buying").contains("label-purchase-in-progress");
        assertThat(first.get().status()).as(first.get().toString()).isEqualTo(201);
        Api.Response third = api.post("/api/v1/rmas/" + id + "/return-label", Map.of("from", CUSTOMER)).key(customer).send();
        assertThat(third.text()).as("once bought, the label is there").contains("label-already-bought");
    }

    @Test
    void aCarrierErrorIsAClearProblemLeavesTheRmaUnchangedAndOffersThePrintYourOwnLabel() {
        TestMerchant m = newMerchant("kospet");
        String key = "EZTK_" + m.slug();
        shippingSettings(m, key, WAREHOUSE);
        stubEasyPostRefusing(key);
        JsonNode rma = kospetWarrantyApproved(m, "KSP-RS2");
        String id = rma.get("id").asString();

        Api.Response refused = api.post("/api/v1/rmas/" + id + "/return-label", Map.of("from", CUSTOMER)).key(m.agent()).send();

        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:openrma:problem:carrier-refused");
        assertThat(refused.json().get("detail").asString()).contains("EasyPost refused the label: Unable to verify address (street1: Address not found; zip: Invalid zip code",
                "is unchanged", "/print-your-own-label");
        JsonNode after = api.get("/api/v1/rmas/" + id).key(m.agent()).send().json();
        assertThat(after.get("version").asInt()).isEqualTo(rma.get("version").asInt());
        assertThat(after.get("return_tracking").isNull()).isTrue();
        assertThat(jdbc.sql("select count(*) from return_label where rma_id = ?::uuid").param(id).query(Long.class).single()).isZero();
        assertThat(download("/api/v1/rmas/" + id + "/print-your-own-label", m.agent()).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutACarrierAccountTheMerchantPaidLabelIsThePrintYourOwnAddressLabel() {
        TestMerchant m = newMerchant("kospet");
        shippingSettings(m, null, WAREHOUSE);
        JsonNode rma = kospetWarrantyApproved(m, "KSP-RS3");
        String id = rma.get("id").asString();

        Api.Response made = api.post("/api/v1/rmas/" + id + "/return-label", Map.of("from", CUSTOMER)).key(m.agent()).send();

        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.json().get("carrier").asString()).isEqualTo("print_your_own");
        assertThat(made.json().get("tracking").isNull()).isTrue();
        HttpResponse<byte[]> pdf = download(made.json().get("label_url").asString(), m.agent());
        assertThat(PdfReading.text(pdf.body())).contains("Dana Customer", "417 Montgomery Street");
    }

    /** A policy that sells the label at its actual cost: kingdo's, with a return_label deduction of costs.return_shipping. */
    private String labelAtCostPolicy(TestMerchant m) {
        String source = builtIn.versions("kingdo").getFirst().sourceText().replaceFirst("(?m)^policy:.*$", "policy: label-at-cost");
        int returnProgram = source.indexOf("  - id: return\n");
        int deductions = source.indexOf("    deductions:\n", returnProgram) + "    deductions:\n".length();
        source = source.substring(0, deductions)
                + "      - { id: label-fee, kind: return_label, amount: costs.return_shipping, says: The prepaid label's cost is deducted., cites: S4-10 }\n"
                + source.substring(deductions);
        Api.Response uploaded = api.post("/api/v1/policies", Map.of("file_name", "label-at-cost.yaml", "source", source)).key(m.admin()).send();
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        return "label-at-cost";
    }

    @Test
    void aLabelSoldAtItsActualCostIsDeductedFromTheRefund() {
        TestMerchant m = newMerchant("kingdo");
        String key = "EZTK_" + m.slug();
        shippingSettings(m, key, WAREHOUSE);
        stubEasyPost(key);
        JsonNode rma = kingdoReturnApproved(m, "KGD-RS4", labelAtCostPolicy(m));
        String id = rma.get("id").asString();
        assertThat(rma.at("/decision/refund").asString()).isEqualTo("189.00");
        assertThat(api.get("/api/v1/rmas/" + id + "/return-shipping").key(m.agent()).send().json().get("label_offer").asString())
                .isEqualTo("sold");

        Api.Response bought = api.post("/api/v1/rmas/" + id + "/return-label", Map.of("from", CUSTOMER)).key(m.agent()).send();

        assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
        assertThat(bought.json().get("paid_by").asString()).isEqualTo("customer");
        JsonNode after = api.get("/api/v1/rmas/" + id).key(m.agent()).send().json();
        assertThat(after.at("/decision/deductions/return_label").asString()).isEqualTo("7.47");
        assertThat(after.at("/decision/refund").asString()).isEqualTo("181.53");
        assertThat(after.at("/claim/request/costs/return_shipping").asString()).isEqualTo("7.47");
        JsonNode decisions = api.get("/api/v1/rmas/" + id + "/decisions").key(m.agent()).send().json();
        assertThat(decisions.get(decisions.size() - 1).get("trigger").asString()).isEqualTo("return_label");
    }

    @Test
    void aLabelSoldAtActualCostIsNotMadeWithoutACarrierToPriceIt() {
        TestMerchant m = newMerchant("kingdo");
        shippingSettings(m, null, WAREHOUSE);
        JsonNode rma = kingdoReturnApproved(m, "KGD-RS5", labelAtCostPolicy(m));

        Api.Response refused = api.post("/api/v1/rmas/" + rma.get("id").asString() + "/return-label", Map.of("from", CUSTOMER))
                .key(m.agent()).send();

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("label-cost-unknown");
        assertThat(api.get("/api/v1/rmas/" + rma.get("id").asString()).key(m.agent()).send().json().get("version").asInt())
                .isEqualTo(rma.get("version").asInt());
    }

    @Test
    void noSlipBeforeTheReturnIsAuthorized() {
        TestMerchant m = newMerchant("kospet");
        shippingSettings(m, null, WAREHOUSE);
        clock.set(Instant.parse("2024-09-11T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kospetDoaWithoutPackagingPhoto("KSP-RS4"));
        assertThat(rma.get("status").asString()).isEqualTo("needs_evidence");

        assertThat(download("/api/v1/rmas/" + rma.get("id").asString() + "/packing-slip", m.agent()).statusCode()).isEqualTo(409);
    }
}

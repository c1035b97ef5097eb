package org.openrma.service.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.microsoft.playwright.APIResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrma.service.access.Caller;
import org.openrma.service.shipping.PdfReading;
import org.openrma.service.support.Api;
import org.openrma.service.support.CarrierStub;
import org.openrma.service.support.Claims;
import tools.jackson.databind.JsonNode;

/**
 * Return with a label and packing slip, in Chromium: a warranty approval whose label the merchant
 * pays gets a carrier label from the portal (EasyPost, replayed by WireMock), the packing slip
 * downloads and scans as the RMA number, and the agent's console shows the tracking. A carrier
 * that refuses leaves the customer a print-your-own label instead of a dead end.
 */
class ReturnLabelBrowserTests extends BrowserTest {

    private static final Map<String, Object> WAREHOUSE = Map.of("id", "main-warehouse", "address", Map.of("name", "Returns",
            "company", "Watch Shop", "street1", "5744 Silverton Ave", "city", "McKinney", "state", "TX", "zip", "75070", "country", "US"));
    private static final Map<String, Object> REPAIR_CENTRE = Map.of("id", "repair-centre", "programs", List.of("dead-on-arrival"),
            "address", Map.of("name", "Repair centre", "company", "Watch Shop", "street1", "179 N Harbor Dr", "street2", "Suite 2",
                    "city", "Redondo Beach", "state", "CA", "zip", "90277", "country", "US"));

    /** A kospet merchant with an EasyPost account (answered by WireMock) and an authorized dead-on-arrival warranty claim. */
    private JsonNode authorizedWarranty(TestMerchant m, String order, boolean carrierAccepts) {
        String key = "EZTK_" + m.slug();
        Api.Response settings = api.put("/api/v1/merchant/shipping", Map.of("version", 0, "carrier", "easypost", "carrier_api_key", key,
                "return_addresses", List.of(WAREHOUSE, REPAIR_CENTRE))).key(m.admin()).send();
        assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
        if (carrierAccepts) {
            CarrierStub.labelBought(key);
        } else {
            CarrierStub.addressRefused(key);
        }
        clock.set(Instant.parse("2024-04-22T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kospetDeadOnArrival(order, "SN-" + order));
        assertThat(rma.get("status").asString()).isEqualTo("authorized");
        return rma;
    }

    private void openAsCustomer(TestMerchant m, String order, JsonNode rma) {
        page.navigate(url("/portal/" + m.slug()));
        page.getByLabel("Order number").fill(order);
        page.getByLabel("E-mail address").fill("h.mueller@example.com");
        page.click("text=Find my order");
        page.click("text=" + rma.get("number").asString());
        assertThat(page.locator("#status")).containsText("Authorized");
    }

    private void fillSender() {
        page.getByLabel("Name").fill("Hanna Mueller");
        page.getByLabel("Street and number").fill("1 Elm St");
        page.getByLabel("Postal code").fill("73301");
        page.getByLabel("City").fill("Austin");
        page.getByLabel("State or region (optional)").fill("TX");
    }

    @Test
    void returnWithALabelAndPackingSlip() {
        TestMerchant m = newMerchant("kospet");
        JsonNode rma = authorizedWarranty(m, "WEB-LBL1", true);
        String number = rma.get("number").asString();

        openAsCustomer(m, "WEB-LBL1", rma);
        assertThat(page.locator("#return-address")).containsText("179 N Harbor Dr");
        assertThat(page.locator("#label-form")).containsText("the postage is on us");

        APIResponse slip = page.request().get(url(page.locator("#packing-slip").getAttribute("href")));
        assertThat(slip.status()).isEqualTo(200);
        assertThat(slip.headers().get("content-type")).startsWith("application/pdf");
        assertThat(PdfReading.barcode(slip.body(), BarcodeFormat.QR_CODE)).isEqualTo(number);
        assertThat(PdfReading.text(slip.body())).contains("179 N Harbor Dr", "KSP-TANK-T2");

        fillSender();
        page.click("#get-label");
        assertThat(page.locator("#message")).containsText("Your prepaid USPS label is ready: tracking 9405500105440232839154");
        assertThat(page.locator("#label-tracking")).hasText("9405500105440232839154");
        assertThat(page.locator("#label-download")).hasAttribute("href", java.util.regex.Pattern.compile("\\.pdf$"));
        assertThat(page.locator("#label-form")).hasCount(0);
        assertThat(page.locator("#tracking")).hasValue("9405500105440232839154");
        screenshot("return-label-1-portal-label-and-slip");

        usePhone();
        openAsCustomer(m, "WEB-LBL1", rma);
        assertThat(page.locator("#label-tracking")).hasText("9405500105440232839154");
        screenshot("return-label-2-portal-phone");

        context.close();
        openPage();
        page.navigate(url("/console"));
        var agent = staffAccount(m, Caller.Role.AGENT);
        page.getByLabel("E-mail").fill(agent.email());
        page.getByLabel("Password").fill(agent.password());
        page.click("button:has-text('Sign in')");
        page.navigate(url("/console/rmas/" + rma.get("id").asString()));
        assertThat(page.locator("#return-tracking")).hasText("USPS 9405500105440232839154");
        assertThat(page.locator("#return-label")).containsText("$7.47 paid by the merchant");
        // the top of the page: the console's full RMA page is several screens long
        page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("return-label-3-console-tracking.png")));
    }

    @Test
    void aCarrierThatRefusesLeavesThePrintYourOwnLabelAndTheRmaAsItWas() {
        TestMerchant m = newMerchant("kospet");
        JsonNode rma = authorizedWarranty(m, "WEB-LBL2", false);

        openAsCustomer(m, "WEB-LBL2", rma);
        fillSender();
        page.click("#get-label");

        assertThat(page.locator("#error")).containsText("EasyPost refused the label: Unable to verify address (street1: Address not found");
        assertThat(page.locator("#error")).containsText("Nothing was charged and your request is unchanged");
        assertThat(page.locator("#error")).not().containsText("/api/v1");
        assertThat(page.locator("#print-your-own")).containsText("print your own address label");
        APIResponse own = page.request().get(url(page.locator("#address-label").getAttribute("href")));
        assertThat(own.headers().get("content-type")).startsWith("application/pdf");
        assertThat(PdfReading.barcode(own.body(), BarcodeFormat.CODE_128)).isEqualTo(rma.get("number").asString());
        assertThat(api.get("/api/v1/rmas/" + rma.get("id").asString()).key(m.agent()).send().json().get("version").asInt())
                .isEqualTo(rma.get("version").asInt());
        screenshot("return-label-4-carrier-refused");
    }
}

package org.openrma.service.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The customer portal in a phone-sized headless Chromium: filing a return end to end, and every bad input refused on the page. */
class PortalIntegrationTests extends BrowserTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1,
            8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89, 0, 0, 0, 0x0a, 'I', 'D', 'A', 'T', 0x78, (byte) 0x9c, 0x63, 0, 1, 0, 0, 5, 0, 1,
            0x0d, 0x0a, 0x2d, (byte) 0xb4, 0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 'B', 0x60, (byte) 0x82};

    @Test
    void aCustomerFilesAReturnEndToEndAndFollowsIt() {
        TestMerchant m = newMerchant("kingdo");
        importOrder(m, "WEB-1001", "ana@example.com", 6);
        usePhone();

        page.navigate(url("/portal/" + m.slug()));
        assertThat(page.locator("header")).containsText("Test " + m.slug());
        screenshot("portal-1-find-order");
        page.getByLabel("Order number").fill("WEB-1001");
        page.getByLabel("E-mail address").fill("ana@example.com");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Find my order")).click();

        assertThat(page.locator("h1")).containsText("Order WEB-1001");
        page.selectOption("#kind", "return");
        page.selectOption("#reason", "changed_mind");
        page.check("#pick_0");
        page.selectOption("#cond_0", "unopened");
        // The live preview: eligible, the clause quoted, the refund, who pays shipping and the ship-by date, before anything is stored.
        assertThat(page.locator("#preview")).containsText("Eligible");
        assertThat(page.locator("#preview")).containsText("Clause S4-01");
        assertThat(page.locator("#preview")).containsText("$189.00");
        assertThat(page.locator("#preview")).containsText("you (the customer)");
        assertThat(page.locator("#preview")).containsText("Ship back by");
        assertThat(rmaCount(m)).isZero();
        page.setInputFiles("#files", new FilePayload("box.png", "image/png", PNG));
        screenshot("portal-2-request-with-preview");

        page.click("#submit");
        assertThat(page.locator("#message")).containsText("was sent");
        assertThat(page.locator("#status")).containsText("Authorized");
        // the day in the page's language (English by default), in the merchant's time zone
        assertThat(page.locator("#ship-by")).hasText(java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.ENGLISH)
                .format(java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).plusDays(14)));
        assertThat(page.locator("#timeline")).containsText("Photos/videos uploaded");
        screenshot("portal-3-rma-status");
        assertThat(rmaCount(m)).isEqualTo(1);
        assertThat(fileCount(m)).isEqualTo(1);
        String evidence = jdbc.sql("select claim -> 'request' ->> 'evidence' from rma where merchant_id = ?").param(m.id()).query(String.class).single();
        assertThat(evidence).contains("photo");

        page.getByLabel("Tracking number").fill("JD0146");
        page.click("text=Save tracking number");
        assertThat(page.locator("#status")).containsText("On its way back");
        assertThat(page.locator("#timeline")).containsText("Shipped back");

        // A second request on the other line, cancelled before shipping.
        page.click("text=Your order");
        page.selectOption("#reason", "ordered_wrong_item");
        page.check("#pick_1");
        page.fill("#qty_1", "2");
        page.selectOption("#cond_1", "unopened");
        assertThat(page.locator("#preview")).containsText("Refund");
        page.click("#submit");
        assertThat(page.locator("#message")).containsText("was sent");
        page.click("#cancel");
        assertThat(page.locator("#status")).containsText("Cancelled");

        // The order page now shows the device as held by the first request (it cannot be ticked again); the
        // cancelled request freed the masks.
        String inTransit = jdbc.sql("select number from rma where merchant_id = ? and status = 'IN_TRANSIT'").param(m.id())
                .query(String.class).single();
        page.click("text=Your order");
        assertThat(page.locator("#pick_0")).isDisabled();
        assertThat(page.locator("#held_0")).containsText("Already in a request: 1 in " + inTransit + " (in transit)");
        assertThat(page.locator("#pick_1")).isEnabled();

        // An order-level request (the parcel did not arrive) is about every unit of the order, and the device is
        // already on its way back: the preview refuses before anything is sent, naming the request that holds it.
        page.selectOption("#kind", "not_received");
        assertThat(page.locator("#preview")).containsText("You cannot send this request: every unit of KGD-IPL-X1 is already in a request: 1 in "
                + inTransit + " (in transit)");
        assertThat(page.locator("#preview")).not().containsText("KGD-LED-MASK");
        assertThat(page.locator("#preview .badge")).hasCount(0);
        screenshot("portal-4-order-level-request");
        assertThat(rmaCount(m)).isEqualTo(2);
    }

    @Test
    void badInputIsExplainedOnThePageAndNothingIsStored() {
        TestMerchant m = newMerchant("kingdo");
        importOrder(m, "WEB-2001", "bo@example.com", 6);

        page.navigate(url("/portal/" + m.slug()));
        page.click("text=Find my order");
        assertThat(page.locator("#error")).containsText("Enter your order number");

        page.getByLabel("Order number").fill("NOPE-1");
        page.getByLabel("E-mail address").fill("bo@example.com");
        page.click("text=Find my order");
        assertThat(page.locator("#error")).containsText("could not find an order NOPE-1");

        page.getByLabel("Order number").fill("WEB-2001");
        page.getByLabel("E-mail address").fill("bo@example.com");
        page.click("text=Find my order");
        assertThat(page.locator("h1")).containsText("WEB-2001");

        // Empty form.
        page.click("#submit");
        assertThat(page.locator("#errors")).containsText("Choose a reason");
        assertThat(page.locator("#errors")).containsText("Choose at least one item");

        // Wrong file type, then an oversized file: refused with the limit named; no RMA, no file kept.
        page.selectOption("#reason", "defective");
        page.check("#pick_0");
        page.selectOption("#cond_0", "used");
        page.setInputFiles("#files", new FilePayload("notes.txt", "text/plain", "not a photo".getBytes()));
        assertThat(page.locator("#preview")).containsText("is not a photo or video we accept");
        page.click("#submit");
        assertThat(page.locator("#errors")).containsText("\"notes.txt\" is not a photo or video we accept");
        screenshot("portal-5-bad-file");

        byte[] big = new byte[(int) uiProperties.maxFileSize().toBytes() + 1024];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        page.setInputFiles("#files", new FilePayload("huge.png", "image/png", big));
        page.click("#submit");
        assertThat(page.locator("#errors")).containsText("the limit is " + uiProperties.maxFileSize().toMegabytes() + " MB per file");
        assertThat(rmaCount(m)).isZero();
        assertThat(fileCount(m)).isZero();

        // The customer token expires (30 minutes): the page says so and asks to look the order up again.
        clock.advance(Duration.ofMinutes(31));
        page.navigate(url("/portal/" + m.slug() + "/order"));
        assertThat(page.locator("#error")).containsText("session has expired");
        assertThat(rmaCount(m)).isZero();

        page.navigate(url("/portal/no-such-shop"));
        assertThat(page.locator("main")).containsText("There is no shop 'no-such-shop'");
    }
}

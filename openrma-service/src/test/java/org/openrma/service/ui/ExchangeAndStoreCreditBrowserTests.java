package org.openrma.service.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.FilePayload;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.LinenLoom;

/**
 * Exchanges and store credit in Chromium, on a desktop and on a 375 px phone: the customer of a fashion store sees the shirt
 * they bought with its picture, chooses an exchange for a dearer variant (the price difference shown) or store credit with the
 * policy's bonus, and the request shows the choice. On the phone the preview comes before the Send button, every box and
 * radio button is at least 24 px, and files chosen before a form error are still there afterwards.
 */
class ExchangeAndStoreCreditBrowserTests extends BrowserTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1,
            8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89, 0, 0, 0, 0x0a, 'I', 'D', 'A', 'T', 0x78, (byte) 0x9c, 0x63, 0, 1, 0, 0, 5, 0, 1,
            0x0d, 0x0a, 0x2d, (byte) 0xb4, 0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 'B', 0x60, (byte) 0x82};

    private TestMerchant shirtOrder(String number) {
        clock.set(LinenLoom.NOW);
        TestMerchant m = newMerchant("linen-loom");
        LinenLoom.setUpWithOrder(api, m, number, "lena@example.com", clock.instant());
        return m;
    }

    private void signIn(TestMerchant m, String number) {
        page.navigate(url("/portal/" + m.slug()));
        page.getByLabel("Order number").fill(number);
        page.getByLabel("E-mail address").fill("lena@example.com");
        page.click("text=Find my order");
        assertThat(page.locator("h1")).containsText("Order " + number);
    }

    private void fillShirtReturn() {
        page.selectOption("#reason", "changed_mind");
        page.check("#pick_0");
        page.selectOption("#cond_0", "new_with_tags");
        assertThat(page.locator("#preview")).containsText("Eligible");
        assertThat(page.locator("#choices")).isVisible();
    }

    private void exchangeForNavy(String shot) {
        assertThat(page.locator("#claim-form .product-name")).hasText("Linen shirt");
        assertThat(page.locator("#claim-form .product-image")).hasAttribute("alt", "Linen shirt, Sand / M");
        fillShirtReturn();
        page.check("#resolution_exchange");
        assertThat(page.locator("#exchange-variants")).containsText("Navy / M");
        assertThat(page.locator("label[for=exchange_LL-SHIRT-NAVY-M]")).containsText("€210.00 · you pay €20.00 more");
        assertThat(page.locator("label[for=exchange_LL-SHIRT-SAND-L]")).containsText("we pay you back €10.00");
        assertThat(page.locator("#exchange_LL-SHIRT-NAVY-S")).isDisabled();
        page.check("#exchange_LL-SHIRT-NAVY-M");
        screenshot(shot + "-request");
        page.click("#submit");
        assertThat(page.locator("#message")).containsText("was sent");
        assertThat(page.locator("#your-choice")).containsText("an exchange for Linen shirt, Navy / M; you pay €20.00 more");
        assertThat(page.locator("#items")).containsText("Linen shirt");
        screenshot(shot + "-rma");
    }

    @Test
    void onADesktopTheCustomerExchangesForADearerVariantAndSeesThePriceDifference() {
        TestMerchant m = shirtOrder("LL-B1");
        signIn(m, "LL-B1");

        exchangeForNavy("portal-10-exchange-desktop");

        assertThat(jdbc.sql("select price_difference from rma_customer_choice where merchant_id = ?").param(m.id())
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("-20.00");
    }

    @Test
    void onA375PixelPhoneTheCustomerExchangesWithThePreviewBeforeSendAndTargetsOfAtLeast24Pixels() {
        TestMerchant m = shirtOrder("LL-B2");
        usePhone(375, 812);
        signIn(m, "LL-B2");
        fillShirtReturn();

        BoundingBox preview = page.locator("#preview").boundingBox();
        BoundingBox send = page.locator("#submit").boundingBox();
        assertThat(preview.y + preview.height).as("the preview ends above the Send button").isLessThanOrEqualTo(send.y);
        assertNoSidewaysScroll("the exchange form at 375 px");
        Locator targets = page.locator("input[type=checkbox], input[type=radio]");
        assertThat(targets.count()).isGreaterThan(3);
        for (int i = 0; i < targets.count(); i++) {
            BoundingBox box = targets.nth(i).boundingBox();
            assertThat(box.width).as("width of " + targets.nth(i).getAttribute("id")).isGreaterThanOrEqualTo(24);
            assertThat(box.height).as("height of " + targets.nth(i).getAttribute("id")).isGreaterThanOrEqualTo(24);
        }

        exchangeForNavy("portal-11-exchange-phone");
    }

    private void storeCredit(TestMerchant m, String shot) {
        fillShirtReturn();
        Locator credit = page.locator("label[for=resolution_store_credit]");
        assertThat(credit).containsText("incl. 10% bonus");
        String offered = credit.textContent().replaceAll(".*Store credit €([0-9.,]+) .*", "$1").strip();
        page.check("#resolution_store_credit");
        screenshot(shot + "-request");
        page.click("#submit");
        assertThat(page.locator("#message")).containsText("was sent");
        assertThat(page.locator("#your-choice")).containsText("Store credit €" + offered + " incl. 10% bonus");
        // the value shown is the engine's: the stored decision holds the same amount
        String stored = jdbc.sql("""
                select r ->> 'value' from decision d, jsonb_array_elements(d.decision -> 'remedies') r
                where d.merchant_id = ? and r ->> 'resolution' = 'store_credit' order by d.id desc limit 1""")
                .param(m.id()).query(String.class).single();
        assertThat(stored).isEqualTo(offered.replace(",", ""));
        screenshot(shot + "-rma");
    }

    @Test
    void onADesktopTheCustomerChoosesStoreCreditWithTheBonusTheEngineComputed() {
        TestMerchant m = shirtOrder("LL-B3");
        signIn(m, "LL-B3");
        storeCredit(m, "portal-12-store-credit-desktop");
    }

    @Test
    void onA375PixelPhoneTheCustomerChoosesStoreCreditAndAFileSurvivesAFormError() {
        TestMerchant m = shirtOrder("LL-B4");
        usePhone(375, 812);
        signIn(m, "LL-B4");

        // a form error (no condition chosen) after choosing a photo: the photo is kept and listed, not lost
        page.selectOption("#reason", "changed_mind");
        page.check("#pick_0");
        page.setInputFiles("#files", new FilePayload("tags.png", "image/png", PNG));
        page.click("#submit");
        assertThat(page.locator("#errors")).containsText("Choose the condition of LL-SHIRT-SAND-M");
        assertThat(page.locator("#held-files")).containsText("tags.png");
        assertThat(page.locator("#held-files input[type=checkbox]")).isChecked();

        page.selectOption("#cond_0", "new_with_tags");
        storeCredit(m, "portal-13-store-credit-phone");
        assertThat(fileCount(m)).isEqualTo(1);
        assertThat(page.locator("#timeline")).containsText("Photos/videos uploaded");
    }

    @Test
    void aPreviewThatArrivesAfterTheCustomerChoseKeepsTheirChoice() {
        TestMerchant m = shirtOrder("LL-B5");
        signIn(m, "LL-B5");
        fillShirtReturn();

        // the form asks for a fresh preview; its answer is held back until the customer has chosen
        List<Route> held = new ArrayList<>();
        page.route("**/preview", held::add);
        page.locator("#cond_0").dispatchEvent("change");
        page.waitForCondition(() -> !held.isEmpty());
        page.check("#resolution_exchange");
        page.check("#exchange_LL-SHIRT-NAVY-M");
        page.unroute("**/preview");
        held.forEach(Route::resume);
        assertThat(page.locator("#preview-busy")).not().isVisible();

        assertThat(page.locator("#resolution_exchange")).isChecked();
        assertThat(page.locator("#exchange_LL-SHIRT-NAVY-M")).isChecked();
        page.click("#submit");
        assertThat(page.locator("#your-choice")).containsText("an exchange for Linen shirt, Navy / M; you pay €20.00 more");
    }
}

package org.openrma.service.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.WaitUntilState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A refusal that leads to a warranty claim, in headless Chromium: a KOSPET watch that stopped working 40 days after
 * delivery is past the 30-day return; the preview says so in words, quotes the deciding clause, shows no money, and offers
 * the 2-year repair warranty; one click fills in the warranty request, which the customer sends with a photo.
 */
class RefusalToWarrantyIntegrationTests extends BrowserTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1,
            8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89, 0, 0, 0, 0x0a, 'I', 'D', 'A', 'T', 0x78, (byte) 0x9c, 0x63, 0, 1, 0, 0, 5, 0, 1,
            0x0d, 0x0a, 0x2d, (byte) 0xb4, 0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 'B', 0x60, (byte) 0x82};

    @Test
    void aRefusalThatLeadsToAWarrantyClaim() {
        refusalLeadsToAWarrantyClaim("KSP-B-1", "portal-8-refusal-with-a-way-forward", "portal-9-warranty-claim-after-a-refusal");
    }

    @Test
    void aRefusalThatLeadsToAWarrantyClaimOnAPhone() {
        usePhone();
        refusalLeadsToAWarrantyClaim("KSP-B-2", "portal-8-refusal-with-a-way-forward-phone", "portal-9-warranty-claim-after-a-refusal-phone");
        assertNoSidewaysScroll("the warranty claim at 375 px");
    }

    private void refusalLeadsToAWarrantyClaim(String order, String refusalShot, String warrantyShot) {
        TestMerchant m = newMerchant("kospet");
        findWatchDeliveredFortyDaysAgo(m, order);
        page.selectOption("#kind", "return");
        // a return offers no "the parcel has not arrived"
        assertThat(page.locator("#reason option[value=not_received]")).isHidden();
        page.selectOption("#reason", "defective");
        page.check("#pick_0");
        page.selectOption("#cond_0", "used");

        assertThat(page.locator("#preview .badge").first()).hasText("Not eligible");
        assertThat(page.locator("#refusal-why")).containsText("The last day to ask for the 30-day");
        assertThat(page.locator("#preview")).not().containsText("claim_window_ends");
        assertThat(page.locator("#preview")).not().containsText("Return shipping paid by");
        assertThat(page.locator("#preview .all-terms")).not().hasAttribute("open", "");
        assertThat(page.locator("#way-switch-to-warranty")).containsText("2-year free repair");
        assertThat(page.locator("#way-switch-to-warranty")).containsText("You can ask for it until");
        screenshot(refusalShot);

        page.click("#way-switch-to-warranty a");
        assertThat(page.locator("#kind")).hasValue("warranty");
        assertThat(page.locator("#reason")).hasValue("defective");
        assertThat(page.locator("#pick_0")).isChecked();
        assertThat(page.locator("#preview")).containsText("Eligible once we have more evidence");
        page.setInputFiles("#files", new FilePayload("screen.png", "image/png", PNG));
        assertThat(page.locator("#preview .badge").first()).hasText("Eligible");
        assertThat(page.locator("#preview")).containsText("under 2-year free repair");
        // only the clauses that decided are quoted; the exclusions stay behind "All policy terms"
        assertThat(page.locator("#preview .decisive-clauses")).containsText("Clause S3-14");
        assertThat(page.locator("#preview .decisive-clauses")).not().containsText("Clause S3-17");
        screenshot(warrantyShot);

        page.click("#submit");
        assertThat(page.locator("#message")).containsText("was sent");
        assertThat(page.locator("#status")).containsText("Authorized");
        assertThat(rmaCount(m)).isEqualTo(1);
    }

    /**
     * A customer who attaches the photo while the page's scripts are still loading (a slow connection, a quick hand) is not
     * left with the preview of the form as it was served: once htmx listens, the changed form asks for its preview again.
     */
    @Test
    void aPhotoAttachedBeforeThePageScriptsHaveLoadedStillUpdatesThePreview() {
        TestMerchant m = newMerchant("kospet");
        findWatchDeliveredFortyDaysAgo(m, "KSP-B-3");
        List<Route> heldScripts = new CopyOnWriteArrayList<>();
        page.route("**/htmx.min.js", heldScripts::add);

        page.navigate(url("/portal/" + m.slug() + "/order?kind=warranty&reason=defective&pick_0=1&qty_0=1&cond_0=used"),
                new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
        page.waitForCondition(() -> !heldScripts.isEmpty());
        assertThat(page.locator("#preview")).containsText("Eligible once we have more evidence");
        page.setInputFiles("#files", new FilePayload("screen.png", "image/png", PNG));
        assertThat((Boolean) page.evaluate("() => typeof htmx === 'undefined'")).as("htmx still loading when the photo is attached").isTrue();
        heldScripts.forEach(Route::resume);

        assertThat(page.locator("#preview .badge").first()).hasText("Eligible");
        assertThat(page.locator("#preview")).containsText("under 2-year free repair");
    }

    /** The customer has found their KOSPET watch's order (delivered 40 days ago, past the 30-day return) in the portal. */
    private void findWatchDeliveredFortyDaysAgo(TestMerchant m, String order) {
        var now = clock.instant();
        var imported = api.post("/api/v1/orders", """
                {"number": "%s", "channel": "official_store", "placed_at": "%s", "shipped_at": "%s", "delivered_at": "%s",
                 "currency": "USD", "shipping": {"method": "economy", "amount": "0.00"},
                 "customer": {"id": "C-%s", "email": "kim@example.com"},
                 "lines": [{"sku": "KSP-TANK-T2", "category": "smartwatch", "unit_price": "129.00", "quantity": 1}]}"""
                .formatted(order, now.minus(Duration.ofDays(44)), now.minus(Duration.ofDays(43)), now.minus(Duration.ofDays(40)), order)).key(m.admin()).send();
        assertThat(imported.status()).isEqualTo(201);

        page.navigate(url("/portal/" + m.slug()));
        page.getByLabel("Order number").fill(order);
        page.getByLabel("E-mail address").fill("kim@example.com");
        page.click("button:has-text('Find my order')");
        assertThat(page.locator("#kind")).isVisible();
    }
}

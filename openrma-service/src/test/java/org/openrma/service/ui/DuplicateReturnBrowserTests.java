package org.openrma.service.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * A duplicate return refused at intake, in headless Chromium on a desktop and on a 375 px phone: the customer has the
 * order open in two tabs, sends the return of the device from one, then presses Send in the other. The second request is
 * refused on the page before anything is filed (not after the customer has shipped), and the order page shows the unit
 * as already in a request so it cannot be ticked again.
 */
class DuplicateReturnBrowserTests extends BrowserTest {

    @Test
    void aSecondReturnOfTheSameUnitIsRefusedBeforeFilingOnTheDesktop() {
        secondReturnOfTheSameUnitIsRefusedBeforeFiling("DUP-1001", "portal-14-duplicate-refused-at-intake");
    }

    @Test
    void aSecondReturnOfTheSameUnitIsRefusedBeforeFilingOnAPhone() {
        usePhone();
        secondReturnOfTheSameUnitIsRefusedBeforeFiling("DUP-1002", "portal-14-duplicate-refused-at-intake-phone");
        assertNoSidewaysScroll("the refused duplicate at 375 px");
    }

    private void secondReturnOfTheSameUnitIsRefusedBeforeFiling(String order, String screenshot) {
        TestMerchant m = newMerchant("kingdo");
        importOrder(m, order, "ana@example.com", 6);
        page.navigate(url("/portal/" + m.slug()));
        page.getByLabel("Order number").fill(order);
        page.getByLabel("E-mail address").fill("ana@example.com");
        page.click("button:has-text('Find my order')");
        Page staleTab = context.newPage();
        staleTab.navigate(page.url());
        fillDeviceReturn(staleTab);
        assertThat(staleTab.locator("#preview")).containsText("Eligible");

        fillDeviceReturn(page);
        page.click("#submit");
        assertThat(page.locator("#message")).containsText("was sent");
        String first = jdbc.sql("select number from rma where merchant_id = ?").param(m.id()).query(String.class).single();

        staleTab.click("#submit");
        assertThat(staleTab.locator("body")).containsText(first);
        assertThat(staleTab.locator("#message")).not().isVisible();
        assertThat(staleTab.locator("#errors")).containsText("every unit of KGD-IPL-X1 is already in a request");
        assertThat(staleTab.locator("#errors")).not().containsText("request.lines");
        assertThat(rmaCount(m)).as("the duplicate is refused at intake, nothing is filed").isEqualTo(1);
        page = staleTab;
        screenshot(screenshot);

        staleTab.navigate(url("/portal/" + m.slug() + "/order"));
        assertThat(staleTab.locator("#pick_0")).isDisabled();
        assertThat(staleTab.locator("#held_0")).containsText("Already in a request: 1 in " + first);
        assertThat(staleTab.locator("#pick_1")).isEnabled();
    }

    private static void fillDeviceReturn(Page tab) {
        tab.selectOption("#kind", "return");
        tab.selectOption("#reason", "changed_mind");
        tab.check("#pick_0");
        tab.selectOption("#cond_0", "unopened");
    }
}

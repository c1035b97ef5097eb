package org.openrma.service.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openrma.service.access.Caller;
import org.openrma.service.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * The agent flow with assignment, in Chromium at 1280 px and at 375 px: sign in, the queue, "assign to me", the RMA
 * page with its actions at the top and the decision summary before the (collapsed) explanation, the order's other
 * RMA, and a rejection that asks for confirmation first. At 375 px no console page scrolls sideways.
 */
class ConsoleAgentFlowBrowserTests extends BrowserTest {

    private static final Instant DAY_60 = Instant.parse("2025-10-24T10:00:00Z");

    /** A kingdo order of two lines: a mask returned on day 60 (authorized), the device months later (left to an agent). */
    private record Setup(TestMerchant merchant, JsonNode authorized, JsonNode underReview) {}

    private Setup setUp() {
        TestMerchant m = newMerchant("kingdo");
        clock.set(DAY_60);
        importOrder(m, "AGT-1001", "mara.lindqvist@example.com", 60);
        JsonNode mask = submit(m, byOrderNumber("KGD-LED-MASK"));
        clock.set(Instant.parse("2026-06-01T10:00:00Z"));
        JsonNode device = submit(m, byOrderNumber("KGD-IPL-X1"));
        assertThat(mask.get("status").asString()).isEqualTo("authorized");
        assertThat(device.get("status").asString()).isEqualTo("under_review");
        clock.advance(Duration.ofHours(2));
        return new Setup(m, mask, device);
    }

    private static JsonNode byOrderNumber(String sku) {
        return Api.JSON.readTree("""
                {"order_number": "AGT-1001", "request": {"kind": "return", "reason": "changed_mind",
                  "lines": [{"sku": "%s", "quantity": 1, "condition": "unopened"}]}}""".formatted(sku));
    }

    private void signIn(StaffLogin login) {
        page.navigate(url("/console"));
        page.getByLabel("E-mail").fill(login.email());
        page.getByLabel("Password").fill(login.password());
        page.click("button:has-text('Sign in')");
        assertThat(page.locator("h1")).hasText("RMA queue");
    }

    private double top(String selector) {
        return page.locator(selector).boundingBox().y;
    }

    @Test
    void anAgentAssignsAnRmaToThemselvesAndRejectsItAfterConfirming() {
        Setup s = setUp();
        String device = s.underReview().get("number").asString();
        String mask = s.authorized().get("number").asString();
        StaffLogin agent = staffAccount(s.merchant(), Caller.Role.AGENT);
        signIn(agent);

        Locator row = page.locator("tr[data-rma='" + device + "']");
        assertThat(row).containsText("$189.00");
        page.getByLabel("Assign " + device + " to me").click();
        assertThat(page.locator("tr[data-rma='" + device + "'] td.assignee")).hasText(agent.email());
        page.check("#mine");
        page.click("button:has-text('Filter')");
        assertThat(page.locator("#total")).containsText("1 RMA(s) match");
        assertThat(page.locator("tbody tr[data-rma]")).hasCount(1);
        screenshot("console-8-1-queue-assigned-to-me");

        page.click("text=" + device);
        assertThat(page.locator("#status")).hasText("Under review");
        assertThat(page.locator("#assignee")).hasText(agent.email());
        // Actions first, then the decision summary; the rule-by-rule explanation is collapsed further down.
        assertThat(top("#actions")).isLessThan(top("#summary"));
        assertThat(top("#summary")).isLessThan(top("#explanation"));
        assertThat(top("#actions") + page.locator("#actions").boundingBox().height).as("the actions are on the first screen").isLessThan(900);
        assertThat(page.locator("#explanation")).not().hasAttribute("open", "");
        assertThat(page.locator("#summary")).containsText("Refund");
        assertThat(page.locator("#return-tracking")).hasText("none yet");
        assertThat(page.locator("#other-rmas")).containsText(mask);
        assertThat(page.locator("#customer-history")).hasText("1 earlier RMA by this e-mail address");
        System.out.println("console RMA page height at 1280 px: " + page.evaluate("() => document.scrollingElement.scrollHeight") + " px");
        screenshot("console-8-2-rma-actions-first");

        page.click("summary:has-text('Reject')");
        page.fill("#reject-reason", "Outside the 30-day window and the device was used.");
        page.click("#do-reject");
        assertThat(page.locator("#confirm")).containsText("Reject " + device + "?");
        assertThat(page.locator("#confirm-reason")).hasText("Outside the 30-day window and the device was used.");
        assertThat(page.locator("#status")).hasText("Under review");
        screenshot("console-8-3-reject-asks-to-confirm");
        page.click("#confirm-action");
        assertThat(page.locator("#status")).hasText("Rejected");
        assertThat(page.locator("#message")).containsText("is now Rejected");
        assertThat(page.locator("#timeline")).containsText("Assigned");
        assertThat(page.locator("#timeline")).containsText("Outside the 30-day window");
        assertThat(page.locator("#error")).hasCount(0);
    }

    @Test
    void atPhoneWidthNoConsolePageScrollsSideways() {
        Setup s = setUp();
        Browser browser = page.context().browser();
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(375, 812).setDeviceScaleFactor(1).setIsMobile(true)
                .setHasTouch(true));
        context.setDefaultTimeout(10_000);
        page = context.newPage();
        StaffLogin agent = staffAccount(s.merchant(), Caller.Role.AGENT);
        signIn(agent);
        assertNoSidewaysScroll("queue");

        page.click("text=" + s.underReview().get("number").asString());
        assertThat(page.locator("#status")).hasText("Under review");
        assertNoSidewaysScroll("RMA page");
        page.click("summary:has-text('Reject')");
        page.click("#do-reject");
        assertThat(page.locator("#error")).hasCount(1);
        assertThat(page.locator("#error")).hasText("Reason (the customer sees it): Give the reason for rejecting; the customer sees it.");
        page.locator("#explanation summary").click();
        assertNoSidewaysScroll("RMA page with the explanation open");
        page.locator("#explanation summary").click();
        screenshot("console-8-4-rma-at-375px");

        page.navigate(url("/console/dashboard"));
        assertNoSidewaysScroll("dashboard");
    }
}

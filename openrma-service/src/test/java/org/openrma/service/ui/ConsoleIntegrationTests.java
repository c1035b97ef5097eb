package org.openrma.service.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Api;
import tools.jackson.databind.JsonNode;

/** The agent console in headless Chromium: an RMA taken through receipt, inspection and refund; conflicts and bad input shown on the page. */
class ConsoleIntegrationTests extends BrowserTest {

    private JsonNode fileReturn(TestMerchant m, String order) {
        return submit(m, Api.JSON.readTree("""
                {"order_number": "%s", "request": {"kind": "return", "reason": "changed_mind",
                  "lines": [{"sku": "KGD-IPL-X1", "quantity": 1, "condition": "unopened"}]}}""".formatted(order)));
    }

    private void signIn(StaffLogin login) {
        page.navigate(url("/console"));
        assertThat(page.locator("h1")).hasText("Sign in");
        page.getByLabel("E-mail").fill(login.email());
        page.getByLabel("Password").fill(login.password());
        page.click("button:has-text('Sign in')");
    }

    @Test
    void anAgentTakesAnRmaThroughReceiptInspectionAndRefund() {
        TestMerchant m = newMerchant("kingdo");
        importOrder(m, "CON-1001", "cy@example.com", 6);
        JsonNode rma = fileReturn(m, "CON-1001");
        String number = rma.get("number").asString();

        StaffLogin agent = staffAccount(m, org.openrma.service.access.Caller.Role.AGENT);
        page.navigate(url("/console/login"));
        page.click("button:has-text('Sign in')");
        assertThat(page.locator("#error")).containsText("do not match");
        page.getByLabel("E-mail").fill(agent.email());
        page.getByLabel("Password").fill("wrong password");
        page.click("button:has-text('Sign in')");
        assertThat(page.locator("#error")).containsText("do not match");
        screenshot("console-1-sign-in");

        page.getByLabel("E-mail").fill(agent.email());
        page.getByLabel("Password").fill(agent.password());
        page.click("button:has-text('Sign in')");
        assertThat(page.locator("h1")).hasText("RMA queue");
        assertThat(page.locator("table")).containsText(number);
        assertThat(page.locator(".counts")).containsText("Authorized — ship it back: 1");
        page.selectOption("#status", "authorized");
        page.fill("#q", "CON-1001");
        page.click("button:has-text('Filter')");
        assertThat(page.locator("#total")).containsText("1 RMA(s) match");
        screenshot("console-2-queue");

        page.click("text=" + number);
        assertThat(page.locator("#status")).hasText("Authorized — ship it back");
        assertThat(page.locator("#summary")).containsText("Clause S4-01");
        // Only the moves the lifecycle allows for an authorized RMA (agent): ship-back, receive, resolve, cancel.
        assertThat(page.locator("#do-inspect")).hasCount(0);
        assertThat(page.locator("#do-approve")).hasCount(0);
        screenshot("console-3-rma");

        page.click("summary:has-text('Record tracking')");
        page.fill("#tracking", "JD0146");
        page.click("#do-ship-back");
        assertThat(page.locator("#status")).hasText("On its way back");

        // Someone else acts on the RMA while the page is open: the agent's click is refused with a clear message.
        JsonNode current = api.get("/api/v1/rmas/" + rma.get("id").asString()).key(m.agent()).send().json();
        actOk(m, current, "receive", java.util.Map.of());
        page.click("#do-receive");
        assertThat(page.locator("#error")).containsText("Someone else changed " + number);
        assertThat(page.locator("#status")).hasText("Received");

        page.click("summary:has-text('Record inspection')");
        page.click("#do-inspect");
        assertThat(page.locator("#error")).hasText("Finding: Choose the inspection finding.");
        page.selectOption("#finding", "no_fault_found");
        page.fill("#notes", "sealed, complete");
        page.click("#do-inspect");
        assertThat(page.locator("#status")).hasText("Inspected");

        assertThat(page.locator("#breakdown")).containsText("Refund to pay");
        assertThat(page.locator("#refund-total")).containsText("$189.00");
        screenshot("console-4-resolve-with-breakdown");
        page.click("#do-resolve");
        assertThat(page.locator("#status")).hasText("Resolved");
        assertThat(page.locator("#timeline")).containsText("Resolved");
        BigDecimal refunded = jdbc.sql("select amount from refund where merchant_id = ? and kind = 'refund'").param(m.id()).query(BigDecimal.class).single();
        assertThat(refunded).isEqualByComparingTo("189.00");

        page.navigate(url("/console/dashboard"));
        assertThat(page.locator("svg").first()).isVisible();
        assertThat(page.locator("#approval-rate")).containsText("100 %");
        screenshot("console-5-dashboard");

        // An agent is not an admin: the studio says so.
        page.navigate(url("/studio"));
        assertThat(page.locator("main")).containsText("for admins");
    }

    @Test
    void refusedActionsLeaveTheRmaAsItWas() {
        // kst-servos rejects outside its window (kingdo leaves such requests to an agent, case by case)
        TestMerchant m = newMerchant("kst-servos");
        importOrder(m, "CON-2001", "dee@example.com", 200);
        JsonNode rma = fileReturn(m, "CON-2001");
        signIn(staffAccount(m, org.openrma.service.access.Caller.Role.AGENT));
        page.navigate(url("/console/rmas/" + rma.get("id").asString()));
        // 200 days after delivery the 7-day window is closed: rejected by the policy, so override needs a reason.
        assertThat(page.locator("#status")).hasText("Rejected");
        page.click("summary:has-text('Authorize anyway')");
        page.click("#do-override");
        assertThat(page.locator("#error")).hasText("Reason (recorded in the audit trail): Give the reason for overriding the policy; it goes into the audit trail.");
        assertThat(api.get("/api/v1/rmas/" + rma.get("id").asString()).key(m.agent()).send().json().get("version").asInt()).isZero();
        page.fill("#override-reason", "loyal customer");
        page.click("#do-override");
        assertThat(page.locator("#status")).hasText("Authorized — ship it back");
        assertThat(page.locator("#timeline")).containsText("loyal customer");
    }
}

package org.openrma.service.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openrma.service.support.Api;

/** The policy studio in headless Chromium: an admin lints a draft, tries a claim, replays it and publishes it. */
class StudioIntegrationTests extends BrowserTest {

    private long versions(TestMerchant m) {
        return jdbc.sql("select count(*) from policy_version where merchant_id = ?").param(m.id()).query(Long.class).single();
    }

    @Test
    void anAdminLintsAndPublishesAPolicyDraft() {
        TestMerchant m = newMerchant("kingdo");
        importOrder(m, "STU-1001", "eve@example.com", 6);
        submit(m, Api.JSON.readTree("""
                {"order_number": "STU-1001", "request": {"kind": "return", "reason": "changed_mind",
                  "lines": [{"sku": "KGD-IPL-X1", "quantity": 1, "condition": "unopened"}]}}"""));

        page.navigate(url("/console/login?next=/studio"));
        StaffLogin admin = staffAccount(m, org.openrma.service.access.Caller.Role.ADMIN);
        page.getByLabel("E-mail").fill(admin.email());
        page.getByLabel("Password").fill(admin.password());
        page.click("button:has-text('Sign in')");
        assertThat(page.locator("h1")).hasText("Policy studio");
        assertThat(page.locator("#versions")).containsText("kingdo");
        assertThat(page.locator("#lint-summary")).containsText("0 error(s)");
        String original = page.inputValue("#source");
        screenshot("studio-1-versions-and-draft");

        // Break the draft: the linter reports it at its line, live.
        String broken = original.replace("selection: preference_order", "selection: whatever_order");
        page.fill("#source", broken);
        assertThat(page.locator("#lint-summary")).not().containsText("0 error(s)");
        assertThat(page.locator("#lint .diag.error").first()).containsText("line ");
        int brokenLine = 1 + (int) broken.substring(0, broken.indexOf("selection: whatever_order")).chars().filter(c -> c == '\n').count();
        assertThat(page.locator("#line-" + brokenLine)).hasClass(java.util.regex.Pattern.compile(".*has-error.*"));
        screenshot("studio-2-lint-errors");

        // Publishing a broken draft is refused with the diagnostics; nothing stored.
        page.click("#publish");
        assertThat(page.locator("#error")).containsText("Not published");
        assertThat(versions(m)).isZero();

        // A valid draft with a longer window: try the stored claim against it, replay it, publish it.
        String draft = page.inputValue("#source").replace("selection: whatever_order", "selection: preference_order")
                .replace("version: \"2025-08\"", "version: \"2026-01\"");
        page.fill("#source", draft);
        assertThat(page.locator("#lint-summary")).containsText("0 error(s)");
        page.click("#try-button");
        assertThat(page.locator("#tried")).containsText("Eligible");
        page.click("#replay-button");
        assertThat(page.locator("#replay-report")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        screenshot("studio-3-try-and-replay");

        page.fill("#effective_from", "2025-07-01");
        page.click("#publish");
        assertThat(page.locator("#message")).containsText("Published kingdo 2026-01, in force for orders placed from 2025-07-01");
        assertThat(page.locator("#versions")).containsText("2026-01");
        assertThat(versions(m)).isEqualTo(1);

        // Empty draft: refused.
        page.fill("#source", "");
        page.click("#publish");
        assertThat(page.locator("#error")).containsText("The draft is empty");
        assertThat(versions(m)).isEqualTo(1);
    }
}

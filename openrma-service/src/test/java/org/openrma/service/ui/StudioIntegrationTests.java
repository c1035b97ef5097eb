package org.openrma.service.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrma.service.access.Caller;

/**
 * The policy studio in headless Chromium, as a support lead uses it: the editor marks every diagnostic and goes to one
 * when it is chosen, completes and documents keys from the schema; the form view changes a window in the same file;
 * the review shows the diff and the what-if summary, refuses a label already used, and publishing with confirmation
 * and a new label lists the new version. At desktop width and at 375 px.
 */
class StudioIntegrationTests extends BrowserTest {

    private static final String WITHIN = "[id='f-programs.0.window.within']";

    private long versions(TestMerchant m) {
        return jdbc.sql("select count(*) from policy_version where merchant_id = ?").param(m.id()).query(Long.class).single();
    }

    /** Console errors of the page: a script refused by the CSP or failing shows here. */
    private List<String> collectErrors() {
        List<String> errors = new ArrayList<>();
        page.onConsoleMessage(msg -> {
            // the browser's own request for /favicon.ico is not the page's
            if (msg.type().equals("error") && !msg.location().contains("/favicon.ico")) {
                errors.add(msg.text() + " at " + msg.location());
            }
        });
        page.onPageError(errors::add);
        page.onResponse(r -> {
            if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) {
                errors.add(r.status() + " " + r.url());
            }
        });
        return errors;
    }

    private void signInToStudio(TestMerchant m) {
        page.navigate(url("/console/login?next=/studio"));
        StaffLogin admin = staffAccount(m, Caller.Role.ADMIN);
        page.getByLabel("E-mail").fill(admin.email());
        page.getByLabel("Password").fill(admin.password());
        page.click("button:has-text('Sign in')");
        assertThat(page.locator("h1")).hasText("Policy studio");
    }

    private Locator editorLine(String text) {
        return page.locator("#editor .cm-line", new com.microsoft.playwright.Page.LocatorOptions().setHasText(text)).first();
    }

    @Test
    void aSupportLeadEditsInTheEditorAndTheFormViewThenPublishesWithTheDiffAndANewLabel() {
        TestMerchant m = newMerchant("kingdo");
        importOrder(m, "STU-1001", "eve@example.com", 6);
        clock.advance(java.time.Duration.ofHours(1));
        importOrder(m, "STU-1002", "fay@example.com", 6);
        List<String> errors = collectErrors();
        signInToStudio(m);

        // The editor replaces the textarea (which stays the form field) and is checked on load.
        assertThat(page.locator("#editor .cm-editor")).isVisible();
        assertThat(page.locator("#source")).isHidden();
        assertThat(page.locator("#lint-summary")).containsText("0 error(s)");

        // A typo: marked inline, listed, and choosing it in the list moves the cursor there.
        Locator selection = editorLine("selection: preference_order");
        selection.click();
        page.keyboard().press("End");
        page.keyboard().type("_typo");
        assertThat(page.locator("#editor .cm-lintRange-error").first()).isVisible();
        assertThat(page.locator("#lint-summary")).containsText("1 error(s)");
        editorLine("policy: kingdo").click();
        page.locator("#diagnostics a.goto-diagnostic").first().click();
        assertThat(page.locator("#editor .cm-activeLine")).containsText("selection: preference_order_typo");

        // Completion and hover documentation from the schema.
        page.keyboard().press("End");
        page.keyboard().press("Enter");
        page.keyboard().type("roun");
        page.keyboard().press("Control+Space");
        assertThat(page.locator(".cm-tooltip-autocomplete")).containsText("rounding");
        page.keyboard().press("Escape");
        editorLine("when_no_program_serves:").locator("text=when_no_program_serves").hover();
        assertThat(page.locator(".cm-tooltip-hover")).containsText("outcome");
        screenshot("studio-4-editor-diagnostics");

        // Back to the published text; the form view changes the return window in the same file.
        page.navigate(url("/studio"));
        assertThat(page.locator(WITHIN)).hasValue("60 days");
        page.fill(WITHIN, "90 days");
        page.click("#apply-settings");
        assertThat(page.locator("#message")).containsText("Wrote 1 setting(s) into the draft");
        // the editor shows the text the server wrote (it draws only the lines in view; the textarea holds all of it)
        assertThat(page.inputValue("#source")).contains("window: { from: delivered, within: 90 days, cites: [S4-01, S4-07] }");
        assertThat(page.locator("#editor .cm-content")).containsText("policy: kingdo");
        assertThat(page.locator("#lint-summary")).containsText("0 error(s)");
        screenshot("studio-4-form-view");

        // The review refuses the label in use, naming the field.
        page.fill("#effective_from", "2025-07-01");
        page.fill("#version_label", "2025-08");
        page.click("#review-button");
        assertThat(page.locator("#problem-version_label")).containsText("New version label: policy kingdo already has a version labelled '2025-08'");
        assertThat(page.locator("#publish")).hasCount(0);

        // With a new label: the diff against the version in force and the what-if summary, then confirm and publish.
        page.fill("#version_label", "2025-07");
        page.click("#review-button");
        assertThat(page.locator("#diff tr.removed", new com.microsoft.playwright.Page.LocatorOptions().setHasText("within: 60 days"))).hasCount(1);
        assertThat(page.locator("#diff tr.added", new com.microsoft.playwright.Page.LocatorOptions().setHasText("within: 90 days"))).hasCount(1);
        assertThat(page.locator("#diff tr.added", new com.microsoft.playwright.Page.LocatorOptions().setHasText("version: \"2025-07\""))).hasCount(1);
        assertThat(page.locator("#whatif-summary")).containsText("stored claim(s)");
        screenshot("studio-4-review-diff");
        page.check("#confirm");
        page.click("#publish");
        assertThat(page.locator("#message")).containsText("Published kingdo 2025-07, in force for orders placed from 2025-07-01");
        assertThat(page.locator("#versions")).containsText("2025-07");
        assertThat(versions(m)).isEqualTo(1);

        // Try a claim built from a stored order against the draft: choosing the order shows its lines.
        assertThat(page.locator("#order_number")).hasValue("STU-1002");
        page.selectOption("#order_number", "STU-1001");
        assertThat(page.locator("#try-order .hint")).containsText("Placed ");
        assertThat(page.locator("#order_number")).hasValue("STU-1001");
        assertThat(page.locator("#try-lines")).containsText("KGD-LED-MASK");
        page.selectOption("#reason", "changed_mind");
        page.click("#try-button");
        assertThat(page.locator("#tried")).containsText("Eligible");
        screenshot("studio-4-published-and-tried");
        assertThat(errors).as("console errors (CSP, scripts)").isEmpty();
    }

    @Test
    void onAPhoneTheFormViewReviewAndPublishFitTheScreen() {
        TestMerchant m = newMerchant("kingdo");
        usePhone(375, 812);
        List<String> errors = collectErrors();
        signInToStudio(m);
        assertThat(page.locator("#editor .cm-editor")).isVisible();
        page.fill(WITHIN, "45 days");
        page.click("#apply-settings");
        assertThat(page.locator("#message")).containsText("Wrote 1 setting(s)");
        page.fill("#version_label", "2025-06-b");
        page.click("#review-button");
        assertThat(page.locator("#diff")).containsText("within: 45 days");
        // measured once the reloaded page's editor is in place, as the customer sees it (a CI run measured mid-load once)
        assertThat(page.locator("#editor .cm-editor")).isVisible();
        assertNoSidewaysScroll("the review at 375 px");
        page.locator("#review").scrollIntoViewIfNeeded();
        page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("studio-4-phone-review.png")));
        page.check("#confirm");
        page.click("#publish");
        assertThat(page.locator("#message")).containsText("Published kingdo 2025-06-b");
        assertThat(page.locator("#versions")).containsText("2025-06-b");
        // the published page is measured once its editor is in place too, as the review is above (a CI run measured it mid-load)
        assertThat(page.locator("#editor .cm-editor")).isVisible();
        assertNoSidewaysScroll("the published version at 375 px");
        screenshot("studio-4-phone-published");
        assertThat(errors).as("console errors (CSP, scripts)").isEmpty();
    }
}

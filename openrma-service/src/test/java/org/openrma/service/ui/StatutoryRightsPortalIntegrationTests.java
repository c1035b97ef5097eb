package org.openrma.service.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrma.policy.PolicyCatalog;
import org.openrma.service.access.Caller;
import org.openrma.service.support.Api;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A consumer in Germany of a shop whose policy allows 7 days and sells to the EU: the portal's preview
 * tells them the statutory right, they withdraw with the model withdrawal form, and the agent sees
 * the legal basis and what the law overrode on the RMA page. Order delivered 2025-03-10 (day 0);
 * the customer comes back on day 12.
 */
class StatutoryRightsPortalIntegrationTests extends BrowserTest {

    @Autowired
    PolicyCatalog builtIn;

    @Test
    void aGermanConsumerSeesTheStatutoryRightWithdrawsWithTheModelFormAndTheAgentSeesTheLegalBasis() {
        TestMerchant m = newMerchant("kst-eu");
        String source = builtIn.versions("kst-servos").getFirst().sourceText().replaceFirst("(?m)^policy:.*$", "policy: kst-eu")
                + "\nmarkets: [DE, FR, IT]\nstatutory_info: { withdrawal_info_given: true, return_cost_info_given: true }\n";
        assertThat(api.post("/api/v1/policies", Map.of("file_name", "kst-eu.yaml", "source", source)).key(m.admin()).send().status()).isEqualTo(201);
        Api.Response order = api.post("/api/v1/orders", """
                {"number": "KST-B-1", "channel": "official_store", "placed_at": "2025-03-03T10:00:00Z", "shipped_at": "2025-03-04T10:00:00Z",
                 "delivered_at": "2025-03-10T12:00:00Z", "currency": "EUR",
                 "shipping": {"method": "economy", "amount": "8.50", "cheapest_standard_amount": "8.50"},
                 "customer": {"id": "C-B-1", "email": "lena@example.de"}, "sales_channel": "distance",
                 "lines": [{"sku": "KST-X20-1000", "category": "servo", "unit_price": "57.99", "quantity": 1}]}""").key(m.admin()).send();
        assertThat(order.status()).isEqualTo(201);
        clock.set(Instant.parse("2025-03-22T10:00:00Z"));

        page.navigate(url("/portal/" + m.slug()));
        page.getByLabel("Order number").fill("KST-B-1");
        page.getByLabel("E-mail address").fill("lena@example.de");
        page.click("button:has-text('Find my order')");
        page.selectOption("#kind", "return");
        page.selectOption("#reason", "changed_mind");
        page.check("#pick_0");
        page.selectOption("#cond_0", "opened_unused");
        assertThat(page.locator("#preview")).containsText("Not eligible");
        page.selectOption("#country", "DE");
        page.check("#buyer_consumer");
        assertThat(page.locator("#preview #statutory-rights")).containsText("§ 312g BGB");
        assertThat(page.locator("#preview #statutory-rights")).containsText("Germany");
        assertThat(page.locator("#preview")).containsText("Eligible");
        assertThat(page.locator("#preview")).containsText("€66.49");
        screenshot("portal-6-statutory-right-in-preview");

        page.click("#withdrawal-link");
        assertThat(page.locator("#withdrawal-form")).containsText("I hereby give notice that I withdraw from my contract of sale of the following goods");
        page.check("#pick_0");
        page.getByLabel("Name of consumer").fill("Lena Berger");
        page.getByLabel("Address of consumer").fill("Hauptstr. 1\n10115 Berlin");
        page.selectOption("#country", "DE");
        screenshot("portal-7-model-withdrawal-form");
        page.click("#withdraw");
        assertThat(page.locator("#notice-text")).containsText("Name of consumer: Lena Berger");
        assertThat(rmaCount(m)).isZero();
        page.click("#confirm-withdrawal");
        assertThat(page.locator("#message")).containsText("We received your withdrawal");
        assertThat(page.locator("#received-at")).hasText("2025-03-22T10:00:00Z");
        assertThat(rmaCount(m)).isEqualTo(1);

        String rmaId = jdbc.sql("select id::text from rma where merchant_id = ?").param(m.id()).query(String.class).single();
        StaffLogin agent = staffAccount(m, Caller.Role.AGENT);
        page.navigate(url("/console"));
        page.getByLabel("E-mail").fill(agent.email());
        page.getByLabel("Password").fill(agent.password());
        page.click("button:has-text('Sign in')");
        page.navigate(url("/console/rmas/" + rmaId));
        assertThat(page.locator("#statutory-rights")).containsText("Legal basis of refund");
        assertThat(page.locator("#statutory-rights")).containsText("§ 312g BGB (DE)");
        assertThat(page.locator("#statutory-rights table.overrides")).containsText("merchant:S0-01");
        screenshot("console-7-rma-legal-basis");
    }
}

package org.openrma.service.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openrma.service.access.Caller;
import org.openrma.service.support.Api;

/**
 * One run in German, in Chromium whose {@code Accept-Language} is German: a customer finds a euro order of a merchant in
 * Berlin, previews a return, files it and follows it; an agent works the queue and the RMA page. Every heading, label
 * and button is German, money reads "1.124,00 €", days "16.12.2026", times are in the merchant's zone with its name,
 * and the merchant's own clauses stay as the merchant wrote them. The switcher turns the same page English.
 */
class GermanBrowserTests extends BrowserTest {

    /** A euro order of a merchant in Berlin, delivered six days before the test clock. */
    private TestMerchant berlinMerchantWithAnEuroOrder(String number, String email) {
        TestMerchant m = newMerchant("kingdo");
        Api.Response zone = api.put("/api/v1/merchant", Map.of("version", 0, "time_zone", "Europe/Berlin")).key(m.admin()).send();
        assertThat(zone.status()).as(zone.toString()).isEqualTo(200);
        importOrder(m, number, email, 6, "EUR", "1124.00");
        return m;
    }

    private void speakGerman() {
        context.close();
        context = browserInGerman();
        page = context.newPage();
    }

    private com.microsoft.playwright.BrowserContext browserInGerman() {
        var c = page.context().browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("de-DE")
                .setExtraHTTPHeaders(Map.of("Accept-Language", "de-DE,de;q=0.9,en;q=0.5")));
        c.setDefaultTimeout(10_000);
        return c;
    }

    @Test
    void aCustomerAndAnAgentWorkThroughAReturnInGerman() {
        TestMerchant m = berlinMerchantWithAnEuroOrder("DE-1001", "lena@example.com");
        speakGerman();

        page.navigate(url("/portal/" + m.slug()));
        assertThat(page.locator("html")).hasAttribute("lang", "de");
        assertThat(page.locator("h1")).hasText("Bestellung finden");
        assertThat(page.locator("nav.languages a[aria-current]")).hasText("Deutsch");
        screenshot("portal-de-1-find-order");
        page.getByLabel("Bestellnummer").fill("DE-1001");
        page.getByLabel("E-Mail-Adresse").fill("lena@example.com");
        page.click("button:has-text('Bestellung suchen')");

        assertThat(page.locator("h1")).hasText("Bestellung DE-1001");
        // the order total and the line prices in euro as German writes them; the days in German
        assertThat(page.locator("#order-facts")).containsText(nbsp("1.364,00 €"));
        assertThat(page.locator("#order-facts")).containsText(germanDay(clock.instant().minus(Duration.ofDays(10))));
        assertThat(page.locator("label[for=pick_0]")).containsText(nbsp("1.124,00 €"));
        assertThat(page.locator("#kind option[value=return]")).hasText("Artikel zurücksenden");
        page.selectOption("#kind", "return");
        page.selectOption("#reason", "changed_mind");
        assertThat(page.locator("#reason option[value=changed_mind]")).hasText("Ich habe es mir anders überlegt");
        page.check("#pick_0");
        page.selectOption("#cond_0", "unopened");

        // the live preview in German, the merchant's clause as written
        assertThat(page.locator("#preview")).containsText("Berechtigt");
        assertThat(page.locator("#preview")).containsText("Die Richtlinie des Händlers sagt");
        assertThat(page.locator("#preview")).containsText("Klausel S4-01");
        assertThat(page.locator("#preview")).containsText("Erstattung");
        assertThat(page.locator("#preview")).containsText(nbsp("1.124,00 €"));
        assertThat(page.locator("#preview")).containsText("Ihnen (dem Kunden)");
        assertThat(page.locator("#preview")).containsText("Zurücksenden bis");
        // nothing of the engine's English for staff (its summary with "1124.00 EUR") reaches the customer
        assertThat(page.locator("#preview")).not().containsText("Eligible");
        assertThat(page.locator("#preview")).not().containsText("Approved under");
        assertThat(page.locator("#preview")).not().containsText("EUR");
        screenshot("portal-de-2-request-with-preview");

        page.click("#submit");
        assertThat(page.locator("#message")).containsText("wurde gesendet");
        assertThat(page.locator("#status")).hasText("Genehmigt — bitte zurücksenden");
        assertThat(page.locator("#next")).hasText("So geht es weiter");
        String shipBy = germanDay(clock.instant().plus(Duration.ofDays(14)));
        assertThat(page.locator("#ship-by")).hasText(shipBy);
        // the timeline: what happened in German, when in the merchant's zone (Berlin) with its name
        assertThat(page.locator("#timeline")).containsText("Anfrage gestellt und entschieden");
        assertThat(page.locator("#timeline")).containsText(Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2} (MEZ|MESZ)"));
        assertThat(page.locator("#timeline")).containsText("Sie");
        String number = page.locator("#rma-number").textContent();
        screenshot("portal-de-3-rma");

        // the switcher opens the same page in English, and the choice sticks (cookie) over the browser's language
        page.click("nav.languages a[hreflang=en]");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("#status")).hasText("Authorized — ship it back");
        assertThat(page.locator("#rma-number")).hasText(number);
        page.reload();
        assertThat(page.locator("#next")).hasText("What to do next");
        page.click("nav.languages a[hreflang=de]");
        assertThat(page.locator("#next")).hasText("So geht es weiter");

        // the agent, in German too
        context.close();
        context = browserInGerman();
        page = context.newPage();
        StaffLogin agent = staffAccount(m, Caller.Role.AGENT);
        page.navigate(url("/console"));
        assertThat(page.locator("h1")).hasText("Anmelden");
        page.getByLabel("E-Mail").fill(agent.email());
        page.getByLabel("Passwort").fill(agent.password());
        page.click("button:has-text('Anmelden')");
        assertThat(page.locator("h1")).hasText("RMA-Warteschlange");
        assertThat(page.locator("table")).containsText(number);
        assertThat(page.locator("table")).containsText("Genehmigt — bitte zurücksenden");
        assertThat(page.locator("table")).containsText("anders überlegt");
        assertThat(page.locator("thead")).containsText("Eingereicht");
        screenshot("console-de-1-queue");

        page.click("text=" + number);
        assertThat(page.locator("#status")).hasText("Genehmigt — bitte zurücksenden");
        assertThat(page.locator("#claim-title")).hasText("Anspruch");
        assertThat(page.locator("#actions-title")).hasText("Aktionen");
        assertThat(page.locator("main")).containsText("Zurücksenden bis");
        assertThat(page.locator("main")).containsText(shipBy);
        assertThat(page.locator("#summary-refund")).hasText(nbsp("1.124,00 €"));
        assertThat(page.locator("#summary")).containsText("dem Kunden");
        assertThat(page.locator("#audit-title")).hasText("Prüfprotokoll");
        assertThat(page.locator("main")).not().containsText("Audit trail");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-de-2-rma.png")));
    }

    /** The day of {@code at} in Berlin, as German writes it (FormatStyle.MEDIUM): "16.12.2026". */
    private static String germanDay(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy").format(at.atZone(java.time.ZoneId.of("Europe/Berlin")));
    }

    /** German puts a no-break space between the amount and the currency. */
    private static String nbsp(String money) {
        return money.replace(' ', '\u00a0');
    }
}

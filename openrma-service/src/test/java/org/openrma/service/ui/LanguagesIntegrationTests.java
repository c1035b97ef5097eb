package org.openrma.service.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openrma.service.support.FormClient;
import org.openrma.service.support.IntegrationTest;

/**
 * Which language a page is in: the switcher's choice (kept in a cookie), else the browser's {@code Accept-Language}
 * matched to a language with a bundle, else English; never a language the service has no words for.
 */
class LanguagesIntegrationTests extends IntegrationTest {

    @ParameterizedTest
    @CsvSource({
            "'de-DE,de;q=0.9,en;q=0.5', de, Bestellung finden",
            "'fr-CA,fr;q=0.8', fr, Retrouver votre commande",
            "'es-ES,es;q=0.9', en, Find your order",
            "'es-ES,es;q=0.9,de;q=0.5', de, Bestellung finden",
            "'', en, Find your order"})
    void thePageIsInTheBestLanguageTheBrowserAsksForThatHasABundle(String acceptLanguage, String lang, String heading) {
        FormClient.Page page = acceptLanguage.isEmpty() ? new FormClient(port).get("/portal/kingdo")
                : new FormClient(port).get("/portal/kingdo", "Accept-Language", acceptLanguage);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"" + lang + "\"", "<h1>" + heading + "</h1>");
    }

    @Test
    void theSwitchersChoiceIsKeptInACookieAndWinsOverTheBrowsersLanguage() {
        FormClient browser = new FormClient(port);

        FormClient.Page chosen = browser.get("/portal/kingdo?lang=fr", "Accept-Language", "de");
        FormClient.Page next = browser.get("/", "Accept-Language", "de");

        assertThat(chosen.body()).contains("<html lang=\"fr\"", "Retrouver votre commande");
        assertThat(browser.cookie("openrma_lang")).isEqualTo("fr");
        assertThat(next.body()).contains("<html lang=\"fr\"", "Retours, remboursements et garantie");
    }

    @Test
    void aLanguageWithoutABundleIsNotChosen() {
        FormClient browser = new FormClient(port);

        FormClient.Page page = browser.get("/portal/kingdo?lang=es", "Accept-Language", "es");

        assertThat(page.body()).contains("<html lang=\"en\"", "Find your order");
        assertThat(browser.cookie("openrma_lang")).isIn(null, "en");
    }

    @Test
    void theSwitcherLinksOpenTheSamePageWithItsQueryInEachLanguage() {
        FormClient.Page page = new FormClient(port).get("/console/login?next=%2Fconsole%2Fdashboard", "Accept-Language", "de");

        assertThat(page.body()).contains("<h1>Anmelden</h1>")
                .contains("href=\"/console/login?next=%2Fconsole%2Fdashboard&amp;lang=en\"", ">English</a>")
                .contains("href=\"/console/login?next=%2Fconsole%2Fdashboard&amp;lang=fr\"", ">Français</a>")
                .contains("aria-current=\"true\"");
    }
}

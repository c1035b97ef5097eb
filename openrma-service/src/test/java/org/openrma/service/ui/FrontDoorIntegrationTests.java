package org.openrma.service.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openrma.service.support.FormClient;
import org.openrma.service.support.IntegrationTest;

/** Someone who types the bare address, or their order number the way the shop printed it, still gets somewhere. */
class FrontDoorIntegrationTests extends IntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/portal", "/portal/"})
    void theBareAddressesLeadToThePortalTheConsoleAndTheApiDocumentation(String path) {
        FormClient.Page page = new FormClient(port).get(path);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/console\"", "href=\"/swagger-ui.html\"")
                // the demo stores, since the demo seed is on in the tests
                .contains("href=\"/portal/kingdo\"", "Kingdo (demo)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"KGD-DEMO-1001", "kgd-demo-1001", "#KGD-DEMO-1001", "  # kgd-demo-1001 ", "KGD-DEMO-1001 "})
    void anOrderNumberIsFoundAsTypedPrintedWithAHashOrInAnotherCase(String typed) {
        FormClient browser = new FormClient(port);
        FormClient.Page lookup = browser.get("/portal/kingdo");

        FormClient.Page signedIn = browser.submit(lookup, "/portal/kingdo/session",
                "order_number=" + FormClient.enc(typed) + "&email=" + FormClient.enc("Demo.Customer@example.com"));

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/portal/kingdo/order");
    }

    @ParameterizedTest
    @ValueSource(strings = {"KGD-DEMO-100", "KGD DEMO 1001 X", "#"})
    void anotherNumberIsStillNotFound(String typed) {
        FormClient browser = new FormClient(port);
        FormClient.Page lookup = browser.get("/portal/kingdo");

        FormClient.Page answer = browser.submit(lookup, "/portal/kingdo/session",
                "order_number=" + FormClient.enc(typed) + "&email=" + FormClient.enc("demo.customer@example.com"));

        assertThat(answer.status()).isEqualTo(404);
    }
}

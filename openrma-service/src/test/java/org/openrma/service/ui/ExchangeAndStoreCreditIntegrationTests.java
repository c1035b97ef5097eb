package org.openrma.service.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Api;
import org.openrma.service.support.FormClient;
import org.openrma.service.support.IntegrationTest;
import org.openrma.service.support.LinenLoom;
import tools.jackson.databind.JsonNode;

/**
 * Products and resolutions in the portal: order lines carry a title, variant and picture; the customer of a policy that
 * offers more than a refund chooses a refund, store credit (the engine's value with its bonus) or an exchange for another
 * variant of the catalogue with the price difference; the choice is stored with the request and shown to the agent.
 */
class ExchangeAndStoreCreditIntegrationTests extends IntegrationTest {

    private FormClient signedIn(TestMerchant m, String number, String email) {
        FormClient browser = new FormClient(port);
        FormClient.Page lookup = browser.get("/portal/" + m.slug());
        FormClient.Page in = browser.submit(lookup, "/portal/" + m.slug() + "/session",
                "order_number=" + number + "&email=" + FormClient.enc(email));
        assertThat(in.status()).isEqualTo(302);
        return browser;
    }

    private TestMerchant linenLoomWithOrder(String number) {
        clock.set(LinenLoom.NOW);
        TestMerchant m = newMerchant("linen-loom");
        LinenLoom.setUpWithOrder(api, m, number, "lena@example.com", clock.instant());
        return m;
    }

    private static final String SHIRT_RETURN = "kind=return&reason=changed_mind&pick_0=1&qty_0=1&cond_0=new_with_tags";

    @Test
    void anImportedOrderLineKeepsItsTitleVariantAndPictureAndThePagesShowThem() {
        TestMerchant m = linenLoomWithOrder("LL-1");

        JsonNode line = api.get("/api/v1/orders/LL-1").key(m.agent()).send().json().get("document").get("lines").get(0);
        assertThat(line.get("title").asString()).isEqualTo("Linen shirt");
        assertThat(line.get("variant").asString()).isEqualTo("Sand / M");
        assertThat(line.get("image_url").asString()).isEqualTo("/images/products/linen-shirt-sand.svg");

        String page = signedIn(m, "LL-1", "lena@example.com").get("/portal/" + m.slug() + "/order").body();
        assertThat(page).contains("class=\"product-name\">Linen shirt<", "class=\"product-variant\">Sand / M<", "SKU LL-SHIRT-SAND-M",
                "src=\"/images/products/linen-shirt-sand.svg\" alt=\"Linen shirt, Sand / M\"");
    }

    @Test
    void anImageAddressThatIsNotAUrlIsRefusedNamingTheLineField() {
        TestMerchant m = newMerchant("kingdo");
        String order = """
                {"number": "BAD-IMG-1", "channel": "official_store", "placed_at": "2025-05-01T10:00:00Z", "currency": "USD",
                 "customer": {"email": "x@example.com"},
                 "lines": [{"sku": "A", "unit_price": "1.00", "quantity": 1, "image_url": "/ok.png"},
                           {"sku": "B", "unit_price": "1.00", "quantity": 1, "image_url": "javascript:alert(1)"}]}""";

        Api.Response r = api.post("/api/v1/orders", order).key(m.admin()).send();

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(r.text()).contains("lines[1].image_url", "is not an image address").doesNotContain("lines[0].image_url");
        assertThat(api.get("/api/v1/orders/BAD-IMG-1").key(m.admin()).send().status()).isEqualTo(404);
    }

    @Test
    void aCatalogueWithTheSameSkuTwiceOrABadPriceIsRefusedFieldByFieldAndAGoodOneIsReadBack() {
        TestMerchant m = newMerchant("kingdo");
        Map<String, Object> bad = Map.of("products", List.of(Map.of("id", "P", "title", "Thing", "currency", "JPY", "variants", List.of(
                Map.of("sku", "P-1", "title", "Red", "price", "100.5", "in_stock", true),
                Map.of("sku", "P-1", "title", "Blue", "price", "100", "in_stock", true)))));

        Api.Response refused = api.put("/api/v1/merchant/products", bad).key(m.admin()).send();

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text()).contains("products[0].variants[0].price", "products[0].variants[1].sku");
        assertThat(api.put("/api/v1/merchant/products", LinenLoom.CATALOGUE).key(m.agent()).send().status()).isEqualTo(403);
        assertThat(api.put("/api/v1/merchant/products", LinenLoom.CATALOGUE).key(m.admin()).send().status()).isEqualTo(200);
        JsonNode variants = api.get("/api/v1/merchant/products").key(m.agent()).send().json().get("products").get(0).get("variants");
        assertThat(variants.size()).isEqualTo(4);
        assertThat(variants.get(2).get("price").asString()).isEqualTo("210.00");
        assertThat(variants.get(3).get("in_stock").asBoolean()).isFalse();
    }

    @Test
    void theReasonsOfferedFollowThePolicyAndAReasonNoProgramServesIsRefused() {
        // kst-rma: a warranty is served only for faults (defective, dead on arrival, not as described, counterfeit, damaged)
        TestMerchant m = newMerchant("kst-rma");
        String order = """
                {"number": "KST-R-1", "channel": "official_store", "placed_at": "2025-05-20T10:00:00Z", "delivered_at": "2025-05-25T10:00:00Z",
                 "currency": "USD", "customer": {"email": "pat@example.com"},
                 "lines": [{"sku": "KST-X20-1000", "category": "servo", "unit_price": "57.99", "quantity": 1}]}""";
        assertThat(api.post("/api/v1/orders", order).key(m.admin()).send().status()).isEqualTo(201);
        FormClient browser = signedIn(m, "KST-R-1", "pat@example.com");

        FormClient.Page page = browser.get("/portal/" + m.slug() + "/order");

        assertThat(kindsOf(page.body(), "changed_mind")).contains("return").doesNotContain("warranty");
        assertThat(kindsOf(page.body(), "defective")).contains("return", "warranty");
        FormClient.Page sent = browser.submit(page, "/portal/" + m.slug() + "/requests", "kind=warranty&reason=changed_mind&pick_0=1&qty_0=1&cond_0=used");
        assertThat(sent.status()).isEqualTo(422);
        assertThat(sent.body()).contains("Choose a reason that fits &quot;Warranty repair or replacement&quot;.");
        assertThat(jdbc.sql("select count(*) from rma where merchant_id = ?").param(m.id()).query(Long.class).single()).isZero();
    }

    private static String kindsOf(String page, String reason) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("<option value=\"" + reason + "\" data-kinds=\"([^\"]*)\"").matcher(page);
        assertThat(matcher.find()).as("option " + reason).isTrue();
        return " " + matcher.group(1) + " ";
    }

    @Test
    void anExchangeForADearerVariantIsStoredWithThePriceDifferenceTheCustomerPays() {
        TestMerchant m = linenLoomWithOrder("LL-2");
        FormClient browser = signedIn(m, "LL-2", "lena@example.com");
        FormClient.Page order = browser.get("/portal/" + m.slug() + "/order");

        String preview = browser.submit(order, "/portal/" + m.slug() + "/preview", SHIRT_RETURN + "&resolution=exchange").body();
        assertThat(preview).contains("id=\"resolution_exchange\"", "id=\"exchange_LL-SHIRT-NAVY-M\"", "you pay €20.00 more",
                "we pay you back €10.00", "(the one you have)");
        assertThat(preview).containsPattern("id=\"exchange_LL-SHIRT-NAVY-S\"[^>]*disabled");

        // an exchange without a variant, or for one out of stock, is not sent
        FormClient.Page noVariant = browser.submit(order, "/portal/" + m.slug() + "/requests", SHIRT_RETURN + "&resolution=exchange");
        assertThat(noVariant.status()).isEqualTo(422);
        assertThat(noVariant.body()).contains("Choose the variant you would like instead");
        assertThat(browser.submit(order, "/portal/" + m.slug() + "/requests", SHIRT_RETURN + "&resolution=exchange&exchange_sku=LL-SHIRT-NAVY-S")
                .status()).isEqualTo(422);

        FormClient.Page sent = browser.submit(order, "/portal/" + m.slug() + "/requests", SHIRT_RETURN + "&resolution=exchange&exchange_sku=LL-SHIRT-NAVY-M");

        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        String rmaId = sent.header("Location").replaceAll(".*/rmas/([^?]+).*", "$1");
        JsonNode rma = api.get("/api/v1/rmas/" + rmaId).key(m.agent()).send().json();
        assertThat(rma.get("claim").get("request").get("preferred_resolution").asString()).isEqualTo("exchange");
        JsonNode choice = rma.get("customer_choice");
        assertThat(choice.get("resolution").asString()).isEqualTo("exchange");
        assertThat(choice.get("exchange_sku").asString()).isEqualTo("LL-SHIRT-NAVY-M");
        assertThat(choice.get("exchange_price").asString()).isEqualTo("210.00");
        assertThat(choice.get("price_difference").asString()).isEqualTo("-20.00");
        assertThat(browser.get("/portal/" + m.slug() + "/rmas/" + rmaId).body())
                .contains("id=\"your-choice\"", "an exchange for Linen shirt, Navy / M; you pay €20.00 more");
    }

    @Test
    void storeCreditIsOfferedAtTheEnginesValueWithItsBonusAndTheChoiceIsStored() {
        TestMerchant m = linenLoomWithOrder("LL-3");
        FormClient browser = signedIn(m, "LL-3", "lena@example.com");
        FormClient.Page order = browser.get("/portal/" + m.slug() + "/order");

        FormClient.Page sent = browser.submit(order, "/portal/" + m.slug() + "/requests", SHIRT_RETURN + "&resolution=store_credit");

        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        String rmaId = sent.header("Location").replaceAll(".*/rmas/([^?]+).*", "$1");
        JsonNode rma = api.get("/api/v1/rmas/" + rmaId).key(m.agent()).send().json();
        assertThat(rma.get("customer_choice").get("resolution").asString()).isEqualTo("store_credit");
        assertThat(rma.get("customer_choice").get("exchange_sku").isNull()).isTrue();
        JsonNode credit = null;
        for (JsonNode r : rma.get("decision").get("remedies").values()) {
            if (r.get("resolution").asString().equals("store_credit")) {
                credit = r;
            }
        }
        assertThat(credit).as("the decision offers store credit").isNotNull();
        assertThat(credit.get("bonus_percent").asString()).isEqualTo("10");
        // the credit is worth more than the refund: the engine added the bonus, the page only shows it
        assertThat(new BigDecimal(credit.get("value").asString())).isGreaterThan(new BigDecimal(rma.get("decision").get("refund").asString()));
        assertThat(browser.get("/portal/" + m.slug() + "/rmas/" + rmaId).body())
                .contains("Store credit €" + new BigDecimal(credit.get("value").asString()).setScale(2) + " incl. 10% bonus");

        // the agent's resolve form starts from the customer's choice, not from the policy's first remedy
        StaffLogin login = staffAccount(m, org.openrma.service.access.Caller.Role.AGENT);
        FormClient agent = new FormClient(port);
        agent.signIn(login.email(), login.password());
        assertThat(agent.get("/console/rmas/" + rmaId).body()).containsPattern("<option value=\"store_credit\" selected");
    }

    @Test
    void aPolicyThatOffersMoreThanARefundNeedsAChoiceBeforeTheRequestIsSent() {
        TestMerchant m = linenLoomWithOrder("LL-4");
        FormClient browser = signedIn(m, "LL-4", "lena@example.com");
        FormClient.Page order = browser.get("/portal/" + m.slug() + "/order");

        FormClient.Page sent = browser.submit(order, "/portal/" + m.slug() + "/requests", SHIRT_RETURN);

        assertThat(sent.status()).isEqualTo(422);
        assertThat(sent.body()).contains("Choose what you would like: refund, store credit, exchange.", "id=\"choices\"");
        assertThat(jdbc.sql("select count(*) from rma where merchant_id = ?").param(m.id()).query(Long.class).single()).isZero();
    }
}

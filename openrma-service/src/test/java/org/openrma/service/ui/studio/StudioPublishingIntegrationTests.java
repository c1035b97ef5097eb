package org.openrma.service.ui.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrma.policy.PolicyCompiler;
import org.openrma.service.access.Caller;
import org.openrma.service.support.Api;
import org.openrma.service.support.FormClient;
import org.openrma.service.support.IntegrationTest;
import org.springframework.web.util.HtmlUtils;

/**
 * The studio's endpoints as a browser without JavaScript uses them: the form view writes into the draft, the review
 * shows the diff and the what-if summary, publishing asks for confirmation and a new label, and a second version on
 * the same day is explained.
 */
class StudioPublishingIntegrationTests extends IntegrationTest {

    private static final Pattern SOURCE = Pattern.compile("<textarea id=\"source\"[^>]*>(.*?)</textarea>", Pattern.DOTALL);
    private static final String WINDOW = "window: { from: delivered, within: 60 days, cites: [S4-01, S4-07] }";

    private TestMerchant m;
    private FormClient browser;
    private FormClient.Page studio;
    private String published;

    @BeforeEach
    void anAdminOfAShopOnKingdoOpensTheStudio() {
        m = newMerchant("kingdo");
        StaffLogin admin = staffAccount(m, Caller.Role.ADMIN);
        browser = new FormClient(port);
        browser.signIn(admin.email(), admin.password());
        studio = browser.get("/studio");
        assertThat(studio.status()).isEqualTo(200);
        published = source(studio);
        assertThat(published).contains("policy: kingdo", WINDOW);
    }

    private static String source(FormClient.Page page) {
        Matcher matcher = SOURCE.matcher(page.body());
        assertThat(matcher.find()).as("the page has the draft's textarea").isTrue();
        String text = HtmlUtils.htmlUnescape(matcher.group(1));
        // a textarea drops one newline right after its start tag; Thymeleaf writes the text as it is
        return text;
    }

    private static String text(FormClient.Page page) {
        return HtmlUtils.htmlUnescape(page.body());
    }

    private FormClient.Page post(String path, String... fields) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(FormClient.enc(fields[i])).append('=').append(FormClient.enc(fields[i + 1]));
        }
        return browser.submit(studio, path, form.toString());
    }

    private long versions() {
        return jdbc.sql("select count(*) from policy_version where merchant_id = ?").param(m.id()).query(Long.class).single();
    }

    private String ninetyDays() {
        return published.replace(WINDOW, WINDOW.replace("60 days", "90 days"));
    }

    @Test
    void theFormViewWritesAChangedWindowIntoTheDraftAndLeavesEveryOtherLineAsItWas() {
        FormClient.Page page = post("/studio/settings", "source", published,
                "f:programs.0.window.within", "90 days", "o:programs.0.window.within", "60 days",
                "f:programs.0.window.from", "delivered", "o:programs.0.window.from", "delivered");
        assertThat(page.status()).isEqualTo(200);
        assertThat(source(page)).isEqualTo(ninetyDays());
        assertThat(text(page)).contains("Wrote 1 setting(s) into the draft").contains("0 error(s)");
        assertThat(page.body()).contains("value=\"90 days\"");
    }

    @Test
    void aValueEditedInTheEditorMeanwhileIsNotOverwrittenByTheFormsOldValue() {
        String edited = published.replace(WINDOW, WINDOW.replace("60 days", "75 days"));
        FormClient.Page page = post("/studio/settings", "source", edited,
                "f:programs.0.window.within", "60 days", "o:programs.0.window.within", "60 days");
        assertThat(source(page)).isEqualTo(edited);
    }

    @Test
    void aSettingSharedThroughAnAnchorIsRefusedByNameAndTheDraftIsUnchanged() {
        FormClient.Page page = post("/studio/settings", "source", published,
                "f:programs.0.return_shipping.0.paid_by", "merchant", "o:programs.0.return_shipping.0.paid_by", "customer");
        assertThat(page.status()).isEqualTo(422);
        assertThat(text(page)).contains("programs.0.return_shipping.0.paid_by: edit this in the file: shared with other places");
        assertThat(source(page)).isEqualTo(published);
    }

    @Test
    void theReviewShowsTheLineDiffAgainstTheVersionInForceAndWhatTheDraftWouldHaveChanged() {
        submit(m, Api.JSON.readTree("""
                {"order": {"number": "ST-1", "channel": "official_store", "placed_at": "2025-02-01T10:00:00Z",
                  "delivered_at": "2025-02-05T10:00:00Z", "currency": "USD",
                  "lines": [{"sku": "KGD-IPL-X1", "category": "ipl_device", "unit_price": "189.00", "quantity": 1}]},
                 "request": {"kind": "return", "submitted_at": "2025-04-20T10:00:00Z", "reason": "changed_mind",
                  "lines": [{"sku": "KGD-IPL-X1", "quantity": 1, "condition": "unopened"}]}}"""));
        FormClient.Page page = post("/studio/review", "source", ninetyDays(), "version_label", "2025-07", "effective_from", "2020-01-02");
        assertThat(page.status()).isEqualTo(200);
        String body = text(page);
        assertThat(body).contains("Against version 2025-08 (in force from 2020-01-01): 3 line(s) added, 3 removed.");
        assertThat(page.body()).containsPattern("(?s)<tr class=\"removed\">(?:(?!</tr>).)*within: 60 days")
                .containsPattern("(?s)<tr class=\"added\">(?:(?!</tr>).)*within: 90 days")
                .containsPattern("(?s)<tr class=\"added\">(?:(?!</tr>).)*version: &quot;2025-07&quot;");
        // 74 days after delivery: the published 60 days send it to review, the draft's 90 days approve it
        assertThat(body).contains("Replayed 1 stored claim(s): 1 would be decided differently, 1 with another outcome; refunds would change by +189.00 USD.");
        assertThat(page.body()).contains("id=\"confirm\"").contains("id=\"publish\"");
        assertThat(versions()).isZero();
    }

    @Test
    void aLabelThePolicyAlreadyUsesIsRefusedNamingTheField() {
        FormClient.Page review = post("/studio/review", "source", ninetyDays(), "version_label", "2025-08", "effective_from", "2025-07-01");
        assertThat(text(review)).contains("New version label: policy kingdo already has a version labelled '2025-08' (in force from 2020-01-01); choose another label.");
        assertThat(review.body()).doesNotContain("id=\"publish\"");
        FormClient.Page publish = post("/studio/publish", "source", ninetyDays(), "version_label", "2025-08", "effective_from", "2025-07-01",
                "confirm", "yes");
        assertThat(publish.status()).isEqualTo(422);
        assertThat(text(publish)).contains("Not published: New version label: policy kingdo already has a version labelled '2025-08'");
        FormClient.Page noLabel = post("/studio/publish", "source", ninetyDays(), "effective_from", "2025-07-01", "confirm", "yes");
        assertThat(text(noLabel)).contains("New version label: give this version a label of its own");
        assertThat(versions()).isZero();
    }

    @Test
    void publishingAsksForConfirmationThenStoresTheDraftUnderItsNewLabelAndDate() {
        FormClient.Page unconfirmed = post("/studio/publish", "source", ninetyDays(), "version_label", "2025-07", "effective_from", "2025-07-01");
        assertThat(unconfirmed.status()).isEqualTo(422);
        assertThat(text(unconfirmed)).contains("Not published: tick \"I have read the changes\" to confirm.");
        assertThat(versions()).isZero();

        FormClient.Page done = post("/studio/publish", "source", ninetyDays(), "version_label", "2025-07", "effective_from", "2025-07-01",
                "confirm", "yes");
        assertThat(done.status()).isEqualTo(200);
        assertThat(text(done)).contains("Published kingdo 2025-07, in force for orders placed from 2025-07-01");
        String stored = jdbc.sql("select source_text from policy_version where merchant_id = ? and version = '2025-07'").param(m.id())
                .query(String.class).single();
        assertThat(stored).contains("within: 90 days").contains("version: \"2025-07\"").contains("effective_from: 2025-07-01");
        assertThat(done.body()).containsPattern("<td>2025-07</td>\\s*<td>2025-07-01</td>");
    }

    @Test
    void aSecondVersionOnTheSameDayIsNotPublishedAndThePageSaysHowToReplaceTheFirst() {
        post("/studio/publish", "source", ninetyDays(), "version_label", "2025-07", "effective_from", "2025-07-01", "confirm", "yes");
        assertThat(versions()).isEqualTo(1);
        String again = ninetyDays().replace("within: 90 days", "within: 100 days");
        FormClient.Page review = post("/studio/review", "source", again, "version_label", "2025-07-b", "effective_from", "2025-07-01");
        String body = text(review);
        assertThat(body).contains("Version 2025-07 already comes into force on 2025-07-01.")
                .contains("To replace 2025-07, publish this draft in force from a later day, such as 2025-07-02");
        assertThat(review.body()).doesNotContain("id=\"publish\"");
        FormClient.Page publish = post("/studio/publish", "source", again, "version_label", "2025-07-b", "effective_from", "2025-07-01",
                "confirm", "yes");
        assertThat(publish.status()).isEqualTo(409);
        assertThat(versions()).isEqualTo(1);
        FormClient.Page nextDay = post("/studio/publish", "source", again, "version_label", "2025-07-b", "effective_from", "2025-07-02",
                "confirm", "yes");
        assertThat(nextDay.status()).isEqualTo(200);
        assertThat(versions()).isEqualTo(2);
    }

    @Test
    void theEditorGetsEveryDiagnosticAsJsonWithItsLineAndColumn() {
        String broken = published.replace("selection: preference_order", "selection: whatever_order").replace("rounding: half_up", "rounding: sideways");
        FormClient.Page lint = browser.post("/studio/lint.json", "source=" + FormClient.enc(broken), "X-CSRF-TOKEN", studio.csrf(), "Accept",
                "application/json");
        assertThat(lint.status()).isEqualTo(200);
        var json = Api.JSON.readTree(lint.body());
        assertThat(json.get("errors").asInt()).isGreaterThanOrEqualTo(2);
        int selectionLine = 1 + (int) broken.substring(0, broken.indexOf("selection: whatever")).chars().filter(c -> c == '\n').count();
        int roundingLine = 1 + (int) broken.substring(0, broken.indexOf("rounding: sideways")).chars().filter(c -> c == '\n').count();
        assertThat(json.get("diagnostics").valueStream().filter(d -> d.get("severity").asString().equals("error")).map(d -> d.get("line").asInt()))
                .contains(selectionLine, roundingLine);
    }

    @Test
    void theSchemaTheEditorCompletesFromIsTheEnginesPolicySchema() throws Exception {
        FormClient.Page schema = browser.get("/studio/policy.schema.json", "Accept", "application/json");
        assertThat(schema.status()).isEqualTo(200);
        try (InputStream in = PolicyCompiler.class.getResourceAsStream("/openrma/policy.schema.json")) {
            assertThat(schema.body()).isEqualTo(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void aClaimBuiltFromAStoredOrderIsDecidedByTheDraftNotByThePublishedVersion() {
        var order = api.post("/api/v1/orders", """
                {"number": "ST-2", "channel": "official_store", "placed_at": "2025-02-01T10:00:00Z", "delivered_at": "2025-02-05T10:00:00Z",
                 "currency": "USD", "customer": {"id": "C-2", "email": "c2@example.com"},
                 "lines": [{"sku": "KGD-IPL-X1", "category": "ipl_device", "unit_price": "189.00", "quantity": 1}]}""").key(m.admin()).send();
        assertThat(order.status()).isEqualTo(201);
        String[] claim = {"order_number", "ST-2", "pick_0", "on", "qty_0", "1", "cond_0", "unopened", "kind", "return", "reason", "changed_mind",
                "submitted_on", "2025-04-20"};
        FormClient.Page published = tryWith(this.published, claim);
        FormClient.Page draft = tryWith(ninetyDays(), claim);
        assertThat(text(published)).contains("Needs a person to review it").doesNotContain("Eligible");
        assertThat(text(draft)).contains("Eligible").contains("189.00");
        FormClient.Page noOrder = tryWith(ninetyDays(), "order_number", "NOPE");
        assertThat(text(noOrder)).contains("Choose one of your stored orders (order number).");
    }

    private FormClient.Page tryWith(String source, String... fields) {
        String[] all = new String[fields.length + 2];
        all[0] = "source";
        all[1] = source;
        System.arraycopy(fields, 0, all, 2, fields.length);
        FormClient.Page page = post("/studio/try", all);
        assertThat(page.status()).isEqualTo(200);
        return page;
    }
}

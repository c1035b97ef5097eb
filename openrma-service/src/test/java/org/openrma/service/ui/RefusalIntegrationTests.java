package org.openrma.service.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.FormClient;
import org.openrma.service.support.IntegrationTest;

/**
 * A refusal in the portal is no dead end: it says why in the customer's words, quotes only the clauses that decided, shows
 * no money or shipping, and offers what the customer can still do, each prefilling the request form. The form offers only
 * the reasons that fit the kind of request.
 */
class RefusalIntegrationTests extends IntegrationTest {

    /** A KOSPET watch (2025 terms: 30-day return, 2-year repair warranty) delivered 40 days before the test clock. */
    private FormClient signedInToAWatchOrder(TestMerchant m, String number, String policyLine, String sku, int deliveredDaysAgo) {
        var now = clock.instant();
        String order = """
                {"number": "%s", "channel": "official_store", "placed_at": "%s", "shipped_at": "%s", "delivered_at": "%s",
                 "currency": "USD", "shipping": {"method": "economy", "amount": "0.00"},
                 "customer": {"id": "C-%s", "email": "kim@example.com"},
                 "lines": [{"sku": "%s", "category": "%s", "unit_price": "129.00", "quantity": 1}]}"""
                .formatted(number, now.minus(Duration.ofDays(deliveredDaysAgo + 4)), now.minus(Duration.ofDays(deliveredDaysAgo + 3)),
                        now.minus(Duration.ofDays(deliveredDaysAgo)), number, sku, policyLine);
        assertThat(api.post("/api/v1/orders", order).key(m.admin()).send().status()).isEqualTo(201);
        FormClient browser = new FormClient(port);
        FormClient.Page lookup = browser.get("/portal/" + m.slug());
        FormClient.Page in = browser.submit(lookup, "/portal/" + m.slug() + "/session", "order_number=" + number + "&email=kim%40example.com");
        assertThat(in.status()).isEqualTo(302);
        return browser;
    }

    private static String lastDay(java.time.Instant delivered, java.time.Period within) {
        // as the page says it in English (UiFormats: the medium style of the language)
        return java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.ENGLISH)
                .format(LocalDate.ofInstant(delivered, ZoneOffset.UTC).plus(within));
    }

    @Test
    void aWarrantyRepairShowsTheCustomerNoRefundLineWhileStaffStillSeeIt() {
        TestMerchant m = newMerchant("kospet");
        FormClient browser = signedInToAWatchOrder(m, "KSP-W-9", "smartwatch", "KSP-TANK-T2", 40);
        FormClient.Page order = browser.get("/portal/" + m.slug() + "/order");

        String preview = browser.submit(order, "/portal/" + m.slug() + "/preview",
                "kind=warranty&reason=defective&pick_0=1&qty_0=1&cond_0=used").body();

        assertThat(preview).contains("Options offered", "repair").doesNotContain("<dt>Refund</dt>", "no refund");
    }

    @Test
    void aReturnPastItsWindowSaysWhyInWordsShowsNoMoneyAndOffersTheWarrantyUntilItsLastDay() {
        TestMerchant m = newMerchant("kospet");
        FormClient browser = signedInToAWatchOrder(m, "KSP-R-1", "smartwatch", "KSP-TANK-T2", 40);
        FormClient.Page order = browser.get("/portal/" + m.slug() + "/order");

        String preview = browser.submit(order, "/portal/" + m.slug() + "/preview",
                "kind=return&reason=defective&pick_0=1&qty_0=1&cond_0=used").body();

        assertThat(preview).contains("Not eligible", "id=\"refusal-why\"", "The last day to ask for the 30-day unconditional return (official store) was "
                + lastDay(clock.instant().minus(Duration.ofDays(40)), java.time.Period.ofDays(30)));
        // the engine's words for staff are not the customer's
        assertThat(preview).doesNotContain("claim_window_ends", "outside the time limit", "Rejected:");
        // the deciding clause is quoted; the other terms wait behind "All policy terms"
        assertThat(preview).contains("Clause S3-04", "All policy terms");
        assertThat(preview.substring(0, preview.indexOf("All policy terms"))).contains("Clause S3-06").doesNotContain("Clause S3-11");
        assertThat(preview.substring(preview.indexOf("All policy terms"))).contains("Clause S3-11");
        // a refusal offers no refund, shipping or ship-by date
        assertThat(preview).doesNotContain("<dt>Refund</dt>", "Return shipping paid by", "Ship back by");
        // the warranty would take the same watch: offered, with the day it closes, as a link that fills in the form
        assertThat(preview).contains("id=\"way-switch-to-warranty\"", "Send it as a warranty request instead",
                "2-year free repair", "You can ask for it until " + lastDay(clock.instant().minus(Duration.ofDays(40)), java.time.Period.ofYears(2)))
                .contains("href=\"/portal/" + m.slug() + "/order?kind=warranty&amp;reason=defective&amp;pick_0=1&amp;qty_0=1&amp;cond_0=used#claim-form\"");
        // KOSPET keeps no discretion over refusals: no case-by-case review is promised
        assertThat(preview).doesNotContain("way-case-by-case");
    }

    @Test
    void theWarrantyLinkFillsInTheFormAndShowsWhatThePolicySaysOfIt() {
        TestMerchant m = newMerchant("kospet");
        FormClient browser = signedInToAWatchOrder(m, "KSP-R-2", "smartwatch", "KSP-TANK-T2", 40);

        String page = browser.get("/portal/" + m.slug() + "/order?kind=warranty&reason=defective&pick_0=1&qty_0=1&cond_0=used").body();

        assertThat(page).containsPattern("<option value=\"warranty\" selected=\"selected\"")
                .containsPattern("<option value=\"defective\"[^>]*selected=\"selected\"")
                .containsPattern("id=\"pick_0\" name=\"pick_0\" value=\"1\" checked=\"checked\"")
                .containsPattern("<option value=\"used\" selected=\"selected\"");
        assertThat(page).contains("Eligible once we have more evidence", "under 2-year free repair").doesNotContain("Not eligible", "id=\"errors\"");
    }

    @Test
    void aRefusalUnderAPolicyThatKeepsDiscretionOffersACaseByCaseReviewPrefilled() {
        TestMerchant m = newMerchant("kst-servos");
        FormClient browser = signedInToAWatchOrder(m, "KST-R-1", "servo", "KST-X20-1000", 10);
        FormClient.Page order = browser.get("/portal/" + m.slug() + "/order");

        String preview = browser.submit(order, "/portal/" + m.slug() + "/preview",
                "kind=return&reason=changed_mind&pick_0=1&qty_0=1&cond_0=unopened").body();

        assertThat(preview).contains("Not eligible", "id=\"way-case-by-case\"", "Ask for a case-by-case review",
                "All returns and exchanges are subject to KST&#39;s discretion.")
                .contains("kind=return&amp;reason=changed_mind&amp;pick_0=1&amp;qty_0=1&amp;cond_0=unopened&amp;description=Please+review+my+request+case+by+case");
        // no program of this policy takes the servo as a warranty claim
        assertThat(preview).doesNotContain("way-switch-to-warranty");
    }

    @Test
    void aRefusedRequestOnceSentIsNotCalledSentAndStillShowsTheWayForward() {
        TestMerchant m = newMerchant("kospet");
        FormClient browser = signedInToAWatchOrder(m, "KSP-R-3", "smartwatch", "KSP-TANK-T2", 40);
        FormClient.Page order = browser.get("/portal/" + m.slug() + "/order");

        FormClient.Page filed = browser.submit(order, "/portal/" + m.slug() + "/requests",
                "kind=return&reason=defective&pick_0=1&qty_0=1&cond_0=used");
        assertThat(filed.status()).isEqualTo(302);
        String rma = browser.get(filed.header("Location").replaceFirst("^http://[^/]+", "")).body();

        assertThat(rma).contains("class=\"alert warn\"", "our policy does not allow it").doesNotContain("class=\"alert ok\"", "was sent.");
        assertThat(rma).contains("Not eligible", "The last day to ask for the 30-day", "id=\"way-switch-to-warranty\"");
        assertThat(rma).doesNotContain("<dt>Refund</dt>", "Return shipping paid by");
    }

    @Test
    void aWarrantyApprovalQuotesTheClausesThatDecidedAndKeepsTheExclusionsBehindAllPolicyTerms() {
        var claim = org.openrma.service.support.Claims.kospetDeadOnArrival("KSP-W-1", "SN-W-1");
        ((tools.jackson.databind.node.ObjectNode) claim.get("order")).put("placed_at", "2025-04-08T10:00:00Z")
                .put("shipped_at", "2025-04-09T11:00:00Z").put("delivered_at", "2025-04-15T12:00:00Z");
        ((tools.jackson.databind.node.ObjectNode) claim.get("request")).put("reason", "defective").put("submitted_at", "2026-01-10T10:00:00Z");
        var decision = builtIn.decide("kospet", org.openrma.claim.ClaimReader.fromTree(claim), java.time.Instant.parse("2026-01-10T10:00:00Z"));

        DecisionModel model = DecisionModel.of(org.openrma.service.rma.RmaDocuments.asStored(decision), "USD");

        assertThat(model.outcome()).isEqualTo("approved");
        assertThat(model.program()).isEqualTo("free-repair");
        // the warranty period, the channel, the kind of defect and the evidence decided it; what the warranty does not cover
        // (physical damage, misuse, a product past its period), though cited by the same rules, did not
        assertThat(model.decisiveClauses()).extracting(DecisionModel.Clause::id).containsExactly("S3-14", "S3-12", "S3-01", "S3-30");
        assertThat(model.otherClauses()).extracting(DecisionModel.Clause::id).contains("S3-11", "S3-16", "S3-17");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.openrma.policy.PolicyCatalog builtIn;

    @Test
    void theFormOffersOnlyTheReasonsThatFitTheKindAndRefusesAnotherOne() {
        TestMerchant m = newMerchant("kospet");
        FormClient browser = signedInToAWatchOrder(m, "KSP-R-4", "smartwatch", "KSP-TANK-T2", 10);

        FormClient.Page order = browser.get("/portal/" + m.slug() + "/order");
        // a return does not offer "the parcel has not arrived": hidden, and only shown under that kind of request
        assertThat(order.body()).containsPattern("<option value=\"not_received\"[^>]*data-kinds=\"not_received\"[^>]*hidden")
                .containsPattern("<option value=\"changed_mind\"[^>]*data-kinds=\"return warranty cancellation amendment\">")
                .containsPattern("<option value=\"defective\"[^>]*data-kinds=\"return warranty\"");

        String preview = browser.submit(order, "/portal/" + m.slug() + "/preview", "kind=return&reason=not_received&pick_0=1&qty_0=1&cond_0=used")
                .body();
        assertThat(preview).contains("Choose a reason that fits &quot;Return an item&quot;").doesNotContain("Not eligible", "Eligible");
    }
}

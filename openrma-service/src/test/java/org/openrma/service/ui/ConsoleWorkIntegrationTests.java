package org.openrma.service.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openrma.service.access.Caller;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.FormClient;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The agent console's work pages over HTTP, as a browser without JavaScript uses them: the queue (open RMAs by
 * default, "assign to me" and "mine", sorting, paging), the confirm step of reject and cancel, errors in words, and
 * the dashboard's CSV export.
 */
class ConsoleWorkIntegrationTests extends IntegrationTest {

    private static final Pattern QUEUE_ROW = Pattern.compile("data-rma=\"(RMA-[^\"]+)\"");
    private static final Instant FILED = Instant.parse("2025-10-24T10:00:00Z");

    /** A kingdo return of one unopened {@code sku} at {@code price}, filed {@code submitted} (on day 60 after delivery: approved, refund = price). */
    private static JsonNode claim(String order, String price, String email, String submitted, String sku) {
        return Claims.kingdoUnopened(order, "C-" + order, email, sku, sku.equals("KGD-LED-MASK") ? "led_mask" : "ipl_device", price, submitted);
    }

    private JsonNode file(TestMerchant m, String order, String price) {
        clock.advance(Duration.ofMinutes(1));
        return submit(m, claim(order, price, order.toLowerCase(java.util.Locale.ROOT) + "@example.com", clock.instant().toString(), "KGD-IPL-X1"));
    }

    private FormClient signedIn(TestMerchant m, Caller.Role role) {
        StaffLogin login = staffAccount(m, role);
        FormClient browser = new FormClient(port);
        browser.signIn(login.email(), login.password());
        return browser;
    }

    private static List<String> rows(FormClient.Page queue) {
        List<String> numbers = new ArrayList<>();
        Matcher matcher = QUEUE_ROW.matcher(queue.body());
        while (matcher.find()) {
            numbers.add(matcher.group(1));
        }
        return numbers;
    }

    private JsonNode rma(TestMerchant m, JsonNode filed) {
        return api.get("/api/v1/rmas/" + filed.get("id").asString()).key(m.agent()).send().json();
    }

    @Test
    void theQueueShowsOpenRmasUnlessCancelledOrClosedOnesAreAskedFor() {
        TestMerchant m = newMerchant("kingdo");
        clock.set(FILED);
        JsonNode open = file(m, "Q-OPEN", "189.00");
        JsonNode cancelled = actOk(m, file(m, "Q-CANCEL", "120.00"), "cancel", java.util.Map.of("reason", "customer changed plans"));
        assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
        FormClient browser = signedIn(m, Caller.Role.AGENT);

        assertThat(rows(browser.get("/console"))).containsExactly(open.get("number").asString());
        assertThat(rows(browser.get("/console?status=all"))).containsExactlyInAnyOrder(open.get("number").asString(), cancelled.get("number").asString());
        assertThat(rows(browser.get("/console?status=cancelled"))).containsExactly(cancelled.get("number").asString());
    }

    @Test
    void anAgentAssignsAnRmaToThemselvesWhichTheQueueTheApiAndTheAuditTrailShow() {
        TestMerchant m = newMerchant("kingdo");
        clock.set(FILED);
        JsonNode mine = file(m, "Q-MINE", "189.00");
        JsonNode other = file(m, "Q-OTHER", "120.00");
        StaffLogin agent = staffAccount(m, Caller.Role.AGENT);
        FormClient browser = signedIn(m, Caller.Role.AGENT);
        FormClient.Page queue = browser.get("/console");
        assertThat(rows(browser.get("/console?mine=1"))).isEmpty();

        FormClient.Page assigned = browser.submit(queue, "/console/rmas/" + mine.get("id").asString() + "/assign", "to=me&back=%2Fconsole%3Fmine%3D1");
        assertThat(assigned.status()).isEqualTo(302);
        assertThat(assigned.header("Location")).endsWith("/console?mine=1");

        assertThat(rows(browser.get("/console?mine=1"))).containsExactly(mine.get("number").asString());
        assertThat(rows(browser.get("/console"))).containsExactlyInAnyOrder(mine.get("number").asString(), other.get("number").asString());
        JsonNode viaApi = rma(m, mine);
        assertThat(viaApi.get("assignee").asString()).isEqualTo(agent.email());
        assertThat(viaApi.get("version").asInt()).as("assigning is not a lifecycle move").isEqualTo(mine.get("version").asInt());
        assertThat(rma(m, other).get("assignee").isNull()).isTrue();
        JsonNode audit = api.get("/api/v1/audit?entity_type=rma&entity_id=" + mine.get("id").asString()).key(m.admin()).send().json();
        assertThat(audit.toString()).contains("rma.assign", agent.email());

        FormClient.Page page = browser.get("/console/rmas/" + mine.get("id").asString());
        assertThat(page.body()).contains("id=\"assignee\">" + agent.email() + "<", "Assigned");
        browser.submit(page, "/console/rmas/" + mine.get("id").asString() + "/assign", "to=nobody");
        assertThat(rma(m, mine).get("assignee").isNull()).isTrue();
        assertThat(rows(browser.get("/console?mine=1"))).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_event where merchant_id = ? and action = 'rma.assign'").param(m.id()).query(Long.class).single())
                .isEqualTo(2);
        FormClient.Page offSite = browser.submit(page, "/console/rmas/" + other.get("id").asString() + "/assign", "to=me&back=" + FormClient.enc("https://evil.example/console"));
        assertThat(offSite.header("Location")).as("back only into the console").contains("/console/rmas/" + other.get("id").asString() + "?done=")
                .doesNotContain("evil");
    }

    @Test
    void theQueueSortsByAmountAndFilingTime() {
        TestMerchant m = newMerchant("kingdo");
        clock.set(FILED);
        String first = file(m, "Q-S1", "120.00").get("number").asString();
        String second = file(m, "Q-S2", "189.00").get("number").asString();
        String third = file(m, "Q-S3", "99.50").get("number").asString();
        FormClient browser = signedIn(m, Caller.Role.AGENT);

        FormClient.Page byAmount = browser.get("/console?sort=amount");
        assertThat(rows(byAmount)).containsExactly(second, first, third);
        assertThat(byAmount.body()).contains("$189.00", "$99.50");
        assertThat(rows(browser.get("/console?sort=amount&dir=asc"))).containsExactly(third, first, second);
        assertThat(rows(browser.get("/console?sort=created"))).containsExactly(third, second, first);
        assertThat(rows(browser.get("/console?sort=created&dir=asc"))).containsExactly(first, second, third);
    }

    @Test
    void theQueueSortsBySlaDateSoonestFirstWithRmasWithoutOneLast() {
        TestMerchant m = newMerchant("kingdo");
        clock.set(FILED); // a Friday
        List<JsonNode> filed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            filed.add(file(m, "Q-R" + i, "50.00"));
        }
        // The refund is due 14 business days after receipt: received Monday, Tuesday and Wednesday (before the ship-back
        // date, so none expires first), the last filed first.
        clock.advance(Duration.ofDays(2));
        for (int i : new int[] {2, 0, 1}) {
            clock.advance(Duration.ofDays(1));
            JsonNode received = actOk(m, filed.get(i), "receive", java.util.Map.of());
            assertThat(received.get("sla_due_by").isNull()).isFalse();
        }
        // Day 65: outside the window, so an agent decides; no SLA date runs while it waits for review.
        JsonNode review = submit(m, claim("Q-N0", "10.00", "n0@example.com", clock.instant().toString(), "KGD-IPL-X1"));
        assertThat(review.get("status").asString()).isEqualTo("under_review");
        assertThat(review.get("sla_due_by").isNull()).isTrue();
        String noSla = review.get("number").asString();
        String r0 = filed.get(0).get("number").asString(), r1 = filed.get(1).get("number").asString(), r2 = filed.get(2).get("number").asString();
        FormClient browser = signedIn(m, Caller.Role.AGENT);

        assertThat(rows(browser.get("/console"))).containsExactly(r2, r0, r1, noSla);
        assertThat(rows(browser.get("/console?sort=sla&dir=desc"))).containsExactly(r1, r0, r2, noSla);
    }

    @Test
    void theQueuePagesBeyondTheFirstFiftyWithoutRepeatingOrSkipping() {
        TestMerchant m = newMerchant("kingdo");
        clock.set(FILED);
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 53; i++) {
            filed.add(file(m, "Q-P" + i, "10.00").get("number").asString());
        }
        FormClient browser = signedIn(m, Caller.Role.AGENT);
        FormClient.Page first = browser.get("/console?sort=created");
        assertThat(first.body()).contains("53 RMA(s) match; page 1 of 2", "rel=\"next\"");
        FormClient.Page second = browser.get("/console?sort=created&page=2");
        assertThat(second.body()).contains("page 2 of 2", "rel=\"prev\"");
        List<String> all = new ArrayList<>(rows(first));
        assertThat(all).hasSize(50);
        all.addAll(rows(second));
        assertThat(all).hasSize(53).doesNotHaveDuplicates().containsExactlyElementsOf(filed.reversed());
    }

    @Test
    void rejectingAsksForConfirmationAndAppliesNothingUntilConfirmed() {
        TestMerchant m = newMerchant("kingdo");
        clock.set(Instant.parse("2026-06-01T10:00:00Z"));
        // Nine months after delivery kingdo's window is long closed: the policy leaves it to an agent.
        JsonNode late = submit(m, claim("Q-LATE", "189.00", "late@example.com", "2026-06-01T10:00:00Z", "KGD-IPL-X1"));
        assertThat(late.get("status").asString()).isEqualTo("under_review");
        String id = late.get("id").asString();
        FormClient browser = signedIn(m, Caller.Role.AGENT);
        FormClient.Page page = browser.get("/console/rmas/" + id);

        FormClient.Page asked = browser.submit(page, "/console/rmas/" + id + "/act", "action=reject&version=0&reason=" + FormClient.enc("outside the window"));
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body()).contains("id=\"confirm\"", "Confirm reject", "outside the window");
        assertThat(rma(m, late).get("status").asString()).isEqualTo("under_review");
        assertThat(rma(m, late).get("version").asInt()).isZero();

        FormClient.Page done = browser.submit(asked, "/console/rmas/" + id + "/act",
                "action=reject&version=0&confirm=yes&reason=" + FormClient.enc("outside the window"));
        assertThat(done.status()).isEqualTo(302);
        assertThat(rma(m, late).get("status").asString()).isEqualTo("rejected");
    }

    @Test
    void cancellingAsksForConfirmationToo() {
        TestMerchant m = newMerchant("kingdo");
        clock.set(FILED);
        JsonNode rma = file(m, "Q-C1", "189.00");
        String id = rma.get("id").asString();
        FormClient browser = signedIn(m, Caller.Role.AGENT);
        FormClient.Page page = browser.get("/console/rmas/" + id);

        FormClient.Page asked = browser.submit(page, "/console/rmas/" + id + "/act", "action=cancel&version=0&reason=duplicate");
        assertThat(asked.body()).contains("Confirm cancel");
        assertThat(rma(m, rma).get("status").asString()).isEqualTo("authorized");
        browser.submit(asked, "/console/rmas/" + id + "/act", "action=cancel&version=0&reason=duplicate&confirm=yes");
        assertThat(rma(m, rma).get("status").asString()).isEqualTo("cancelled");
    }

    @Test
    void anInvalidFormIsToldOnceNamingTheFieldByItsLabel() {
        TestMerchant m = newMerchant("kingdo");
        clock.set(FILED);
        JsonNode rma = file(m, "Q-E1", "189.00");
        String id = rma.get("id").asString();
        FormClient browser = signedIn(m, Caller.Role.AGENT);
        FormClient.Page page = browser.get("/console/rmas/" + id);

        FormClient.Page refused = browser.submit(page, "/console/rmas/" + id + "/act", "action=ship-back&version=0&carrier=UPS&tracking=");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Tracking number: Enter the tracking number.");
        assertThat(refused.body().split("Enter the tracking number", -1)).as("the error appears once").hasSize(2);
        assertThat(refused.body()).doesNotContain("tracking: Enter", "[tracking");
        assertThat(rma(m, rma).get("version").asInt()).isZero();
    }

    @Test
    void theRmaPageShowsTheOrdersOtherRmasAndTheCustomersHistory() {
        TestMerchant m = newMerchant("kingdo");
        clock.set(FILED);
        // An earlier return of another order by the same customer, refunded.
        JsonNode earlier = submit(m, claim("Q-H0", "120.00", "hana@example.com", FILED.toString(), "KGD-LED-MASK"));
        JsonNode received = actOk(m, earlier, "receive", java.util.Map.of());
        JsonNode inspected = actOk(m, received, "inspect", java.util.Map.of("finding", "no_fault_found"));
        actOk(m, inspected, "resolve", java.util.Map.of("resolution", "refund"));
        // Then two returns of one two-line order.
        Api.Response imported = api.post("/api/v1/orders", """
                {"number": "Q-H1", "channel": "official_store", "placed_at": "2025-08-20T10:00:00Z", "shipped_at": "2025-08-21T10:00:00Z",
                 "delivered_at": "2025-08-25T12:00:00Z", "currency": "USD", "shipping": {"method": "economy", "amount": "0.00"},
                 "customer": {"id": "C-H1", "email": "hana@example.com"},
                 "lines": [{"sku": "KGD-IPL-X1", "category": "ipl_device", "unit_price": "189.00", "quantity": 1},
                           {"sku": "KGD-LED-MASK", "category": "led_mask", "unit_price": "120.00", "quantity": 1}]}""").key(m.admin()).send();
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        clock.advance(Duration.ofDays(1));
        JsonNode first = submit(m, byOrderNumber("Q-H1", "KGD-IPL-X1"));
        clock.advance(Duration.ofMinutes(5));
        JsonNode second = submit(m, byOrderNumber("Q-H1", "KGD-LED-MASK"));
        FormClient browser = signedIn(m, Caller.Role.AGENT);

        String page = browser.get("/console/rmas/" + second.get("id").asString()).body();
        assertThat(page).contains("2 earlier RMAs by this e-mail address", "id=\"customer-refunded\">$120.00<");
        assertThat(page).contains("href=\"/console/rmas/" + first.get("id").asString() + "\">" + first.get("number").asString() + "</a>");
        assertThat(page).doesNotContain(">" + earlier.get("number").asString() + "</a>");
        String firstPage = browser.get("/console/rmas/" + earlier.get("id").asString()).body();
        assertThat(firstPage).contains("none by this e-mail address", "id=\"no-other-rmas\"");
    }

    private static JsonNode byOrderNumber(String order, String sku) {
        return Api.JSON.readTree("""
                {"order_number": "%s", "request": {"kind": "return", "reason": "changed_mind",
                  "lines": [{"sku": "%s", "quantity": 1, "condition": "unopened"}]}}""".formatted(order, sku));
    }

    @Test
    void theDashboardExportsItsNumbersAsCsvForThePeriodAsked() {
        TestMerchant m = newMerchant("kingdo");
        clock.set(FILED);
        file(m, "Q-D1", "189.00");
        file(m, "Q-D2", "120.00");
        clock.set(Instant.parse("2025-12-01T10:00:00Z"));
        FormClient browser = signedIn(m, Caller.Role.AGENT);

        FormClient.Page page = browser.get("/console/dashboard?from=2025-10-01&to=2025-10-31");
        assertThat(page.body()).contains("RMAs filed from Oct 1, 2025 to Oct 31, 2025", "id=\"by-product\"", "KGD-IPL-X1");
        FormClient.Page csv = browser.get("/console/dashboard.csv?from=2025-10-01&to=2025-10-31");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment", "2025-10-01-to-2025-10-31.csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("section,week,key,title,rmas,units,amount,currency");
        assertThat(lines).contains("reason,,changed_mind,,2,,,", "product,,KGD-IPL-X1,,2,2,,", "first_outcome,,approved,,2,,,",
                "reason_week,2025-10-20,changed_mind,,2,,,");
        assertThat(csv.body()).contains("\r\n");

        List<String> empty = browser.get("/console/dashboard.csv?from=2025-11-01&to=2025-11-30").body().lines().toList();
        assertThat(empty).filteredOn(l -> l.startsWith("reason,")).isEmpty();
    }

    @Test
    void theDashboardDefaultsToTheLastEightWeeksInTheMerchantsDaysAndSaysWhatItDidNotUnderstand() {
        TestMerchant m = newMerchant("kingdo");
        clock.set(Instant.parse("2025-12-01T10:00:00Z"));
        FormClient browser = signedIn(m, Caller.Role.AGENT);

        assertThat(browser.get("/console/dashboard").body()).contains("RMAs filed from Oct 7, 2025 to Dec 1, 2025.", "href=\"/console/dashboard.csv?from=2025-10-07&amp;to=2025-12-01\"");
        FormClient.Page bad = browser.get("/console/dashboard?from=2025-13-01&to=2025-11-30");
        assertThat(bad.body()).contains("A date was not understood", "RMAs filed from Oct 7, 2025 to Nov 30, 2025.");
        assertThat(browser.get("/console/dashboard?from=2025-11-30&to=2025-11-01").body())
                .contains("The start of the period is after its end", "RMAs filed from Oct 7, 2025 to Dec 1, 2025.");
    }
}

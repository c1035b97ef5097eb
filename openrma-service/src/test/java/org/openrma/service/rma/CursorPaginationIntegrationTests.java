package org.openrma.service.rma;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Cursor paging (limit, starting_after) beside page numbers, and expand=decision on the RMA list.
 * Several RMAs are filed at the same instant (the clock stands still), so the walk also proves the
 * tie-break by id: every RMA once, in the order pages show them.
 */
class CursorPaginationIntegrationTests extends IntegrationTest {

    @BeforeEach
    void now() {
        clock.set(Instant.parse("2025-10-24T10:00:00Z"));
    }

    private List<String> fileRmas(TestMerchant m, String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(submit(m, Claims.kingdoUnopenedDay60(prefix + i)).get("id").asString());
        }
        return ids;
    }

    private JsonNode get(TestMerchant m, String path) {
        Api.Response r = api.get(path).key(m.agent()).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    @Test
    void aCursorWalkVisitsEveryRmaOnceInThePagesOrderEvenWhenRmasAreFiledMeanwhile() {
        TestMerchant m = newMerchant("kingdo");
        fileRmas(m, "CUR-A", 5);
        List<String> pageOrder = ids(get(m, "/api/v1/rmas?page=0&size=100").get("items"));
        assertThat(pageOrder).hasSize(5);

        List<String> walked = new ArrayList<>();
        JsonNode slice = get(m, "/api/v1/rmas?limit=2");
        int slices = 1;
        while (true) {
            assertThat(slice.has("items")).as("cursor mode answers data, not items").isFalse();
            assertThat(slice.has("total")).isFalse();
            walked.addAll(ids(slice.get("data")));
            if (!slice.get("has_more").asBoolean()) {
                break;
            }
            if (slices == 1) {
                // Filed after the walk began, a second later: newer than everything walked, so neither repeated nor shifting
                // the rest of the walk (page numbers would show the third RMA twice).
                clock.advance(java.time.Duration.ofSeconds(1));
                submit(m, Claims.kingdoUnopenedDay60("CUR-A-LATE"));
            }
            slice = get(m, "/api/v1/rmas?limit=2&starting_after=" + walked.getLast());
            slices++;
        }
        assertThat(walked).containsExactlyElementsOf(pageOrder);
        assertThat(slices).isEqualTo(3);
    }

    @Test
    void pagesStillAnswerItemsAndTotalAndNowSayWhetherMoreFollow() {
        TestMerchant m = newMerchant("kingdo");
        fileRmas(m, "CUR-P", 3);
        JsonNode first = get(m, "/api/v1/rmas?page=0&size=2");
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("has_more").asBoolean()).isTrue();
        assertThat(first.has("data")).isFalse();
        JsonNode second = get(m, "/api/v1/rmas?page=1&size=2");
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("has_more").asBoolean()).isFalse();
        // No paging parameter at all: page mode with its defaults, as before.
        assertThat(get(m, "/api/v1/rmas").get("size").asInt()).isEqualTo(20);
    }

    @Test
    void aCursorFromAnotherMerchantIsRefusedNamingStartingAfterAndShowsNothing() {
        TestMerchant a = newMerchant("kingdo");
        TestMerchant b = newMerchant("kingdo");
        String aRma = fileRmas(a, "CUR-T", 1).getFirst();
        fileRmas(b, "CUR-U", 1);

        Api.Response asB = api.get("/api/v1/rmas?starting_after=" + aRma).key(b.agent()).send();
        assertThat(asB.status()).isEqualTo(422);
        assertThat(asB.json().at("/errors/0/field").asString()).isEqualTo("starting_after");
        assertThat(asB.text()).doesNotContain("CUR-T0");
        // The same answer as for an id that names nothing at all, so the answer does not tell whether the id exists.
        Api.Response unknown = api.get("/api/v1/rmas?starting_after=00000000-0000-0000-0000-000000000001").key(b.agent()).send();
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().at("/errors/0/message").asString().replace("00000000-0000-0000-0000-000000000001", "X"))
                .isEqualTo(asB.json().at("/errors/0/message").asString().replace(aRma, "X"));
    }

    @Test
    void pageAndCursorParametersCannotBeMixedAndLimitIsBounded() {
        TestMerchant m = newMerchant("kingdo");
        for (String query : List.of("page=0&limit=5", "limit=0", "limit=101", "starting_after=not-an-id")) {
            Api.Response r = api.get("/api/v1/rmas?" + query).key(m.agent()).send();
            assertThat(r.status()).as(query).isEqualTo(422);
            assertThat(r.json().at("/errors/0/field").asString()).as(query).isIn("limit", "starting_after");
        }
    }

    @Test
    void listItemsCarryTheDecisionOnlyWhenExpanded() {
        TestMerchant m = newMerchant("kingdo");
        fileRmas(m, "CUR-E", 1);
        JsonNode plain = get(m, "/api/v1/rmas").get("items").get(0);
        assertThat(plain.get("decision").isNull()).isTrue();

        JsonNode expanded = get(m, "/api/v1/rmas?expand=decision").get("items").get(0);
        assertThat(expanded.at("/decision/outcome").asString()).isEqualTo("approved");
        assertThat(expanded.at("/decision/refund").asString()).isEqualTo("189.00");
        assertThat(expanded.get("claim").isNull()).as("expand=decision embeds the decision only").isTrue();

        JsonNode cursorExpanded = get(m, "/api/v1/rmas?limit=1&expand=decision").get("data").get(0);
        assertThat(cursorExpanded.at("/decision/outcome").asString()).isEqualTo("approved");
    }

    @Test
    void anUnknownExpansionIsA400NamingExpand() {
        TestMerchant m = newMerchant("kingdo");
        Api.Response r = api.get("/api/v1/rmas?expand=claim").key(m.agent()).send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().at("/errors/0/field").asString()).isEqualTo("expand");
    }

    @Test
    void ordersAuditEventsDeliveriesAndHistoryWalkWithACursorToo() {
        TestMerchant m = newMerchant("kingdo");
        api.put("/api/v1/merchant", Map.of("version", 0, "webhook_url", "http://127.0.0.1:9/hook")).key(m.admin()).send();
        String rma = fileRmas(m, "CUR-O", 3).getFirst();

        List<String> orders = new ArrayList<>();
        JsonNode slice = get(m, "/api/v1/orders?limit=2");
        slice.get("data").forEach(o -> orders.add(o.get("number").asString()));
        assertThat(slice.get("has_more").asBoolean()).isTrue();
        get(m, "/api/v1/orders?limit=2&starting_after=" + orders.getLast()).get("data").forEach(o -> orders.add(o.get("number").asString()));
        List<String> orderPages = new ArrayList<>();
        get(m, "/api/v1/orders?size=100").get("items").forEach(o -> orderPages.add(o.get("number").asString()));
        assertThat(orders).containsExactlyElementsOf(orderPages);

        for (String list : List.of("/api/v1/audit", "/api/v1/deliveries", "/api/v1/rmas/" + rma + "/history")) {
            List<Long> walked = new ArrayList<>();
            JsonNode s = get(m, list + "?limit=1");
            while (true) {
                s.get("data").forEach(e -> walked.add(e.get("id").asLong()));
                if (!s.get("has_more").asBoolean()) {
                    break;
                }
                s = get(m, list + "?limit=1&starting_after=" + walked.getLast());
            }
            List<Long> paged = new ArrayList<>();
            get(m, list + "?size=100").get("items").forEach(e -> paged.add(e.get("id").asLong()));
            assertThat(walked).as(list).isNotEmpty().containsExactlyElementsOf(paged);
        }
    }

    @Test
    void aCustomersCursorMustBeAnRmaOfTheirOwnOrder() {
        TestMerchant m = newMerchant("kingdo");
        String own = fileRmas(m, "CUR-S", 2).getFirst();
        String other = api.get("/api/v1/rmas?order_number=CUR-S1").key(m.agent()).send().json().at("/items/0/id").asString();
        String token = api.post("/api/v1/customer-sessions", Map.of("merchant", m.slug(), "order_number", "CUR-S0", "email", "ana@example.com"))
                .send().json().get("token").asString();

        Api.Response mine = api.get("/api/v1/rmas?limit=5&starting_after=" + own).key(token).send();
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().get("data")).isEmpty();
        Api.Response theirs = api.get("/api/v1/rmas?limit=5&starting_after=" + other).key(token).send();
        assertThat(theirs.status()).isEqualTo(422);
        assertThat(theirs.json().at("/errors/0/field").asString()).isEqualTo("starting_after");
        assertThat(theirs.text()).doesNotContain("CUR-S1");
    }
}

package org.openrma.service.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class DraftReplayIntegrationTests extends IntegrationTest {

    private static final Path POLICIES = Path.of("").toAbsolutePath().getParent().resolve("policies");

    /** The published 60-day return shortened to 30 days: a draft an admin wants to try on last season's claims. */
    private static String thirtyDayDraft() throws IOException {
        String published = Files.readString(POLICIES.resolve("kingdo.yaml"));
        String draft = published.replace("window: { from: delivered, within: 60 days, cites: [S4-01, S4-07] }",
                "window: { from: delivered, within: 30 days, cites: [S4-01, S4-07] }");
        assertThat(draft).isNotEqualTo(published);
        return draft;
    }

    private static ObjectNode submittedOnDay(String orderNumber, int day) {
        ObjectNode claim = Claims.kingdoUnopenedDay60(orderNumber);
        ((ObjectNode) claim.get("request")).put("submitted_at", java.time.Instant.parse("2025-08-25T12:00:00Z").plus(java.time.Duration.ofDays(day)).toString());
        return claim;
    }

    @Test
    void replaysADraftAgainstStoredClaimsAndCountsWhatItWouldHaveChanged() throws IOException {
        TestMerchant m = newMerchant("kingdo");
        submit(m, submittedOnDay("R-1", 20));
        submit(m, submittedOnDay("R-2", 45));
        submit(m, submittedOnDay("R-3", 60));

        Api.Response r = api.post("/api/v1/policies/drafts/replay", Map.of("source", thirtyDayDraft())).key(m.admin()).send();

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.get("counts").get("records").asLong()).isEqualTo(3);
        assertThat(report.get("counts").get("outcome_changed").asLong()).isEqualTo(2);
        // outside the draft's 30 days, kingdo's case-by-case clause (S4-06) sends the request to an agent
        assertThat(report.get("transitions")).anySatisfy(t -> {
            assertThat(t.get("from").asString()).isEqualTo("approved");
            assertThat(t.get("to").asString()).isEqualTo("needs_review");
            assertThat(t.get("count").asLong()).isEqualTo(2);
        });
    }

    @Test
    void returnsTheReportAsAnHtmlPageWhenAskedFor() throws IOException {
        TestMerchant m = newMerchant("kingdo");
        submit(m, submittedOnDay("H-1", 45));

        Api.Response r = api.post("/api/v1/policies/drafts/replay", Map.of("source", thirtyDayDraft())).key(m.admin())
                .header("Accept", "text/html").send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.text()).contains("<svg").contains("<table");
    }

    @Test
    void refusesADraftWithErrorsNamingTheirLines() {
        TestMerchant m = newMerchant("kingdo");

        Api.Response r = api.post("/api/v1/policies/drafts/replay", Map.of("source", "policy: kingdo\nversion: \"x\"\n")).key(m.admin()).send();

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.text()).contains("source:");
    }

    @Test
    void onlyAdminsMayReplayDrafts() throws IOException {
        TestMerchant m = newMerchant("kingdo");

        Api.Response r = api.post("/api/v1/policies/drafts/replay", Map.of("source", thirtyDayDraft())).key(m.agent()).send();

        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void aDraftForAPolicyTheMerchantDoesNotHaveIsRefused() throws IOException {
        TestMerchant m = newMerchant("kingdo");
        String other = Files.readString(POLICIES.resolve("kst-servos.yaml")).replace("policy: kst-servos", "policy: brand-new");

        Api.Response r = api.post("/api/v1/policies/drafts/replay", Map.of("source", other)).key(m.admin()).send();

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.text()).contains("brand-new");
    }
}

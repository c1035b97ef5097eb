package org.openrma.service.rma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.DatabaseRoundTrips;
import org.openrma.service.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A single RMA read copies the claim and decision rendered once ({@link RenderedDocuments}) into its answer: the
 * answer must be byte for byte the one the typed documents give (the stored JSON parsed into {@link RmaDocuments}
 * records and written by the response's mapper), whether this instance rendered them at this read, at an earlier one,
 * or not at all (a command's answer), or a filing rendered them for its own answer and kept them once it committed.
 */
class RenderedReadsIntegrationTests extends IntegrationTest {

    @Autowired
    Rmas rmas;
    @Autowired
    JsonMapper mapper;
    @Autowired
    RenderedDocuments rendered;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate statements;
    @Autowired
    org.openrma.service.OpenRmaProperties properties;

    /** The answer the typed documents give for this RMA as an agent sees it: what every read wrote before renderings were kept. */
    private String typed(TestMerchant m, UUID id) {
        Rma rma = rmas.find(m.id(), id, null).orElseThrow();
        RmaDocuments.Decision decision = rmas.latestDecision(m.id(), id).map(Rmas.StoredDecision::typed).orElse(null);
        RmaView view = RmaView.of(rma, RmaLifecycle.Actor.AGENT, decision, true, rmas.dueSoonUntil(merchants.current(m.id()).timeZone()));
        return mapper.writeValueAsString(view);
    }

    @Test
    void aReadAnswersWithTheBytesOfTheTypedDocumentsWhetherRenderedNowOrEarlier() {
        TestMerchant m = newMerchant("kst-servos");
        ObjectNode claim = Claims.kstDefectiveDiscontinuedServo("RR-" + m.slug());
        assertThat(api.post("/api/v1/orders", Claims.order(claim)).key(m.agent()).send().status()).isEqualTo(201);
        Api.Response filed = api.post("/api/v1/rmas", Claims.byOrderNumber(claim)).key(m.agent()).send();
        assertThat(filed.status()).isEqualTo(201);
        UUID id = UUID.fromString(filed.json().get("id").asString());

        // kept by the filing, then copied; and rendered at the first read after the renderings are gone (a restart, another instance)
        String expected = typed(m, id);
        assertThat(api.get("/api/v1/rmas/" + id).key(m.agent()).send().text()).isEqualTo(expected);
        assertThat(api.get("/api/v1/rmas/" + id).key(m.agent()).send().text()).isEqualTo(expected);
        rendered.forget();
        assertThat(api.get("/api/v1/rmas/" + id).key(m.agent()).send().text()).isEqualTo(expected);
        assertThat(api.get("/api/v1/rmas/" + id).key(m.agent()).send().text()).isEqualTo(expected);
    }

    @Test
    void aFilingKeepsItsDecisionAndClaimForTheReadsOnceItCommits() {
        TestMerchant m = newMerchant("kospet");
        clock.set(java.time.Instant.parse("2024-04-22T10:00:00Z"));
        ObjectNode sent = Claims.kospetDeadOnArrival("RK-" + m.slug(), "SN-RK-1");
        // free-form attributes in an order PostgreSQL's jsonb does not keep
        ((ObjectNode) sent.get("request")).putObject("attributes").put("zeta_score", 3).put("alpha", "x").put("mid", true).put("b", 1.5);
        JsonNode filed = submit(m, sent);
        UUID id = UUID.fromString(filed.get("id").asString());

        // kept by the filing: neither the stored decision nor the stored claim is read to show them
        RenderedDocuments.ShownDecision decision = rendered.decision(id, 1, () -> {
            throw new AssertionError("the stored decision was read");
        });
        Rendered<RmaDocuments.Claim> claim = rendered.claim(id, filed.get("version").asInt(), () -> {
            throw new AssertionError("the stored claim was read");
        });
        assertThat(decision.body().json()).isEqualTo(mapper.writeValueAsString(filed.get("decision")));
        assertThat(claim.json()).isEqualTo(mapper.writeValueAsString(filed.get("claim")));
        // and they are the bytes the stored rows render to
        String expected = typed(m, id);
        assertThat(api.get("/api/v1/rmas/" + id).key(m.agent()).send().text()).isEqualTo(expected);
    }

    @Test
    void aFilingThatRollsBackKeepsNothing() {
        UUID id = UUID.randomUUID();
        var decision = new RenderedDocuments.ShownDecision(Rendered.written("{\"outcome\":\"approved\"}"), "merchant", false);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            rendered.keepFiled(id, 1, decision, 0, Rendered.written("{}"));
            status.setRollbackOnly();
        });

        java.util.concurrent.atomic.AtomicInteger storedReads = new java.util.concurrent.atomic.AtomicInteger();
        rendered.decision(id, 1, () -> {
            storedReads.incrementAndGet();
            return null;
        });
        rendered.claim(id, 0, () -> {
            storedReads.incrementAndGet();
            return null;
        });
        assertThat(storedReads).as("both read from the stored rows").hasValue(2);
    }

    @Test
    void aCommandChangesWhatTheNextReadShowsAndItsOwnAnswerIsTheTypedOne() {
        TestMerchant m = newMerchant("kospet");
        clock.set(java.time.Instant.parse("2024-09-11T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kospetDoaWithoutPackagingPhoto("RC-" + m.slug()));
        assertThat(rma.get("status").asString()).isEqualTo("needs_evidence");
        UUID id = UUID.fromString(rma.get("id").asString());
        String before = api.get("/api/v1/rmas/" + id).key(m.agent()).send().text();

        Api.Response evidence = act(m, rma, "add-evidence", java.util.Map.of("evidence", java.util.List.of("packaging_photo")));
        assertThat(evidence.status()).as(evidence.text()).isEqualTo(200);
        String expected = typed(m, id);
        assertThat(evidence.text()).isEqualTo(expected);
        String after = api.get("/api/v1/rmas/" + id).key(m.agent()).send().text();
        assertThat(after).isEqualTo(expected).isNotEqualTo(before);
    }

    @Test
    void aReadOfAnRmaThisInstanceHasShownFetchesNeitherItsClaimNorItsDecision() {
        TestMerchant m = newMerchant("kst-servos");
        ObjectNode claim = Claims.kstDefectiveDiscontinuedServo("RF-" + m.slug());
        assertThat(api.post("/api/v1/orders", Claims.order(claim)).key(m.agent()).send().status()).isEqualTo(201);
        UUID id = UUID.fromString(submit(m, Claims.byOrderNumber(claim)).get("id").asString());
        Runnable read = () -> assertThat(api.get("/api/v1/rmas/" + id).key(m.agent()).send().status()).isEqualTo(200);
        read.run();

        DatabaseRoundTrips.Counted kept = DatabaseRoundTrips.counted(read);
        rendered.forget();
        DatabaseRoundTrips.Counted fetched = DatabaseRoundTrips.counted(read);
        DatabaseRoundTrips.Counted keptAgain = DatabaseRoundTrips.counted(read);

        assertThat(fetched.executes()).as("the claim and the decision fetched by name").isEqualTo(kept.executes() + 2);
        assertThat(keptAgain.executes()).as("and kept from then on").isEqualTo(kept.executes());
        assertThat(kept.executes()).as("the row, the decision's seq and the choice in one statement").isEqualTo(1);
    }

    @Test
    void aReadOfAnRmaThatMovesOnBetweenItsRowAndItsClaimShowsItFromOneSnapshot() {
        TestMerchant m = newMerchant("kospet");
        clock.set(java.time.Instant.parse("2024-09-11T10:00:00Z"));
        JsonNode rma = submit(m, Claims.kospetDoaWithoutPackagingPhoto("RM-" + m.slug()));
        UUID id = UUID.fromString(rma.get("id").asString());
        rendered.forget();
        // another request adds the evidence just after this read has taken the RMA's row, before it fetches the claim
        Rmas racing = new Rmas(jdbc, statements, clock, properties) {
            @Override
            public java.util.Optional<String> claimText(UUID merchantId, UUID rmaId, int version) {
                Api.Response evidence = act(m, rma, "add-evidence", java.util.Map.of("evidence", java.util.List.of("packaging_photo")));
                assertThat(evidence.status()).as(evidence.text()).isEqualTo(200);
                return super.claimText(merchantId, rmaId, version);
            }
        };

        ShownRmas.Shown shown = new ShownRmas(racing, rendered).find(m.id(), id, null).orElseThrow();

        Rma now = rmas.find(m.id(), id, null).orElseThrow();
        assertThat(now.version()).isGreaterThan(rma.get("version").asInt());
        assertThat(shown.rma().version()).as("the RMA as it is now, not as the first query found it").isEqualTo(now.version());
        assertThat(shown.claim().json()).isEqualTo(mapper.writeValueAsString(RmaDocuments.claim(now.claim())));
        RmaView view = RmaView.of(shown.rma(), RmaLifecycle.Actor.AGENT, shown.decision(), shown.claim(),
                rmas.dueSoonUntil(merchants.current(m.id()).timeZone()), shown.choice());
        assertThat(mapper.writeValueAsString(view)).isEqualTo(typed(m, id));
    }

    @Test
    void anUnknownRmaIsStillAProblem() {
        TestMerchant m = newMerchant("kst-servos");
        Api.Response r = api.get("/api/v1/rmas/" + UUID.randomUUID()).key(m.agent()).send();
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }
}

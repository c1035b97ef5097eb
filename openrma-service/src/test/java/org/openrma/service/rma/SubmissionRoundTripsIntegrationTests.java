package org.openrma.service.rma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.DatabaseRoundTrips;
import org.openrma.service.support.DatabaseRoundTrips.Counted;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.node.ObjectNode;

/**
 * How many times one claim submission ({@code POST /api/v1/rmas} with {@code order_number} and an
 * {@code Idempotency-Key}, the load test's request) talks to PostgreSQL ({@link DatabaseRoundTrips}). A
 * regression guard for BENCHMARKS.md's count; when a change adds a statement to the submission, this says so.
 */
class SubmissionRoundTripsIntegrationTests extends IntegrationTest {

    @Test
    void aClaimSubmissionTakesAtMostFiveRoundTripsToTheDatabase() {
        TestMerchant m = newMerchant("kst-servos");
        List<Counted> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ObjectNode claim = Claims.kstDefectiveDiscontinuedServo("RT-" + m.slug() + "-" + i);
            assertThat(api.post("/api/v1/orders", Claims.order(claim)).key(m.agent()).send().status()).isEqualTo(201);
            Api.Request submit = api.post("/api/v1/rmas", Claims.byOrderNumber(claim)).key(m.agent()).idempotencyKey("rt-" + i);
            Counted c = DatabaseRoundTrips.counted(() -> assertThat(submit.send().status()).isEqualTo(201));
            runs.add(c);
        }
        // the first submission warms the per-instance caches (key, merchant, policy catalog); the rest are the steady state
        Counted steady = runs.getLast();
        System.out.printf("submission round trips: first %d executes / %d syncs, steady %d executes / %d syncs%n  %s%n",
                runs.getFirst().executes(), runs.getFirst().syncs(), steady.executes(), steady.syncs(),
                String.join("\n  ", runs.getFirst().statements()));
        // at least one: a count of nothing means the counter no longer sees the request's thread
        assertThat(steady.syncs()).as("round trips of a submission: %s", steady.statements()).isBetween(1, 5);
    }
}

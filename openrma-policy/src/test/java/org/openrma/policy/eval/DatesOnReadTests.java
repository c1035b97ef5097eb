package org.openrma.policy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrma.testing.Policies.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openrma.claim.Claim;
import org.openrma.decision.DatesByName;
import org.openrma.decision.Decision;
import org.openrma.decision.Detail;
import org.openrma.decision.Outcome;
import org.openrma.policy.CompiledPolicy;
import org.openrma.testing.Claims;

/**
 * A decision made without words counts the deadlines it carries beyond the claim window's last day when they are first read
 * (a replay never reads them): the same dates, in the same order, as the reference evaluator counts as it decides.
 */
class DatesOnReadTests {

    private static final CompiledPolicy POLICY = policy("""
            clauses:
              C1: "Returns are accepted within 30 days of delivery."
              C2: "Ship the item back within 14 days of receiving your RMA number, or the RMA expires."
              C3: "Allow 3-5 business days for processing upon receipt of your returned items."
            programs:
              - id: return
                serves: { kind: return }
                window: { from: delivered, within: 30 days, cites: C1 }
                resolutions: { offer: [ refund ] }
                deadlines:
                  - { name: ship_back_by, from: rma_issued, within: 14 days, bounds: shipped_back, otherwise: rejected, cites: C2 }
                  - { name: processing_by, from: received, within: 3-5 business days, cites: C3 }
            """);

    private static final Instant NOW = Instant.parse("2025-03-25T00:00:00Z");

    private static Claims issued() {
        return Claims.aReturn().with("request.rma_issued_at", "2025-03-05T09:00:00Z");
    }

    @Test
    void theDatesCountedWhenReadAreTheReferenceEvaluatorsInItsOrder() {
        List<Claims> claims = List.of(
                issued().with("request.shipped_back_at", "2025-03-19T17:00:00Z")
                        .with("request.inspection", Map.of("finding", "no_fault_found", "received_at", "2025-03-21T15:00:00Z")),
                issued().with("request.shipped_back_at", "2025-03-20T08:00:00Z"),     // shipped back late: rejected
                issued());                                                             // not shipped, deadline passed
        for (Claims claim : claims) {
            Claim c = claim.build();
            for (Detail detail : Detail.values()) {
                Decision onRead = POLICY.decide(c, NOW, detail);
                Decision atOnce = POLICY.decideByReference(c, NOW, Detail.FULL);

                assertThat(onRead.deadlines()).as("%s, %s", detail, atOnce.summary()).isInstanceOf(DatesByName.OnRead.class);
                assertThat(List.copyOf(onRead.deadlines().entrySet())).isEqualTo(List.copyOf(atOnce.deadlines().entrySet()));
                assertThat(onRead.deadlines()).isEqualTo(atOnce.deadlines()).hasSameHashCodeAs(atOnce.deadlines());
                assertThat(onRead.deadlines()).hasToString(atOnce.deadlines().toString());
            }
        }
        Decision approved = POLICY.decide(claims.getFirst().build(), NOW, Detail.OUTCOME_ONLY);
        assertThat(approved.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(approved.deadlines()).containsExactly(Map.entry("claim_window_ends", LocalDate.of(2025, 4, 2)),
                Map.entry("ship_back_by", LocalDate.of(2025, 3, 19)), Map.entry("processing_by", LocalDate.of(2025, 3, 28)),
                Map.entry("processing_by_earliest", LocalDate.of(2025, 3, 26)));
    }

    @Test
    void aDecisionOfTheClaimWindowAloneCarriesItsDayAtOnce() {
        CompiledPolicy windowOnly = policy("""
                clauses:
                  C1: "Returns are accepted within 30 days of delivery."
                programs:
                  - id: return
                    serves: { kind: return }
                    window: { from: delivered, within: 30 days, cites: C1 }
                    resolutions: { offer: [ refund ] }
                """);

        Decision decision = windowOnly.decide(Claims.aReturn().build(), NOW, Detail.OUTCOME_ONLY);

        assertThat(decision.deadlines()).isNotInstanceOf(DatesByName.OnRead.class)
                .containsExactly(Map.entry("claim_window_ends", LocalDate.of(2025, 4, 2)));
    }

    @Test
    void threadsReadingOneDecisionsDatesAtOnceAllSeeTheSameDates() throws Exception {
        Claim claim = issued().with("request.shipped_back_at", "2025-03-19T17:00:00Z").build();
        Map<String, LocalDate> expected = POLICY.decideByReference(claim, NOW, Detail.FULL).deadlines();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 50; round++) {
                Decision decision = POLICY.decide(claim, NOW, Detail.OUTCOME_ONLY);
                List<Future<List<Map.Entry<String, LocalDate>>>> reads = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    reads.add(pool.submit(() -> List.copyOf(decision.deadlines().entrySet())));
                }
                for (Future<List<Map.Entry<String, LocalDate>>> read : reads) {
                    assertThat(read.get()).isEqualTo(List.copyOf(expected.entrySet()));
                }
            }
        } finally {
            pool.shutdown();
        }
    }
}

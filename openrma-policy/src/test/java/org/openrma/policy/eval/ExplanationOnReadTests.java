package org.openrma.policy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrma.testing.Policies.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openrma.claim.Claim;
import org.openrma.decision.Decision;
import org.openrma.decision.Detail;
import org.openrma.decision.ExplanationStep;
import org.openrma.decision.ProgramVerdict;
import org.openrma.decision.RenderedOnRead;
import org.openrma.policy.CompiledPolicy;
import org.openrma.testing.Claims;

/** A decision is made without words and writes them (by deciding again) when they are first read: the same words as at once. */
class ExplanationOnReadTests {

    private static final CompiledPolicy POLICY = policy("""
            clauses:
              W: "We allow returns within 14 days of delivery."
              F: "A 10% restocking fee applies to change-of-mind returns."
            programs:
              - id: return
                serves: { kind: return }
                window: { from: delivered, within: 14 days, cites: W }
                checks:
                  - id: unused
                    require: { condition: [unopened, opened_unused] }
                    otherwise: rejected
                resolutions: { offer: [ refund ] }
                refund: { of: items }
                deductions:
                  - { id: restocking, kind: restocking_fee, percent: 10, when: { reason: changed_mind }, cites: F }
            """);

    @Test
    void theExplanationWrittenOnReadIsTheOneWrittenAsTheEvaluatorDecides() {
        for (Claims claim : List.of(Claims.aReturn(), Claims.aReturn().submittedAt("2025-04-30T09:00:00Z"),
                Claims.aReturn().reason("defective"))) {
            Claim c = claim.build();
            Instant now = c.request().submittedAt();
            Decision onRead = POLICY.decide(c, now);
            Decision atOnce = POLICY.decideByReference(c, now, Detail.FULL);

            assertThat(onRead.explanation()).isNotEmpty().isEqualTo(atOnce.explanation());
            assertThat(onRead.decisiveCitations()).isEqualTo(atOnce.decisiveCitations());
            assertThat(onRead.summary()).isNotEmpty().isEqualTo(atOnce.summary());
            assertThat(onRead).isEqualTo(atOnce);
            assertThat(onRead.hashCode()).isEqualTo(atOnce.hashCode());
            assertThat(onRead).hasToString(atOnce.toString());
        }
    }

    @Test
    void theSummaryIsWrittenOnceAndOnlyWhenItIsRead() {
        Claim claim = Claims.aReturn().build();
        Decision atOnce = POLICY.decideByReference(claim, claim.request().submittedAt(), Detail.FULL);
        AtomicInteger asked = new AtomicInteger();
        var words = RenderedOnRead.<Decision, ExplanationStep>partOf(() -> {
            asked.incrementAndGet();
            return atOnce;
        }, Decision::explanation, Decision::summary);
        Decision onRead = new Decision(atOnce.outcome(), atOnce.program(), atOnce.resolutions(), atOnce.chosenBy(), atOnce.needsConsent(),
                atOnce.refund(), atOnce.deductions(), atOnce.returnShippingPaidBy(), atOnce.returnShippingReimbursed(),
                atOnce.outboundShippingPaidBy(), atOnce.missingEvidence(), atOnce.deadlines(), atOnce.policyVersion(), atOnce.programs(),
                atOnce.lines(), words, null, atOnce.remedies(), atOnce.decisiveCitations(), atOnce.legal());

        assertThat(asked).hasValue(0);
        assertThat(onRead.summary()).isEqualTo(atOnce.summary());
        assertThat(onRead.summary()).isEqualTo(atOnce.summary());
        assertThat(asked).hasValue(1);
        assertThat(onRead).isEqualTo(atOnce);
    }

    @Test
    void everyWordOfADecisionMadeWithoutThemIsTheReferenceEvaluatorsAndTheNumbersAreNotRevisited() {
        Claim claim = Claims.aReturn().reason("changed_mind").build();
        Instant now = claim.request().submittedAt();
        Decision onRead = POLICY.decide(claim, now);
        Decision atOnce = POLICY.decideByReference(claim, now, Detail.FULL);

        assertThat(onRead.programs()).isInstanceOf(RenderedOnRead.class).isEqualTo(atOnce.programs());
        assertThat(onRead.programs()).extracting(ProgramVerdict::says).containsExactlyElementsOf(
                atOnce.programs().stream().map(ProgramVerdict::says).toList()).doesNotContainNull();
        assertThat(onRead.lines()).isInstanceOf(RenderedOnRead.class).isEqualTo(atOnce.lines());
        assertThat(onRead.deductions()).isEqualTo(atOnce.deductions()).isNotEmpty();
        assertThat(onRead.refund()).isEqualTo(atOnce.refund());
    }

    @Test
    void threadsReadingOneDecisionAtOnceAllSeeTheSameExplanation() throws Exception {
        Claim claim = Claims.aReturn().build();
        List<ExplanationStep> expected = POLICY.decideByReference(claim, claim.request().submittedAt(), Detail.FULL).explanation();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 50; round++) {
                Decision decision = POLICY.decide(claim, claim.request().submittedAt());
                List<Future<List<ExplanationStep>>> reads = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    reads.add(pool.submit(() -> List.copyOf(decision.explanation())));
                }
                for (Future<List<ExplanationStep>> read : reads) {
                    assertThat(read.get()).isEqualTo(expected);
                }
            }
        } finally {
            pool.shutdown();
        }
    }
}

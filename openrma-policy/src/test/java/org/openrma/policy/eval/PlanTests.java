package org.openrma.policy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrma.testing.Policies.policy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrma.claim.Claim;
import org.openrma.decision.Decision;
import org.openrma.decision.Detail;
import org.openrma.decision.ProgramVerdict;
import org.openrma.policy.CompiledPolicy;
import org.openrma.testing.Claims;

/** What a policy's decisions share is worked out once ({@link Plan}); decisions made with it are the ones made without. */
class PlanTests {

    private static final CompiledPolicy POLICY = policy("""
            clauses:
              W: "We allow returns within 14 days of delivery."
            programs:
              - id: return
                title: Return
                serves: { kind: return }
                window: { from: delivered, within: 14 days, cites: W }
                resolutions: { offer: [ refund ] }
                refund: { of: items }
              - id: warranty
                title: Warranty
                serves: { kind: warranty }
                resolutions: { offer: [ replacement ] }
              - id: cancellation
                title: Cancellation
                serves: { kind: cancellation }
                resolutions: { offer: [ refund ] }
                refund: { of: items }
            """);

    @Test
    void withoutAnExplanationEveryProgramAnswersWithThePlansVerdictAndTheDecisionIsTheReferences() {
        for (Claim claim : List.of(Claims.aReturn().build(), Claims.aReturn().kind("warranty").reason("defective").build(),
                Claims.aReturn().submittedAt("2025-04-30T09:00:00Z").build())) {
            Instant now = claim.request().submittedAt();
            Decision withPlan = POLICY.decide(claim, now, Detail.OUTCOME_ONLY);
            Decision again = POLICY.decide(claim, now, Detail.OUTCOME_ONLY);
            Decision reference = POLICY.decideByReference(claim, now, Detail.OUTCOME_ONLY);

            assertThat(withPlan).isEqualTo(reference);
            int notServing = 0;
            for (int i = 0; i < withPlan.programs().size(); i++) {
                ProgramVerdict v = withPlan.programs().get(i);
                notServing += v.served() ? 0 : 1;
                // the plan's verdict (for a program that serves, the one for its outcome), the same object for every claim;
                // the reference makes its own
                assertThat(again.programs().get(i)).isSameAs(v);
                assertThat(reference.programs().get(i)).isNotSameAs(v).isEqualTo(v);
            }
            assertThat(notServing).isEqualTo(2);
        }
    }

    @Test
    void withAnExplanationEveryVerdictSaysWhyAsTheReferenceDoes() {
        Claim claim = Claims.aReturn().build();
        Decision full = POLICY.decide(claim, claim.request().submittedAt());
        assertThat(full).isEqualTo(POLICY.decideByReference(claim, claim.request().submittedAt(), Detail.FULL));
        assertThat(full.programs()).extracting(ProgramVerdict::says)
                .containsExactly("", "does not serve this claim", "does not serve this claim");
    }

    @Test
    void claimsWhoseProgramsAnswerAlikeShareOneListOfVerdictsAndOthersGetTheirOwn() {
        Claim inWindow = Claims.aReturn().build();
        Claim late = Claims.aReturn().submittedAt("2025-04-30T09:00:00Z").build();
        Decision first = POLICY.decide(inWindow, inWindow.request().submittedAt(), Detail.OUTCOME_ONLY);
        Decision sameAnswers = POLICY.decide(Claims.aReturn().build(), inWindow.request().submittedAt(), Detail.OUTCOME_ONLY);
        Decision rejected = POLICY.decide(late, late.request().submittedAt(), Detail.OUTCOME_ONLY);

        assertThat(sameAnswers.programs()).isSameAs(first.programs());
        assertThat(rejected.programs()).isNotSameAs(first.programs())
                .isEqualTo(POLICY.decideByReference(late, late.request().submittedAt(), Detail.OUTCOME_ONLY).programs());
        assertThat(rejected.programs().getFirst().outcome()).isEqualTo(org.openrma.decision.Outcome.REJECTED);
        assertThat(first.programs().getFirst().outcome()).isEqualTo(org.openrma.decision.Outcome.APPROVED);
    }
}

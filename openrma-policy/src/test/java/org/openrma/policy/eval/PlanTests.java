package org.openrma.policy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrma.testing.Policies.policy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrma.claim.Claim;
import org.openrma.decision.Decision;
import org.openrma.decision.Detail;
import org.openrma.decision.Outcome;
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

    private static final CompiledPolicy KIND_GATED = policy("""
            clauses:
              R: "Returns of one unit, reviewed when the rule cannot tell."
              W: "Warranty claims."
              D: "Defects of any kind, and cancellations."
            programs:
              - id: return-of-one
                title: Return of one unit
                serves: { kind: return, cel: "100 / (line.quantity - 1) > 5" }
                checks: [{ then: approved, cites: R }]
                resolutions: { offer: [ refund ] }
                refund: { of: items }
              - id: warranty
                title: Warranty
                serves: { kind: warranty }
                checks: [{ if: { reason: changed_mind }, then: rejected, cites: W }]
                resolutions: { offer: [ replacement ] }
              - id: defects-or-cancellations
                title: Defects or cancellations
                serves: { any: [{ kind: cancellation }, { reason: defective }] }
                resolutions: { offer: [ repair ] }
            """);

    @Test
    void aProgramThatAsksForAnotherKindOfClaimServesNoneOfItsLinesEvenWhereAnotherPartOfItsServesCannotBeEvaluated() {
        Claim warranty = Claims.aReturn().kind("warranty").reason("defective").build();
        Claim aReturn = Claims.aReturn().build();
        Claim cancellation = Claims.aReturn().kind("cancellation").reason("changed_mind").build();
        for (Claim claim : List.of(warranty, aReturn, cancellation)) {
            Instant now = claim.request().submittedAt();
            assertThat(KIND_GATED.decide(claim, now, Detail.OUTCOME_ONLY)).isEqualTo(KIND_GATED.decideByReference(claim, now, Detail.OUTCOME_ONLY));
        }

        Decision ofWarranty = KIND_GATED.decide(warranty, warranty.request().submittedAt(), Detail.OUTCOME_ONLY);
        // the return program's division by zero is never asked of a warranty claim: its kind test decides it first
        assertThat(ofWarranty.programs()).extracting(ProgramVerdict::served).containsExactly(false, true, true);
        assertThat(ofWarranty.program()).isEqualTo("warranty");
        assertThat(ofWarranty.outcome()).isEqualTo(Outcome.APPROVED);

        // a return claim's kind is the one asked for, so the rest of serves is asked, cannot be told, and a person looks
        Decision ofReturn = KIND_GATED.decide(aReturn, aReturn.request().submittedAt(), Detail.OUTCOME_ONLY);
        assertThat(ofReturn.programs()).extracting(ProgramVerdict::served).containsExactly(true, false, false);
        assertThat(ofReturn.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(ofReturn.lines().getFirst().reasons()).anySatisfy(r -> assertThat(r).contains("could not be evaluated").contains("by zero"));

        // a program whose serves names the kind only among alternatives is asked whatever the kind
        Decision ofCancellation = KIND_GATED.decide(cancellation, cancellation.request().submittedAt(), Detail.OUTCOME_ONLY);
        assertThat(ofCancellation.program()).isEqualTo("defects-or-cancellations");
    }

    private static final CompiledPolicy MANY_RULES = policy("""
            clauses:
              C: "Checks and evidence."
            programs:
              - id: warranty
                title: Warranty
                serves: { kind: warranty }
                checks:
                  - { id: defects-only, require: { reason: [defective, dead_on_arrival] }, otherwise: rejected, offer: [paid_repair], says: Defects only., cites: C }
                  - { id: water, if: { facts: water_damage }, then: rejected, offer: [spare_parts], says: Water damage is excluded., cites: C }
                  - { id: noted, if: { facts: water_damage }, then: approved, says: Noted., cites: C }
                  - { id: agent, if: { reason: changed_mind }, then: needs_review, cites: C }
                evidence:
                  - { id: photo, one_of: [photo, video], cites: C }
                  - { id: receipt, all_of: [proof_of_purchase], when: { reason: changed_mind }, cites: C }
                resolutions: { offer: [ repair ] }
            """);

    @Test
    void withoutAnExplanationTheChecksThatFireAndTheEvidenceStillNeededAreTheReferencesInTheRulesOrder() {
        Claim everything = Claims.aReturn().kind("warranty").reason("changed_mind").with("request.facts", List.of("water_damage")).build();
        Claim evidenceOnly = Claims.aReturn().kind("warranty").reason("defective").build();
        Claim nothing = Claims.aReturn().kind("warranty").reason("defective").with("request.evidence", List.of("video")).build();
        for (Claim claim : List.of(everything, evidenceOnly, nothing)) {
            Instant now = claim.request().submittedAt();
            assertThat(MANY_RULES.decide(claim, now, Detail.OUTCOME_ONLY)).isEqualTo(MANY_RULES.decideByReference(claim, now, Detail.OUTCOME_ONLY));
        }

        Decision all = MANY_RULES.decide(everything, everything.request().submittedAt(), Detail.OUTCOME_ONLY);
        assertThat(all.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(all.lines().getFirst().reasons()).containsExactly("Defects only.", "Water damage is excluded.", "Noted.",
                "The policy leaves this situation to an agent's judgement.", "evidence still needed: one of: photo, video",
                "evidence still needed: proof of purchase");
        assertThat(all.resolutions()).containsExactlyInAnyOrder(org.openrma.decision.Resolution.PAID_REPAIR, org.openrma.decision.Resolution.SPARE_PARTS);
        assertThat(MANY_RULES.decide(evidenceOnly, evidenceOnly.request().submittedAt(), Detail.OUTCOME_ONLY).missingEvidence())
                .containsExactly("photo", "video");
        assertThat(MANY_RULES.decide(nothing, nothing.request().submittedAt(), Detail.OUTCOME_ONLY).outcome()).isEqualTo(Outcome.APPROVED);
    }
}

package org.openrma.policy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrma.testing.Policies.policy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openrma.decision.Decision;
import org.openrma.decision.Outcome;
import org.openrma.decision.ProgramVerdict;
import org.openrma.decision.StepResult;
import org.openrma.policy.CompiledPolicy;
import org.openrma.testing.Claims;

/** Which program decides when several serve a claim, and what happens when none does. */
class ProgramSelectionTests {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static final String CLAUSES = """
            clauses:
              C1: "Every return is looked at."
            """;

    private static final String REJECTING = """
              - id: rejecting
                serves: { kind: return }
                checks: [ { then: rejected, cites: C1 } ]
            """;
    private static final String REVIEWING = """
              - id: reviewing
                serves: { kind: return }
                checks: [ { then: needs_review, cites: C1 } ]
            """;
    private static final String ASKING = """
              - id: asking
                serves: { kind: return }
                evidence: [ { all_of: [ video ], cites: C1 } ]
            """;
    private static final String APPROVING = """
              - id: approving
                serves: { kind: return }
                resolutions: { offer: [ refund ] }
            """;
    private static final String APPROVING_TOO = """
              - id: approving-too
                serves: { kind: return }
                resolutions: { offer: [ store_credit ] }
            """;

    private static Decision decide(String selection, String... programs) {
        CompiledPolicy policy = policy("selection: " + selection + "\n" + CLAUSES + "programs:\n" + String.join("", programs));
        return policy.decide(Claims.aReturn().build(), NOW);
    }

    @Test
    void picksAnApprovingProgramOverAllOthers() {
        Decision decision = decide("best_for_customer", REJECTING, REVIEWING, ASKING, APPROVING);

        assertThat(decision.program()).isEqualTo("approving");
        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.programs()).extracting(ProgramVerdict::program, ProgramVerdict::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("rejecting", Outcome.REJECTED),
                org.assertj.core.groups.Tuple.tuple("reviewing", Outcome.NEEDS_REVIEW),
                org.assertj.core.groups.Tuple.tuple("asking", Outcome.NEEDS_EVIDENCE),
                org.assertj.core.groups.Tuple.tuple("approving", Outcome.APPROVED));
    }

    @Test
    void picksAProgramAskingForEvidenceOverReviewAndRejection() {
        Decision decision = decide("best_for_customer", REJECTING, REVIEWING, ASKING);

        assertThat(decision.program()).isEqualTo("asking");
        assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_EVIDENCE);
        assertThat(decision.missingEvidence()).containsExactly("video");
    }

    @Test
    void picksReviewOverRejection() {
        Decision decision = decide("best_for_customer", REJECTING, REVIEWING);

        assertThat(decision.program()).isEqualTo("reviewing");
        assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
    }

    @Test
    void rejectsOnlyWhenEveryServingProgramRejects() {
        Decision decision = decide("best_for_customer", REJECTING);

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.program()).isEqualTo("rejecting");
    }

    @Test
    void breaksATieByFileOrder() {
        assertThat(decide("best_for_customer", APPROVING_TOO, APPROVING).program()).isEqualTo("approving-too");
        assertThat(decide("best_for_customer", APPROVING, APPROVING_TOO).program()).isEqualTo("approving");
    }

    @Test
    void letsTheFirstServingProgramDecideUnderFirstMatchEvenWhenALaterOneIsBetter() {
        Decision decision = decide("first_match", REJECTING, APPROVING);

        assertThat(decision.program()).isEqualTo("rejecting");
        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void skipsProgramsThatDoNotServeTheClaimUnderFirstMatch() {
        String warrantyOnly = """
                  - id: warranty
                    serves: { kind: warranty }
                    checks: [ { then: rejected, cites: C1 } ]
                """;

        Decision decision = decide("first_match", warrantyOnly, APPROVING);

        assertThat(decision.program()).isEqualTo("approving");
        assertThat(decision.programs()).filteredOn(v -> v.program().equals("warranty")).singleElement()
                .satisfies(v -> assertThat(v.served()).isFalse());
    }

    @Test
    void answersWithTheFallbackWhenNoProgramServes() {
        CompiledPolicy policy = policy("""
                clauses:
                  C1: "Returns are accepted within 30 days."
                  C2: "Anything else is not covered."
                when_no_program_serves: { outcome: rejected, cites: C2, says: "This policy covers returns only." }
                programs:
                  - id: return
                    serves: { kind: return }
                    window: { from: delivered, within: 30 days, cites: C1 }
                """);

        Decision decision = policy.decide(Claims.aReturn().kind("warranty").reason("defective").build(), NOW);

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.program()).isNull();
        assertThat(decision.summary()).contains("This policy covers returns only.");
        assertThat(decision.resolutions()).isEmpty();
        assertThat(decision.explanation()).anySatisfy(step -> {
            assertThat(step.rule()).isEqualTo("when_no_program_serves");
            assertThat(step.result()).isEqualTo(StepResult.APPLIED);
            assertThat(step.cites()).extracting(c -> c.text()).containsExactly("Anything else is not covered.");
        });
        assertThat(decision.explanation()).anySatisfy(step -> {
            assertThat(step.rule()).isEqualTo("return.serves");
            assertThat(step.result()).isEqualTo(StepResult.NOT_APPLICABLE);
            assertThat(step.read()).containsEntry("kind", "warranty");
        });
    }

    @Test
    void sendsAnUnservedClaimToReviewByDefault() {
        CompiledPolicy policy = policy(CLAUSES + "programs:\n" + APPROVING);

        Decision decision = policy.decide(Claims.aReturn().kind("cancellation").build(), NOW);

        assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(decision.program()).isNull();
    }
}

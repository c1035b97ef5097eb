package org.openrma.bench.handwritten;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrma.bench.EngineBenchmark;
import org.openrma.bench.Policies;
import org.openrma.bench.mix.ClaimMix;
import org.openrma.claim.Claim;
import org.openrma.decision.Decision;
import org.openrma.decision.Detail;
import org.openrma.decision.Outcome;

/** The hand-written kospet 2025 answers every claim of the mix with the Decision OpenRMA's outcome-only decision gives. */
class Kospet2025AsDecisionTests {

    private static final int CLAIMS = 10_000;

    /** What both work out as they decide; the views made when read (dates, lines, remedies) are compared after. */
    private record WorkedOut(Outcome outcome, String program, Object resolutions, Object chosenBy, boolean needsConsent, Object refund,
            Object deductions, Object returnPaidBy, Object reimbursed, Object outboundPaidBy, Object missing, Object version, Object programs) {

        static WorkedOut of(Decision d) {
            return new WorkedOut(d.outcome(), d.program(), d.resolutions(), d.chosenBy(), d.needsConsent(), d.refund(), d.deductions(),
                    d.returnShippingPaidBy(), d.returnShippingReimbursed(), d.outboundShippingPaidBy(), d.missingEvidence(), d.policyVersion(),
                    d.programs());
        }
    }

    @Test
    void answersEveryClaimOfTheMixAsOpenRmasOutcomeOnlyDecisionDoes() {
        var policy = Policies.Compared.KOSPET_2025;
        var byHand = new Kospet2025AsDecision(policy.openRma());
        List<Claim> claims = ClaimMix.claims(policy.mix, EngineBenchmark.SEED, CLAIMS);
        List<String> disagreements = new ArrayList<>();
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        int evidenceAsked = 0;
        int stillOffered = 0;
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            Decision openRma = policy.openRma().decide(c, c.request().submittedAt(), Detail.OUTCOME_ONLY);
            Decision mine = byHand.decide(c);
            if (!WorkedOut.of(mine).equals(WorkedOut.of(openRma)) || !mine.equals(openRma)) {
                disagreements.add("claim " + i + ": by hand " + mine + "\n    openrma " + openRma);
            }
            outcomes.merge(openRma.outcome(), 1, Integer::sum);
            evidenceAsked += openRma.missingEvidence().isEmpty() ? 0 : 1;
            stillOffered += openRma.outcome() == Outcome.REJECTED && !openRma.resolutions().isEmpty() ? 1 : 0;
        }
        assertThat(disagreements).as("claims decided differently").isEmpty();
        // the mix reaches the paths this floor writes by hand, not only the usual approval
        assertThat(outcomes.keySet()).contains(Outcome.APPROVED, Outcome.REJECTED, Outcome.NEEDS_REVIEW, Outcome.NEEDS_EVIDENCE);
        assertThat(evidenceAsked).isPositive();
        assertThat(stillOffered).isPositive();
    }
}

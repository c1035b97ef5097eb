package org.openrma.bench.handwritten;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openrma.bench.EngineBenchmark;
import org.openrma.bench.Policies;
import org.openrma.bench.mix.ClaimMix;
import org.openrma.claim.Claim;
import org.openrma.decision.Decision;
import org.openrma.decision.Detail;
import org.openrma.decision.Outcome;

/** Each policy written by hand answers every claim of its mix with the Decision OpenRMA's outcome-only decision gives. */
class AsDecisionTests {

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

    /** What the hand-written answer has to get right beyond the outcome, counted on OpenRMA's decisions of the mix. */
    private enum Path {
        CONSENT, POSTAGE_REIMBURSED, EVIDENCE_ASKED, PAID_SERVICE_STILL_OFFERED, NO_PROGRAM;

        static List<Path> of(Decision d) {
            List<Path> paths = new ArrayList<>();
            if (d.needsConsent()) {
                paths.add(CONSENT);
            }
            if (d.returnShippingReimbursed().isPositive()) {
                paths.add(POSTAGE_REIMBURSED);
            }
            if (!d.missingEvidence().isEmpty()) {
                paths.add(EVIDENCE_ASKED);
            }
            if (d.outcome() == Outcome.REJECTED && !d.resolutions().isEmpty()) {
                paths.add(PAID_SERVICE_STILL_OFFERED);
            }
            if (d.program() == null) {
                paths.add(NO_PROGRAM);
            }
            return paths;
        }
    }

    @ParameterizedTest
    @EnumSource(Policies.Compared.class)
    void answersEveryClaimOfTheMixAsOpenRmasOutcomeOnlyDecisionDoes(Policies.Compared policy) {
        Function<Claim, Decision> byHand = policy.byHandAsDecision();
        List<Claim> claims = ClaimMix.claims(policy.mix, EngineBenchmark.SEED, CLAIMS);
        List<String> disagreements = new ArrayList<>();
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        Map<Path, Integer> paths = new EnumMap<>(Path.class);
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            Decision openRma = policy.openRma().decide(c, c.request().submittedAt(), Detail.OUTCOME_ONLY);
            Decision mine = byHand.apply(c);
            if (!WorkedOut.of(mine).equals(WorkedOut.of(openRma)) || !mine.equals(openRma)) {
                disagreements.add("claim " + i + ": by hand " + mine + "\n    openrma " + openRma);
            }
            outcomes.merge(openRma.outcome(), 1, Integer::sum);
            Path.of(openRma).forEach(p -> paths.merge(p, 1, Integer::sum));
        }
        assertThat(disagreements).as("claims decided differently").isEmpty();
        // the mix reaches the paths the policy's hand-written answer takes, not only the usual approval
        assertThat(outcomes.keySet()).contains(Outcome.APPROVED, Outcome.REJECTED, Outcome.NEEDS_REVIEW);
        assertThat(paths.keySet()).containsAll(switch (policy) {
            case KST_SERVOS -> List.of(Path.CONSENT, Path.POSTAGE_REIMBURSED, Path.NO_PROGRAM);
            case KOSPET_2025 -> List.of(Path.EVIDENCE_ASKED, Path.PAID_SERVICE_STILL_OFFERED, Path.NO_PROGRAM);
        });
    }
}

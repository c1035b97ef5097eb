package org.openrma.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openrma.bench.engines.Verdict;
import org.openrma.bench.mix.ClaimMix;
import org.openrma.claim.Claim;
import org.openrma.decision.Decision;
import org.openrma.decision.Outcome;

/** OpenRMA, the DRL rules and the hand-written Java decide every claim of the mix alike. */
class ThreeEnginesAgreeTests {

    private static final int CLAIMS = 10_000;

    @ParameterizedTest
    @EnumSource(Policies.Compared.class)
    void decideEveryClaimOfTheMixAlike(Policies.Compared policy) {
        List<Claim> claims = ClaimMix.claims(policy.mix, EngineBenchmark.SEED, CLAIMS);
        List<String> disagreements = new ArrayList<>();
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        Map<String, Integer> programs = new TreeMap<>();
        int refunds = 0;
        int fees = 0;
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            Decision decision = policy.openRma().decide(c, c.request().submittedAt());
            Verdict openRma = Verdict.of(decision);
            Verdict drools = policy.drools().decide(c).toVerdict();
            // the same rules through a brand-new session (the benchmark's second Drools variant), on part of the mix
            Verdict droolsNewSession = i < 2_000 ? policy.drools().decideInNewSession(c).toVerdict() : drools;
            Verdict byHand = policy.byHand.apply(c);
            if (!openRma.equals(drools) || !openRma.equals(droolsNewSession) || !openRma.equals(byHand)) {
                disagreements.add("claim " + i + " (" + c.request().kind() + "/" + c.request().reason() + "): openrma=" + openRma + " drools=" + drools
                        + " java=" + byHand + "\n    " + decision.summary());
            }
            outcomes.merge(openRma.outcome(), 1, Integer::sum);
            programs.merge(String.valueOf(decision.program()), 1, Integer::sum);
            refunds += openRma.refund() > 0 ? 1 : 0;
            fees += openRma.restockingFee() > 0 ? 1 : 0;
        }
        System.out.printf("%s: %d claims, outcomes %s, programs %s, %d refunds, %d restocking fees%n", policy.id, CLAIMS, outcomes, programs, refunds,
                fees);
        assertThat(disagreements).as("claims the three engines decide differently").isEmpty();
        // the mix exercises every path, not just the happy one
        assertThat(outcomes.keySet()).contains(Outcome.APPROVED, Outcome.REJECTED, Outcome.NEEDS_REVIEW);
        assertThat(refunds).isGreaterThan(CLAIMS / 10);
    }
}

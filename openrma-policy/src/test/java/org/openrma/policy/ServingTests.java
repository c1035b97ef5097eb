package org.openrma.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which kinds and reasons a policy's programs could serve, read from their {@code serves} with the rest of the claim unknown. */
class ServingTests {

    private static CompiledPolicy inForce(String policy) {
        return PolicyCatalog.builtIn().versionInForce(policy, Instant.parse("2025-06-01T00:00:00Z")).orElseThrow();
    }

    @Test
    void aWarrantyServedOnlyForFaultsTakesNoChangeOfMind() {
        // kst-rma: serves: { kind: [return, warranty], reason: [defective, dead_on_arrival, not_as_described, counterfeit, damaged_in_transit] }
        CompiledPolicy kst = inForce("kst-rma");

        assertThat(kst.mayServe("warranty", "defective")).isTrue();
        assertThat(kst.mayServe("warranty", "changed_mind")).isFalse();
        assertThat(kst.mayServe("return", "changed_mind")).isTrue();
    }

    @Test
    void aKindNoProgramNamesIsServedForNoReason() {
        CompiledPolicy servos = inForce("kst-servos");

        assertThat(servos.mayServe("warranty", null)).isFalse();
        assertThat(servos.mayServe("cancellation", null)).isTrue();
    }

    @Test
    void aNegatedReasonExcludesOnlyThatReasonAndAnotherProgramMayStillServeIt() {
        // kingdo: the return serves every reason but adverse_reaction, which a program of its own serves for returns and warranties
        CompiledPolicy kingdo = inForce("kingdo");

        assertThat(kingdo.mayServe("return", "changed_mind")).isTrue();
        assertThat(kingdo.mayServe("return", "adverse_reaction")).isTrue();
        assertThat(kingdo.mayServe("warranty", "adverse_reaction")).isTrue();
    }
}

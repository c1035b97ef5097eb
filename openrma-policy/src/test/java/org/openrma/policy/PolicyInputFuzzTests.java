package org.openrma.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import org.openrma.claim.ClaimReader;
import org.openrma.claim.InvalidClaimException;

/**
 * Untrusted text never makes the engine throw anything it does not document: compiling a policy
 * never throws (problems come back as diagnostics) and reading a claim throws only
 * {@link InvalidClaimException}. Without {@code JAZZER_FUZZ=1} these run once per seed in
 * {@code PolicyInputFuzzTestsInputs/} (regression mode); with it, Jazzer fuzzes them.
 */
class PolicyInputFuzzTests {

    @FuzzTest(maxDuration = "30s")
    void compilingAnyTextNeverThrows(@NotNull String text) {
        PolicyCompiler.Result result = PolicyCompiler.compile("fuzz.yaml", text);

        assertThat(result.ok()).isEqualTo(result.errors().isEmpty());
    }

    @FuzzTest(maxDuration = "30s")
    void readingAnyTextThrowsOnlyInvalidClaim(@NotNull String text) {
        try {
            assertThat(ClaimReader.read(text)).isNotNull();
        } catch (InvalidClaimException e) {
            assertThat(e.problems()).isNotEmpty();
        }
    }
}

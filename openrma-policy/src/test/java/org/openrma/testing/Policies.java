package org.openrma.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.openrma.policy.CompiledPolicy;
import org.openrma.policy.PolicyCompiler;

/** Compiles the small policy files the tests write inline. */
public final class Policies {

    /** The lines every inline test policy starts with, unless it states its own header. */
    public static final String HEADER = """
            policy: test-policy
            version: "1"
            effective_from: 2020-01-01
            """;

    private Policies() {}

    /** Compiles {@link #HEADER} followed by {@code body}; fails the test when the file has an error. */
    public static CompiledPolicy policy(String body) {
        return compile(HEADER + body);
    }

    /** Compiles a whole policy file; fails the test, listing the diagnostics, when it has an error. */
    public static CompiledPolicy compile(String text) {
        PolicyCompiler.Result result = PolicyCompiler.compile("test.yaml", text);
        assertThat(result.errors()).as("errors compiling:%n%s", text).isEmpty();
        return result.policy().orElseThrow();
    }
}

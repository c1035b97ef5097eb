package org.openrma.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openrma.claim.ClaimReader;
import org.openrma.decision.DeductionKind;
import org.openrma.decision.Outcome;
import org.openrma.policy.CompiledPolicy;
import org.openrma.policy.PolicyCompiler;

/** The annotated example in docs/policy-format.md is a working policy, not prose that drifts. */
class PolicyFormatDocumentTests {

    private static final Path DOC = Path.of("").toAbsolutePath().getParent().resolve("docs/policy-format.md");

    private static String annotatedExample() throws IOException {
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        while (m.find()) {
            if (m.group(1).contains("policy: acme-outdoor")) {
                return m.group(1);
            }
        }
        throw new AssertionError("docs/policy-format.md lost its annotated example");
    }

    @Test
    void annotatedExampleCompilesWithoutErrorsOrWarnings() throws IOException {
        PolicyCompiler.Result result = PolicyCompiler.compile("policy-format.md", annotatedExample());

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.ok()).isTrue();
    }

    @Test
    void annotatedExampleGivesClubMembersSixtyDaysAndChargesTheUsedItemFee() throws IOException {
        CompiledPolicy policy = PolicyCompiler.compile("policy-format.md", annotatedExample()).policy().orElseThrow();
        var claim = ClaimReader.read("""
                {"order":{"number":"A-1","channel":"official_store","placed_at":"2026-11-20T10:00:00Z","delivered_at":"2026-11-25T10:00:00Z",
                  "currency":"EUR","customer":{"id":"c","email":"c@example.com","tier":"club"},
                  "lines":[{"sku":"TENT-1","category":"tent","unit_price":"199.99","quantity":1}]},
                 "request":{"kind":"return","submitted_at":"2027-01-20T10:00:00Z","reason":"changed_mind",
                  "lines":[{"sku":"TENT-1","quantity":1,"condition":"used"}]}}
                """);

        var decision = policy.decide(claim, Instant.parse("2027-01-20T10:00:00Z"));

        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.deductions().get(DeductionKind.RESTOCKING_FEE).getAmount()).isEqualByComparingTo("50.00");
        assertThat(decision.refund().getAmount()).isEqualByComparingTo("149.99");
        assertThat(decision.deadlines().get("claim_window_ends")).hasToString("2027-01-31");
    }
}

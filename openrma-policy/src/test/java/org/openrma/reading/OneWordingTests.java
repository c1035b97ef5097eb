package org.openrma.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrma.claim.ClaimReader;
import org.openrma.claim.InvalidClaimException;
import org.openrma.claim.InvalidClaimException.FieldProblem;
import org.openrma.policy.Diagnostic;
import org.openrma.policy.PolicyCompiler;
import org.openrma.testing.Policies;

/** A policy file and a claim read through the same collecting reader: the same mistake is reported in the same words. */
class OneWordingTests {

    private static final String CLAIM = """
            order:
              number: "T-1"
              channel: official_store
              placed_at: "2025-03-01T10:00:00Z"
              currency: USD
              shipping: { method: %s, amount: "10.00" }
              lines: [ { sku: "S1", unit_price: "100.00", quantity: 1 } ]
            request: { kind: return, %s: "2025-03-05T09:00:00Z", reason: changed_mind }
            """;

    private static List<FieldProblem> claimProblems(String method, String submittedAt) {
        InvalidClaimException e = catchThrowableOfType(InvalidClaimException.class,
                () -> ClaimReader.read(CLAIM.formatted(method, submittedAt)));
        assertThat(e).isNotNull();
        return e.problems();
    }

    private static List<String> policyErrors(String method) {
        return PolicyCompiler.compile("shop.yaml", Policies.HEADER + """
                clauses: { C1: "Returns." }
                programs:
                  - id: return
                    serves: { kind: return }
                    resolutions: { offer: [refund] }
                    return_shipping: [{ paid_by: customer, method: %s, cites: C1 }]
                """.formatted(method)).errors().stream().map(Diagnostic::message).toList();
    }

    @Test
    void aMisspelledWordReadsTheSameInAClaimAndInAPolicyFile() {
        String expected = "unknown value 'econmy' (did you mean 'economy'?); expected one of ";

        assertThat(claimProblems("econmy", "submitted_at")).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("order.shipping.method");
            assertThat(p.message()).startsWith(expected);
        });
        assertThat(policyErrors("econmy")).singleElement().asString().startsWith(expected);
        assertThat(claimProblems("econmy", "submitted_at").getFirst().message()).isEqualTo(policyErrors("econmy").getFirst());
    }

    @Test
    void aMisspelledFieldOfAClaimIsNamedWithTheNearestKnownOne() {
        assertThat(claimProblems("economy", "submited_at")).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("request.submited_at");
            assertThat(p.message()).startsWith("unknown field 'submited_at' (did you mean 'submitted_at'?); expected one of ");
        });
    }

    @Test
    void anUnreadableValueIsReportedAndReadAsNothing() {
        List<String> reported = new java.util.ArrayList<>();
        JsonReader reader = new JsonReader((field, message) -> reported.add(field + ": " + message));

        assertThat(reader.instant("at", "yesterday")).isNull();
        assertThat(reader.date("on", "2025-02-30")).isNull();
        assertThat(reported).containsExactly("at: " + Wording.notATimestamp("yesterday"), "on: " + Wording.notADate("2025-02-30"));
        assertThat(reader.hasProblems()).isTrue();
    }
}

package org.openrma.policy.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrma.policy.Diagnostic;
import org.openrma.policy.Diagnostic.Severity;
import org.openrma.policy.PolicyCompiler;
import org.openrma.testing.Policies;

/** Warnings about policies that compile but may not say what their author means. */
class LinterTests {

    private static List<Diagnostic> diagnostics(String body) {
        PolicyCompiler.Result result = PolicyCompiler.compile("lint.yaml", Policies.HEADER + body);
        assertThat(result.errors()).as("errors").isEmpty();
        assertThat(result.policy().orElseThrow().warnings()).isEqualTo(result.diagnostics());
        return result.diagnostics();
    }

    private static final String RETURN_PROGRAM = """
            programs:
              - id: return
                serves: { kind: return }
                window: { from: delivered, within: 30 days, cites: C1 }
            """;

    @Test
    void warnsAboutAClauseNoRuleCites() {
        // header (3 lines) + clauses: line 4, C1 line 5, C2 line 6
        List<Diagnostic> found = diagnostics("""
                clauses:
                  C1: "Returns are accepted within 30 days of delivery."
                  C2: "We answer every email within a day."
                """ + RETURN_PROGRAM);

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.line()).isEqualTo(6);
            assertThat(d.column()).isEqualTo(3);
            assertThat(d.message()).contains("clause C2 is neither cited by a rule nor listed under outside_engine");
        });
    }

    @Test
    void acceptsAClauseListedUnderOutsideEngine() {
        List<Diagnostic> found = diagnostics("""
                clauses:
                  C1: "Returns are accepted within 30 days of delivery."
                  C2: "We answer every email within a day."
                outside_engine:
                  C2: { by: human }
                """ + RETURN_PROGRAM);

        assertThat(found).isEmpty();
    }

    @Test
    void warnsWhenANumberContradictsItsWords() {
        List<Diagnostic> found = diagnostics("""
                clauses:
                  C1: "Returns are accepted within 30 days of delivery. Warranty is one (2) year."
                """ + RETURN_PROGRAM);

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.message()).contains("'one (2)'").contains("the number contradicts its words").contains("note");
        });
    }

    @Test
    void reportsAContradictionResolvedInANoteAsInformation() {
        List<Diagnostic> found = diagnostics("""
                clauses:
                  C1:
                    text: "Returns are accepted within 30 days of delivery. Warranty is one (2) year."
                    note: "The merchant confirmed two years."
                """ + RETURN_PROGRAM);

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.INFO);
            assertThat(d.message()).contains("'one (2)'").contains("resolved in the clause's note");
        });
    }

    @Test
    void acceptsANumberThatAgreesWithItsWords() {
        assertThat(diagnostics("""
                clauses:
                  C1: "Returns are accepted within thirty (30) days of delivery."
                """ + RETURN_PROGRAM)).isEmpty();
    }

    @Test
    void warnsAboutAnUnquantifiedTerm() {
        List<Diagnostic> found = diagnostics("""
                clauses:
                  C1: "Returns are accepted within 30 days of delivery; a small fee may apply."
                """ + RETURN_PROGRAM);

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.message()).contains("unquantified term 'small'");
        });
    }

    @Test
    void acceptsAnUnquantifiedTermLeftToReviewOnPurpose() {
        List<Diagnostic> found = diagnostics("""
                clauses:
                  C1: "Returns are accepted within 30 days of delivery."
                  C2: "Damaged items are handled case by case."
                programs:
                  - id: return
                    serves: { kind: return }
                    window: { from: delivered, within: 30 days, cites: C1 }
                    checks:
                      - { if: { condition: damaged }, then: needs_review, cites: C2 }
                """);

        assertThat(found).isEmpty();
    }

    @Test
    void acceptsAnUnquantifiedTermExplainedInANote() {
        assertThat(diagnostics("""
                clauses:
                  C1:
                    text: "Returns are accepted within 30 days of delivery; we refund promptly."
                    note: "promptly is the refund_by deadline of the workflow."
                """ + RETURN_PROGRAM)).isEmpty();
    }

    @Test
    void warnsAboutTwoProgramsServingTheSameClaimsWithDifferentAnswers() {
        List<Diagnostic> found = diagnostics("""
                clauses:
                  C1: "Returns are accepted."
                  C2: "Returns are not accepted."
                programs:
                  - id: generous
                    serves: { kind: return }
                    checks: [ { then: approved, cites: C1 } ]
                  - id: strict
                    serves: { kind: return }
                    checks: [ { then: rejected, cites: C2 } ]
                """);

        // the second program is on line 11 (3 header lines + 8)
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.line()).isEqualTo(11);
            assertThat(d.message()).contains("programs 'generous' and 'strict' serve the same claims with different answers (approved vs rejected)");
        });
    }

    @Test
    void doesNotWarnAboutProgramsServingDifferentClaims() {
        assertThat(diagnostics("""
                clauses:
                  C1: "Returns are accepted."
                  C2: "Warranty claims are not accepted."
                programs:
                  - id: generous
                    serves: { kind: return }
                    checks: [ { then: approved, cites: C1 } ]
                  - id: strict
                    serves: { kind: warranty }
                    checks: [ { then: rejected, cites: C2 } ]
                """)).isEmpty();
    }

    @Test
    void warnsThatALaterProgramIsNeverReachedUnderFirstMatch() {
        List<Diagnostic> found = diagnostics("""
                selection: first_match
                clauses:
                  C1: "Returns are accepted."
                programs:
                  - { id: first, serves: { kind: return }, checks: [ { then: approved, cites: C1 } ] }
                  - { id: second, serves: { kind: return }, checks: [ { then: approved, cites: C1 } ] }
                """);

        assertThat(found).singleElement().satisfies(d -> assertThat(d.message()).contains("program 'second' is never reached"));
    }

    @Test
    void warnsWhenTheLastReturnShippingRuleHasACondition() {
        List<Diagnostic> found = diagnostics("""
                clauses:
                  C1: "Returns are accepted within 30 days of delivery."
                  C2: "We pay return shipping for defective items."
                programs:
                  - id: return
                    serves: { kind: return }
                    window: { from: delivered, within: 30 days, cites: C1 }
                    return_shipping:
                      - { paid_by: merchant, when: { reason: defective }, cites: C2 }
                """);

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.line()).isEqualTo(8);
            assertThat(d.message()).contains("program 'return': every return_shipping rule has a condition");
        });
    }

    @Test
    void acceptsReturnShippingRulesEndingWithoutACondition() {
        assertThat(diagnostics("""
                clauses:
                  C1: "Returns are accepted within 30 days of delivery."
                  C2: "We pay return shipping for defective items; otherwise the customer pays."
                programs:
                  - id: return
                    serves: { kind: return }
                    window: { from: delivered, within: 30 days, cites: C1 }
                    return_shipping:
                      - { paid_by: merchant, when: { reason: defective }, cites: C2 }
                      - { paid_by: customer, cites: C2 }
                """)).isEmpty();
    }

    @Test
    void reportsClauseWarningsInFileOrder() {
        List<Diagnostic> found = diagnostics("""
                clauses:
                  C1: "Returns are accepted within 30 days of delivery."
                  A: "Uncited one."
                  B: "Uncited two."
                  C: "Uncited three."
                  D: "Uncited four."
                  E: "Uncited five."
                  F: "Uncited six."
                  G: "Uncited seven."
                """ + RETURN_PROGRAM);

        assertThat(found).extracting(Diagnostic::line).containsExactly(6, 7, 8, 9, 10, 11, 12);
    }
}

package org.openrma.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A policy file with errors yields no policy and every error, each at its line and column. */
class PolicyCompilerDiagnosticsTests {

    private static PolicyCompiler.Result compile(String text) {
        return PolicyCompiler.compile("broken.yaml", text);
    }

    @Test
    void reportsEveryErrorInAFileWithItsLineAndColumn() {
        String text = """
                policy: broken
                version: "1"
                effective_from: 2020-01-01
                clauses:
                  C1: "Returns within 7 days."
                programs:
                  - id: return
                    serves: { kind: return }
                    window: { from: delivred, within: 7 dayz, cites: C9 }
                    checks:
                      - require: { colour: red }
                        otherwise: rejected
                      - if: { reason: changed_mnd }
                        then: rejected
                        cites: C1
                      - if: { cel: "order.value_minor >= " }
                        then: needs_review
                        cites: C1
                """;

        PolicyCompiler.Result result = compile(text);

        assertThat(result.ok()).isFalse();
        assertThat(result.policy()).isEmpty();
        assertThat(result.errors()).extracting(Diagnostic::line, Diagnostic::column).containsExactlyInAnyOrder(
                tuple(9, 21), tuple(9, 39), tuple(9, 54), tuple(11, 20), tuple(13, 23), tuple(16, 20));
        assertThat(message(result, 9, 21)).contains("unknown event 'delivred'").contains("did you mean 'delivered'?");
        assertThat(message(result, 9, 39)).contains("'7 dayz' is not a length");
        assertThat(message(result, 9, 54)).contains("cites clause 'C9'").contains("does not define");
        assertThat(message(result, 11, 20)).contains("unknown condition 'colour'");
        assertThat(message(result, 13, 23)).contains("unknown reason 'changed_mnd'").contains("did you mean 'changed_mind'?");
        assertThat(message(result, 16, 20)).contains("CEL expression does not compile");
        assertThat(result.errors()).allSatisfy(d -> {
            assertThat(d.file()).isEqualTo("broken.yaml");
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.ERROR);
        });
    }

    private static String message(PolicyCompiler.Result result, int line, int column) {
        return result.errors().stream().filter(d -> d.line() == line && d.column() == column).map(Diagnostic::message).findFirst().orElseThrow();
    }

    @Test
    void reportsMalformedYamlAtTheLineWhereItBreaks() {
        String text = """
                policy: broken
                version: "1"
                effective_from: 2020-01-01
                clauses:
                  C1: Returns: within 7 days.
                programs: []
                """;

        PolicyCompiler.Result result = compile(text);

        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.message()).startsWith("YAML syntax");
        });
    }

    @Test
    void reportsAnUnclosedListAtTheLineWhereTheParserNoticesIt() {
        String text = """
                policy: broken
                version: "1"
                clauses:
                  C1: [unclosed
                programs: []
                """;

        assertThat(compile(text).errors()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.message()).contains("YAML syntax").contains("expected ',' or ']'");
        });
    }

    @Test
    void reportsADuplicateKeyWithTheLineOfTheFirst() {
        String text = """
                policy: broken
                version: "1"
                effective_from: 2020-01-01
                clauses:
                  C1: "Returns within 7 days."
                  C1: "Returns within 14 days."
                programs:
                  - id: return
                """;

        assertThat(compile(text).errors()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(6);
            assertThat(d.column()).isEqualTo(3);
            assertThat(d.message()).isEqualTo("duplicate key 'C1' (first at line 5)");
        });
    }

    @Test
    void reportsAnEmptyFile() {
        assertThat(compile("").errors()).singleElement().satisfies(d -> assertThat(d.message()).contains("empty"));
    }

    @Test
    void reportsMissingRequiredKeys() {
        List<Diagnostic> errors = compile("title: Nothing else\n").errors();

        assertThat(errors).extracting(Diagnostic::message).anyMatch(m -> m.contains("'policy' is required"))
                .anyMatch(m -> m.contains("'version' is required")).anyMatch(m -> m.contains("'effective_from' is required"))
                .anyMatch(m -> m.contains("programs"));
    }

    @Test
    void reportsAnUnknownTopLevelKeyWithASuggestion() {
        String text = """
                policy: broken
                version: "1"
                effective_from: 2020-01-01
                clauses: { C1: "Returns within 7 days." }
                programms: []
                """;

        assertThat(compile(text).errors()).anySatisfy(d -> {
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.column()).isEqualTo(1);
            assertThat(d.message()).contains("unknown key 'programms'").contains("did you mean 'programs'?");
        });
    }

    @Test
    void reportsAnUnknownTimeZoneAndHolidayRegion() {
        String text = """
                policy: broken
                version: "1"
                effective_from: 2020-01-01
                calendar: { time_zone: Mars/Olympus, holidays: XX }
                clauses: { C1: "Returns within 7 days." }
                programs:
                  - { id: return, serves: { kind: return }, window: { from: delivered, within: 7 days, cites: C1 } }
                """;

        assertThat(compile(text).errors()).extracting(Diagnostic::message)
                .anyMatch(m -> m.contains("unknown time zone 'Mars/Olympus'"))
                .anyMatch(m -> m.contains("unknown holiday region 'XX'"));
    }

    @Test
    void reportsAnUnknownOutcomeWord() {
        String text = """
                policy: broken
                version: "1"
                effective_from: 2020-01-01
                clauses: { C1: "Returns within 7 days." }
                programs:
                  - id: return
                    checks: [ { then: refused, cites: C1 } ]
                """;

        assertThat(compile(text).errors()).anySatisfy(d -> {
            assertThat(d.line()).isEqualTo(7);
            assertThat(d.message()).contains("unknown value 'refused'").contains("approved, needs_evidence, needs_review, rejected");
        });
    }

    @Test
    void refusesAFileTheSchemaRejectsEvenWhenTheBinderAcceptsIt() {
        // the schema requires a clauses table; the binder alone would not
        String text = """
                policy: no-clauses
                version: "1"
                effective_from: 2020-01-01
                programs:
                  - { id: return, serves: { kind: return } }
                """;

        PolicyCompiler.Result result = compile(text);

        assertThat(result.ok()).isFalse();
        assertThat(result.errors()).anySatisfy(d -> assertThat(d.message()).startsWith("schema:").contains("clauses"));
    }

    @Test
    void compilesAValidFileWithoutErrors() {
        String text = """
                policy: fine
                version: "1"
                effective_from: 2020-01-01
                clauses: { C1: "Returns within 7 days." }
                programs:
                  - { id: return, serves: { kind: return }, window: { from: delivered, within: 7 days, cites: C1 } }
                """;

        PolicyCompiler.Result result = compile(text);

        assertThat(result.ok()).isTrue();
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.policy().orElseThrow().id()).isEqualTo("fine");
    }

    @Test
    void reportsASelfReferencingAliasInsteadOfOverflowingTheStack() {
        String text = """
                policy: broken
                version: "1"
                effective_from: 2020-01-01
                clauses: &loop { C1: *loop }
                programs: []
                """;

        PolicyCompiler.Result result = compile(text);

        assertThat(result.ok()).isFalse();
        assertThat(result.errors()).isNotEmpty();
    }

    @Test
    void keepsClausesInFileOrder() {
        String text = """
                policy: ordered
                version: "1"
                effective_from: 2020-01-01
                clauses:
                  S0-01: "First."
                  S0-02: "Second."
                  S0-03: "Third."
                  S0-04: "Fourth."
                  S0-05: "Fifth."
                  S0-06: "Sixth."
                  S0-07: "Seventh."
                  S0-08: "Eighth."
                discretion: [S0-01, S0-02, S0-03, S0-04, S0-05, S0-06, S0-07, S0-08]
                programs:
                  - { id: return, serves: { kind: return } }
                """;

        CompiledPolicy policy = compile(text).policy().orElseThrow();

        assertThat(policy.clauses().keySet()).containsExactly("S0-01", "S0-02", "S0-03", "S0-04", "S0-05", "S0-06", "S0-07", "S0-08");
    }
}

package org.openrma.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openrma.testing.Policies.HEADER;
import static org.openrma.testing.Policies.policy;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.openrma.claim.Claim;
import org.openrma.claim.InvalidClaimException;
import org.openrma.decision.Decision;
import org.openrma.decision.Outcome;
import org.openrma.decision.StepResult;
import org.openrma.testing.Claims;

/**
 * Mistakes a merchant can make in a policy file. Each one is caught when the file loads (an error
 * at its line and column) or, when only a claim can reveal it, sends that claim to review. None
 * of them may ever approve a claim: the test decides the claim the exclusion was written for.
 */
class PolicyMistakesTests {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static final String ATTRIBUTES = """
            attributes:
              line.attributes.code: { type: text }
              line.attributes.recalled_on: { type: date }
              line.attributes.final_sale: { type: boolean }
              order.attributes.payment_method: { type: enum, values: [card, gift_card] }
              line.attributes.warranty: { type: text }
            """;

    private static String exclusion(String condition) {
        return ATTRIBUTES + """
                clauses:
                  C1: "The rule under test."
                programs:
                  - id: return
                    serves: { kind: return }
                    checks:
                      - { id: exclusion, if: %s, then: rejected, cites: C1 }
                    resolutions: { offer: [refund] }
                    return_shipping: [{ paid_by: customer }]
                """.formatted(condition);
    }

    // ------------------------------------------------------------ caught at load, with file:line:col

    static Stream<Arguments> mistakesCaughtAtLoad() {
        return Stream.of(
                Arguments.of("a misspelled field in CEL", "{ cel: \"line.categroy == 'servo'\" }", "undeclared reference"),
                Arguments.of("a field at the wrong depth in CEL", "{ cel: \"claim.line.category == 'servo'\" }", "undeclared reference"),
                Arguments.of("text compared with a number in CEL", "{ cel: \"line.quantity > '3'\" }", "no matching overload"),
                Arguments.of("a CEL expression that is not true or false", "{ cel: \"line.quantity + 1\" }", "must be true or false"),
                Arguments.of("an undeclared attribute in CEL", "{ cel: \"line.attributes.colour == 'red'\" }", "undeclared reference"),
                Arguments.of("a number test on a text attribute", "{ line.attributes.code: { at_least: 3 } }", "takes a word"),
                Arguments.of("a word an enum attribute does not declare", "{ order.attributes.payment_method: [crypto] }",
                        "unknown order.attributes.payment_method 'crypto'; expected one of card, gift_card"),
                Arguments.of("a misspelled condition key", "{ reasn: defective }", "unknown condition 'reasn'"),
                Arguments.of("a fact nobody declared", "{ facts: [tags_cut_off] }", "unknown facts word 'tags_cut_off'"),
                Arguments.of("a date test with an impossible day", "{ delivered: { between: [\"02-30\", \"03-10\"] } }", "not a day of the year"),
                Arguments.of("a date test that ends before it starts", "{ delivered: { between: [2026-12-24, 2026-11-01] } }", "ends before it starts"),
                Arguments.of("a boolean attribute compared with a word", "{ line.attributes.final_sale: yes_please }", "write true or false"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakesCaughtAtLoad")
    void isAnErrorAtItsLineWhenThePolicyLoads(String mistake, String condition, String message) {
        PolicyCompiler.Result result = PolicyCompiler.compile("shop.yaml", HEADER + exclusion(condition));

        assertThat(result.ok()).as(mistake).isFalse();
        assertThat(result.errors()).as(mistake).anySatisfy(d -> {
            assertThat(d.message()).contains(message);
            assertThat(d.file()).isEqualTo("shop.yaml");
            assertThat(d.line()).isEqualTo(HEADER.split("\n").length + ATTRIBUTES.split("\n").length + 7);
        });
    }

    @Test
    void aSelectionWithoutAValueIsAnErrorNotACrash() {
        PolicyCompiler.Result result = PolicyCompiler.compile("shop.yaml", "{selection}");

        assertThat(result.ok()).isFalse();
        assertThat(result.errors()).anySatisfy(d -> assertThat(d.message()).contains("selection must be"));
    }

    @Test
    void anEmptyTableIsAnError() {
        PolicyCompiler.Result result = PolicyCompiler.compile("shop.yaml", HEADER + """
                clauses: { C1: "Fees." }
                programs:
                  - id: return
                    serves: { kind: return }
                    deductions:
                      - { kind: restocking_fee, percent: { by: line.condition, values: {}, default: 0 }, of: items, cites: C1 }
                    window: { from: delivered, within: { by: line.category, values: {}, default: 30 days }, cites: C1 }
                """);

        assertThat(result.errors()).extracting(d -> d.message())
                .anySatisfy(m -> assertThat(m).contains("percentage table has no 'values'"))
                .anySatisfy(m -> assertThat(m).contains("length table has no 'values'"));
    }

    @Test
    void aWindowFromAnUndeclaredDateIsAnError() {
        PolicyCompiler.Result result = PolicyCompiler.compile("shop.yaml", HEADER + """
                clauses: { C1: "90 days after manufacture." }
                programs:
                  - id: warranty
                    serves: { kind: warranty }
                    window: { from: line.attributes.made_on, within: 90 days, cites: C1 }
                """);

        assertThat(result.errors()).singleElement().satisfies(d -> assertThat(d.message()).contains("not a declared date attribute"));
    }

    @Test
    void aCaseByCaseClauseCannotApprove() {
        PolicyCompiler.Result result = PolicyCompiler.compile("shop.yaml", HEADER + """
                clauses: { C1: "Anything else case by case." }
                programs:
                  - id: return
                    serves: { kind: return }
                    when_rejected: { outcome: approved, cites: C1 }
                """);

        assertThat(result.errors()).anySatisfy(d -> assertThat(d.message()).contains("when_rejected cannot approve"));
    }

    @Test
    void anUnreachableProgramIsReported() {
        PolicyCompiler.Result result = PolicyCompiler.compile("shop.yaml", HEADER + """
                selection: first_match
                clauses: { C1: "Returns." }
                programs:
                  - { id: first, serves: { kind: return }, checks: [{ then: rejected, cites: C1 }] }
                  - { id: second, serves: { kind: return }, checks: [{ then: needs_review, cites: C1 }] }
                """);

        assertThat(result.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("program 'second' is never reached"));
    }

    // ------------------------------------------------------------ only a claim reveals them: review, never approval

    static Stream<Arguments> mistakesOnlyAClaimReveals() {
        Claim plain = Claims.aReturn().build();
        return Stream.of(
                Arguments.of("a CEL expression that divides by zero", "{ cel: \"100 / (line.quantity - 1) > 5\" }", plain, "by zero"),
                Arguments.of("a text attribute that does not convert to a number", "{ cel: \"int(line.attributes.code) > 3\" }",
                        Claims.aReturn().orderLine("S1", "servo", "100.00", 1, Map.of("attributes", Map.of("code", "abc"))).build(), "abc"),
                Arguments.of("a declared attribute the claim leaves out", "{ line.attributes.final_sale: true }", plain,
                        "line.attributes.final_sale is not given"),
                Arguments.of("a declared date the claim leaves out", "{ line.attributes.recalled_on: { before: 2026-01-01 } }", plain,
                        "line.attributes.recalled_on is not given"),
                Arguments.of("an exclusion among alternatives that cannot be evaluated",
                        "{ any: [{ reason: defective }, { cel: \"line.attributes.code.size() > 2\" }] }", plain, "line.attributes.code"),
                Arguments.of("a negated exclusion that cannot be evaluated", "{ not: { cel: \"100 / (line.quantity - 1) > 5\" } }", plain, "by zero"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakesOnlyAClaimReveals")
    void sendsTheClaimToReviewWithTheErrorInTheExplanation(String mistake, String condition, Claim claim, String error) {
        Decision decision = policy(exclusion(condition)).decide(claim, NOW);

        assertThat(decision.outcome()).as(mistake).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(decision.explanation()).as(mistake).anySatisfy(step -> {
            assertThat(step.rule()).isEqualTo("exclusion");
            assertThat(step.result()).isEqualTo(StepResult.NOT_EVALUATED);
            assertThat(step.says()).contains("could not be evaluated").contains(error);
        });
        assertThat(decision.summary()).contains("could not be evaluated");
    }

    @Test
    void anExclusionThatHoldsStillRejectsWhenAnotherAlternativeCannotBeEvaluated() {
        Decision decision = policy(exclusion("{ any: [{ reason: changed_mind }, { cel: \"100 / (line.quantity - 1) > 5\" }] }"))
                .decide(Claims.aReturn().build(), NOW);

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void aWarrantyLengthThatIsNotALengthGoesToReviewInsteadOfTheDefault() {
        CompiledPolicy p = policy(ATTRIBUTES + """
                clauses: { C1: "One year unless the product page says otherwise." }
                programs:
                  - id: warranty
                    serves: { kind: warranty }
                    window: { from: delivered, within: { by: line.attributes.warranty, default: 1 year }, cites: C1 }
                    resolutions: { offer: [repair] }
                    return_shipping: [{ paid_by: merchant }]
                """);
        Claims twoWeeks = Claims.aReturn().kind("warranty").reason("defective")
                .orderLine("S1", "servo", "100.00", 1, Map.of("attributes", Map.of("warranty", "two weeks")));

        Decision decision = p.decide(twoWeeks.build(), NOW);

        assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(decision.explanation()).anySatisfy(s -> assertThat(s.says()).contains("'two weeks', not a length"));
        Decision withoutIt = p.decide(Claims.aReturn().kind("warranty").reason("defective").build(), Instant.parse("2025-03-10T00:00:00Z"));
        assertThat(withoutIt.outcome()).as("a line without the attribute has the table's default").isEqualTo(Outcome.APPROVED);
    }

    @Test
    void aRefundDeductionThatCannotBeEvaluatedNeverApproves() {
        CompiledPolicy p = policy(ATTRIBUTES + """
                clauses: { C1: "Fee." }
                programs:
                  - id: return
                    serves: { kind: return }
                    resolutions: { offer: [refund] }
                    deductions:
                      - { kind: handling, amount: "5.00", when: { line.attributes.final_sale: true }, cites: C1 }
                    return_shipping: [{ paid_by: customer }]
                """);

        Decision decision = p.decide(Claims.aReturn().build(), NOW);

        assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "int('3') == 3", "double(line.quantity) / 2.0 == 0.5", "string(line.quantity) == '1'", "size(line.tags) == 0",
        "line.sku.startsWith('S') && line.sku.endsWith('1') && line.sku.contains('1')", "line.category.matches('^ser')",
        "claim.submitted_at - order.placed_at > duration('24h')", "order.placed_at.getMonth() == 2 && order.placed_at.getDayOfMonth() == 0",
        "timestamp('2025-03-01T00:00:00Z') < order.placed_at", "'photo' in claim.evidence || claim.facts.all(f, f != 'misuse')",
        "[1, 2, 3].exists(x, x == line.quantity)", "{'servo': 1}[line.category] == 1", "uint(1) == 1u", "bytes('a') == b'a'",
        "line.unit_price_minor % 7 == 4"})
    void everyFunctionThatCompilesAlsoRuns(String expression) {
        Decision decision = policy(exclusion("{ cel: \"" + expression + "\" }")).decide(Claims.aReturn().with("request.evidence", java.util.List.of("photo")).build(), NOW);

        assertThat(decision.explanation()).as(expression).noneSatisfy(step -> assertThat(step.result()).isEqualTo(StepResult.NOT_EVALUATED));
        assertThat(decision.outcome()).as(expression).isEqualTo(Outcome.REJECTED);
    }

    // ------------------------------------------------------------ claims that do not fit the policy's declarations

    @Test
    void refusesAClaimWhoseWordsOrAttributesThePolicyDoesNotDeclare() {
        CompiledPolicy p = policy(ATTRIBUTES + """
                vocabulary: { reasons: [too_small] }
                clauses: { C1: "Returns." }
                programs:
                  - { id: return, serves: { kind: return }, resolutions: { offer: [refund] }, return_shipping: [{ paid_by: customer, cites: C1 }] }
                """);
        Claim claim = Claims.aReturn().reason("too_large").with("order.attributes", Map.of("payment_method", "crypto")).build();

        assertThatThrownBy(() -> p.decide(claim, NOW)).isInstanceOfSatisfying(InvalidClaimException.class, e -> {
            assertThat(e.problems()).extracting(InvalidClaimException.FieldProblem::field)
                    .containsExactlyInAnyOrder("request.reason", "order.attributes.payment_method");
            assertThat(e.getMessage()).contains("too_small").contains("card, gift_card");
        });
        assertThat(p.decide(Claims.aReturn().reason("too_small").build(), NOW).outcome()).isEqualTo(Outcome.APPROVED);
    }
}

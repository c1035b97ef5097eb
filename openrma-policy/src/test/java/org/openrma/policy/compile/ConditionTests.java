package org.openrma.policy.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrma.testing.Policies.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrma.decision.Decision;
import org.openrma.decision.ExplanationStep;
import org.openrma.decision.Outcome;
import org.openrma.policy.CompiledPolicy;
import org.openrma.testing.Claims;

/** Conditions written in policy files, including CEL expressions, evaluate against the claim. */
class ConditionTests {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static CompiledPolicy requiring(String condition) {
        return policy("""
                clauses:
                  C1: "The rule under test."
                programs:
                  - id: return
                    serves: { kind: return }
                    checks:
                      - { id: rule, require: %s, otherwise: rejected, cites: C1 }
                """.formatted(condition));
    }

    private static ExplanationStep rule(Decision decision) {
        return decision.explanation().stream().filter(s -> s.rule().equals("rule")).findFirst().orElseThrow();
    }

    @Test
    void evaluatesACelExpressionOverTheOrderValueInMinorUnits() {
        CompiledPolicy policy = requiring("{ cel: \"order.value_minor >= 10000\" }");

        Decision hundred = policy.decide(Claims.aReturn().orderLine("S1", "servo", "100.00", 1).build(), NOW);
        Decision justBelow = policy.decide(Claims.aReturn().orderLine("S1", "servo", "99.99", 1).build(), NOW);

        assertThat(hundred.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(rule(hundred).read()).containsEntry("cel", "order.value_minor >= 10000 = true");
        assertThat(justBelow.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(rule(justBelow).read()).containsEntry("cel", "order.value_minor >= 10000 = false");
    }

    @Test
    void evaluatesACelExpressionOverTheClaimedLine() {
        CompiledPolicy policy = requiring("{ cel: \"line.category == 'servo' && claim.days_since_delivery <= 2\" }");

        assertThat(policy.decide(Claims.aReturn().build(), NOW).outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(policy.decide(Claims.aReturn().submittedAt("2025-03-06T09:00:00Z").build(), NOW).outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void sendsAClaimToReviewWhenACelExpressionFailsAtRuntime() {
        CompiledPolicy policy = requiring("{ cel: \"1000 / (order.value_minor - 10000) > 0\" }");

        Decision decision = policy.decide(Claims.aReturn().orderLine("S1", "servo", "100.00", 1).build(), NOW);

        assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(rule(decision).result()).isEqualTo(org.openrma.decision.StepResult.NOT_EVALUATED);
        assertThat(rule(decision).says()).contains("could not be evaluated").contains("by zero");
    }

    @Test
    void matchesAnyOfAListOfWords() {
        CompiledPolicy policy = requiring("{ reason: [defective, dead_on_arrival] }");

        assertThat(policy.decide(Claims.aReturn().reason("dead_on_arrival").build(), NOW).outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(policy.decide(Claims.aReturn().reason("changed_mind").build(), NOW).outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void requiresEveryKeyOfAMapping() {
        CompiledPolicy policy = requiring("{ reason: defective, channel: official_store }");

        assertThat(policy.decide(Claims.aReturn().reason("defective").build(), NOW).outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(policy.decide(Claims.aReturn().reason("defective").with("order.channel", "retailer").build(), NOW).outcome())
                .isEqualTo(Outcome.REJECTED);
    }

    @Test
    void combinesWithAnyAndNot() {
        CompiledPolicy policy = requiring("{ any: [ { condition: unopened }, { not: { reason: changed_mind } } ] }");

        assertThat(policy.decide(Claims.aReturn().reason("defective").build(), NOW).outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(policy.decide(Claims.aReturn().orderLine("S1", "servo", "10.00", 1).claiming("S1", 1, "unopened").build(), NOW)
                .outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(policy.decide(Claims.aReturn().build(), NOW).outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void matchesNoneWhenTheClaimDoesNotSay() {
        CompiledPolicy policy = requiring("{ customer_tier: none }");

        assertThat(policy.decide(Claims.aReturn().build(), NOW).outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(policy.decide(Claims.aReturn().tier("gold").build(), NOW).outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void matchesALineTagAndACustomerAttribute() {
        CompiledPolicy tagged = requiring("{ tags: final_sale }");
        CompiledPolicy country = requiring("{ customer.attributes.country: [DE, AT] }");

        assertThat(tagged.decide(Claims.aReturn().orderLine("S1", "servo", "10.00", 1, Map.of("tags", List.of("final_sale"))).build(), NOW)
                .outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(tagged.decide(Claims.aReturn().build(), NOW).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(country.decide(Claims.aReturn().with("order.customer", Map.of("id", "C-1", "attributes", Map.of("country", "AT"))).build(), NOW)
                .outcome()).isEqualTo(Outcome.APPROVED);
    }

    @Test
    void boundsTheOrderValue() {
        CompiledPolicy policy = requiring("{ order_value: { at_least: 50, below: \"100.00\" } }");

        assertThat(policy.decide(Claims.aReturn().orderLine("S1", "servo", "50.00", 1).build(), NOW).outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(policy.decide(Claims.aReturn().orderLine("S1", "servo", "100.00", 1).build(), NOW).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(policy.decide(Claims.aReturn().orderLine("S1", "servo", "49.99", 1).build(), NOW).outcome()).isEqualTo(Outcome.REJECTED);
    }
}

package org.openrma.policy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrma.testing.Policies.policy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrma.decision.Citation;
import org.openrma.decision.Decision;
import org.openrma.decision.DecisionJson;
import org.openrma.decision.ExplanationStep;
import org.openrma.decision.Outcome;
import org.openrma.decision.StepResult;
import org.openrma.policy.CompiledPolicy;
import org.openrma.testing.Claims;
import tools.jackson.databind.JsonNode;

/** Every decision says which rules it applied, what they read, and the merchant's own words behind them. */
class ExplanationTests {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static final CompiledPolicy POLICY = policy("""
            clauses:
              W: "We allow returns within 14 days of delivery."
              U: "Items must be unused."
              R: "We only accept returns of items bought from our store."
              F: "A 10% restocking fee applies to change-of-mind returns."
              M: "Refunds go to the original payment method."
            programs:
              - id: return
                serves: { kind: return }
                window: { from: delivered, within: 14 days, cites: W }
                checks:
                  - id: own-store
                    require: { channel: official_store }
                    otherwise: rejected
                    says: Only items bought from our store can be returned here.
                    cites: R
                  - id: unused
                    require: { condition: [unopened, opened_unused] }
                    otherwise: rejected
                    cites: [U, R]
                resolutions: { offer: [ { resolution: refund, cites: M } ] }
                refund: { of: items, cites: M }
                deductions:
                  - { id: restocking, kind: restocking_fee, percent: 10, when: { reason: changed_mind }, cites: F }
            """);

    private static ExplanationStep step(Decision decision, String rule) {
        return decision.explanation().stream().filter(s -> s.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + rule + " in " + decision.explanation()));
    }

    @Test
    void recordsEveryEvaluatedRuleWithItsResultTheValuesItReadAndItsClause() {
        Decision decision = POLICY.decide(Claims.aReturn().build(), NOW);

        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.explanation()).extracting(ExplanationStep::rule).containsSubsequence(
                "return.serves", "return.claim_window_ends", "own-store", "unused", "selection", "return.resolutions.refund", "restocking",
                "return.refund");

        ExplanationStep window = step(decision, "return.claim_window_ends");
        assertThat(window.result()).isEqualTo(StepResult.PASSED);
        assertThat(window.read()).containsEntry("delivered", "2025-03-03T12:00:00Z").containsEntry("submitted", "2025-03-05T09:00:00Z")
                .containsEntry("last_day", "2025-03-17");
        assertThat(window.cites()).containsExactly(new Citation("W", "We allow returns within 14 days of delivery."));

        ExplanationStep ownStore = step(decision, "own-store");
        assertThat(ownStore.result()).isEqualTo(StepResult.PASSED);
        assertThat(ownStore.read()).containsEntry("channel", "official_store");
        assertThat(ownStore.cites()).extracting(Citation::text).containsExactly("We only accept returns of items bought from our store.");

        ExplanationStep unused = step(decision, "unused");
        assertThat(unused.read()).containsEntry("line.condition", "opened_unused");

        ExplanationStep restocking = step(decision, "restocking");
        assertThat(restocking.result()).isEqualTo(StepResult.APPLIED);
        assertThat(restocking.read()).containsEntry("reason", "changed_mind").containsEntry("percent", "10");
        assertThat(restocking.says()).contains("10.00");
    }

    @Test
    void listsEachCitedClauseOnceInOrderOfFirstCitation() {
        Decision decision = POLICY.decide(Claims.aReturn().build(), NOW);

        assertThat(decision.citations()).extracting(Citation::id).containsExactly("W", "R", "U", "M", "F");
        assertThat(decision.citations()).extracting(Citation::text).contains("A 10% restocking fee applies to change-of-mind returns.");
    }

    @Test
    void showsTheFailingRuleAndItsClauseInARejection() {
        Decision decision = POLICY.decide(Claims.aReturn().with("order.channel", "marketplace").build(), NOW);

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        ExplanationStep ownStore = step(decision, "own-store");
        assertThat(ownStore.result()).isEqualTo(StepResult.FAILED);
        assertThat(ownStore.read()).containsEntry("channel", "marketplace");
        assertThat(ownStore.says()).isEqualTo("Only items bought from our store can be returned here.");
        assertThat(ownStore.cites()).extracting(Citation::text).containsExactly("We only accept returns of items bought from our store.");
        assertThat(decision.summary()).contains("Only items bought from our store can be returned here.");
    }

    @Test
    void keepsEvaluatingAfterTheFirstFailure() {
        Decision decision = POLICY.decide(Claims.aReturn().with("order.channel", "marketplace").submittedAt("2025-04-30T10:00:00Z")
                .build(), NOW);

        assertThat(step(decision, "return.claim_window_ends").result()).isEqualTo(StepResult.FAILED);
        assertThat(step(decision, "own-store").result()).isEqualTo(StepResult.FAILED);
        assertThat(step(decision, "unused").result()).isEqualTo(StepResult.PASSED);
        assertThat(decision.lines()).singleElement().satisfies(l -> assertThat(l.reasons()).hasSize(2));
    }

    @Test
    void labelsEachStepWithItsLineWhenSeveralLinesAreClaimed() {
        Decision decision = POLICY.decide(Claims.aReturn().orderLine("A", "servo", "10.00", 1).orderLine("B", "servo", "10.00", 1)
                .claiming("A", 1, "unopened").claiming("B", 1, "used").build(), NOW);

        assertThat(decision.explanation()).filteredOn(s -> s.rule().equals("unused"))
                .extracting(ExplanationStep::line, ExplanationStep::result)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", StepResult.PASSED), org.assertj.core.groups.Tuple.tuple("B", StepResult.FAILED));
    }

    @Test
    void writesTheExplanationWithClauseTextsIntoTheJson() {
        Decision decision = POLICY.decide(Claims.aReturn().with("order.channel", "marketplace").build(), NOW);

        JsonNode json = DecisionJson.toTree(decision);

        assertThat(json.get("outcome").asString()).isEqualTo("rejected");
        List<JsonNode> failed = json.get("explanation").valueStream().filter(s -> s.get("result").asString().equals("failed")).toList();
        assertThat(failed).singleElement().satisfies(s -> {
            assertThat(s.get("rule").asString()).isEqualTo("own-store");
            assertThat(s.get("read").get("channel").asString()).isEqualTo("marketplace");
            assertThat(s.get("cites").get(0).get("clause").asString()).isEqualTo("R");
            assertThat(s.get("cites").get(0).get("text").asString()).isEqualTo("We only accept returns of items bought from our store.");
        });
        assertThat(DecisionJson.write(decision)).contains("\"policy_version\"");
    }

    @Test
    void namesTheClausesThatDecidedAnApprovalTheRulesThatPassedOnWhatTheClaimSays() {
        Decision decision = POLICY.decide(Claims.aReturn().build(), NOW);

        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        // the refund and the fee apply, but the window, the store and the condition are what made the claim eligible
        assertThat(decision.decisiveCitations()).extracting(Citation::id).containsExactly("W", "R", "U");
        assertThat(DecisionJson.toTree(decision).get("decisive_citations").get(0).get("clause").asString()).isEqualTo("W");
    }

    @Test
    void namesTheFailingRulesClauseAsWhatDecidedARejection() {
        Decision decision = POLICY.decide(Claims.aReturn().with("order.channel", "marketplace").build(), NOW);

        assertThat(decision.decisiveCitations()).extracting(Citation::id).containsExactly("R");
    }

    @Test
    void anIfCheckThatDoesNotApplyDecidesNothingWhateverItsSentenceSays() {
        CompiledPolicy withSurcharge = policy("""
                clauses:
                  W: "We allow returns within 14 days of delivery."
                  G: "Gold members return for free; others pay a fee."
                programs:
                  - id: return
                    serves: { kind: return }
                    window: { from: delivered, within: 14 days, cites: W }
                    checks:
                      - id: marketplace-review
                        if: { channel: marketplace }
                        then: needs_review
                        says: Does apply only to marketplace orders.
                        cites: G
                    resolutions: { offer: [ refund ] }
                """);

        Decision decision = withSurcharge.decide(Claims.aReturn().build(), NOW);

        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(step(decision, "marketplace-review").result()).isEqualTo(StepResult.PASSED);
        assertThat(step(decision, "marketplace-review").read()).isNotEmpty();
        assertThat(decision.decisiveCitations()).extracting(Citation::id).containsExactly("W");
    }

    @Test
    void recordsNoDecisiveClausesWithoutAnExplanation() {
        Decision decision = POLICY.decide(Claims.aReturn().build(), NOW, org.openrma.decision.Detail.OUTCOME_ONLY);

        assertThat(decision.explanation()).isEmpty();
        assertThat(decision.decisiveCitations()).isEmpty();
    }
}

package org.openrma.policy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrma.testing.Policies.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.openrma.decision.Decision;
import org.openrma.decision.DeductionKind;
import org.openrma.decision.DecisionJson;
import org.openrma.decision.Outcome;
import org.openrma.decision.StepResult;
import org.openrma.policy.CompiledPolicy;
import org.openrma.testing.Claims;

/** What the customer gets back: percentages and their rounding, tables, bands, caps, flat amounts, costs and shipping. */
class RefundTests {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static Money usd(String amount) {
        return Money.parse("USD " + amount);
    }

    /** A 30-day refund program with the given deductions (YAML list items, indented for the program). */
    private static CompiledPolicy refundWith(String rounding, String deductions) {
        return policy("""
                rounding: %s
                clauses:
                  C1: "Returns are accepted within 30 days of delivery for a refund."
                  C2: "Deductions apply as stated."
                programs:
                  - id: return
                    serves: { kind: return }
                    window: { from: delivered, within: 30 days, cites: C1 }
                    resolutions: { offer: [ refund ] }
                    refund: { of: items, cites: C1 }
                    deductions:
                %s
                """.formatted(rounding, deductions.indent(6).stripTrailing()));
    }

    private static Decision decide(CompiledPolicy policy, Claims claim) {
        return policy.decide(claim.build(), NOW);
    }

    @Test
    void roundsATwentyPercentRestockingFeeOf57_99HalfUp() {
        CompiledPolicy policy = refundWith("half_up", "- { kind: restocking_fee, percent: 20, of: items, cites: C2 }");

        Decision decision = decide(policy, Claims.aReturn().orderLine("S1", "servo", "57.99", 1));

        assertThat(decision.deductions()).containsExactly(Map.entry(DeductionKind.RESTOCKING_FEE, usd("11.60")));
        assertThat(decision.refund()).isEqualTo(usd("46.39"));
    }

    @Test
    void roundsAnExactHalfCentToEvenUnderAHalfEvenPolicy() {
        // 10% x 10.05 = 1.005
        String tenPercent = "- { kind: restocking_fee, percent: 10, cites: C2 }";
        Claims claim = Claims.aReturn().orderLine("S1", "servo", "10.05", 1);

        Decision halfEven = decide(refundWith("half_even", tenPercent), claim);
        Decision halfUp = decide(refundWith("half_up", tenPercent), claim);

        assertThat(halfEven.deductions()).containsEntry(DeductionKind.RESTOCKING_FEE, usd("1.00"));
        assertThat(halfEven.refund()).isEqualTo(usd("9.05"));
        assertThat(halfUp.deductions()).containsEntry(DeductionKind.RESTOCKING_FEE, usd("1.01"));
        assertThat(halfUp.refund()).isEqualTo(usd("9.04"));
    }

    @Test
    void roundsTheSumOfLinesOnceRatherThanEachLine() {
        // 10% x 0.05 + 10% x 0.05 = 0.005 + 0.005 = 0.01; rounding each line half-even first would give 0.00
        CompiledPolicy policy = refundWith("half_even", "- { kind: restocking_fee, percent: 10, cites: C2 }");

        Decision decision = decide(policy, Claims.aReturn().orderLine("A", "clip", "0.05", 1).orderLine("B", "clip", "0.05", 1));

        assertThat(decision.deductions()).containsEntry(DeductionKind.RESTOCKING_FEE, usd("0.01"));
    }

    @Test
    void deductsByEachLinesConditionFromATable() {
        CompiledPolicy policy = refundWith("half_up", """
                - kind: depreciation
                  percent: { by: line.condition, values: { unopened: 0, opened_unused: 10, used: 25 }, default: 50 }
                  cites: C2
                """);

        Decision decision = decide(policy, Claims.aReturn()
                .orderLine("A", "servo", "100.00", 1).orderLine("B", "servo", "40.00", 1).orderLine("C", "servo", "20.00", 1)
                .claiming("A", 1, "opened_unused").claiming("B", 1, "used").claiming("C", 1, "damaged"));

        // 10.00 + 10.00 + 10.00
        assertThat(decision.deductions()).containsExactly(Map.entry(DeductionKind.DEPRECIATION, usd("30.00")));
        assertThat(decision.refund()).isEqualTo(usd("130.00"));
    }


    @Test
    void roundsWholeAndFractionalPercentsOfSeveralLinesOnceOverTheirSum() {
        // 12.5% x 0.04 + 10% x 0.05 = 0.005 + 0.005 = 0.01; rounding either share on its own, half-even, would give 0.00
        CompiledPolicy policy = refundWith("half_even", """
                - kind: depreciation
                  percent: { by: line.condition, values: { opened_unused: 12.5, used: 10 }, default: 0 }
                  cites: C2
                """);

        Decision decision = decide(policy, Claims.aReturn()
                .orderLine("A", "clip", "0.04", 1).orderLine("B", "clip", "0.05", 1)
                .claiming("A", 1, "opened_unused").claiming("B", 1, "used"));

        assertThat(decision.deductions()).containsExactly(Map.entry(DeductionKind.DEPRECIATION, usd("0.01")));
        assertThat(decision.refund()).isEqualTo(usd("0.08"));
    }

    @Test
    void takesAPercentOfAPriceWhoseMinorUnitsTimesThePercentPassALong() {
        // 99,999,999,999,999,950 cents x 99 is past a long's range; 99% of 999,999,999,999,999.50 is 989,999,999,999,999.505
        CompiledPolicy policy = refundWith("half_up", "- { kind: restocking_fee, percent: 99, cites: C2 }");

        Decision decision = decide(policy, Claims.aReturn().orderLine("S1", "servo", "999999999999999.50", 1));

        assertThat(decision.deductions()).containsExactly(Map.entry(DeductionKind.RESTOCKING_FEE, usd("989999999999999.51")));
        assertThat(decision.refund()).isEqualTo(usd("9999999999999.99"));
    }

    @Test
    void omitsADeductionThatComesToZero() {
        CompiledPolicy policy = refundWith("half_up", """
                - kind: depreciation
                  percent: { by: line.condition, values: { unopened: 0, opened_unused: 10 }, default: 50 }
                  cites: C2
                """);

        Decision decision = decide(policy, Claims.aReturn().orderLine("A", "servo", "100.00", 1).claiming("A", 1, "unopened"));

        assertThat(decision.deductions()).isEmpty();
        assertThat(decision.refund()).isEqualTo(usd("100.00"));
        assertThat(DecisionJson.toTree(decision).get("deductions").isEmpty()).isTrue();
        assertThat(decision.explanation()).anySatisfy(step -> {
            assertThat(step.rule()).isEqualTo("return.deductions[0]");
            assertThat(step.result()).isEqualTo(StepResult.NOT_APPLICABLE);
        });
    }

    private static final String BANDS = """
            - kind: restocking_fee
              percent:
                since: delivered
                bands: [ { up_to_days: 14, percent: 0 }, { up_to_days: 21, percent: 10 } ]
                beyond: 25
              cites: C2
            """;

    @Test
    void chargesNothingInTheFirstBand() {
        // delivered 03-03, day 14 = 03-17
        Decision decision = decide(refundWith("half_up", BANDS), Claims.aReturn().submittedAt("2025-03-17T20:00:00Z"));

        assertThat(decision.deductions()).isEmpty();
        assertThat(decision.refund()).isEqualTo(usd("100.00"));
    }

    @Test
    void chargesTheSecondBandFromDayFifteen() {
        Decision decision = decide(refundWith("half_up", BANDS), Claims.aReturn().submittedAt("2025-03-18T08:00:00Z"));

        assertThat(decision.deductions()).containsEntry(DeductionKind.RESTOCKING_FEE, usd("10.00"));
    }

    @Test
    void chargesTheBeyondPercentAfterTheLastBand() {
        // day 22 = 03-25
        Decision decision = decide(refundWith("half_up", BANDS), Claims.aReturn().submittedAt("2025-03-25T08:00:00Z"));

        assertThat(decision.deductions()).containsEntry(DeductionKind.RESTOCKING_FEE, usd("25.00"));
        assertThat(decision.refund()).isEqualTo(usd("75.00"));
    }

    @Test
    void capsADeductionAtItsMaximum() {
        CompiledPolicy policy = refundWith("half_up", "- { kind: restocking_fee, percent: 20, max: \"15.00\", cites: C2 }");

        Decision expensive = decide(policy, Claims.aReturn().orderLine("S1", "servo", "250.00", 1));
        Decision cheap = decide(policy, Claims.aReturn().orderLine("S1", "servo", "50.00", 1));

        assertThat(expensive.deductions()).containsEntry(DeductionKind.RESTOCKING_FEE, usd("15.00"));
        assertThat(expensive.refund()).isEqualTo(usd("235.00"));
        assertThat(cheap.deductions()).containsEntry(DeductionKind.RESTOCKING_FEE, usd("10.00"));
    }

    @Test
    void deductsAFlatAmount() {
        CompiledPolicy policy = refundWith("half_up", "- { kind: handling, amount: \"4.95\", cites: C2 }");

        Decision decision = decide(policy, Claims.aReturn());

        assertThat(decision.deductions()).containsExactly(Map.entry(DeductionKind.HANDLING, usd("4.95")));
        assertThat(decision.refund()).isEqualTo(usd("95.05"));
    }

    @Test
    void deductsAFlatAmountOnlyWhenItsConditionHolds() {
        CompiledPolicy policy = refundWith("half_up", "- { kind: handling, amount: \"4.95\", when: { reason: changed_mind }, cites: C2 }");

        assertThat(decide(policy, Claims.aReturn().reason("defective")).deductions()).isEmpty();
        assertThat(decide(policy, Claims.aReturn().reason("changed_mind")).deductions()).containsKey(DeductionKind.HANDLING);
    }

    @Test
    void neverRefundsLessThanZero() {
        CompiledPolicy policy = refundWith("half_up", "- { kind: return_label, amount: \"150.00\", cites: C2 }");

        Decision decision = decide(policy, Claims.aReturn().orderLine("S1", "servo", "100.00", 1));

        assertThat(decision.refund()).isEqualTo(usd("0.00"));
        assertThat(decision.refund().isNegative()).isFalse();
    }

    @Test
    void tellsHowAProgramChargesForAReturnLabelSoAServiceKnowsWhetherToPriceIt() {
        assertThat(refundWith("half_up", "- { kind: return_label, amount: costs.return_shipping, cites: C2 }").labelCharge("return"))
                .contains(org.openrma.policy.LabelCharge.ACTUAL_COST);
        assertThat(refundWith("half_up", "- { kind: return_label, amount: \"3.95\", cites: C2 }").labelCharge("return"))
                .contains(org.openrma.policy.LabelCharge.POLICY_AMOUNT);
        assertThat(refundWith("half_up", "- { kind: handling, amount: \"4.95\", cites: C2 }").labelCharge("return"))
                .contains(org.openrma.policy.LabelCharge.NONE);
        assertThat(refundWith("half_up", "- { kind: handling, amount: \"4.95\", cites: C2 }").labelCharge("no-such-program")).isEmpty();
    }

    @Test
    void aLabelChargedAtItsActualCostDeductsTheCostOnTheClaim() {
        CompiledPolicy policy = refundWith("half_up", "- { kind: return_label, amount: costs.return_shipping, cites: C2 }");

        Decision decision = decide(policy, Claims.aReturn().orderLine("S1", "servo", "100.00", 1).with("request.costs", Map.of("return_shipping", "7.47")));

        assertThat(decision.deductions()).containsExactly(Map.entry(DeductionKind.RETURN_LABEL, usd("7.47")));
        assertThat(decision.refund()).isEqualTo(usd("92.53"));
    }

    private static final String KEPT_GIFTS = "- { kind: free_gift, amount: kept_free_gifts, cites: C2 }";

    private static Claims servoWithFreeGift() {
        return Claims.aReturn().orderLine("S1", "servo", "100.00", 1)
                .orderLine("G1", "gift", "0.00", 1, Map.of("retail_value", "15.00", "tags", List.of("free_gift")))
                .claiming("S1", 1, "opened_unused");
    }

    @Test
    void chargesAKeptFreeGiftAtItsRetailValue() {
        Decision decision = decide(refundWith("half_up", KEPT_GIFTS), servoWithFreeGift().with("request.keeps_free_gifts", true));

        assertThat(decision.deductions()).containsExactly(Map.entry(DeductionKind.FREE_GIFT, usd("15.00")));
        assertThat(decision.refund()).isEqualTo(usd("85.00"));
    }

    @Test
    void chargesNothingWhenTheFreeGiftIsSentBack() {
        Decision decision = decide(refundWith("half_up", KEPT_GIFTS), servoWithFreeGift().with("request.keeps_free_gifts", false));

        assertThat(decision.deductions()).isEmpty();
        assertThat(decision.refund()).isEqualTo(usd("100.00"));
    }

    @Test
    void deductsCustomsFromTheClaimsCosts() {
        CompiledPolicy policy = refundWith("half_up", "- { kind: customs, amount: costs.customs, cites: C2 }");

        Decision decision = decide(policy, Claims.aReturn().with("request.costs", Map.of("customs", "7.35", "return_shipping", "12.00")));

        assertThat(decision.deductions()).containsExactly(Map.entry(DeductionKind.CUSTOMS, usd("7.35")));
        assertThat(decision.refund()).isEqualTo(usd("92.65"));
    }

    @Test
    void addsUpSeveralDeductionsOfDifferentKinds() {
        CompiledPolicy policy = refundWith("half_up", """
                - { kind: restocking_fee, percent: 15, cites: C2 }
                - { kind: handling, amount: "5.00", cites: C2 }
                - { kind: customs, amount: costs.customs, cites: C2 }
                """);

        Decision decision = decide(policy, Claims.aReturn().with("request.costs", Map.of("customs", "2.50")));

        assertThat(decision.deductions()).containsOnly(Map.entry(DeductionKind.RESTOCKING_FEE, usd("15.00")),
                Map.entry(DeductionKind.HANDLING, usd("5.00")), Map.entry(DeductionKind.CUSTOMS, usd("2.50")));
        assertThat(decision.refund()).isEqualTo(usd("77.50"));
    }

    @Test
    void refundsOnlyTheLinesThatAreNotRejected() {
        CompiledPolicy policy = policy("""
                clauses:
                  C1: "Returns are accepted within 30 days of delivery."
                  C2: "Consumables cannot be returned."
                programs:
                  - id: return
                    serves: { kind: return }
                    window: { from: delivered, within: 30 days, cites: C1 }
                    checks:
                      - { id: no-consumables, if: { tags: consumable }, then: rejected, cites: C2 }
                    resolutions: { offer: [ refund ] }
                    deductions:
                      - { kind: restocking_fee, percent: 10, cites: C1 }
                """);

        Decision decision = decide(policy, Claims.aReturn()
                .orderLine("S1", "servo", "100.00", 1).orderLine("GL", "glue", "8.00", 2, Map.of("tags", List.of("consumable")))
                .claiming("S1", 1, "opened_unused").claiming("GL", 2, "unopened"));

        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.lines()).extracting(l -> l.sku() + "=" + l.outcome()).containsExactly("S1=APPROVED", "GL=REJECTED");
        // 10% only of the kept servo line: the glue (16.00) is neither refunded nor charged for
        assertThat(decision.deductions()).containsEntry(DeductionKind.RESTOCKING_FEE, usd("10.00"));
        assertThat(decision.refund()).isEqualTo(usd("90.00"));
    }

    private static final CompiledPolicy ITEMS_AND_SHIPPING = policy("""
            clauses:
              C1: "Defective items are refunded in full, with their share of the shipping charge."
            programs:
              - id: defect
                serves: { kind: return, reason: defective }
                window: { from: delivered, within: 30 days, cites: C1 }
                resolutions: { offer: [ refund ] }
                refund: { of: items_and_shipping, cites: C1 }
            """);

    @Test
    void refundsTheShippingChargeInProportionToTheValueReturned() {
        // 60 of 100 returned: 60% of 10.00 shipping
        Decision decision = decide(ITEMS_AND_SHIPPING, Claims.aReturn().reason("defective")
                .orderLine("A", "servo", "60.00", 1).orderLine("B", "servo", "40.00", 1).claiming("A", 1, "used")
                .with("order.shipping", Map.of("method", "economy", "amount", "10.00")));

        assertThat(decision.refund()).isEqualTo(usd("66.00"));
    }

    @Test
    void roundsTheShippingShareToTheCent() {
        // 33.33 of 100.00: 3.333 -> 3.33
        Decision decision = decide(ITEMS_AND_SHIPPING, Claims.aReturn().reason("defective")
                .orderLine("A", "servo", "33.33", 1).orderLine("B", "servo", "66.67", 1).claiming("A", 1, "used")
                .with("order.shipping", Map.of("method", "economy", "amount", "10.00")));

        assertThat(decision.refund()).isEqualTo(usd("36.66"));
    }

    @Test
    void refundsTheWholeShippingChargeWhenEverythingIsReturned() {
        Decision decision = decide(ITEMS_AND_SHIPPING, Claims.aReturn().reason("defective")
                .orderLine("A", "servo", "33.33", 1).orderLine("B", "servo", "66.67", 1)
                .with("order.shipping", Map.of("method", "economy", "amount", "10.00")));

        assertThat(decision.refund()).isEqualTo(usd("110.00"));
    }

    @Test
    void countsPartOfALinesQuantityInTheShippingShare() {
        // 1 of 4 units at 25.00: 25% of 8.00
        Decision decision = decide(ITEMS_AND_SHIPPING, Claims.aReturn().reason("defective")
                .orderLine("A", "servo", "25.00", 4).claiming("A", 1, "used")
                .with("order.shipping", Map.of("method", "economy", "amount", "8.00")));

        assertThat(decision.refund()).isEqualTo(usd("27.00"));
    }

    @Test
    void refundsNothingForARejectedClaim() {
        Decision decision = decide(ITEMS_AND_SHIPPING, Claims.aReturn().reason("defective").submittedAt("2025-05-01T00:00:00Z"));

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.refund()).isEqualTo(usd("0.00"));
        assertThat(decision.deductions()).isEmpty();
    }

    @Test
    void refundsInTheOrdersCurrency() {
        CompiledPolicy policy = refundWith("half_up", "- { kind: restocking_fee, percent: 15, cites: C2 }");

        Decision decision = decide(policy, Claims.aReturn().with("order.currency", "JPY").orderLine("S1", "servo", "1001", 1));

        // 15% x 1001 = 150.15 -> 150
        assertThat(decision.deductions()).containsEntry(DeductionKind.RESTOCKING_FEE, Money.parse("JPY 150"));
        assertThat(decision.refund()).isEqualTo(Money.parse("JPY 851"));
    }

    @Test
    void roundsTheShippingShareOnlyOnce() {
        // 9.99 x 1.42 / 9.75 = 1.454953...: half-up to the cent is 1.45. Rounding first to four places
        // (1.4550) and then to the cent gives 1.46.
        Decision decision = decide(ITEMS_AND_SHIPPING, Claims.aReturn().reason("defective")
                .orderLine("A", "servo", "1.42", 1).orderLine("B", "servo", "8.33", 1).claiming("A", 1, "used")
                .with("order.shipping", Map.of("method", "economy", "amount", "9.99")));

        assertThat(decision.refund()).isEqualTo(usd("2.87"));
    }
}

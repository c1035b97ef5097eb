package org.openrma.policy.statute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrma.claim.Claim;
import org.openrma.claim.ClaimReader;
import org.openrma.claim.InvalidClaimException;
import org.openrma.decision.Decision;
import org.openrma.decision.DeductionKind;
import org.openrma.decision.Outcome;
import org.openrma.decision.Payer;
import org.openrma.decision.Resolution;
import org.openrma.policy.Diagnostic;
import org.openrma.policy.PolicyCatalog;
import org.openrma.policy.PolicyCompiler;

/**
 * The composition rule: a claim is granted if the merchant's policy or any statutory program grants
 * it, and each parameter takes the value best for the consumer. A small merchant policy (7 days, 20%
 * restocking fee) and a small pack for a fictional country ZZ (14 days, no fees, delivery refunded)
 * keep the arithmetic visible.
 */
class StatutoryCompositionTests {

    private static final String MERCHANT = """
            policy: shop
            version: "1"
            effective_from: 2020-01-01
            calendar: { time_zone: UTC, holidays: none }
            clauses:
              R1: "Returns within 7 days of delivery."
              R2: "A 20% restocking fee applies."
            programs:
              - id: return
                serves: { kind: return }
                window: { from: delivered, within: 7 days, cites: R1 }
                resolutions: { chosen_by: customer, offer: [refund] }
                refund: { of: items, cites: R1 }
                deductions: [{ kind: restocking_fee, percent: 20, of: items, cites: R2 }]
                return_shipping: [{ paid_by: customer, cites: R1 }]
            """;

    private static final String PACK = """
            policy: statute-zz
            version: "1"
            effective_from: 2020-01-01
            statute: { country: ZZ, consumers_only: true, language: en }
            calendar: { time_zone: UTC, holidays: none }
            selection: best_for_customer
            attributes:
              order.attributes.sales_channel: { type: enum, values: [distance, off_premises, in_store] }
              order.attributes.withdrawal_info: { type: enum, values: [before_contract, late, never], default: never }
              order.attributes.return_cost_info_given: { type: boolean, default: false }
              order.attributes.delivery_price_known: { type: boolean, default: false }
              line.attributes.diminished_value: { type: money }
            clauses:
              "ZZ Act s.1": { text: "A consumer may withdraw from a distance contract within 14 days of receiving the goods.", note: "test" }
              "ZZ Act s.2": { text: "The trader refunds the price and the standard delivery; the consumer pays for handling beyond testing.", note: "test" }
            programs:
              - id: withdrawal
                title: Withdrawal within 14 days
                serves: { kind: return, order.attributes.sales_channel: distance }
                window: { from: delivered, within: 14 days, cites: "ZZ Act s.1" }
                checks:
                  - { require: { order.attributes.delivery_price_known: true }, otherwise: needs_review, cites: "ZZ Act s.2" }
                resolutions: { chosen_by: customer, offer: [refund] }
                refund: { of: items_and_shipping, cites: "ZZ Act s.2" }
                deductions:
                  - { kind: diminished_value, amount: line.attributes.diminished_value, when: { facts: used_beyond_testing }, cites: "ZZ Act s.2" }
                return_shipping:
                  - { paid_by: merchant, when: { order.attributes.return_cost_info_given: false }, reimburse: receipt, cites: "ZZ Act s.2" }
                  - { paid_by: customer, cites: "ZZ Act s.2" }
                deadlines:
                  - { name: statutory_window_ends, from: delivered, within: 14 days, cites: "ZZ Act s.1" }
            """;

    @TempDir
    Path packs;

    private StatutoryDecider decider;

    @BeforeEach
    void load() throws IOException {
        Files.writeString(packs.resolve("zz.yaml"), PACK);
        PolicyCatalog merchants = PolicyCatalog.of(List.of(PolicyCompiler.compile("shop.yaml", MERCHANT).policy().orElseThrow()));
        decider = new StatutoryDecider(merchants, StatuteLibrary.load(packs));
    }

    private static Claim claim(String submitted, String extraOrder, String extraRequest, String customer) {
        return ClaimReader.read("""
                order:
                  number: "1"
                  channel: official_store
                  placed_at: "2025-03-01T10:00:00Z"
                  delivered_at: "2025-03-03T10:00:00Z"
                  currency: EUR
                  shipping: { method: expedited, amount: "20.00", cheapest_standard_amount: "5.00" }
                  customer: %s
                  sales_channel: distance
                  lines: [ { sku: "A", category: thing, unit_price: "100.00", quantity: 1 } ]
                %s
                statutory_info: { withdrawal_info_given: true, return_cost_info_given: true }
                request:
                  kind: return
                  reason: changed_mind
                  submitted_at: "%s"
                  lines: [ { sku: "A", quantity: 1, condition: opened_unused%s } ]
                """.formatted(customer, extraOrder, submitted, extraRequest));
    }

    private static Claim consumerClaim(String submitted) {
        return claim(submitted, "", "", "{ country: ZZ, is_consumer: true }");
    }

    private Decision decide(Claim c) {
        return decider.decide("shop", c, c.request().submittedAt(), Optional.of(List.of("ZZ")));
    }

    @Test
    void oneVersionTriedOnItsOwnIsComposedWithTheLawOfTheMarketsItDeclares() {
        var version = PolicyCompiler.compile("shop.yaml", MERCHANT + "markets: [ZZ]\n").policy().orElseThrow();
        Claim c = consumerClaim("2025-03-13T10:00:00Z");   // day 10

        Decision alone = version.decide(c, c.request().submittedAt());
        Decision composed = StatutoryDecider.decideByVersion(version, StatutoryTerms.of(version), decider.statutes(), c, c.request().submittedAt());

        assertThat(alone.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(composed.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(composed.legal().legalBasis()).containsEntry(Resolution.REFUND, List.of("statute:ZZ:ZZ Act s.1"));
    }

    @Test
    void theStatutoryMarketsOfAVersionAreTheDeclaredOnesThatHaveAPack() {
        var declaring = PolicyCompiler.compile("shop.yaml", MERCHANT.replace("version: \"1\"", "version: \"2\"")
                .replace("effective_from: 2020-01-01", "effective_from: 2025-01-01") + "markets: [ZZ, QQ]\n").policy().orElseThrow();
        var silent = PolicyCompiler.compile("shop.yaml", MERCHANT).policy().orElseThrow();
        StatutoryDecider both = new StatutoryDecider(PolicyCatalog.of(List.of(silent, declaring)), decider.statutes());

        assertThat(both.statutoryMarkets("shop", Instant.parse("2024-06-01T00:00:00Z"))).isEmpty();
        assertThat(both.statutoryMarkets("shop", Instant.parse("2025-06-01T00:00:00Z"))).containsExactly("ZZ");
    }

    @Test
    void theStatuteGrantsWhatTheMerchantsWindowRefusesAndSaysWhichRuleItDisplaced() {
        Decision d = decide(consumerClaim("2025-03-13T10:00:00Z"));   // day 10: past 7, inside 14

        assertThat(d.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(d.refund().getAmount()).isEqualByComparingTo("105.00");   // 100.00 + the 5.00 standard delivery, not the 20.00 paid
        assertThat(d.deductions()).isEmpty();
        assertThat(d.deadlines()).containsEntry("statutory_window_ends", LocalDate.parse("2025-03-17"))
                .containsEntry("claim_window_ends", LocalDate.parse("2025-03-10"));
        assertThat(d.legal().legalBasis()).containsEntry(Resolution.REFUND, List.of("statute:ZZ:ZZ Act s.1"));
        assertThat(d.legal().recommended()).isEqualTo("statute:ZZ:ZZ Act s.1");
        assertThat(d.legal().overrides()).singleElement().satisfies(o -> {
            assertThat(o.rule()).isEqualTo("merchant:R1 claim_window_ends");
            assertThat(o.before()).isEqualTo("rejected");
            assertThat(o.after()).isEqualTo("approved");
        });
    }

    @Test
    void whenBothGrantEachParameterTakesTheValueBestForTheConsumer() {
        Decision d = decide(consumerClaim("2025-03-06T10:00:00Z"));   // day 3: both windows open

        assertThat(d.refund().getAmount()).isEqualByComparingTo("105.00");   // merchant: 100 − 20 fee = 80
        assertThat(d.deductions()).doesNotContainKey(DeductionKind.RESTOCKING_FEE);
        assertThat(d.legal().legalBasis().get(Resolution.REFUND)).containsExactlyInAnyOrder("merchant:R1", "statute:ZZ:ZZ Act s.1");
        assertThat(d.legal().overrides()).anySatisfy(o -> {
            assertThat(o.rule()).isEqualTo("merchant:R2 restocking_fee");
            assertThat(o.before()).isEqualTo("20.00");
            assertThat(o.after()).isEqualTo("0");
        });
    }

    @Test
    void theMerchantPaysTheReturnLegWhenItNeverToldTheConsumerItWouldNot() {
        Claim c = ClaimReader.read(consumerYaml().replace("return_cost_info_given: true", "return_cost_info_given: false"));

        Decision d = decide(c);

        assertThat(d.returnShippingPaidBy()).isEqualTo(Payer.MERCHANT);
    }

    @Test
    void aMarketTheMerchantDoesNotSellToOrABusinessBuyerLeavesTheMerchantsDecisionAlone() {
        Claim consumer = consumerClaim("2025-03-13T10:00:00Z");
        Decision notAMarket = decider.decide("shop", consumer, consumer.request().submittedAt(), Optional.of(List.of("DE")));
        Claim business = claim("2025-03-13T10:00:00Z", "", "", "{ country: ZZ, is_consumer: false }");

        assertThat(notAMarket.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(notAMarket.legal()).isNull();
        assertThat(decide(business).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decide(business).legal()).isNull();
    }

    @Test
    void aDiminishedValueComesOnlyFromInspectionAndItsAbsenceGoesToReview() {
        String used = consumerYaml() + "  facts: [ used_beyond_testing ]\n";
        Claim missing = ClaimReader.read(used);
        Claim given = ClaimReader.read(used.replace("condition: opened_unused }", "condition: used, diminished_value: \"30.00\" }"));

        assertThat(decide(missing).outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        Decision d = decide(given);
        assertThat(d.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(d.deductions()).containsEntry(DeductionKind.DIMINISHED_VALUE, org.joda.money.Money.parse("EUR 30.00"));
        assertThat(d.refund().getAmount()).isEqualByComparingTo("75.00");
    }

    @Test
    void aSplitOrdersWindowStartsWhenTheLastParcelArrives() {
        String shipments = "  shipments: [ { delivered_at: \"2025-03-03T10:00:00Z\" }, { delivered_at: \"2025-03-12T10:00:00Z\" } ]";
        Claim c = claim("2025-03-24T10:00:00Z", shipments, "", "{ country: ZZ, is_consumer: true }");   // day 21 after the first, 12 after the last

        Decision d = decide(c);

        assertThat(d.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(d.deadlines()).containsEntry("statutory_window_ends", LocalDate.parse("2025-03-26"));
    }

    @Test
    void whileAParcelIsStillOnItsWayTheWithdrawalWindowHasNotStarted() {
        String shipments = "  shipments: [ { delivered_at: \"2025-03-03T10:00:00Z\" }, { skus: [A] } ]";
        Claim c = claim("2025-03-24T10:00:00Z", shipments, "", "{ country: ZZ, is_consumer: true }");

        assertThat(StatutoryView.of(c, StatutoryTerms.NONE).order().deliveredAt()).isNull();
    }

    @Test
    void theLawsInputsAreReadWithTheFieldNamedWhenTheyAreWrong() {
        String bad = consumerYaml().replace("country: ZZ", "country: Germany").replace("reason: changed_mind", "reason: changed_mind\n  chosen_remedy: money_back");

        assertThatThrownBy(() -> ClaimReader.read(bad)).isInstanceOf(InvalidClaimException.class)
                .hasMessageContaining("order.customer.country").hasMessageContaining("request.chosen_remedy");
    }

    @Test
    void theMarketLinterWarnsOnlyForDeclaredOrNamedMarkets() {
        StatuteLibrary library = StatuteLibrary.load(packs);

        List<Diagnostic> warnings = MarketLint.lint("shop.yaml", MERCHANT, List.of("ZZ"), library);

        assertThat(warnings).anySatisfy(w -> assertThat(w.message()).contains("R1").contains("7-day").contains("14-day").contains("ZZ Act s.1"));
        assertThat(warnings).anySatisfy(w -> assertThat(w.message()).contains("R2").contains("restocking fee"));
        assertThat(MarketLint.lint("shop.yaml", MERCHANT, List.of(), library)).isEmpty();
    }

    @Test
    void theConsumerReadsTheMerchantsClauseTheRightWithItsProvisionAndEveryAmountInTheirLanguage() {
        Claim c = consumerClaim("2025-03-13T10:00:00Z");
        Decision d = decide(c);

        List<String> en = ConsumerExplanation.of(d, c, java.util.Locale.ENGLISH);
        List<String> de = ConsumerExplanation.of(d, c, java.util.Locale.GERMAN);
        List<String> fr = ConsumerExplanation.of(d, c, java.util.Locale.FRENCH);

        assertThat(en).hasSize(3);
        assertThat(en.get(0)).contains("Returns within 7 days of delivery.").contains("[R1]");
        assertThat(en.get(1)).contains("ZZ Act s.1").contains("10 days after you received");
        assertThat(en.get(2)).contains("€105.00").contains("€100.00").contains("€5.00").contains("€15.00");   // 15.00 express supplement not refunded
        assertThat(de.get(1)).contains("ZZ Act s.1").contains("10 Tage nach Erhalt");
        assertThat(de.get(2)).contains("105,00").contains("zurück");
        assertThat(fr.get(2)).contains("105,00").contains("rembours");
        assertThat(ConsumerExplanation.of(decider.decide("shop", c, c.request().submittedAt(), Optional.of(List.of("DE"))), c,
                java.util.Locale.ENGLISH)).isEmpty();
    }

    private static String consumerYaml() {
        return """
                order:
                  number: "1"
                  channel: official_store
                  placed_at: "2025-03-01T10:00:00Z"
                  delivered_at: "2025-03-03T10:00:00Z"
                  currency: EUR
                  shipping: { method: expedited, amount: "20.00", cheapest_standard_amount: "5.00" }
                  customer: { country: ZZ, is_consumer: true }
                  sales_channel: distance
                  lines: [ { sku: "A", category: thing, unit_price: "100.00", quantity: 1 } ]
                statutory_info: { withdrawal_info_given: true, return_cost_info_given: true }
                request:
                  kind: return
                  reason: changed_mind
                  submitted_at: "2025-03-13T10:00:00Z"
                  lines: [ { sku: "A", quantity: 1, condition: opened_unused } ]
                """;
    }
}

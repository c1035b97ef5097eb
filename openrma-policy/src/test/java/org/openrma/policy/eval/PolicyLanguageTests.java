package org.openrma.policy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrma.testing.Policies.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openrma.decision.Decision;
import org.openrma.decision.Outcome;
import org.openrma.decision.Payer;
import org.openrma.decision.Remedy;
import org.openrma.decision.Resolution;
import org.openrma.policy.CompiledPolicy;
import org.openrma.testing.Claims;

/**
 * The language features real policies need beyond the seeds, each on the sentence that asks for it.
 * The default claim: delivered Mon 2025-03-03 (day 0), submitted 2025-03-05, one servo at 100.00.
 */
class PolicyLanguageTests {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static CompiledPolicy returns(String extra, String window) {
        return policy(extra + """
                clauses: { C1: "The clause under test." }
                programs:
                  - id: return
                    serves: { kind: return }
                    window: %s
                    resolutions: { offer: [refund] }
                    return_shipping: [{ paid_by: customer, cites: C1 }]
                """.formatted(window));
    }

    @Nested
    class CalendarDates {
        // "Items purchased between November 1 and December 24 can be returned until January 31."
        private final CompiledPolicy holiday = policy("""
                clauses: { H1: "Items purchased between November 1 and December 24 can be returned until January 31.", R1: "30 days." }
                programs:
                  - id: holiday-return
                    serves: { kind: return, order_placed: { between: ["11-01", "12-24"] } }
                    window: { later_of: [{ from: delivered, within: 30 days }, { until: 2026-01-31 }], cites: [H1, R1] }
                    resolutions: { offer: [refund] }
                    return_shipping: [{ paid_by: customer, cites: R1 }]
                  - id: return
                    serves: { kind: return, not: { order_placed: { between: ["11-01", "12-24"] } } }
                    window: { from: delivered, within: 30 days, cites: R1 }
                    resolutions: { offer: [refund] }
                    return_shipping: [{ paid_by: customer, cites: R1 }]
                """);

        @Test
        void extendsTheWindowForOrdersPlacedInTheYearlyHolidayRange() {
            Decision inside = holiday.decide(Claims.aReturn().placedAt("2025-12-24T20:00:00Z").with("order.shipped_at", "2025-12-25T12:00:00Z").deliveredAt("2025-12-27T12:00:00Z")
                    .submittedAt("2026-01-31T18:00:00Z").build(), NOW);
            Decision dayAfterRange = holiday.decide(Claims.aReturn().placedAt("2025-12-25T10:00:00Z").with("order.shipped_at", "2025-12-26T12:00:00Z").deliveredAt("2025-12-27T12:00:00Z")
                    .submittedAt("2026-01-31T18:00:00Z").build(), NOW);

            assertThat(inside.outcome()).isEqualTo(Outcome.APPROVED);
            assertThat(inside.program()).isEqualTo("holiday-return");
            assertThat(inside.deadlines()).containsEntry("claim_window_ends", LocalDate.of(2026, 1, 31));
            assertThat(dayAfterRange.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(dayAfterRange.deadlines()).containsEntry("claim_window_ends", LocalDate.of(2026, 1, 26));
        }

        @Test
        void readsMonthsAndDaysOfTheMonth() {
            CompiledPolicy late = policy("""
                    clauses: { C1: "Orders shipped in December and delivered after the 15th go to an agent." }
                    programs:
                      - id: return
                        serves: { kind: return }
                        checks: [{ id: december, if: { shipped: { months: [december] }, delivered: { day_of_month: { above: 15 } } }, then: needs_review, cites: C1 }]
                        resolutions: { offer: [refund] }
                        return_shipping: [{ paid_by: customer, cites: C1 }]
                    """);

            assertThat(late.decide(Claims.aReturn().placedAt("2025-12-01T10:00:00Z").with("order.shipped_at", "2025-12-02T10:00:00Z")
                    .deliveredAt("2025-12-16T10:00:00Z").submittedAt("2025-12-20T10:00:00Z").build(), NOW).outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
            assertThat(late.decide(Claims.aReturn().placedAt("2025-12-01T10:00:00Z").with("order.shipped_at", "2025-12-02T10:00:00Z")
                    .deliveredAt("2025-12-15T10:00:00Z").submittedAt("2025-12-20T10:00:00Z").build(), NOW).outcome()).isEqualTo(Outcome.APPROVED);
        }

        @Test
        void givesCelTheEventsAsTimestamps() {
            CompiledPolicy p = policy("""
                    clauses: { C1: "Orders placed in 2025 only." }
                    programs:
                      - id: return
                        serves: { kind: return }
                        checks: [{ id: year, require: { cel: "order.placed_at.getFullYear() == 2025 && claim.submitted_at > order.delivered_at" }, cites: C1 }]
                        resolutions: { offer: [refund] }
                        return_shipping: [{ paid_by: customer, cites: C1 }]
                    """);

            assertThat(p.decide(Claims.aReturn().build(), NOW).outcome()).isEqualTo(Outcome.APPROVED);
            assertThat(p.decide(Claims.aReturn().placedAt("2024-12-30T10:00:00Z").build(), NOW).outcome()).isEqualTo(Outcome.REJECTED);
        }
    }

    @Nested
    class Counting {
        @Test
        void countsTheDeliveryDateAsDayOneWhenThePolicySaysTheWindowBeginsThatDay() {
            // "The 30-day return period begins the day you receive your product": Mon 2025-03-03 is day 1, day 30 is 2025-04-01
            CompiledPolicy dayOne = returns("", "{ from: delivered, within: 30 days, event_day: day_1, cites: C1 }");
            CompiledPolicy dayZero = returns("", "{ from: delivered, within: 30 days, cites: C1 }");

            Decision lastDay = dayOne.decide(Claims.aReturn().submittedAt("2025-04-01T20:00:00Z").build(), NOW);
            Decision dayAfter = dayOne.decide(Claims.aReturn().submittedAt("2025-04-02T09:00:00Z").build(), NOW);

            assertThat(lastDay.outcome()).isEqualTo(Outcome.APPROVED);
            assertThat(lastDay.deadlines()).containsEntry("claim_window_ends", LocalDate.of(2025, 4, 1));
            assertThat(dayAfter.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(dayZero.decide(Claims.aReturn().submittedAt("2025-04-02T09:00:00Z").build(), NOW).outcome()).isEqualTo(Outcome.APPROVED);
            assertThat(lastDay.explanation()).anySatisfy(s -> assertThat(s.says()).contains("the event's date is day 1"));
        }

        @Test
        void countsAYearAs365DaysOrAsAnAnniversaryWithALeapDayRule() {
            // delivered on 2024-02-29: an anniversary ends 2025-02-28 (or 03-01 by the policy's rule); 365 days end 2025-02-28
            Claims leap = Claims.aReturn().placedAt("2024-02-20T10:00:00Z").with("order.shipped_at", "2024-02-21T10:00:00Z")
                    .deliveredAt("2024-02-29T10:00:00Z").submittedAt("2025-03-01T10:00:00Z");

            assertThat(returns("", "{ from: delivered, within: 1 year, cites: C1 }").decide(leap.build(), NOW).deadlines())
                    .containsEntry("claim_window_ends", LocalDate.of(2025, 2, 28));
            assertThat(returns("counting: { leap_day: mar_1 }\n", "{ from: delivered, within: 1 year, cites: C1 }").decide(leap.build(), NOW))
                    .satisfies(d -> assertThat(d.deadlines()).containsEntry("claim_window_ends", LocalDate.of(2025, 3, 1)))
                    .satisfies(d -> assertThat(d.outcome()).isEqualTo(Outcome.APPROVED));
            assertThat(returns("", "{ from: delivered, within: 1 year, years: 365_days, cites: C1 }").decide(leap.build(), NOW).deadlines())
                    .containsEntry("claim_window_ends", LocalDate.of(2025, 2, 28));
            // from an ordinary date the two differ across a leap day: 2023-03-10 + 365 days = 2024-03-09, anniversary 2024-03-10
            Claims ordinary = Claims.aReturn().placedAt("2023-03-01T10:00:00Z").with("order.shipped_at", "2023-03-02T10:00:00Z")
                    .deliveredAt("2023-03-10T10:00:00Z").submittedAt("2024-03-10T10:00:00Z");
            assertThat(returns("", "{ from: delivered, within: 1 year, years: 365_days, cites: C1 }").decide(ordinary.build(), NOW).outcome())
                    .isEqualTo(Outcome.REJECTED);
            assertThat(returns("", "{ from: delivered, within: 1 year, cites: C1 }").decide(ordinary.build(), NOW).outcome())
                    .isEqualTo(Outcome.APPROVED);
        }
    }

    @Nested
    class WindowsFromDates {
        private final CompiledPolicy manufacture = policy("""
                attributes:
                  line.attributes.manufactured_on: { type: date }
                  line.attributes.original_delivered_on: { type: date }
                clauses:
                  W1: "Without proof of purchase, the one-year warranty starts 90 days after the date of manufacture."
                  W2: "A replacement is covered for the remainder of the original warranty or 90 days, whichever is longer."
                programs:
                  - id: warranty-from-manufacture
                    serves: { kind: warranty, not: { evidence: proof_of_purchase }, line.attributes.original_delivered_on: { before: 1900-01-01 } }
                    window: { from: line.attributes.manufactured_on, offset: 90 days, within: 1 year, cites: W1 }
                    resolutions: { offer: [repair] }
                    return_shipping: [{ paid_by: merchant, cites: W1 }]
                """);

        @Test
        void startsAWindowNinetyDaysAfterTheDateOfManufacture() {
            // made 2024-01-10; +90 days = 2024-04-09; +1 year = 2025-04-09
            Claims claim = Claims.aReturn().kind("warranty").reason("defective").orderLine("S1", "servo", "100.00", 1,
                    Map.of("attributes", Map.of("manufactured_on", "2024-01-10", "original_delivered_on", "1800-01-01")));

            Decision d = manufacture.decide(claim.submittedAt("2025-04-09T10:00:00Z").build(), NOW);

            assertThat(d.outcome()).isEqualTo(Outcome.APPROVED);
            assertThat(d.deadlines()).containsEntry("claim_window_ends", LocalDate.of(2025, 4, 9));
        }

        @Test
        void coversAReplacementForTheLongerOfTheOriginalRemainderAndNinetyDays() {
            CompiledPolicy p = policy("""
                    attributes:
                      line.attributes.original_delivered_on: { type: date }
                    clauses: { W2: "A replacement is covered for the remainder of the original warranty or 90 days, whichever is longer." }
                    programs:
                      - id: replacement-warranty
                        serves: { kind: warranty }
                        window:
                          later_of:
                            - { from: line.attributes.original_delivered_on, within: 1 year }
                            - { from: delivered, within: 90 days }
                          cites: W2
                        resolutions: { offer: [replacement] }
                        return_shipping: [{ paid_by: merchant, cites: W2 }]
                    """);
            Claims replacement = Claims.aReturn().kind("warranty").reason("defective");

            Decision remainder = p.decide(replacement.orderLine("S1", "servo", "100.00", 1,
                    Map.of("attributes", Map.of("original_delivered_on", "2024-09-01"))).submittedAt("2025-08-30T10:00:00Z").build(), NOW);
            Decision ninety = p.decide(Claims.aReturn().kind("warranty").reason("defective").orderLine("S1", "servo", "100.00", 1,
                    Map.of("attributes", Map.of("original_delivered_on", "2024-03-10"))).submittedAt("2025-05-30T10:00:00Z").build(), NOW);

            assertThat(remainder.deadlines()).containsEntry("claim_window_ends", LocalDate.of(2025, 9, 1));
            assertThat(remainder.outcome()).isEqualTo(Outcome.APPROVED);
            assertThat(ninety.deadlines()).containsEntry("claim_window_ends", LocalDate.of(2025, 6, 1));
        }
    }

    @Nested
    class DeclaredAttributes {
        private final CompiledPolicy tender = policy("""
                attributes:
                  order.attributes.payment_method: { type: enum, values: [card, gift_card] }
                  request.attributes.return_channel: { type: enum, values: [mail, in_store], default: mail }
                  line.attributes.market_value: { type: money }
                clauses:
                  C1: "In-store returns are accepted within 60 days, mail returns within 30."
                  C2: "Items worth 500.00 or more are inspected by an agent."
                programs:
                  - id: return
                    serves: { kind: return }
                    window: { from: delivered, within: { by: request.attributes.return_channel, values: { in_store: 60 days }, default: 30 days }, cites: C1 }
                    checks: [{ id: valuable, if: { line.attributes.market_value: { at_least: "500.00" } }, then: needs_review, cites: C2 }]
                    resolutions: { offer: [refund] }
                    return_shipping: [{ paid_by: customer, cites: C1 }]
                """);

        private Claims worth(String marketValue) {
            return Claims.aReturn().orderLine("S1", "servo", "100.00", 1, Map.of("attributes", Map.of("market_value", marketValue)));
        }

        @Test
        void readsTypedAttributesOfTheOrderRequestAndLine() {
            Claims day45 = worth("120.00").submittedAt("2025-04-17T10:00:00Z").with("order.attributes", Map.of("payment_method", "card"));

            assertThat(tender.decide(day45.with("request.attributes", Map.of("return_channel", "in_store")).build(), NOW).outcome())
                    .isEqualTo(Outcome.APPROVED);
            assertThat(tender.decide(worth("120.00").submittedAt("2025-04-17T10:00:00Z").build(), NOW).outcome())
                    .as("the default channel is mail").isEqualTo(Outcome.REJECTED);
            assertThat(tender.decide(Claims.aReturn().build(), NOW).outcome())
                    .as("a claim without the market value the rule reads goes to review").isEqualTo(Outcome.NEEDS_REVIEW);
            assertThat(tender.decide(Claims.aReturn().orderLine("S1", "servo", "100.00", 1, Map.of("attributes", Map.of("market_value", "500.00")))
                    .build(), NOW).outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
            assertThat(tender.decide(Claims.aReturn().orderLine("S1", "servo", "100.00", 1, Map.of("attributes", Map.of("market_value", "499.99")))
                    .build(), NOW).outcome()).isEqualTo(Outcome.APPROVED);
        }
    }

    @Nested
    class OpenVocabularies {
        private final CompiledPolicy p = policy("""
                vocabulary: { reasons: [too_small], facts: [tags_removed], evidence: [receipt_scan], conditions: [new_with_tags] }
                clauses: { C1: "Unworn items with tags attached; send a scan of your receipt." }
                programs:
                  - id: return
                    serves: { kind: return, reason: [too_small, changed_mind] }
                    checks:
                      - { id: tags, require: { condition: new_with_tags, not: { facts: tags_removed } }, cites: C1 }
                    evidence: [{ all_of: [receipt_scan], cites: C1 }]
                    resolutions: { offer: [refund] }
                    return_shipping: [{ paid_by: customer, cites: C1 }]
                """);

        @Test
        void readsTheWordsThePolicyDeclaresWhereTheStandardOnesGo() {
            Claims tooSmall = Claims.aReturn().reason("too_small").orderLine("S1", "shirt", "40.00", 1).claiming("S1", 1, "new_with_tags");

            Decision noScan = p.decide(tooSmall.build(), NOW);
            Decision withScan = p.decide(Claims.aReturn().reason("too_small").orderLine("S1", "shirt", "40.00", 1).claiming("S1", 1, "new_with_tags")
                    .with("request.evidence", List.of("receipt_scan")).build(), NOW);
            Decision tagsRemoved = p.decide(Claims.aReturn().reason("too_small").orderLine("S1", "shirt", "40.00", 1).claiming("S1", 1, "new_with_tags")
                    .with("request.evidence", List.of("receipt_scan")).with("request.facts", List.of("tags_removed")).build(), NOW);

            assertThat(noScan.outcome()).isEqualTo(Outcome.NEEDS_EVIDENCE);
            assertThat(noScan.missingEvidence()).containsExactly("receipt_scan");
            assertThat(withScan.outcome()).isEqualTo(Outcome.APPROVED);
            assertThat(tagsRemoved.outcome()).isEqualTo(Outcome.REJECTED);
        }
    }

    @Nested
    class History {
        private final CompiledPolicy mattress = policy("""
                clauses:
                  M1: "One exchange per mattress."
                  M2: "No more than 3 returns in 90 days."
                programs:
                  - id: return
                    serves: { kind: return }
                    checks:
                      - { id: one-exchange, if: { preferred_resolution: exchange, history: { resolution: exchange, same: sku, at_least: 1 } }, then: rejected, cites: M1 }
                      - { id: fair-use, if: { history: { kind: return, within: 90 days, at_least: 3 } }, then: needs_review, cites: M2 }
                    resolutions: { offer: [refund, exchange] }
                    return_shipping: [{ paid_by: customer, cites: M1 }]
                """);

        private Claims withHistory(List<Map<String, Object>> history) {
            return Claims.aReturn().with("order.customer", Map.of("id", "C-1", "history", history));
        }

        @Test
        void refusesASecondExchangeOfTheSameItem() {
            Map<String, Object> exchanged = Map.of("kind", "return", "submitted_at", "2025-01-10T10:00:00Z", "resolution", "exchange", "sku", "S1");
            Map<String, Object> otherItem = Map.of("kind", "return", "submitted_at", "2025-01-10T10:00:00Z", "resolution", "exchange", "sku", "S9");

            assertThat(mattress.decide(withHistory(List.of(exchanged)).with("request.preferred_resolution", "exchange").build(), NOW).outcome())
                    .isEqualTo(Outcome.REJECTED);
            assertThat(mattress.decide(withHistory(List.of(otherItem)).with("request.preferred_resolution", "exchange").build(), NOW).outcome())
                    .isEqualTo(Outcome.APPROVED);
        }

        @Test
        void countsReturnsInTheLastNinetyDays() {
            Map<String, Object> recent = Map.of("kind", "return", "submitted_at", "2025-02-01T10:00:00Z");
            Map<String, Object> old = Map.of("kind", "return", "submitted_at", "2024-11-01T10:00:00Z");

            Decision three = mattress.decide(withHistory(List.of(recent, recent, recent)).build(), NOW);
            Decision twoRecent = mattress.decide(withHistory(List.of(recent, recent, old)).build(), NOW);

            assertThat(three.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
            assertThat(three.explanation()).anySatisfy(s -> assertThat(s.read()).containsEntry("history", "3 earlier return claims within 90 days"));
            assertThat(twoRecent.outcome()).isEqualTo(Outcome.APPROVED);
        }
    }

    @Nested
    class SectionsAndComponents {
        @Test
        void appliesASectionOnlyInItsCountries() {
            CompiledPolicy p = policy("""
                    attributes:
                      order.attributes.country: { type: enum, values: [US, DE, FR] }
                    clauses: { US1: "In the US, 1 year.", EU1: "In the EU, 2 years." }
                    sections:
                      - id: eu
                        when: { order.attributes.country: [DE, FR] }
                        programs:
                          - { id: eu-warranty, serves: { kind: warranty }, window: { from: delivered, within: 2 years, cites: EU1 },
                              resolutions: { offer: [repair] }, return_shipping: [{ paid_by: merchant, cites: EU1 }] }
                      - id: us
                        when: { order.attributes.country: US }
                        programs:
                          - { id: us-warranty, serves: { kind: warranty }, window: { from: delivered, within: 1 year, cites: US1 },
                              resolutions: { offer: [repair] }, return_shipping: [{ paid_by: customer, cites: US1 }] }
                    """);
            Claims month18 = Claims.aReturn().kind("warranty").reason("defective").submittedAt("2026-09-03T10:00:00Z");

            Decision germany = p.decide(month18.with("order.attributes", Map.of("country", "DE")).build(), NOW);
            Decision us = p.decide(Claims.aReturn().kind("warranty").reason("defective").submittedAt("2026-09-03T10:00:00Z")
                    .with("order.attributes", Map.of("country", "US")).build(), NOW);

            assertThat(germany.outcome()).isEqualTo(Outcome.APPROVED);
            assertThat(germany.program()).isEqualTo("eu-warranty");
            assertThat(us.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(us.program()).isEqualTo("us-warranty");
        }

        @Test
        void listsEachCoverageComponentWithItsWindowAndWhetherItIsFree() {
            CompiledPolicy p = policy("""
                    clauses: { W1: "Parts are covered for 5 years, labour for 1 year." }
                    programs:
                      - id: warranty
                        serves: { kind: warranty }
                        window: { from: delivered, within: 5 years, cites: W1 }
                        components:
                          - { id: parts, window: { from: delivered, within: 5 years }, cites: W1 }
                          - { id: labour, window: { from: delivered, within: 1 year }, cites: W1 }
                        resolutions: { offer: [repair] }
                        return_shipping: [{ paid_by: merchant, cites: W1 }]
                    """);

            Decision year2 = p.decide(Claims.aReturn().kind("warranty").reason("defective").submittedAt("2026-06-01T10:00:00Z").build(), NOW);

            assertThat(year2.outcome()).isEqualTo(Outcome.APPROVED);
            assertThat(year2.deadlines()).containsEntry("parts_covered_until", LocalDate.of(2030, 3, 3))
                    .containsEntry("labour_covered_until", LocalDate.of(2026, 3, 3));
            assertThat(year2.explanation()).anySatisfy(s -> assertThat(s.says()).isEqualTo("Labour: no longer covered, charged to the customer (covered until 2026-03-03)."))
                    .anySatisfy(s -> assertThat(s.says()).startsWith("Parts: covered, free of charge"));
        }
    }

    @Nested
    class Money {
        @Test
        void valuesStoreCreditWithItsBonusAndAPartialRefundAsAMaximumAnAgentSets() {
            CompiledPolicy p = policy("""
                    clauses: { C1: "Refund, or store credit with 10% more.", C2: "Damaged: up to 50%, at our discretion." }
                    programs:
                      - id: return
                        serves: { kind: return }
                        resolutions:
                          offer:
                            - refund
                            - { resolution: store_credit, bonus_percent: 10, cites: C1 }
                            - { resolution: partial_refund, up_to_percent: 50, when: { condition: damaged }, cites: C2 }
                        return_shipping: [{ paid_by: customer, cites: C1 }]
                    """);

            Decision opened = p.decide(Claims.aReturn().build(), NOW);
            Decision damaged = p.decide(Claims.aReturn().orderLine("S1", "servo", "100.00", 1).claiming("S1", 1, "damaged").build(), NOW);

            assertThat(opened.remedies()).extracting(Remedy::resolution, r -> r.value().getAmount().toPlainString(), Remedy::setByAgent)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Resolution.REFUND, "100.00", false),
                            org.assertj.core.groups.Tuple.tuple(Resolution.STORE_CREDIT, "110.00", false));
            assertThat(damaged.remedies()).filteredOn(r -> r.resolution() == Resolution.PARTIAL_REFUND).singleElement()
                    .satisfies(r -> {
                        assertThat(r.value().getAmount().toPlainString()).isEqualTo("50.00");
                        assertThat(r.setByAgent()).isTrue();
                    });
        }

        @Test
        void chargesAnExchangeFeeWithoutRefundingAnything() {
            CompiledPolicy p = policy("""
                    clauses: { C1: "A $49 exchange fee applies to each mattress exchanged." }
                    programs:
                      - id: exchange
                        serves: { kind: return }
                        resolutions: { offer: [{ resolution: exchange, cites: C1 }] }
                        deductions: [{ kind: handling, amount: "49.00", per: unit, cites: C1 }]
                        return_shipping: [{ paid_by: customer, cites: C1 }]
                    """);

            Decision d = p.decide(Claims.aReturn().orderLine("M1", "mattress", "899.00", 1).claiming("M1", 1, "used").build(), NOW);

            assertThat(d.refund().isZero()).isTrue();
            assertThat(d.deductions()).containsEntry(org.openrma.decision.DeductionKind.HANDLING, org.joda.money.Money.parse("USD 49.00"));
            assertThat(d.remedies()).singleElement().satisfies(r -> assertThat(r.value().getAmount().toPlainString()).isEqualTo("850.00"));
            assertThat(d.summary()).contains("Charged: 49.00 handling");
        }

        @Test
        void chargesAFlatFeePerUnitAndWaivesItWhereThePolicySays() {
            CompiledPolicy p = policy("""
                    attributes:
                      order.attributes.region: { type: text }
                    clauses: { C1: "A 45.00 fee per phone, except in Quebec." }
                    programs:
                      - id: return
                        serves: { kind: return }
                        resolutions: { offer: [refund] }
                        deductions:
                          - { kind: restocking_fee, amount: "45.00", per: unit, unless: { order.attributes.region: QC }, cites: C1 }
                        return_shipping: [{ paid_by: customer, cites: C1 }]
                    """);
            Claims threePhones = Claims.aReturn().orderLine("P1", "phone", "300.00", 3).claiming("P1", 3, "unopened");

            Decision ontario = p.decide(threePhones.with("order.attributes", Map.of("region", "ON")).build(), NOW);
            Decision quebec = p.decide(Claims.aReturn().orderLine("P1", "phone", "300.00", 3).claiming("P1", 3, "unopened")
                    .with("order.attributes", Map.of("region", "QC")).build(), NOW);

            assertThat(ontario.refund().getAmount().toPlainString()).isEqualTo("765.00");
            assertThat(quebec.refund().getAmount().toPlainString()).isEqualTo("900.00");
            assertThat(quebec.deductions()).isEmpty();
        }
    }

    @Nested
    class PartialRefundMatrix {
        // "Opened: 10% off within 14 days of delivery, 25% after; measured when the parcel reaches us."
        private final CompiledPolicy p = policy("""
                clauses: { C1: "Opened items: 10% within 14 days of delivery, 25% after, counted to the day the return reaches us." }
                programs:
                  - id: return
                    serves: { kind: return }
                    resolutions: { offer: [refund] }
                    deductions:
                      - kind: depreciation
                        when: { condition: opened_unused }
                        percent: { since: delivered, until: received, bands: [{ up_to_days: 14, percent: 10 }], beyond: 25 }
                        of: items
                        cites: C1
                    return_shipping: [{ paid_by: customer, cites: C1 }]
                """);

        @Test
        void measuresTheElapsedTimeToTheArrivalOfTheReturn() {
            Decision day14 = p.decide(Claims.aReturn().with("request.inspection", Map.of("received_at", "2025-03-17T10:00:00Z")).build(), NOW);
            Decision day15 = p.decide(Claims.aReturn().with("request.inspection", Map.of("received_at", "2025-03-18T10:00:00Z")).build(), NOW);
            Decision notArrived = p.decide(Claims.aReturn().build(), NOW);

            assertThat(day14.refund().getAmount().toPlainString()).isEqualTo("90.00");
            assertThat(day15.refund().getAmount().toPlainString()).isEqualTo("75.00");
            assertThat(notArrived.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        }
    }

    @Nested
    class AmountsFromClaimData {
        private final CompiledPolicy p = policy("""
                attributes:
                  line.attributes.lowest_price: { type: money }
                  line.attributes.bundle_discount: { type: money, default: "0.00" }
                clauses:
                  C1: "We refund the lowest price the item sold for in the last 30 days."
                  C2: "If one item of a bundle comes back, the bundle discount is deducted."
                programs:
                  - id: return
                    serves: { kind: return }
                    resolutions: { offer: [refund] }
                    refund: { of: line.attributes.lowest_price, cites: C1 }
                    deductions:
                      - { kind: bundle_discount, amount: line.attributes.bundle_discount, when: { tags: bundle, cel: "claim.lines < order.lines" }, cites: C2 }
                    return_shipping: [{ paid_by: customer, cites: C1 }]
                """);

        @Test
        void refundsTheLowestRecentPriceButNeverMoreThanWasPaid() {
            Decision lower = p.decide(Claims.aReturn().orderLine("S1", "servo", "100.00", 1, Map.of("attributes", Map.of("lowest_price", "89.50")))
                    .build(), NOW);
            Decision higher = p.decide(Claims.aReturn().orderLine("S1", "servo", "100.00", 1, Map.of("attributes", Map.of("lowest_price", "120.00")))
                    .build(), NOW);

            assertThat(lower.refund().getAmount().toPlainString()).isEqualTo("89.50");
            assertThat(higher.refund().getAmount().toPlainString()).isEqualTo("100.00");
            assertThat(p.decide(Claims.aReturn().build(), NOW).outcome()).as("no lowest price on the claim").isEqualTo(Outcome.NEEDS_REVIEW);
        }

        @Test
        void takesBackTheBundleDiscountWhenOnlyPartOfTheBundleReturns() {
            Map<String, Object> a = Map.of("tags", List.of("bundle"), "attributes", Map.of("lowest_price", "60.00", "bundle_discount", "10.00"));
            Map<String, Object> b = Map.of("tags", List.of("bundle"), "attributes", Map.of("lowest_price", "40.00", "bundle_discount", "5.00"));

            Decision oneOfTwo = p.decide(Claims.aReturn().orderLine("A", "cam", "60.00", 1, a).orderLine("B", "lens", "40.00", 1, b)
                    .claiming("A", 1, "unopened").build(), NOW);
            Decision both = p.decide(Claims.aReturn().orderLine("A", "cam", "60.00", 1, a).orderLine("B", "lens", "40.00", 1, b)
                    .claiming("A", 1, "unopened").claiming("B", 1, "unopened").build(), NOW);

            assertThat(oneOfTwo.refund().getAmount().toPlainString()).isEqualTo("50.00");
            assertThat(oneOfTwo.deductions()).containsKey(org.openrma.decision.DeductionKind.BUNDLE_DISCOUNT);
            assertThat(both.refund().getAmount().toPlainString()).isEqualTo("100.00");
        }
    }

    @Nested
    class NoInventedAnswers {
        @Test
        void leavesTheReturnShippingPayerUndeterminedWhenNoRuleSays() {
            CompiledPolicy p = policy("""
                    clauses: { C1: "Defective items are refunded." }
                    programs:
                      - id: return
                        serves: { kind: return }
                        resolutions: { offer: [refund] }
                        return_shipping: [{ paid_by: merchant, when: { reason: defective }, cites: C1 }]
                    """);

            Decision d = p.decide(Claims.aReturn().build(), NOW);

            assertThat(d.returnShippingPaidBy()).isEqualTo(Payer.UNDETERMINED);
            assertThat(d.summary()).contains("left to an agent").doesNotContain("paid by the customer");
            assertThat(p.warnings()).anySatisfy(w -> assertThat(w.message()).contains("undetermined"));
        }

        @Test
        void warnsAboutAProgramThatNeverSaysWhoPaysReturnShipping() {
            CompiledPolicy silent = policy("""
                    clauses: { C1: "Returns are refunded.", C2: "Orders can be cancelled before they ship." }
                    programs:
                      - { id: return, serves: { kind: return }, resolutions: { offer: [{ resolution: refund, cites: C1 }] } }
                      - { id: cancel, serves: { kind: cancellation }, resolutions: { offer: [{ resolution: refund, cites: C2 }] } }
                    """);

            assertThat(silent.warnings()).extracting(w -> w.message()).anySatisfy(m -> assertThat(m).contains("program 'return' says nothing"))
                    .noneSatisfy(m -> assertThat(m).contains("program 'cancel'"));
            assertThat(silent.decide(Claims.aReturn().build(), NOW).returnShippingPaidBy()).isEqualTo(Payer.UNDETERMINED);
            assertThat(silent.decide(Claims.aReturn().kind("cancellation").build(), NOW).returnShippingPaidBy()).isNull();
        }

        @Test
        void listsEveryAlternativeOfAOneOfAsMissing() {
            CompiledPolicy p = policy("""
                    clauses: { C1: "Send a photo or a video." }
                    programs:
                      - id: return
                        serves: { kind: return }
                        evidence: [{ one_of: [photo, video], cites: C1 }]
                        resolutions: { offer: [refund] }
                        return_shipping: [{ paid_by: customer, cites: C1 }]
                    """);

            Decision d = p.decide(Claims.aReturn().with("request.evidence", List.of()).build(), NOW);

            assertThat(d.outcome()).isEqualTo(Outcome.NEEDS_EVIDENCE);
            assertThat(d.missingEvidence()).containsExactly("photo", "video");
        }

        @Test
        void listsEveryDeadlineThatFailedAndNeverNamesRulesInProse() {
            CompiledPolicy p = policy("""
                    clauses: { C1: "Claim within 7 days and ship within 3 days of the RMA." }
                    programs:
                      - id: return
                        serves: { kind: return }
                        window: { from: delivered, within: 7 days, cites: C1 }
                        resolutions: { offer: [refund] }
                        return_shipping: [{ paid_by: customer, cites: C1 }]
                        deadlines: [{ name: ship_back_by, from: rma_issued, within: 3 days, bounds: shipped_back, cites: C1 }]
                    """);

            Decision d = p.decide(Claims.aReturn().submittedAt("2025-03-12T10:00:00Z").with("request.shipped_back_at", "2025-03-20T10:00:00Z").build(), NOW);

            assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(d.deadlines()).containsEntry("claim_window_ends", LocalDate.of(2025, 3, 10)).containsEntry("ship_back_by", LocalDate.of(2025, 3, 15));
            assertThat(d.summary()).contains("outside the time limit").contains("outside the ship back deadline")
                    .doesNotContain("claim_window_ends").doesNotContain("ship_back_by");
        }

        @Test
        void explainsTheRefusalOfTheProgramTheClaimWasMeantFor() {
            CompiledPolicy p = policy("""
                    selection: preference_order
                    clauses: { D1: "Dead on arrival: 7 days.", R1: "Returns: 14 days." }
                    programs:
                      - { id: doa, serves: { reason: dead_on_arrival }, window: { from: delivered, within: 7 days, cites: D1 } }
                      - { id: return, serves: { kind: return }, window: { from: delivered, within: 14 days, cites: R1 } }
                    """);

            Decision d = p.decide(Claims.aReturn().reason("dead_on_arrival").submittedAt("2025-03-20T10:00:00Z").build(), NOW);

            assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(d.program()).isEqualTo("return");
            assertThat(d.programs()).extracting(v -> v.program(), v -> v.outcome()).contains(
                    org.assertj.core.groups.Tuple.tuple("doa", Outcome.REJECTED), org.assertj.core.groups.Tuple.tuple("return", Outcome.REJECTED));
            assertThat(d.programs()).allSatisfy(v -> assertThat(v.says()).contains("outside the time limit"));
        }

        @Test
        void sendsEveryMissedConditionToReviewWhenTheProgramHandlesTheRestCaseByCase() {
            CompiledPolicy p = policy("""
                    clauses: { C1: "Returns within 30 days.", C2: "Requests outside these conditions are handled case by case." }
                    programs:
                      - id: return
                        serves: { kind: return }
                        window: { from: delivered, within: 30 days, cites: C1 }
                        when_rejected: { outcome: needs_review, cites: C2 }
                        resolutions: { offer: [refund] }
                        return_shipping: [{ paid_by: customer, cites: C1 }]
                    """);

            Decision d = p.decide(Claims.aReturn().submittedAt("2025-04-10T10:00:00Z").build(), NOW);

            assertThat(d.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
            assertThat(d.citations()).extracting(c -> c.id()).contains("C2");
        }
    }
}

package org.openrma.policy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrma.testing.Policies.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrma.decision.Decision;
import org.openrma.decision.Outcome;
import org.openrma.policy.CompiledPolicy;
import org.openrma.testing.Claims;

/** How long a customer has: day counting, hours, time zones, month ends, business days and window tables. */
class ClaimWindowTests {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static final CompiledPolicy SEVEN_DAYS = policy("""
            clauses:
              C1: "Returns are accepted within 7 days of delivery."
            programs:
              - id: return
                serves: { kind: return }
                window: { from: delivered, within: 7 days, cites: C1 }
                resolutions: { offer: [ refund ] }
            """);

    private static Decision decide(CompiledPolicy policy, Claims claim) {
        return policy.decide(claim.build(), NOW);
    }

    @Test
    void approvesAReturnOnTheSeventhDay() {
        // delivered Mon 03-10 12:00 (day 0); Mon 03-17 23:59 is day 7
        Decision decision = decide(SEVEN_DAYS, Claims.aReturn().deliveredAt("2025-03-10T12:00:00Z").submittedAt("2025-03-17T23:59:00Z"));

        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.deadlines()).containsEntry("claim_window_ends", LocalDate.of(2025, 3, 17));
    }

    @Test
    void rejectsReturnOneDayAfterWindowCloses() {
        // day 8 starts at 03-18 00:00 UTC
        Decision decision = decide(SEVEN_DAYS, Claims.aReturn().deliveredAt("2025-03-10T12:00:00Z").submittedAt("2025-03-18T00:00:00Z"));

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.lines()).singleElement().satisfies(l -> assertThat(l.reasons()).anyMatch(r -> r.contains("last day 2025-03-17")));
    }

    @Test
    void countsDaysByDateNotBy24HourPeriods() {
        // delivered 03-10 at 23:59; 03-17 at 00:01 is less than 7x24h later but still day 7, 03-18 00:00 is day 8
        Claims late = Claims.aReturn().deliveredAt("2025-03-10T23:59:00Z");

        assertThat(decide(SEVEN_DAYS, late.submittedAt("2025-03-17T23:59:59Z")).outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decide(SEVEN_DAYS, late.submittedAt("2025-03-18T00:00:01Z")).outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void sendsAClaimToReviewWhenTheEventTheWindowCountsFromHasNotHappened() {
        Decision decision = decide(SEVEN_DAYS, Claims.aReturn().deliveredAt(null));

        assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(decision.deadlines()).doesNotContainKey("claim_window_ends");
    }

    // ---------------------------------------------------------------- hours

    private static final CompiledPolicy THREE_HOURS = policy("""
            clauses:
              C1: "Orders can be cancelled within 3 hours of purchase."
            programs:
              - id: cancellation
                serves: { kind: cancellation }
                window: { from: order_placed, within: 3 hours, cites: C1 }
                resolutions: { offer: [ refund ] }
                refund: { of: items_and_shipping }
            """);

    private static Claims cancellationPlacedAt(String placed) {
        return Claims.aReturn().kind("cancellation").placedAt(placed).with("order.shipped_at", null).deliveredAt(null);
    }

    @Test
    void acceptsACancellationTwoHoursFiftyNineMinutesAfterPurchase() {
        Decision decision = decide(THREE_HOURS, cancellationPlacedAt("2025-03-01T22:30:00Z").submittedAt("2025-03-02T01:29:00Z"));

        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
    }

    @Test
    void acceptsACancellationAtExactlyThreeHours() {
        Decision decision = decide(THREE_HOURS, cancellationPlacedAt("2025-03-01T22:30:00Z").submittedAt("2025-03-02T01:30:00Z"));

        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
    }

    @Test
    void rejectsACancellationThreeHoursOneMinuteAfterPurchase() {
        Decision decision = decide(THREE_HOURS, cancellationPlacedAt("2025-03-01T22:30:00Z").submittedAt("2025-03-02T01:31:00Z"));

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
    }

    // ---------------------------------------------------------------- time zones

    private static final CompiledPolicy SEVEN_DAYS_IN_TOKYO = policy("""
            calendar: { time_zone: Asia/Tokyo }
            clauses:
              C1: "Returns are accepted within 7 days of delivery."
            programs:
              - id: return
                serves: { kind: return }
                window: { from: delivered, within: 7 days, cites: C1 }
                resolutions: { offer: [ refund ] }
            """);

    @Test
    void countsDayZeroFromTheDeliveryDateInThePolicysTimeZone() {
        // delivered 03-10 23:30 UTC = 03-11 08:30 JST (day 0); last day 03-18 JST, which ends 03-18 14:59:59 UTC
        Claims lateDelivery = Claims.aReturn().deliveredAt("2025-03-10T23:30:00Z");

        Decision inTokyo = decide(SEVEN_DAYS_IN_TOKYO, lateDelivery.submittedAt("2025-03-18T14:30:00Z"));
        Decision inUtc = decide(SEVEN_DAYS, lateDelivery.submittedAt("2025-03-18T14:30:00Z"));

        assertThat(inTokyo.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(inTokyo.deadlines()).containsEntry("claim_window_ends", LocalDate.of(2025, 3, 18));
        assertThat(inUtc.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(inUtc.deadlines()).containsEntry("claim_window_ends", LocalDate.of(2025, 3, 17));
    }

    @Test
    void rejectsAClaimSubmittedJustAfterLocalMidnightOnDayEight() {
        // 03-18 15:00:30 UTC is 03-19 00:00:30 JST: day 8 in Tokyo
        Decision decision = decide(SEVEN_DAYS_IN_TOKYO, Claims.aReturn().deliveredAt("2025-03-10T23:30:00Z").submittedAt("2025-03-18T15:00:30Z"));

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void acceptsAClaimSubmittedJustBeforeLocalMidnightOnDaySeven() {
        Decision decision = decide(SEVEN_DAYS_IN_TOKYO, Claims.aReturn().deliveredAt("2025-03-10T23:30:00Z").submittedAt("2025-03-18T14:59:59Z"));

        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
    }

    // ---------------------------------------------------------------- months and years

    private static final CompiledPolicy ONE_MONTH = policy("""
            clauses:
              C1: "Returns are accepted within one month of delivery."
            programs:
              - id: return
                serves: { kind: return }
                window: { from: delivered, within: 1 month, cites: C1 }
                resolutions: { offer: [ refund ] }
            """);

    @Test
    void endsAMonthFromJanuary31OnFebruary28() {
        Claims delivered = Claims.aReturn().placedAt("2025-01-20T10:00:00Z").with("order.shipped_at", "2025-01-21T10:00:00Z")
                .deliveredAt("2025-01-31T10:00:00Z");

        Decision lastDay = decide(ONE_MONTH, delivered.submittedAt("2025-02-28T20:00:00Z"));
        Decision dayAfter = decide(ONE_MONTH, delivered.submittedAt("2025-03-01T08:00:00Z"));

        assertThat(lastDay.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(lastDay.deadlines()).containsEntry("claim_window_ends", LocalDate.of(2025, 2, 28));
        assertThat(dayAfter.outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void endsAMonthFromJanuary31OnFebruary29InALeapYear() {
        Claims delivered = Claims.aReturn().placedAt("2024-01-20T10:00:00Z").with("order.shipped_at", "2024-01-21T10:00:00Z")
                .deliveredAt("2024-01-31T10:00:00Z");

        Decision leapDay = decide(ONE_MONTH, delivered.submittedAt("2024-02-29T20:00:00Z"));

        assertThat(leapDay.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(leapDay.deadlines()).containsEntry("claim_window_ends", LocalDate.of(2024, 2, 29));
        assertThat(decide(ONE_MONTH, delivered.submittedAt("2024-03-01T00:00:00Z")).outcome()).isEqualTo(Outcome.REJECTED);
    }

    private static final CompiledPolicy ONE_YEAR_WARRANTY = policy("""
            clauses:
              C1: "Products carry a one-year warranty from delivery."
            programs:
              - id: warranty
                serves: { kind: warranty }
                window: { from: delivered, within: 1 year, cites: C1 }
                resolutions: { offer: [ repair ] }
            """);

    @Test
    void endsAYearFromLeapDayOnFebruary28() {
        Claims leapDelivery = Claims.aReturn().kind("warranty").reason("defective").placedAt("2024-02-20T10:00:00Z")
                .with("order.shipped_at", "2024-02-21T10:00:00Z").deliveredAt("2024-02-29T10:00:00Z");

        Decision lastDay = decide(ONE_YEAR_WARRANTY, leapDelivery.submittedAt("2025-02-28T23:00:00Z"));
        Decision dayAfter = decide(ONE_YEAR_WARRANTY, leapDelivery.submittedAt("2025-03-01T01:00:00Z"));

        assertThat(lastDay.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(lastDay.deadlines()).containsEntry("claim_window_ends", LocalDate.of(2025, 2, 28));
        assertThat(dayAfter.outcome()).isEqualTo(Outcome.REJECTED);
    }

    // ---------------------------------------------------------------- business days

    private static CompiledPolicy fiveBusinessDaysWithHolidays(String region) {
        return policy("""
                calendar: { time_zone: UTC, holidays: %s }
                clauses:
                  C1: "Report transit damage within 5 business days of delivery."
                programs:
                  - id: transit-damage
                    serves: { kind: return }
                    window: { from: delivered, within: 5 business days, cites: C1 }
                    resolutions: { offer: [ replacement ] }
                """.formatted(region));
    }

    private static Claims deliveredMondayBeforeChristmas() {
        return Claims.aReturn().reason("damaged_in_transit").placedAt("2025-12-15T10:00:00Z").with("order.shipped_at", "2025-12-16T10:00:00Z")
                .deliveredAt("2025-12-22T10:00:00Z");
    }

    @Test
    void skipsTheWeekendAndUsChristmasWhenCountingBusinessDays() {
        // Mon 12-22 day 0: Tue 23, Wed 24, (Thu 25 holiday), Fri 26, (weekend), Mon 29, Tue 30 = 5th business day
        CompiledPolicy us = fiveBusinessDaysWithHolidays("US");

        Decision lastDay = decide(us, deliveredMondayBeforeChristmas().submittedAt("2025-12-30T18:00:00Z"));
        Decision dayAfter = decide(us, deliveredMondayBeforeChristmas().submittedAt("2025-12-31T09:00:00Z"));

        assertThat(lastDay.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(lastDay.deadlines()).containsEntry("claim_window_ends", LocalDate.of(2025, 12, 30));
        assertThat(dayAfter.outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void skipsBothGermanChristmasHolidays() {
        // DE: 25 and 26 are holidays, so the 5th business day is Wed 12-31
        Decision decision = decide(fiveBusinessDaysWithHolidays("DE"), deliveredMondayBeforeChristmas().submittedAt("2025-12-31T09:00:00Z"));

        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.deadlines()).containsEntry("claim_window_ends", LocalDate.of(2025, 12, 31));
    }

    @Test
    void skipsOnlyWeekendsWithoutAHolidayCalendar() {
        Decision decision = decide(fiveBusinessDaysWithHolidays("none"), deliveredMondayBeforeChristmas().submittedAt("2025-12-30T09:00:00Z"));

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.deadlines()).containsEntry("claim_window_ends", LocalDate.of(2025, 12, 29));
    }

    // ---------------------------------------------------------------- ranges, SLAs

    private static final CompiledPolicy PROCESSING = policy("""
            clauses:
              C1: "Returns are accepted within 30 days of delivery."
              C2: "Allow 3-5 business days for processing upon receipt of your returned items."
            programs:
              - id: return
                serves: { kind: return }
                window: { from: delivered, within: 30 days, cites: C1 }
                resolutions: { offer: [ refund ] }
                deadlines:
                  - { name: processing_by, from: received, within: 3-5 business days, cites: C2 }
            """);

    @Test
    void givesBothEndsOfAProcessingRangeInBusinessDays() {
        // received Fri 03-07 (day 0): 3rd business day Wed 03-12, 5th Fri 03-14
        Decision decision = decide(PROCESSING, Claims.aReturn()
                .with("request.inspection", Map.of("finding", "no_fault_found", "received_at", "2025-03-07T15:00:00Z")));

        assertThat(decision.deadlines())
                .containsEntry("processing_by", LocalDate.of(2025, 3, 14))
                .containsEntry("processing_by_earliest", LocalDate.of(2025, 3, 12));
    }

    @Test
    void leavesAProcessingDeadlineOutUntilTheItemIsReceived() {
        Decision decision = decide(PROCESSING, Claims.aReturn());

        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.deadlines()).doesNotContainKeys("processing_by", "processing_by_earliest");
    }

    @Test
    void takesTheFirstDeadlineOfEachNameThatAppliesHoweverManyThePolicyHas() {
        // each name twice: the first only for some conditions. 3 names, and 40 (80 deadlines: past the 64 the evaluator
        // tells apart by bits, where it keeps the names instead)
        for (int names : new int[] {3, 40}) {
            StringBuilder deadlines = new StringBuilder();
            for (int i = 0; i < names; i++) {
                String firstWhen = i % 3 == 0 ? "opened_unused" : "damaged";      // the claim's condition is opened_unused
                deadlines.append("          - { name: step_").append(i).append("_by, from: delivered, within: 10 days, when: { condition: ")
                        .append(firstWhen).append(" }, cites: C1 }\n");
                deadlines.append("          - { name: step_").append(i).append("_by, from: delivered, within: ").append(20 + i % 5)
                        .append(" days, cites: C1 }\n");
            }
            CompiledPolicy manyDeadlines = policy("""
                    clauses:
                      C1: "Returns are accepted within 30 days of delivery."
                    programs:
                      - id: return
                        serves: { kind: return }
                        window: { from: delivered, within: 30 days, cites: C1 }
                        resolutions: { offer: [ refund ] }
                        deadlines:
                    """ + deadlines);

            Decision decision = decide(manyDeadlines, Claims.aReturn());

            assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
            LocalDate delivered = LocalDate.of(2025, 3, 3);
            for (int i = 0; i < names; i++) {
                assertThat(decision.deadlines()).as("%d names: step_%d_by", names, i)
                        .containsEntry("step_" + i + "_by", delivered.plusDays(i % 3 == 0 ? 10 : 20 + i % 5));
            }
            assertThat(decision.deadlines()).hasSize(names + 1);                    // and claim_window_ends
        }
    }

    // ---------------------------------------------------------------- unlimited, later_of, earlier_of

    @Test
    void neverClosesAnUnlimitedWindow() {
        CompiledPolicy lifetime = policy("""
                clauses:
                  C1: "Lifetime warranty against manufacturing defects."
                programs:
                  - id: lifetime-warranty
                    serves: { kind: warranty }
                    window: { from: delivered, within: unlimited, cites: C1 }
                    resolutions: { offer: [ repair ] }
                """);

        Decision decision = decide(lifetime, Claims.aReturn().kind("warranty").reason("defective").submittedAt("2045-06-01T00:00:00Z"));

        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.deadlines()).doesNotContainKey("claim_window_ends");
    }

    private static final CompiledPolicy HOLIDAY_EXTENSION = policy("""
            clauses:
              C1: "Items delivered in November and December can be returned until January 31 or within 30 days of delivery, whichever is later."
            programs:
              - id: return
                serves: { kind: return }
                window:
                  later_of:
                    - { until: 2026-01-31 }
                    - { from: delivered, within: 30 days }
                  cites: C1
                resolutions: { offer: [ refund ] }
            """);

    @Test
    void extendsAnEarlyHolidayDeliveryUntilTheSeasonalDate() {
        // delivered 11-20: 30 days end 12-20, the season ends 01-31: the later wins
        Decision decision = decide(HOLIDAY_EXTENSION, Claims.aReturn().placedAt("2025-11-15T10:00:00Z")
                .with("order.shipped_at", "2025-11-16T10:00:00Z").deliveredAt("2025-11-20T10:00:00Z").submittedAt("2026-01-31T22:00:00Z"));

        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.deadlines()).containsEntry("claim_window_ends", LocalDate.of(2026, 1, 31));
    }

    @Test
    void rejectsAnEarlyHolidayDeliveryAfterTheSeasonalDate() {
        Decision decision = decide(HOLIDAY_EXTENSION, Claims.aReturn().placedAt("2025-11-15T10:00:00Z")
                .with("order.shipped_at", "2025-11-16T10:00:00Z").deliveredAt("2025-11-20T10:00:00Z").submittedAt("2026-02-01T00:00:00Z"));

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void givesALateDeliveryItsFullThirtyDays() {
        // delivered 01-15: 30 days end 02-14, later than 01-31
        Claims late = Claims.aReturn().placedAt("2026-01-10T10:00:00Z").with("order.shipped_at", "2026-01-11T10:00:00Z")
                .deliveredAt("2026-01-15T10:00:00Z");

        Decision lastDay = decide(HOLIDAY_EXTENSION, late.submittedAt("2026-02-14T12:00:00Z"));

        assertThat(lastDay.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(lastDay.deadlines()).containsEntry("claim_window_ends", LocalDate.of(2026, 2, 14));
        assertThat(decide(HOLIDAY_EXTENSION, late.submittedAt("2026-02-15T00:00:00Z")).outcome()).isEqualTo(Outcome.REJECTED);
    }

    private static final CompiledPolicy EARLIER_OF = policy("""
            clauses:
              C1: "Returns within 14 days of delivery, and no later than 30 days after the order."
            programs:
              - id: return
                serves: { kind: return }
                window:
                  earlier_of:
                    - { from: delivered, within: 14 days }
                    - { from: order_placed, within: 30 days }
                  cites: C1
                resolutions: { offer: [ refund ] }
            """);

    @Test
    void closesAtTheEarlierOfTwoWindows() {
        // placed 03-01 (ends 03-31), delivered 03-25 (ends 04-08): the order's 30 days close first
        Claims slowDelivery = Claims.aReturn().placedAt("2025-03-01T10:00:00Z").deliveredAt("2025-03-25T10:00:00Z");

        Decision onTime = decide(EARLIER_OF, slowDelivery.submittedAt("2025-03-31T10:00:00Z"));
        Decision late = decide(EARLIER_OF, slowDelivery.submittedAt("2025-04-01T10:00:00Z"));

        assertThat(onTime.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(onTime.deadlines()).containsEntry("claim_window_ends", LocalDate.of(2025, 3, 31));
        assertThat(late.outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void usesTheDeliveryWindowWhenItClosesFirst() {
        // placed 03-01, delivered 03-03: 14 days end 03-17
        Decision decision = decide(EARLIER_OF, Claims.aReturn().submittedAt("2025-03-18T10:00:00Z"));

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.deadlines()).containsEntry("claim_window_ends", LocalDate.of(2025, 3, 17));
    }

    // ---------------------------------------------------------------- tables

    private static final CompiledPolicy BY_TIER = policy("""
            clauses:
              C1: "Members return within 30 days; Gold members within 60 days."
            programs:
              - id: return
                serves: { kind: return }
                window:
                  from: delivered
                  within: { by: customer.tier, values: { gold: 60 days }, default: 30 days }
                  cites: C1
                resolutions: { offer: [ refund ] }
            """);

    @Test
    void givesAGoldCustomerSixtyDays() {
        // delivered 03-03: day 45 is 04-17; 60 days end 05-02
        Decision gold = decide(BY_TIER, Claims.aReturn().tier("gold").submittedAt("2025-04-17T10:00:00Z"));

        assertThat(gold.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(gold.deadlines()).containsEntry("claim_window_ends", LocalDate.of(2025, 5, 2));
    }

    @Test
    void givesACustomerWithoutTierTheDefault() {
        Decision plain = decide(BY_TIER, Claims.aReturn().submittedAt("2025-04-17T10:00:00Z"));
        Decision silver = decide(BY_TIER, Claims.aReturn().tier("silver").submittedAt("2025-04-17T10:00:00Z"));

        assertThat(plain.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(plain.deadlines()).containsEntry("claim_window_ends", LocalDate.of(2025, 4, 2));
        assertThat(silver.outcome()).isEqualTo(Outcome.REJECTED);
    }

    private static final CompiledPolicy BY_CATEGORY = policy("""
            clauses:
              C1: "Batteries can be returned within 7 days of delivery, everything else within 30 days."
            programs:
              - id: return
                serves: { kind: return }
                window:
                  from: delivered
                  within: { by: line.category, values: { battery: 7 days }, default: 30 days }
                  cites: C1
                resolutions: { offer: [ refund ] }
            """);

    @Test
    void givesEachLineTheWindowOfItsCategory() {
        // delivered 03-03, submitted 03-20 (day 17): the battery's 7 days are over, the servo's 30 are not
        Decision decision = decide(BY_CATEGORY, Claims.aReturn().orderLine("S1", "servo", "100.00", 1).orderLine("B1", "battery", "20.00", 1)
                .claiming("S1", 1, "opened_unused").claiming("B1", 1, "unopened").submittedAt("2025-03-20T10:00:00Z"));

        assertThat(decision.lines()).extracting(l -> l.sku() + "=" + l.outcome()).containsExactly("S1=APPROVED", "B1=REJECTED");
        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.refund().getAmount()).isEqualByComparingTo("100.00");
    }

    private static final CompiledPolicy BY_PRODUCT_PAGE = policy("""
            clauses:
              C1: "The warranty period is stated on each product page; one year where it is not."
            programs:
              - id: warranty
                serves: { kind: warranty }
                window:
                  from: delivered
                  within: { by: line.attributes.warranty, default: 1 year }
                  cites: C1
                resolutions: { offer: [ repair ] }
            """);

    @Test
    void readsTheWarrantyLengthFromTheLinesAttribute() {
        // delivered 2025-03-03; 18 months end 2026-09-03; submitted 2026-08-01 (17 months)
        Decision decision = decide(BY_PRODUCT_PAGE, Claims.aReturn().kind("warranty").reason("defective")
                .orderLine("S1", "servo", "100.00", 1, Map.of("attributes", Map.of("warranty", "18 months")))
                .submittedAt("2026-08-01T10:00:00Z"));

        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.deadlines()).containsEntry("claim_window_ends", LocalDate.of(2026, 9, 3));
    }

    @Test
    void fallsBackToTheDefaultWhenTheLineStatesNoWarranty() {
        Decision decision = decide(BY_PRODUCT_PAGE, Claims.aReturn().kind("warranty").reason("defective")
                .submittedAt("2026-08-01T10:00:00Z"));

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.deadlines()).containsEntry("claim_window_ends", LocalDate.of(2026, 3, 3));
    }

    // ---------------------------------------------------------------- bounds: shipped_back

    private static final CompiledPolicy SHIP_BACK = policy("""
            clauses:
              C1: "Returns are accepted within 30 days of delivery."
              C2: "Ship the item back within 14 days of receiving your RMA number, or the RMA expires."
            programs:
              - id: return
                serves: { kind: return }
                window: { from: delivered, within: 30 days, cites: C1 }
                resolutions: { offer: [ refund ] }
                deadlines:
                  - { name: ship_back_by, from: rma_issued, within: 14 days, bounds: shipped_back, otherwise: rejected, cites: C2 }
            """);

    private static Claims withRmaIssued() {
        // RMA issued 03-05 (day 0); ship back by 03-19
        return Claims.aReturn().with("request.rma_issued_at", "2025-03-05T09:00:00Z");
    }

    @Test
    void acceptsAnItemShippedBackOnTheLastDay() {
        Decision decision = SHIP_BACK.decide(withRmaIssued().with("request.shipped_back_at", "2025-03-19T17:00:00Z").build(),
                Instant.parse("2025-03-25T00:00:00Z"));

        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.deadlines()).containsEntry("ship_back_by", LocalDate.of(2025, 3, 19));
    }

    @Test
    void appliesTheOutcomeWhenTheItemWasShippedBackLate() {
        Decision decision = SHIP_BACK.decide(withRmaIssued().with("request.shipped_back_at", "2025-03-20T08:00:00Z").build(),
                Instant.parse("2025-03-25T00:00:00Z"));

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.lines()).singleElement().satisfies(l -> assertThat(l.reasons()).anyMatch(r -> r.contains("outside the ship back deadline") && !r.contains("ship_back_by")));
    }

    @Test
    void expiresAnRmaWhenNothingWasShippedAndTheDeadlinePassed() {
        Decision decision = SHIP_BACK.decide(withRmaIssued().build(), Instant.parse("2025-03-20T00:00:00Z"));

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.lines()).singleElement().satisfies(l -> assertThat(l.reasons()).singleElement().asString()
                .startsWith("the ship back deadline passed").contains("last day 2025-03-19").doesNotContain("ship_back_by"));
        assertThat(decision.explanation()).anySatisfy(step -> {
            assertThat(step.rule()).isEqualTo("return.ship_back_by");
            assertThat(step.read()).containsEntry("now", "2025-03-20T00:00:00Z");
        });
    }

    @Test
    void keepsAnRmaOpenWhileTheShipBackDeadlineHasNotPassed() {
        Decision decision = SHIP_BACK.decide(withRmaIssued().build(), Instant.parse("2025-03-19T23:00:00Z"));

        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.deadlines()).containsEntry("ship_back_by", LocalDate.of(2025, 3, 19));
    }

    @Test
    void countsTheRmaFromSubmissionWhenNoneWasIssuedSeparately() {
        // submitted 03-05: ship back by 03-19
        Decision decision = SHIP_BACK.decide(Claims.aReturn().build(), Instant.parse("2025-03-06T00:00:00Z"));

        assertThat(decision.deadlines()).containsEntry("ship_back_by", LocalDate.of(2025, 3, 19));
    }
}

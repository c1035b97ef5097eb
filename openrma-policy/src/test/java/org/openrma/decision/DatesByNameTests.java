package org.openrma.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A decision's dates kept as epoch days read as the map a {@code LinkedHashMap} filled the same way is. */
class DatesByNameTests {

    private static final List<String> NAMES = List.of("claim_window_ends", "ship_back_by", "refund_due", "repair_due", "parts_covered_until");

    @Test
    void anySequenceOfDatesReadsAsALinkedHashMapFilledTheSameWay() {
        SplittableRandom random = new SplittableRandom(14);
        for (int round = 0; round < 2_000; round++) {
            DatesByName.Builder builder = new DatesByName.Builder();
            Map<String, LocalDate> expected = new LinkedHashMap<>();
            DatesByName.Builder other = new DatesByName.Builder();
            Map<String, LocalDate> otherExpected = new LinkedHashMap<>();
            for (int i = random.nextInt(8); i > 0; i--) {
                String name = NAMES.get(random.nextInt(NAMES.size()));
                LocalDate date = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(400));
                switch (random.nextInt(3)) {
                    case 0 -> { builder.put(name, date.toEpochDay()); expected.put(name, date); }
                    case 1 -> { builder.putIfAbsent(name, date.toEpochDay()); expected.putIfAbsent(name, date); }
                    default -> { other.put(name, date.toEpochDay()); otherExpected.put(name, date); }
                }
            }
            builder.putAllAbsent(other);
            otherExpected.forEach(expected::putIfAbsent);

            Map<String, LocalDate> dates = builder.build();
            assertThat(dates).isEqualTo(expected);
            assertThat(expected).isEqualTo(dates);
            assertThat(dates.hashCode()).isEqualTo(expected.hashCode());
            assertThat(dates.toString()).isEqualTo(expected.toString());
            // the order the dates were first set, as the LinkedHashMap keeps it
            assertThat(List.copyOf(dates.entrySet())).isEqualTo(List.copyOf(expected.entrySet()));
            assertThat(List.copyOf(dates.keySet())).isEqualTo(List.copyOf(expected.keySet()));
            assertThat(List.copyOf(dates.values())).isEqualTo(List.copyOf(expected.values()));
            assertThat(dates.isEmpty()).isEqualTo(expected.isEmpty());
            for (String name : NAMES) {
                assertThat(dates.get(name)).isEqualTo(expected.get(name));
                assertThat(dates.containsKey(name)).isEqualTo(expected.containsKey(name));
                assertThat(dates.getOrDefault(name, LocalDate.EPOCH)).isEqualTo(expected.getOrDefault(name, LocalDate.EPOCH));
            }
            LocalDate someDate = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(400));
            assertThat(dates.containsValue(someDate)).isEqualTo(expected.containsValue(someDate));
            if (!expected.isEmpty()) {
                Map<String, LocalDate> oneDayLater = new LinkedHashMap<>(expected);
                oneDayLater.replaceAll((name, date) -> date.plusDays(1));
                assertThat(dates).isNotEqualTo(oneDayLater);
            }
        }
    }

    @Test
    void oneDateIsTheMapOfThatDate() {
        Map<String, LocalDate> one = DatesByName.of("claim_window_ends", LocalDate.of(2026, 12, 24).toEpochDay());

        assertThat(one).isEqualTo(Map.of("claim_window_ends", LocalDate.of(2026, 12, 24))).hasSize(1);
        assertThat(one.get("ship_back_by")).isNull();
        assertThat(one.containsKey("claim_window_ends")).isTrue();
    }

    @Test
    void aBuilderTakesTheAbsentDatesOfAnyOfTheseMaps() {
        DatesByName.Builder builder = new DatesByName.Builder().put("a", 1);

        builder.putAllAbsent(DatesByName.of("a", 5)).putAllAbsent(DatesByName.of("b", 2)).putAllAbsent(new DatesByName.Builder().put("c", 3).put("b", 9));

        assertThat(builder.build()).containsExactly(Map.entry("a", LocalDate.ofEpochDay(1)), Map.entry("b", LocalDate.ofEpochDay(2)),
                Map.entry("c", LocalDate.ofEpochDay(3)));
    }

    @Test
    void cannotBeChanged() {
        Map<String, LocalDate> dates = new DatesByName.Builder().put("a", 1).put("b", 2).build();

        assertThatThrownBy(() -> dates.put("c", LocalDate.EPOCH)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> dates.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(dates::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> dates.putAll(Map.of("c", LocalDate.EPOCH))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> dates.entrySet().iterator().next().setValue(LocalDate.EPOCH)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aBuilderIsTheMapItBuildsSoItChangesNoMoreOnceBuilt() {
        DatesByName.Builder builder = new DatesByName.Builder().put("a", 1).put("b", 2);
        Map<String, LocalDate> dates = builder.build();

        assertThat(dates).isSameAs(builder);
        assertThatThrownBy(() -> builder.put("c", 3)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.putIfAbsent("c", 3)).isInstanceOf(IllegalStateException.class);
        assertThat(dates).containsOnlyKeys("a", "b");
    }

    @Test
    void aBuilderOfAnySizeChangesNoMoreOnceBuiltAndAnotherStillDoes() {
        for (int size = 0; size <= 5; size++) {
            DatesByName.Builder builder = new DatesByName.Builder();
            DatesByName.Builder notBuilt = new DatesByName.Builder();
            for (int i = 0; i < size; i++) {
                builder.put(NAMES.get(i), i);
                notBuilt.put(NAMES.get(i), i);
            }

            Map<String, LocalDate> dates = builder.build();

            assertThat(dates).hasSize(size);
            assertThatThrownBy(() -> builder.put("another", 9)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> builder.put(NAMES.getFirst(), 9)).isInstanceOf(IllegalStateException.class);
            assertThat(dates).hasSize(size);
            // building one builder leaves the others open, whatever they hold
            assertThat(notBuilt.put("another", 9)).hasSize(size + 1);
        }
    }

    @Test
    void datesWorkedOnReadAreWorkedOnceOnTheFirstReadAndKeepTheirOrder() {
        java.util.concurrent.atomic.AtomicInteger worked = new java.util.concurrent.atomic.AtomicInteger();
        Map<String, LocalDate> inOrder = new java.util.LinkedHashMap<>();
        inOrder.put("ship_back_by", LocalDate.ofEpochDay(7));
        inOrder.put("claim_window_ends", LocalDate.ofEpochDay(3));
        DatesByName onRead = new DatesByName.OnRead() {
            @Override
            protected Map<String, LocalDate> work() {
                worked.incrementAndGet();
                return inOrder;
            }
        };

        assertThat(worked).hasValue(0);
        assertThat(onRead).containsExactly(Map.entry("ship_back_by", LocalDate.ofEpochDay(7)), Map.entry("claim_window_ends", LocalDate.ofEpochDay(3)));
        assertThat(onRead).isEqualTo(inOrder).hasSameHashCodeAs(inOrder).hasToString(inOrder.toString());
        assertThat(worked).hasValue(1);
        assertThatThrownBy(() -> onRead.put("c", LocalDate.EPOCH)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void datesWorkedOnReadMayBeNone() {
        DatesByName none = new DatesByName.OnRead() {
            @Override
            protected Map<String, LocalDate> work() {
                return Map.of();
            }
        };

        assertThat(none).isEmpty();
        assertThat(none).isEqualTo(Map.of());
        assertThat(none.get("ship_back_by")).isNull();
    }

    @Test
    void aDecisionKeepsTheDatesWithoutCopyingThem() {
        Map<String, LocalDate> dates = DatesByName.of("claim_window_ends", 20_000);

        Decision d = Decision.withoutProgram(Outcome.REJECTED, org.joda.money.Money.zero(org.joda.money.CurrencyUnit.EUR), null, List.of(),
                List.of(), List.of(), "", List.of());
        Decision withDates = new Decision(d.outcome(), d.program(), d.resolutions(), d.chosenBy(), d.needsConsent(), d.refund(), d.deductions(),
                d.returnShippingPaidBy(), d.returnShippingReimbursed(), d.outboundShippingPaidBy(), d.missingEvidence(), dates, d.policyVersion(),
                d.programs(), d.lines(), d.explanation(), d.summary());

        assertThat(withDates.deadlines()).isSameAs(dates);
    }
}

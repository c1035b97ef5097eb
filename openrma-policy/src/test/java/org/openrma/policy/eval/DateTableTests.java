package org.openrma.policy.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A decision's dates kept in fields and arrays give the map a {@code LinkedHashMap} filled the same way would. */
class DateTableTests {

    private static final List<String> NAMES = List.of("claim_window_ends", "ship_back_by", "refund_due", "repair_due", "parts_covered_until");

    @Test
    void anySequenceOfDatesGivesTheMapALinkedHashMapCopiedWouldGive() {
        SplittableRandom random = new SplittableRandom(14);
        for (int round = 0; round < 2_000; round++) {
            DateTable table = new DateTable();
            Map<String, LocalDate> expected = new LinkedHashMap<>();
            DateTable other = new DateTable();
            Map<String, LocalDate> otherExpected = new LinkedHashMap<>();
            for (int i = random.nextInt(8); i > 0; i--) {
                String name = NAMES.get(random.nextInt(NAMES.size()));
                LocalDate date = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(400));
                switch (random.nextInt(3)) {
                    case 0 -> { table.put(name, date); expected.put(name, date); }
                    case 1 -> { table.putIfAbsent(name, date); expected.putIfAbsent(name, date); }
                    default -> { other.put(name, date); otherExpected.put(name, date); }
                }
            }
            table.putAbsent(other);
            otherExpected.forEach(expected::putIfAbsent);

            Map<String, LocalDate> map = table.toMap();
            assertThat(map).isEqualTo(expected);
            // the same entries in the same iteration order as Map.copyOf of the LinkedHashMap
            assertThat(List.copyOf(map.entrySet())).isEqualTo(List.copyOf(Map.copyOf(expected).entrySet()));
        }
    }
}

package org.openrma.policy.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The values a rule read, written as the explanation shows them, and worked out only when an explanation keeps them. */
class ReadsTests {

    @Test
    void writesAmountsInPlainDigitsSetsOfWordsSortedAndNoWordsAsNone() {
        assertThat(Reads.text(new BigDecimal("1E+1"))).isEqualTo("10");
        assertThat(Reads.text(Set.of("video", "photos"))).isEqualTo("photos,video");
        assertThat(Reads.text(List.of())).isEqualTo("none");
        assertThat(Reads.text(Instant.parse("2025-03-05T09:00:00Z"))).isEqualTo("2025-03-05T09:00:00Z");
    }

    @Test
    void aTextThatTakesWorkIsWrittenForAnExplanation() {
        Map<String, String> read = new LinkedHashMap<>();
        Reads.later(read, "line.tags", () -> "gift,sale");

        assertThat(read).containsExactly(Map.entry("line.tags", "gift,sale"));
    }

    @Test
    void aTextThatTakesWorkIsSkippedWhenNothingIsRecorded() {
        AtomicInteger worked = new AtomicInteger();
        Reads.later(Reads.DISCARD, "line.tags", () -> {
            worked.incrementAndGet();
            return "gift";
        });
        assertThat(worked).hasValue(0);
    }
}

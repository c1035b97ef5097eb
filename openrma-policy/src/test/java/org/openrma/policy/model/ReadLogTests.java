package org.openrma.policy.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The values a rule read, kept as read and written as the explanation shows them only when it is written. */
class ReadLogTests {

    @Test
    void writesAmountsInPlainDigitsSetsOfWordsSortedAndNoWordsAsNone() {
        ReadLog log = new ReadLog();
        log.add("percent", new BigDecimal("1E+1"));
        log.add("evidence", Set.of("video", "photos"));
        log.add("facts", List.of());
        log.add("submitted", Instant.parse("2025-03-05T09:00:00Z"));

        assertThat(Map.copyOf(log)).isEqualTo(Map.of("percent", "10", "evidence", "photos,video", "facts", "none", "submitted",
                "2025-03-05T09:00:00Z"));
    }

    @Test
    void aLaterValueUnderTheSameNameReplacesTheEarlierOne() {
        ReadLog log = new ReadLog();
        log.put("line.condition", "unopened");
        log.put("channel", "official_store");
        log.put("line.condition", "opened_unused");
        log.put("reason", "changed_mind");

        assertThat(log).hasSize(3).containsEntry("line.condition", "opened_unused").containsEntry("channel", "official_store")
                .containsEntry("reason", "changed_mind");
    }

    @Test
    void worksOutATextThatTakesWorkOnlyWhenTheExplanationIsWritten() {
        AtomicInteger worked = new AtomicInteger();
        ReadLog log = new ReadLog();
        Reads.later(log, "line.tags", () -> {
            worked.incrementAndGet();
            return "gift,sale";
        });
        assertThat(worked).hasValue(0);

        assertThat(Map.copyOf(log)).containsEntry("line.tags", "gift,sale");
        assertThat(worked).hasValue(1);
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

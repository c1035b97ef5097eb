package org.openrma.policy.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openrma.calendar.Counting;
import org.openrma.calendar.Length;
import org.openrma.decision.Citation;
import org.openrma.decision.Outcome;

/**
 * A time limit: a span from an event (or a fixed end date, or the later/earlier of several), the
 * event it bounds (the claim's submission by default; the item's shipment back or its arrival),
 * the outcome when it is missed, and the clauses it encodes. Program deadlines and SLAs are
 * windows too; they carry a {@code name} ({@code ship_back_by}, {@code refund_by}, ...).
 */
public record Window(String name, Span span, Event bounds, Outcome otherwise, Condition when, List<Citation> cites, String says) {

    /**
     * When a span ends: the last instant inside it, its last day in the merchant's zone, and how it was counted in words
     * ({@link #from}), worked out only when an explanation asks for it. Kept as epoch seconds and days, so that a window
     * that is only compared makes no {@code Instant} or {@code LocalDate}: {@link #closes} and {@link #lastDay} make them
     * when read.
     */
    public static sealed class End permits End.Said {
        static final End UNLIMITED = new Said(Instant.MAX.getEpochSecond(), Instant.MAX.getNano(), LocalDate.MAX.toEpochDay(), () -> "unlimited");

        private final long closesSecond;
        private final int closesNano;
        private final long lastEpochDay;

        private End(long closesSecond, int closesNano, long lastEpochDay) {
            this.closesSecond = closesSecond;
            this.closesNano = closesNano;
            this.lastEpochDay = lastEpochDay;
        }

        /** An end that is only compared and dated: a decision that records no explanation never asks how it was counted. */
        static End unsaid(long closesSecond, int closesNano, long lastEpochDay) {
            return new End(closesSecond, closesNano, lastEpochDay);
        }

        /** An end that says how it was counted when the explanation asks ({@link #from}). */
        static End said(long closesSecond, int closesNano, long lastEpochDay, java.util.function.Supplier<String> described) {
            return new Said(closesSecond, closesNano, lastEpochDay, described);
        }

        static End said(Instant closes, LocalDate lastDay, java.util.function.Supplier<String> described) {
            return said(closes.getEpochSecond(), closes.getNano(), lastDay.toEpochDay(), described);
        }

        /** The words of how the end was counted, kept only by an end made for an explanation: 8 bytes fewer on the others. */
        private static final class Said extends End {
            private final java.util.function.Supplier<String> described;

            Said(long closesSecond, int closesNano, long lastEpochDay, java.util.function.Supplier<String> described) {
                super(closesSecond, closesNano, lastEpochDay);
                this.described = described;
            }

            @Override
            public String from() {
                return described.get();
            }
        }

        public boolean isUnlimited() {
            return closesSecond == UNLIMITED.closesSecond && closesNano == UNLIMITED.closesNano;
        }

        /** The last instant inside the window. */
        public Instant closes() {
            return isUnlimited() ? Instant.MAX : Instant.ofEpochSecond(closesSecond, closesNano);
        }

        /** The window's last day in the merchant's zone. */
        public LocalDate lastDay() {
            return isUnlimited() ? LocalDate.MAX : LocalDate.ofEpochDay(lastEpochDay);
        }

        /** {@link #lastDay} as an epoch day, made into no {@code LocalDate}; {@code LocalDate.MAX}'s when unlimited. */
        public long lastEpochDay() {
            return lastEpochDay;
        }

        /** Whether {@code instant} is after the window's last instant (the window was missed then), without an Instant. */
        public boolean closedBefore(Instant instant) {
            return later(instant.getEpochSecond(), instant.getNano(), closesSecond, closesNano);
        }

        /** Whether this window closes after {@code other} does. */
        boolean closesAfter(End other) {
            return later(closesSecond, closesNano, other.closesSecond, other.closesNano);
        }

        private static boolean later(long second, int nano, long thanSecond, int thanNano) {
            return second > thanSecond || second == thanSecond && nano > thanNano;
        }

        /** How the span was counted ("30 days from delivered; ..."); empty when the decision records no explanation. */
        public String from() {
            return "";
        }

        @Override
        public String toString() {
            return "End[closes=" + closes() + ", lastDay=" + lastDay() + "]";
        }
    }

    /** How a window's end is found. */
    public sealed interface Span {
        /** The end for a subject; null when the event it counts from has not happened. */
        End endAt(Subject s, Map<String, String> read);
    }

    /**
     * A length counted from an event or a date attribute, optionally starting an {@code offset} later
     * ("90 days after the date of manufacture"), under a counting convention.
     */
    public record FromEvent(DateSource from, Length offset, LengthRule length, Counting counting) implements Span {
        public FromEvent(Event from, LengthRule length) {
            this(new DateSource.OfEvent(from), null, length, Counting.DEFAULT);
        }

        /** When the window opens: the event, moved by the offset; empty when the event has not happened. */
        public Optional<Instant> opens(Subject s) {
            return Optional.ofNullable(opensAt(s));
        }

        /** {@link #opens} without the {@code Optional}: null when the event has not happened. */
        public Instant opensAt(Subject s) {
            Instant start = from instanceof DateSource.OfEvent e ? e.event().at(s) : from.instant(s).orElse(null);
            if (start == null || offset == null || offset.isUnlimited()) {
                return start;
            }
            return offset.unit() == org.openrma.calendar.TimeUnit.HOURS ? start.plusSeconds(3600L * offset.atMost())
                    : s.calendar().lastDay(start, offset.atMost(), offset.unit()).atStartOfDay(s.calendar().zone()).toInstant();
        }

        public End endAt(Subject s, Map<String, String> read) {
            Length l = length.lengthFor(s, read);
            if (l.isUnlimited()) {
                return End.UNLIMITED;
            }
            Instant start = opensAt(s);
            if (start == null) {
                return null;
            }
            boolean recording = Reads.recording(read);
            if (recording) {
                // the supplier is made only when something keeps it (no allocation on the outcome-only path)
                Reads.later(read, from.label(), () -> from.instant(s).map(Object::toString).orElse("none"));
            }
            java.util.function.Supplier<String> described = !recording ? null
                    : () -> l + (offset != null ? " from " + offset + " after " : " from ") + from.label().replace('_', ' ')
                            + (l.unit() == org.openrma.calendar.TimeUnit.HOURS ? "" : "; " + counting.describe(l.unit()));
            if (l.unit() == org.openrma.calendar.TimeUnit.HOURS) {
                // hours are not counted in days: exactly N hours later, on the date that instant falls on
                Instant closes = s.calendar().endInstant(start, l.atMost(), l.unit(), counting);
                LocalDate day = s.calendar().lastDay(start, l.atMost(), l.unit(), counting);
                return described == null ? End.unsaid(closes.getEpochSecond(), closes.getNano(), day.toEpochDay()) : End.said(closes, day, described);
            }
            // the end of the last day, worked out from it rather than counted a second time, on epoch days
            long lastDay = s.calendar().lastEpochDay(start, l.atMost(), l.unit(), counting);
            long closesSecond = s.calendar().endOfDayEpochSecond(lastDay);
            int closesNano = org.openrma.calendar.BusinessCalendar.END_OF_DAY_NANOS;
            return described == null ? End.unsaid(closesSecond, closesNano, lastDay) : End.said(closesSecond, closesNano, lastDay, described);
        }
    }

    public record Until(LocalDate lastDay) implements Span {
        public End endAt(Subject s, Map<String, String> read) {
            return End.said(s.calendar().endOfDay(lastDay), lastDay, () -> "until " + lastDay);
        }
    }

    /** The later (or earlier) of several spans; spans whose event has not happened are left out. */
    public record Combined(boolean later, List<Span> spans) implements Span {
        public End endAt(Subject s, Map<String, String> read) {
            End best = null;
            for (Span span : spans) {
                End e = span.endAt(s, read);
                if (e != null && (best == null || (later ? e.closesAfter(best) : best.closesAfter(e)))) {
                    best = e;
                }
            }
            return best;
        }
    }

    /** A length fixed in the file, or looked up by a word of the claim (tier, category, an attribute). */
    public sealed interface LengthRule {
        Length lengthFor(Subject s, Map<String, String> read);
    }

    public record FixedLength(Length length) implements LengthRule {
        public Length lengthFor(Subject s, Map<String, String> read) {
            return length;
        }
    }

    /**
     * A table keyed by a field's word; with no table, the field's own value is the length (a product
     * page's warranty such as "18 months").
     */
    public record LengthByField(Field field, Map<String, Length> table, Length otherwise) implements LengthRule {
        public Length lengthFor(Subject s, Map<String, String> read) {
            // a table's default answers for a claim that leaves the field out, as the file says
            String raw = field.raw(s);
            String word = raw != null ? raw : field.declared() != null && field.declared().defaultValue() != null ? field.declared().defaultValue() : "none";
            if (Reads.recording(read)) {
                read.put(field.name(), word);
            }
            if (table.isEmpty()) {
                if (word.equals("none")) {
                    return otherwise;
                }
                // a value the claim gives but that is no length ("two weeks") is not silently the default
                return Length.parse(word).orElseThrow(() -> new Unevaluable(field.name() + " is '" + word + "', not a length such as \"18 months\""));
            }
            return table.getOrDefault(word, otherwise);
        }
    }
}

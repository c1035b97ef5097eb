package org.openrma.reading;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Optional;
import org.openrma.claim.Vocabulary;

/**
 * The collecting reader: reads one value at a time from text, and instead of stopping at the first
 * bad one reports the problem where it is and goes on, so one pass finds every problem (cel-java's
 * ParserContext, the notification pattern). {@code L} is how a reader names a place: a node with its
 * line and column in a policy file, a field path ({@code request.lines[0].sku}) in JSON. Each adapter
 * walks its own tree (the policy binder's {@code Reading}, {@link JsonReader}) and reads values here,
 * in the one wording of {@link Wording}. A value that cannot be read is returned as null (or empty),
 * never as a real-looking value.
 */
public abstract class CollectingReader<L> {

    /** Reports one problem at {@code at}; reading goes on. */
    protected abstract void problem(L at, String message);

    /** A word of a closed vocabulary; empty after reporting it with the nearest word and the allowed ones. */
    public final <E extends Enum<E> & Vocabulary> Optional<E> word(L at, String text, Class<E> type) {
        Optional<E> word = text == null ? Optional.empty() : Vocabulary.parse(type, text);
        if (word.isEmpty()) {
            problem(at, Wording.unknownValue(text, type));
        }
        return word;
    }

    /** A word of a closed vocabulary of a named kind ({@code unknown event 'x'}). */
    public final <E extends Enum<E> & Vocabulary> Optional<E> word(L at, String noun, String text, Class<E> type) {
        Optional<E> word = text == null ? Optional.empty() : Vocabulary.parse(type, text);
        if (word.isEmpty()) {
            problem(at, Wording.unknown(noun, text, Wording.wires(type)));
        }
        return word;
    }

    /** One of {@code allowed} as written; false after reporting it. */
    public final boolean oneOf(L at, String text, Collection<String> allowed) {
        if (text == null || !allowed.contains(text)) {
            problem(at, Wording.unknownValue(text, allowed));
            return false;
        }
        return true;
    }

    private static final java.util.regex.Pattern OPEN_WORD = java.util.regex.Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** Shaped like a word a policy may declare beyond a vocabulary's standard words. */
    public static boolean isOpenWord(String text) {
        return OPEN_WORD.matcher(text).matches();
    }

    /**
     * A word of a vocabulary a policy may extend: a standard word (returned in its wire form) or any
     * word shaped like one, which the deciding policy must then declare; null after reporting it.
     */
    public final <E extends Enum<E> & Vocabulary> String openWord(L at, String text, Class<E> type) {
        Optional<E> standard = Vocabulary.parse(type, text);
        if (standard.isPresent()) {
            return standard.get().wire();
        }
        if (!isOpenWord(text)) {
            problem(at, Wording.unknownValue(text, type) + " or a word the policy declares");
            return null;
        }
        return text;
    }

    /** Reports each name of {@code names} that is not in {@code allowed}. */
    public final void onlyKnownFields(Iterable<String> names, Collection<String> allowed, java.util.function.Function<String, L> at) {
        for (String name : names) {
            if (!allowed.contains(name)) {
                problem(at.apply(name), Wording.unknownField(name, allowed));
            }
        }
    }

    /** An ISO-8601 instant ({@code Z} or an offset); null after reporting it. */
    public final Instant instant(L at, String text) {
        Instant parsed = parseInstant(text);
        if (parsed == null) {
            problem(at, Wording.notATimestamp(text));
        }
        return parsed;
    }

    /** An ISO-8601 instant ({@code Z} or an offset), or null when the text is not one (the streaming claim parser reads with it too). */
    public static Instant parseInstant(String text) {
        Instant fast = utcSeconds(text);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** A calendar date, YYYY-MM-DD; null after reporting it. */
    public final LocalDate date(L at, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            problem(at, Wording.notADate(text));
            return null;
        }
    }

    /** A decimal such as {@code 19.99}; null after reporting {@code what} must be one. */
    public final BigDecimal decimal(L at, String text, String complaint) {
        if (text != null) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problem(at, complaint);
        return null;
    }

    /**
     * The common shape {@code 2025-03-01T10:00:00Z} parsed without a formatter (a replay reads
     * millions); anything else, or an impossible date, is left to {@link Instant#parse}.
     */
    private static Instant utcSeconds(String t) {
        if (t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
    }

    private static int digits(String t, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}

package org.openrma.reading;

import java.util.Collection;
import java.util.List;
import org.openrma.claim.Vocabulary;
import org.openrma.text.Suggestions;

/**
 * The sentences a collecting reader reports problems in, written once so that a policy file, a
 * claim and a request body say the same thing about the same mistake: lower case, the bad input
 * quoted, the nearest known word suggested, then what is allowed (Cedar's error style guide).
 */
public final class Wording {

    private Wording() {}

    public static final String REQUIRED = "is required";
    public static final String NOT_EMPTY = "must not be empty";
    public static final String TEXT = "expected text";
    public static final String BOOLEAN = "expected true or false";
    public static final String LIST = "expected a list";
    public static final String OBJECT = "expected an object";

    /** {@code unknown value 'x' (did you mean 'y'?); expected one of a, b}. */
    public static String unknownValue(String word, Collection<String> allowed) {
        return unknown("value", word, allowed);
    }

    public static <E extends Enum<E> & Vocabulary> String unknownValue(String word, Class<E> type) {
        return unknownValue(word, wires(type));
    }

    /** {@code unknown <noun> 'x' (did you mean 'y'?); expected one of a, b}: a word of a named kind (an event, a reason, a field). */
    public static String unknown(String noun, String word, Collection<String> allowed) {
        return "unknown " + noun + " '" + word + "'" + Suggestions.didYouMean(word, allowed) + "; expected one of " + String.join(", ", allowed);
    }

    /** A name a JSON object does not have: {@code unknown field 'x' (did you mean 'y'?); expected one of a, b}. */
    public static String unknownField(String name, Collection<String> allowed) {
        return unknown("field", name, allowed.stream().sorted().toList());
    }

    /** A key a policy file's mapping does not have, naming the mapping: {@code unknown key 'x' in a window (did you mean 'y'?); expected a, b}. */
    public static String unknownKey(String key, String where, Collection<String> allowed) {
        return "unknown key '" + key + "' in " + where + Suggestions.didYouMean(key, allowed) + "; expected " + String.join(", ", allowed);
    }

    public static String notATimestamp(String text) {
        return "'" + text + "' is not a timestamp; expected ISO-8601 such as 2025-03-01T10:00:00Z";
    }

    public static String notADate(String text) {
        return "'" + text + "' is not a date; write YYYY-MM-DD";
    }

    public static String notAnAmount(String text) {
        return "'" + text + "' is not an amount; expected a decimal string such as \"19.99\"";
    }

    public static <E extends Enum<E> & Vocabulary> List<String> wires(Class<E> type) {
        E[] constants = type.getEnumConstants();
        String[] out = new String[constants.length];
        for (int i = 0; i < constants.length; i++) {
            out[i] = constants[i].wire();
        }
        return List.of(out);
    }
}

package org.openrma.policy.model;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where rules write the values they read, for the explanation. When a decision is made without
 * an explanation (bulk replay), rules are handed {@link #DISCARD} and skip formatting values.
 */
public final class Reads {

    /** A map that keeps nothing. */
    public static final Map<String, String> DISCARD = new AbstractMap<>() {
        @Override
        public String put(String key, String value) {
            return null;
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return Set.of();
        }
    };

    private Reads() {}

    public static boolean recording(Map<String, String> read) {
        return read != DISCARD;
    }

    /**
     * Notes a value whose text takes work (a sorted list, a date): worked out only for a map that keeps it, skipped when
     * nothing is recorded.
     */
    public static void later(Map<String, String> read, String key, Supplier<String> text) {
        if (read != DISCARD) {
            read.put(key, text.get());
        }
    }

    /** A value read as the explanation shows it: amounts in plain digits, sets of words sorted and joined, "none" for none. */
    public static String text(Object value) {
        return switch (value) {
            case String s -> s;
            case BigDecimal d -> d.toPlainString();
            case Collection<?> c -> c.isEmpty() ? "none" : String.join(",", c.stream().map(String::valueOf).sorted().toList());
            default -> String.valueOf(value);
        };
    }
}

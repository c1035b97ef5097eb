package org.openrma.policy.model;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

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
     * Notes a value whose text takes work (a sorted list, a date): worked out now for a map that writes at once, kept
     * as it is for a {@link ReadLog} (formatted when the explanation is written), skipped when nothing is recorded.
     */
    public static void later(Map<String, String> read, String key, java.util.function.Supplier<String> text) {
        if (read instanceof ReadLog log) {
            log.add(key, text);
        } else if (read != DISCARD) {
            read.put(key, text.get());
        }
    }
}

package org.openrma.policy.eval;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

/**
 * The dates a decision carries, by name, in the order they were first set, as the stage adds them: a small array instead of
 * a {@code LinkedHashMap} that the {@code Decision} would copy again. {@link #toMap} gives the immutable map
 * {@code Map.copyOf} would give for a {@code LinkedHashMap} filled the same way (same entries, inserted in the same order).
 */
final class DateTable {

    private String[] names = new String[2];                              // most decisions carry one or two dates
    private LocalDate[] dates = new LocalDate[2];
    private int size;

    /** Sets a date; a name already set keeps its place and takes the new date, as in a {@code LinkedHashMap}. */
    void put(String name, LocalDate date) {
        int i = indexOf(name);
        if (i >= 0) {
            dates[i] = date;
            return;
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            dates = Arrays.copyOf(dates, size * 2);
        }
        names[size] = name;
        dates[size++] = date;
    }

    void putIfAbsent(String name, LocalDate date) {
        if (indexOf(name) < 0) {
            put(name, date);
        }
    }

    private int indexOf(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Adds every date of {@code other} whose name is not set yet, in its order. */
    void putAbsent(DateTable other) {
        for (int i = 0; i < other.size; i++) {
            putIfAbsent(other.names[i], other.dates[i]);
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, LocalDate> toMap() {
        return switch (size) {
            case 0 -> Map.of();
            case 1 -> Map.of(names[0], dates[0]);
            default -> {
                Map.Entry<String, LocalDate>[] entries = new Map.Entry[size];
                for (int i = 0; i < size; i++) {
                    entries[i] = Map.entry(names[i], dates[i]);
                }
                yield Map.ofEntries(entries);
            }
        };
    }
}

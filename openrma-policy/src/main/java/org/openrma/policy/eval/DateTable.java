package org.openrma.policy.eval;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

/**
 * The dates a decision carries, by name, in the order they were first set, as the stage adds them: two pairs of fields and
 * arrays past them instead of a {@code LinkedHashMap} that the {@code Decision} would copy again. {@link #toMap} gives the immutable map
 * {@code Map.copyOf} would give for a {@code LinkedHashMap} filled the same way (same entries, inserted in the same order).
 */
final class DateTable {

    // the first two dates in fields: most decisions carry one or two, and then no array is made
    private String name0;
    private LocalDate date0;
    private String name1;
    private LocalDate date1;
    private String[] moreNames;                                          // the third date on, made when one comes
    private LocalDate[] moreDates;
    private int size;

    /** Sets a date; a name already set keeps its place and takes the new date, as in a {@code LinkedHashMap}. */
    void put(String name, LocalDate date) {
        int i = indexOf(name);
        if (i >= 0) {
            set(i, name, date);
            return;
        }
        if (size >= 2) {
            int more = size - 2;
            if (moreNames == null) {
                moreNames = new String[2];
                moreDates = new LocalDate[2];
            } else if (more == moreNames.length) {
                moreNames = Arrays.copyOf(moreNames, more * 2);
                moreDates = Arrays.copyOf(moreDates, more * 2);
            }
        }
        set(size++, name, date);
    }

    private void set(int i, String name, LocalDate date) {
        switch (i) {
            case 0 -> { name0 = name; date0 = date; }
            case 1 -> { name1 = name; date1 = date; }
            default -> { moreNames[i - 2] = name; moreDates[i - 2] = date; }
        }
    }

    private String name(int i) {
        return i == 0 ? name0 : i == 1 ? name1 : moreNames[i - 2];
    }

    private LocalDate date(int i) {
        return i == 0 ? date0 : i == 1 ? date1 : moreDates[i - 2];
    }

    void putIfAbsent(String name, LocalDate date) {
        if (indexOf(name) < 0) {
            put(name, date);
        }
    }

    private int indexOf(String name) {
        for (int i = 0; i < size; i++) {
            if (name(i).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Adds every date of {@code other} whose name is not set yet, in its order. */
    void putAbsent(DateTable other) {
        for (int i = 0; i < other.size; i++) {
            putIfAbsent(other.name(i), other.date(i));
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, LocalDate> toMap() {
        return switch (size) {
            case 0 -> Map.of();
            case 1 -> Map.of(name0, date0);
            case 2 -> Map.of(name0, date0, name1, date1);
            default -> {
                Map.Entry<String, LocalDate>[] entries = new Map.Entry[size];
                for (int i = 0; i < size; i++) {
                    entries[i] = Map.entry(name(i), date(i));
                }
                yield Map.ofEntries(entries);
            }
        };
    }
}

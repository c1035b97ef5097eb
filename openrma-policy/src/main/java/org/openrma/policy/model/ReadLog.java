package org.openrma.policy.model;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The values one rule read, for an explanation written later: kept as the rule read them (a word, an amount, an
 * instant, a set of words, or how to work the text out) in a small array, and formatted only when the explanation is
 * written. A later value under the same name replaces the earlier one, as in any map.
 *
 * <p>One log can also keep the values of every rule of a decision, one after the other: {@link #restart} begins the next
 * rule's values (the map then shows only those), {@link #start} and {@link #end} bound them, and {@link #span} gives them
 * back later as a log of their own. A decision then keeps one array of values, not a map per rule.
 */
public final class ReadLog extends AbstractMap<String, String> {

    private Object[] pairs;
    private int start;                                                  // where the current rule's values begin
    private int size;

    public ReadLog() {
        this(4);                                                        // most rules read one or two values
    }

    private ReadLog(int capacity) {
        pairs = new Object[capacity];
    }

    /** A log for the values of many rules, one rule after the other ({@link #restart}). */
    public static ReadLog forRules(int capacity) {
        return new ReadLog(capacity);
    }

    /** Begins the next rule's values: the map shows none until it reads one. */
    public void restart() {
        start = size;
    }

    /** Where the current rule's values begin (for {@link #span}). */
    public int start() {
        return start;
    }

    /** Where the current rule's values end (for {@link #span}). */
    public int end() {
        return size;
    }

    /** The values kept between {@code from} and {@code to} (a {@link #start} and {@link #end}), as a log of their own. */
    public ReadLog span(int from, int to) {
        ReadLog copy = new ReadLog(Math.max(4, to - from));
        System.arraycopy(pairs, from, copy.pairs, 0, to - from);
        copy.size = to - from;
        return copy;
    }

    @Override
    public String put(String key, String value) {
        add(key, value);
        return null;
    }

    /** Keeps a value read; {@link #format} gives its text when the explanation is written. */
    public void add(String key, Object value) {
        for (int i = start; i < size; i += 2) {
            if (pairs[i].equals(key)) {
                pairs[i + 1] = value;
                return;
            }
        }
        if (size == pairs.length) {
            pairs = java.util.Arrays.copyOf(pairs, size * 2);
        }
        pairs[size++] = key;
        pairs[size++] = value;
    }

    /** A value read as the explanation shows it: amounts in plain digits, sets of words sorted and joined, "none" for none. */
    public static String format(Object value) {
        return switch (value) {
            case String s -> s;
            case BigDecimal d -> d.toPlainString();
            case Collection<?> c -> c.isEmpty() ? "none" : String.join(",", c.stream().map(String::valueOf).sorted().toList());
            case Supplier<?> later -> String.valueOf(later.get());
            default -> String.valueOf(value);
        };
    }

    @Override
    public int size() {
        return (size - start) / 2;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int i = start;

                    @Override
                    public boolean hasNext() {
                        return i < size;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (i >= size) {
                            throw new NoSuchElementException();
                        }
                        var entry = new SimpleImmutableEntry<>((String) pairs[i], format(pairs[i + 1]));
                        i += 2;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return ReadLog.this.size();
            }
        };
    }
}

package org.openrma.decision;

import java.time.LocalDate;
import java.util.AbstractCollection;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * An immutable map of names to dates in the order they were set, kept as epoch days: each {@code LocalDate} is made when it
 * is read. A decision's deadlines are mostly compared and stored, seldom read one by one, and a replay never reads them, so
 * a decision carries them as numbers; equality and hash are a map's, so a decision carrying this equals one carrying any
 * other map of the same dates. {@link Decision} keeps such a map as it is instead of copying it.
 */
public abstract sealed class DatesByName implements Map<String, LocalDate> {

    // Map itself rather than AbstractMap, whose two cached views would add 8 bytes to every decision's dates

    private DatesByName() {}

    /** One date by name: what most decisions carry (the claim window's last day). */
    public static DatesByName of(String name, long epochDay) {
        return new One(Objects.requireNonNull(name, "name"), epochDay);
    }

    abstract String name(int index);

    abstract long epochDay(int index);

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public LocalDate get(Object name) {
        int i = indexOf(name);
        return i < 0 ? null : date(i);
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    public boolean containsValue(Object date) {
        for (int i = 0, n = size(); i < n; i++) {
            if (date instanceof LocalDate d && d.toEpochDay() == epochDay(i)) {
                return true;
            }
        }
        return false;
    }

    /** Where {@code name} is, or -1. */
    int indexOf(Object name) {
        for (int i = 0, n = size(); i < n; i++) {
            if (name(i).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public LocalDate put(String name, LocalDate date) {
        throw new UnsupportedOperationException("a decision's dates cannot be changed");
    }

    @Override
    public LocalDate remove(Object name) {
        throw new UnsupportedOperationException("a decision's dates cannot be changed");
    }

    @Override
    public void putAll(Map<? extends String, ? extends LocalDate> dates) {
        throw new UnsupportedOperationException("a decision's dates cannot be changed");
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("a decision's dates cannot be changed");
    }

    @Override
    public Set<String> keySet() {
        return setOf(this::name);
    }

    @Override
    public Collection<LocalDate> values() {
        return new AbstractCollection<>() {
            @Override
            public int size() {
                return DatesByName.this.size();
            }

            @Override
            public Iterator<LocalDate> iterator() {
                return each(DatesByName.this::date);
            }
        };
    }

    @Override
    public Set<Entry<String, LocalDate>> entrySet() {
        return setOf(i -> Map.entry(name(i), date(i)));
    }

    private LocalDate date(int index) {
        return LocalDate.ofEpochDay(epochDay(index));
    }

    /** A read-only view of one element per date, in order (names and entries are distinct, so a set). */
    private <T> Set<T> setOf(IntFunction<T> element) {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return DatesByName.this.size();
            }

            @Override
            public Iterator<T> iterator() {
                return each(element);
            }
        };
    }

    private <T> Iterator<T> each(IntFunction<T> element) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return element.apply(next++);
            }
        };
    }

    /** Equal to any map of the same dates by name, as {@link Map#equals} says. */
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof Map<?, ?> other) || other.size() != size()) {
            return false;
        }
        for (int i = 0, n = size(); i < n; i++) {
            Object date = other.get(name(i));
            if (!(date instanceof LocalDate d) || d.toEpochDay() != epochDay(i)) {
                return false;
            }
        }
        return true;
    }

    /** As {@link Map#hashCode} says: the sum of each entry's key hash XOR value hash. */
    @Override
    public int hashCode() {
        int hash = 0;
        for (int i = 0, n = size(); i < n; i++) {
            hash += name(i).hashCode() ^ date(i).hashCode();
        }
        return hash;
    }

    /** As a {@code LinkedHashMap} of the same dates writes itself: {@code {claim_window_ends=2026-12-24, ...}}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0, n = size(); i < n; i++) {
            text.append(i > 0 ? ", " : "").append(name(i)).append('=').append(date(i));
        }
        return text.append('}').toString();
    }

    /**
     * Dates worked out the first time any of them is read, by {@link #work}, then kept: what a decision made without its
     * words carries when its dates take more than the claim window's last day (a deadline counted in business days, a
     * component's end), since a replay or a what-if never reads them. The maker promises that {@code work} gives the same
     * dates whenever it is called: it reads only what no longer changes once the decision is made. Safe to read from
     * several threads: the dates are worked out once.
     */
    public abstract static non-sealed class OnRead extends DatesByName {
        private volatile DatesByName dates;

        protected OnRead() {}

        /** The dates, as any map (called once, on the first read). */
        protected abstract Map<String, LocalDate> work();

        private DatesByName dates() {
            DatesByName worked = dates;
            if (worked == null) {
                synchronized (this) {
                    worked = dates;
                    if (worked == null) {
                        worked = asDatesByName(work());
                        dates = worked;                                     // the volatile write publishes a built map
                    }
                }
            }
            return worked;
        }

        private static DatesByName asDatesByName(Map<String, LocalDate> dates) {
            if (dates instanceof DatesByName byName) {
                return byName;
            }
            Builder built = new Builder();
            dates.forEach((name, date) -> built.put(name, date.toEpochDay()));
            built.build();
            return built;
        }

        @Override
        String name(int index) {
            return dates().name(index);
        }

        @Override
        long epochDay(int index) {
            return dates().epochDay(index);
        }

        @Override
        public int size() {
            return dates().size();
        }
    }

    private static final class One extends DatesByName {
        private final String name;
        private final long epochDay;

        One(String name, long epochDay) {
            this.name = name;
            this.epochDay = epochDay;
        }

        @Override
        String name(int index) {
            Objects.checkIndex(index, 1);
            return name;
        }

        @Override
        long epochDay(int index) {
            Objects.checkIndex(index, 1);
            return epochDay;
        }

        @Override
        public int size() {
            return 1;
        }
    }

    /**
     * Dates set one by one, as a {@code LinkedHashMap} keeps them: a name set again keeps its place and takes the new date.
     * A builder is the map it builds (no second object per decision), so it builds once: {@link #build} ends its changes.
     * Read as a map before that, it shows the dates set so far.
     */
    public static final class Builder extends DatesByName {
        // the first two dates in fields: most decisions carry one or two, and then nothing else is made. How many are set
        // is told by which names are (none, one, two, two and the rest's count), and whether the map is built by the rest's
        // holder (a shared empty one for a map of two at most): a count and a flag of their own would make the builder 48
        // bytes instead of 40
        private String name0;
        private long epochDay0;
        private String name1;
        private long epochDay1;
        private More more;

        /** The third date on, and whether the map is built. */
        private static final class More {
            /** What a map of two dates at most holds here once built. */
            static final More BUILT = new More(null, null);

            final String[] names;
            final long[] epochDays;
            int count;
            boolean built;

            More(String[] names, long[] epochDays) {
                this.names = names;
                this.epochDays = epochDays;
                this.built = names == null;
            }
        }

        public Builder put(String name, long epochDay) {
            Objects.requireNonNull(name, "name");
            if (more != null && more.built) {
                throw new IllegalStateException("the dates were built already");
            }
            int i = indexOf(name);
            if (i >= 0) {
                set(i, name, epochDay);
                return this;
            }
            int count = size();
            if (count >= 2) {
                int rest = count - 2;
                if (more == null) {
                    more = new More(new String[2], new long[2]);
                } else if (rest == more.names.length) {
                    More grown = new More(Arrays.copyOf(more.names, rest * 2), Arrays.copyOf(more.epochDays, rest * 2));
                    grown.count = more.count;
                    more = grown;
                }
                more.count++;
            }
            set(count, name, epochDay);
            return this;
        }

        private void set(int i, String name, long epochDay) {
            switch (i) {
                case 0 -> { name0 = name; epochDay0 = epochDay; }
                case 1 -> { name1 = name; epochDay1 = epochDay; }
                default -> { more.names[i - 2] = name; more.epochDays[i - 2] = epochDay; }
            }
        }

        @Override
        String name(int i) {
            return i == 0 ? name0 : i == 1 ? name1 : more.names[i - 2];
        }

        @Override
        long epochDay(int i) {
            return i == 0 ? epochDay0 : i == 1 ? epochDay1 : more.epochDays[i - 2];
        }

        @Override
        public int size() {
            return name0 == null ? 0 : name1 == null ? 1 : more == null ? 2 : 2 + more.count;
        }

        public Builder putIfAbsent(String name, long epochDay) {
            return indexOf(name) < 0 ? put(name, epochDay) : this;
        }

        /** Sets every date of {@code other} whose name is not set here yet, in {@code other}'s order. */
        public Builder putAllAbsent(DatesByName other) {
            for (int i = 0, n = other.size(); i < n; i++) {
                putIfAbsent(other.name(i), other.epochDay(i));
            }
            return this;
        }

        /** The dates set, in the order first set (this builder, which no longer changes); an empty map when none was. */
        public Map<String, LocalDate> build() {
            if (more == null) {
                more = More.BUILT;
            } else {
                more.built = true;
            }
            return size() == 0 ? Map.of() : this;
        }
    }
}

package org.openrma.decision;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * An immutable list whose elements are made from a source list's, each time one is read: a decision made without its
 * words keeps its lines' results this way, as a view of the verdicts it reached, so a caller that never reads them (a
 * replay, what-if) never has them made. Nothing is kept between reads, so two reads give equal elements, not the same
 * ones. {@link Decision} keeps such a list as it is instead of copying (and so making) it.
 *
 * <p>Immutable only as long as its source no longer changes and {@code make} gives equal results for equal calls: the
 * maker of the view promises both.
 */
public final class MappedOnRead<S, T> extends AbstractList<T> implements RandomAccess {

    private final List<? extends S> source;
    private final Function<? super S, ? extends T> make;

    private MappedOnRead(List<? extends S> source, Function<? super S, ? extends T> make) {
        this.source = source;
        this.make = make;
    }

    /**
     * The view of {@code source} through {@code make}. {@code source} must no longer change and should be random access;
     * {@code make} should be a function of its argument alone (a method reference, no state), so the view is one small object.
     */
    public static <S, T> MappedOnRead<S, T> of(List<? extends S> source, Function<? super S, ? extends T> make) {
        return new MappedOnRead<>(Objects.requireNonNull(source, "source"), Objects.requireNonNull(make, "make"));
    }

    @Override
    public T get(int index) {
        return make.apply(source.get(index));
    }

    @Override
    public int size() {
        return source.size();
    }
}

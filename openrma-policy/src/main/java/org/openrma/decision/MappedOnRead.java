package org.openrma.decision;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An immutable list whose elements are made from a source list's, each time one is read: a decision made without its
 * words keeps its lines' results this way, as a view of the verdicts it reached, and its remedies, as a view of the offers
 * valued at its net amount, so a caller that never reads them (a replay, what-if) never has them made. Nothing is kept between reads, so two reads give equal elements, not the same
 * ones. {@link Decision} keeps such a list as it is instead of copying (and so making) it.
 *
 * <p>Immutable only as long as its source no longer changes and {@code make} gives equal results for equal calls: the
 * maker of the view promises both.
 */
public abstract sealed class MappedOnRead<S, T> extends AbstractList<T> implements RandomAccess {

    private final List<? extends S> source;

    private MappedOnRead(List<? extends S> source) {
        this.source = source;
    }

    /**
     * The view of {@code source} through {@code make}. {@code source} must no longer change and should be random access;
     * {@code make} should be a function of its argument alone (a method reference, no state), so the view is one small object.
     */
    public static <S, T> MappedOnRead<S, T> of(List<? extends S> source, Function<? super S, ? extends T> make) {
        return new Plain<>(Objects.requireNonNull(source, "source"), Objects.requireNonNull(make, "make"));
    }

    /**
     * The view of {@code source} through {@code make}, each element made with the same {@code context}: {@code make} should
     * be made once and shared (a policy's, say), so the view is one small object however many views use it.
     */
    public static <S, C, T> MappedOnRead<S, T> of(List<? extends S> source, C context, BiFunction<? super S, ? super C, ? extends T> make) {
        return new WithContext<>(Objects.requireNonNull(source, "source"), context, Objects.requireNonNull(make, "make"));
    }

    @Override
    public T get(int index) {
        return make(source.get(index));
    }

    abstract T make(S element);

    @Override
    public int size() {
        return source.size();
    }

    // two classes rather than one with a context that a plain view leaves empty: the field would make every such view
    // 32 bytes instead of 24 (AbstractList's own field counts too)

    private static final class Plain<S, T> extends MappedOnRead<S, T> {
        private final Function<? super S, ? extends T> make;

        Plain(List<? extends S> source, Function<? super S, ? extends T> make) {
            super(source);
            this.make = make;
        }

        @Override
        T make(S element) {
            return make.apply(element);
        }
    }

    private static final class WithContext<S, C, T> extends MappedOnRead<S, T> {
        private final C context;
        private final BiFunction<? super S, ? super C, ? extends T> make;

        WithContext(List<? extends S> source, C context, BiFunction<? super S, ? super C, ? extends T> make) {
            super(source);
            this.context = context;
            this.make = make;
        }

        @Override
        T make(S element) {
            return make.apply(element, context);
        }
    }
}

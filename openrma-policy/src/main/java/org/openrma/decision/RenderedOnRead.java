package org.openrma.decision;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An immutable list whose elements are worked out the first time it is read (its size, an element, an iteration,
 * equality), then kept, with the sentence that sums it up if there is one: one part of something larger, worked out once
 * for all its parts. A decision's words (its explanation and summary, decisive clauses, programs' verdicts and lines'
 * reasons) are each such a part of the decision made again with its words, the first time someone reads them;
 * {@link Decision} keeps such a list as it is instead of copying (and so rendering) it.
 */
public final class RenderedOnRead<T> extends AbstractList<T> {

    private final Supplier<?> whole;
    private final Function<Object, ? extends List<T>> part;
    private final Function<Object, String> summarize;
    private List<T> rendered;
    private String summary;

    private RenderedOnRead(Supplier<?> whole, Function<Object, ? extends List<T>> part, Function<Object, String> summarize) {
        this.whole = whole;
        this.part = part;
        this.summarize = summarize;
    }

    /**
     * The part of {@code whole} that {@code part} reads, and the sentence {@code summarize} reads from it (null: none),
     * each the first time it is read. {@code whole} should keep what it works out: each part asks it once.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <S, T> RenderedOnRead<T> partOf(Supplier<S> whole, Function<? super S, List<T>> part, Function<? super S, String> summarize) {
        return new RenderedOnRead<>(whole, (Function) part, (Function) summarize);
    }

    /** {@link #partOf(Supplier, Function, Function)} without a summary. */
    public static <S, T> RenderedOnRead<T> partOf(Supplier<S> whole, Function<? super S, List<T>> part) {
        return partOf(whole, part, null);
    }

    /** The summary, written the first time it is asked for; null when none was given. */
    public synchronized String summary() {
        if (summary == null && summarize != null) {
            summary = summarize.apply(whole.get());
        }
        return summary;
    }

    private synchronized List<T> list() {
        if (rendered == null) {
            rendered = List.copyOf(part.apply(whole.get()));
        }
        return rendered;
    }

    @Override
    public T get(int index) {
        return list().get(index);
    }

    @Override
    public int size() {
        return list().size();
    }

    @Override
    public java.util.Iterator<T> iterator() {
        return list().iterator();
    }

    @Override
    public boolean equals(Object o) {
        return list().equals(o);
    }

    @Override
    public int hashCode() {
        return list().hashCode();
    }
}

package org.openrma.decision;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Supplier;

/**
 * An immutable list whose elements are worked out the first time it is read (its size, an element, an iteration,
 * equality), then kept, with the sentence that sums it up if there is one. A decision's explanation, its summary and its
 * decisive clauses are recorded as the engine decides and written as words only when someone reads them; {@link Decision}
 * keeps such a list as it is instead of copying (and so rendering) it.
 */
public final class RenderedOnRead<T> extends AbstractList<T> {

    private final Supplier<List<T>> render;
    private List<T> rendered;
    private final Supplier<String> summarize;
    private String summary;

    public RenderedOnRead(Supplier<List<T>> render) {
        this(render, null);
    }

    /** {@code summarize}: the sentence that sums the list up, also written on first read (null: none). */
    public RenderedOnRead(Supplier<List<T>> render, Supplier<String> summarize) {
        this.render = render;
        this.summarize = summarize;
    }

    /** The summary written by the supplier given, the first time it is asked for; null when none was given. */
    public synchronized String summary() {
        if (summary == null && summarize != null) {
            summary = summarize.get();
        }
        return summary;
    }

    private synchronized List<T> list() {
        if (rendered == null) {
            rendered = List.copyOf(render.get());
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

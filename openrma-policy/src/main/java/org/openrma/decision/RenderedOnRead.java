package org.openrma.decision;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Supplier;

/**
 * An immutable list whose elements are worked out the first time it is read (its size, an element, an iteration,
 * equality), then kept. A decision's explanation and decisive clauses are recorded as the engine decides and written as
 * words only when someone reads them; {@link Decision} keeps such a list as it is instead of copying (and so rendering) it.
 */
public final class RenderedOnRead<T> extends AbstractList<T> {

    private final Supplier<List<T>> render;
    private List<T> rendered;

    public RenderedOnRead(Supplier<List<T>> render) {
        this.render = render;
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

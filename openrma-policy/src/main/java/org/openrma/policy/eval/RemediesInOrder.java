package org.openrma.policy.eval;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.openrma.decision.Resolution;

/**
 * The remedies offered, in the order they were offered (the explanation's words list them so): what a LinkedHashSet gave,
 * in one array and a bit per remedy instead of a hash table and an entry per remedy.
 */
final class RemediesInOrder extends AbstractSet<Resolution> {

    private static final int ALL = Resolution.values().length;

    private final Resolution[] inOrder = new Resolution[ALL];
    private long present;                                                // bit i: the remedy of ordinal i is in the set
    private int size;

    static {
        if (ALL > Long.SIZE) {
            throw new IllegalStateException("more remedies than bits in a long");
        }
    }

    @Override
    public boolean add(Resolution r) {
        long bit = 1L << r.ordinal();
        if ((present & bit) != 0) {
            return false;
        }
        present |= bit;
        inOrder[size++] = r;
        return true;
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof Resolution r && (present & (1L << r.ordinal())) != 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Iterator<Resolution> iterator() {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < size;
            }

            @Override
            public Resolution next() {
                if (i >= size) {
                    throw new NoSuchElementException();
                }
                return inOrder[i++];
            }
        };
    }
}

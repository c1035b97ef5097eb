package org.openrma.policy.eval;

/**
 * A set of claimed lines by index: the bits of a {@code long} for the usual claim of up to 64 lines (nothing allocated
 * beyond this object, which the JIT can keep off the heap), a {@code boolean[]} beyond that.
 */
final class LineSet {

    private long bits;
    private final boolean[] more;

    LineSet(int lines) {
        this.more = lines > 64 ? new boolean[lines] : null;
    }

    void add(int line) {
        if (more != null) {
            more[line] = true;
        } else {
            bits |= 1L << line;
        }
    }

    boolean has(int line) {
        return more != null ? more[line] : (bits >>> line & 1) != 0;
    }
}

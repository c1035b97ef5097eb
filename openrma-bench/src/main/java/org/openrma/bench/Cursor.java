package org.openrma.bench;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Each benchmark thread walks the claim mix on its own, one claim per operation. */
@State(Scope.Thread)
public class Cursor {

    private int next;

    /** The next index into a mix whose size is a power of two. */
    public int next(int mask) {
        return next++ & mask;
    }
}

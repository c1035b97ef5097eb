package org.openrma.decision;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * The part of a decision that only people read (the explanation, the summary, the reasons of each
 * program and line, the decisive clauses), worked out the first time any of it is read. A bulk
 * caller that compares outcomes and money never pays for the words; a caller that reads them gets
 * exactly what the reference evaluator writes, because that is what renders them.
 */
public final class DeferredDetail {

    private final Supplier<Decision> render;
    private volatile Decision rendered;

    public DeferredDetail(Supplier<Decision> render) {
        this.render = render;
    }

    /** The decision with its explanation, rendered once (a race renders twice, with the same result). */
    Decision rendered() {
        Decision d = rendered;
        if (d == null) {
            d = render.get();
            rendered = d;
        }
        return d;
    }

    /** Stands in for the explanation steps until they are read; carries the detail to the other deferred components. */
    List<ExplanationStep> steps() {
        return new Steps(this);
    }

    static DeferredDetail of(List<ExplanationStep> explanation) {
        return explanation instanceof Steps s ? s.owner : null;
    }

    /** An unmodifiable view; the record's compact constructor recognises it and does not copy it. */
    static final class Steps extends AbstractList<ExplanationStep> implements RandomAccess {
        final DeferredDetail owner;

        Steps(DeferredDetail owner) {
            this.owner = owner;
        }

        @Override
        public ExplanationStep get(int index) {
            return owner.rendered().explanation().get(index);
        }

        @Override
        public int size() {
            return owner.rendered().explanation().size();
        }
    }
}

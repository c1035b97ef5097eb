package org.openrma.service.refusal;

import java.util.List;

/**
 * A request the domain refuses, as a value of its own kind: nothing was changed, and the reason
 * names what is wrong. The domain knows nothing of HTTP; the web edge maps each kind to its
 * problem+json status ({@code web.ProblemHandler}), and the pages to their own text.
 */
public abstract sealed class Refusal extends RuntimeException
        permits Refusal.NotFound, Refusal.Conflict, Refusal.Invalid, Refusal.Stale, Refusal.Forbidden, Refusal.Upstream {

    private final String type;

    private Refusal(String type, String detail) {
        super(detail);
        this.type = type;
    }

    /** A short slug naming the kind of problem ({@code order-cancelled}, {@code invalid-request}). */
    public String type() {
        return type;
    }

    /** Something the request names does not exist (or is not the caller's to see). */
    public static final class NotFound extends Refusal {
        public NotFound(String what, Object id) {
            super("not-found", "no " + what + " '" + id + "'");
        }
    }

    /** The request is well formed but conflicts with the state of things. */
    public static final class Conflict extends Refusal {
        public Conflict(String type, String detail) {
            super(type, detail);
        }
    }

    /** Fields of the request are wrong: every one of them, with its path. */
    public static final class Invalid extends Refusal {
        private final List<Field> fields;

        public Invalid(List<Field> fields) {
            this("invalid-request", fields.size() == 1 ? fields.getFirst().toString()
                    : fields.size() + " fields are invalid: " + fields.getFirst() + "; ...", fields);
        }

        /** Invalid input of a named kind ({@code invalid-policy}) with a sentence of its own. */
        public Invalid(String type, String detail, List<Field> fields) {
            super(type, detail);
            this.fields = List.copyOf(fields);
        }

        public Invalid(String field, String message) {
            this(List.of(new Field(field, message)));
        }

        public List<Field> fields() {
            return fields;
        }
    }

    /**
     * Someone else changed the thing since the caller read it. {@code fromIfMatch}: the version came
     * as a precondition (an If-Match header) rather than in the body.
     */
    public static final class Stale extends Refusal {
        private final boolean fromIfMatch;

        public Stale(String detail, boolean fromIfMatch) {
            super("stale-version", detail);
            this.fromIfMatch = fromIfMatch;
        }

        public boolean fromIfMatch() {
            return fromIfMatch;
        }
    }

    /** The caller may not do this (a customer on a staff endpoint, an agent key on an admin one). */
    public static final class Forbidden extends Refusal {
        public Forbidden(String detail) {
            super("forbidden", detail);
        }
    }

    /** One bad field: its path in the request ({@code request.lines[0].sku}) and what is wrong with it. */
    public record Field(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    /**
     * A service the request depends on (a carrier's API) refused or failed; nothing was changed here,
     * and the detail says what the other service answered and what the caller can do instead.
     */
    public static final class Upstream extends Refusal {
        public Upstream(String type, String detail) {
            super(type, detail);
        }
    }
}

package org.openrma.policy.model;

import java.time.LocalDate;
import java.util.Optional;

/** Where a calendar date comes from: an event on the claim's timeline, or a declared date attribute. */
public sealed interface DateSource {

    /** The date in the merchant's zone, or empty when the event has not happened or the claim does not give it. */
    Optional<LocalDate> date(Subject s);

    String label();

    boolean readsLine();

    /** The moment a window counts from: the event's instant, or the start of the attribute's date in the merchant's zone. */
    default Optional<java.time.Instant> instant(Subject s) {
        return date(s).map(d -> d.atStartOfDay(s.calendar().zone()).toInstant());
    }

    record OfEvent(Event event) implements DateSource {
        public Optional<LocalDate> date(Subject s) {
            return event.in(s).map(s.calendar()::dateOf);
        }

        @Override
        public Optional<java.time.Instant> instant(Subject s) {
            return event.in(s);
        }

        public String label() {
            return event.wire();
        }

        public boolean readsLine() {
            return false;
        }
    }

    /**
     * A date attribute ({@code line.attributes.manufactured_on}). Absent with a default: the default;
     * absent without one: the rule that reads it cannot be evaluated.
     */
    record OfAttribute(Field field) implements DateSource {
        public Optional<LocalDate> date(Subject s) {
            String raw = field.raw(s);
            if (raw == null && field.declared() != null) {
                raw = field.declared().defaultValue();
            }
            if (raw == null) {
                // a declared date the claim leaves out is not an event that has not happened: it is unknown
                throw new Unevaluable(field.name() + " is not given on this claim and the policy sets no default");
            }
            String value = raw;
            return Optional.of(Declarations.Attribute.date(value)
                    .orElseThrow(() -> new Unevaluable(field.name() + " is '" + value + "', not a date")));
        }

        public String label() {
            return field.name();
        }

        public boolean readsLine() {
            return field.isLineField();
        }
    }
}

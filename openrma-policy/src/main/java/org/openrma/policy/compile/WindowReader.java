package org.openrma.policy.compile;

import org.openrma.policy.model.Condition;
import org.openrma.policy.model.DateSource;
import org.openrma.policy.model.Declarations;
import org.openrma.policy.model.Event;
import org.openrma.policy.model.Field;
import org.openrma.policy.model.Window;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openrma.calendar.Counting;
import org.openrma.calendar.Length;
import org.openrma.claim.Vocabulary;
import org.openrma.decision.Outcome;
import org.openrma.policy.source.Node;

/**
 * Windows and deadlines: the span a window counts ({@code from} + {@code within}, {@code until} a date, the later or
 * earlier of several), its length (fixed or by a field), what it bounds and the counting convention.
 */
final class WindowReader extends RuleReader {

    /** The policy's counting convention, which each window may override. */
    Counting counting = Counting.DEFAULT;

    WindowReader(Sink sink, Declarations declarations, ConditionReader conditions, Clauses clauses) {
        super(sink, declarations, conditions, clauses);
    }

    Window window(Node node, boolean named) {
        Node.Mapping m = mapping(node, named ? "a deadline" : "a window");
        if (m == null) {
            return null;
        }
        known(m, named ? "a deadline" : "a window", "name", "from", "offset", "within", "until", "later_of", "earlier_of", "bounds", "otherwise",
                "when", "cites", "says", "event_day", "years", "leap_day");
        String name = text(m, "name", named);
        if (!named && name != null) {
            error(m.entries().get("name"), "the program's window is named claim_window_ends; only deadlines take a 'name'");
        }
        Window.Span span = span(m);
        if (span == null) {
            cites(m); // still report what else is wrong with it
            return null;
        }
        Event bounds = m.get("bounds").flatMap(this::event).orElse(Event.SUBMITTED);
        if (m.entries().containsKey("bounds") && !List.of(Event.SUBMITTED, Event.SHIPPED_BACK, Event.RECEIVED).contains(bounds)) {
            error(m.entries().get("bounds"), "a window bounds submitted, shipped_back or received");
        }
        Outcome otherwise = outcome(m, "otherwise").orElse(Outcome.REJECTED);
        Condition when = m.get("when").map(this::condition).orElse(Condition.ALWAYS);
        return new Window(named ? name : "claim_window_ends", span, bounds, otherwise, when, cites(m), text(m, "says", false));
    }

    Window.Span span(Node.Mapping m) {
        int forms = (m.entries().containsKey("from") || m.entries().containsKey("within") ? 1 : 0) + (m.entries().containsKey("until") ? 1 : 0)
                + (m.entries().containsKey("later_of") ? 1 : 0) + (m.entries().containsKey("earlier_of") ? 1 : 0);
        if (forms != 1) {
            error(m, "a window is one of: 'from' + 'within', 'until' (a date), 'later_of' or 'earlier_of' (a list of windows)");
            return null;
        }
        if (m.entries().containsKey("until")) {
            LocalDate until = date(m, "until", true);
            return until == null ? null : new Window.Until(until);
        }
        if (m.entries().containsKey("later_of") || m.entries().containsKey("earlier_of")) {
            boolean later = m.entries().containsKey("later_of");
            List<Window.Span> spans = list(m.entries().get(later ? "later_of" : "earlier_of"), later ? "later_of" : "earlier_of", n -> {
                Node.Mapping inner = mapping(n, "a window");
                if (inner == null) {
                    return null;
                }
                known(inner, "a window", "from", "offset", "within", "until", "later_of", "earlier_of", "event_day", "years", "leap_day");
                return span(inner);
            });
            if (spans.size() < 2) {
                error(m, (later ? "later_of" : "earlier_of") + " needs at least two windows");
            }
            return new Window.Combined(later, spans);
        }
        Optional<DateSource> from = m.get("from").flatMap(this::dateSource);
        if (!m.entries().containsKey("from")) {
            error(m, "a window needs 'from': the event it counts from (" + Vocabulary.allowed(Event.class) + ") or a date attribute");
        }
        Node within = m.entries().get("within");
        if (within == null) {
            error(m, "a window needs 'within': a length such as \"7 days\", \"14 business days\", \"2 years\" or unlimited");
            return null;
        }
        Length offset = m.get("offset").map(this::length).orElse(null);
        Window.LengthRule length = lengthRule(within);
        Counting windowCounting = countingKeys(m, counting);
        return from.map(f -> (Window.Span) new Window.FromEvent(f, offset, length, windowCounting)).orElse(null);
    }

    Window.LengthRule lengthRule(Node node) {
        if (node instanceof Node.Scalar s) {
            return new Window.FixedLength(length(s));
        }
        Node.Mapping m = mapping(node, "within");
        if (m == null) {
            return new Window.FixedLength(ERROR_LENGTH);
        }
        known(m, "within", "by", "values", "default");
        Field field = field(m.entries().get("by"));
        Map<String, Length> table = new LinkedHashMap<>();
        m.get("values").ifPresent(v -> {
            Node.Mapping vm = mapping(v, "values");
            if (vm != null) {
                vm.entries().forEach((k, len) -> table.put(k, length(len)));
                if (vm.entries().isEmpty()) {
                    error(vm, "a length table has no 'values': list at least one word with its length, or leave 'values' out to read the length from the field");
                }
            }
        });
        Node dflt = m.entries().get("default");
        if (dflt == null) {
            error(m, "a length table needs 'default' for claims whose " + (field == null ? "field" : field.name()) + " is not listed");
        }
        return new Window.LengthByField(field, table, dflt == null ? ERROR_LENGTH : length(dflt));
    }

    /** An event, or a declared date attribute ({@code line.attributes.manufactured_on}). */
    Optional<DateSource> dateSource(Node node) {
        String t = scalarText(node);
        if (t != null && Field.attributeName(t).isPresent()) {
            Optional<Declarations.Attribute> a = declarations.attribute(t);
            if (a.isEmpty() || a.get().type() != Declarations.Type.DATE) {
                error(node, "'" + t + "' is not a declared date attribute; declare it under attributes with type: date");
                return Optional.empty();
            }
            return Optional.of(new DateSource.OfAttribute(Field.of(t, declarations)));
        }
        return event(node).map(DateSource.OfEvent::new);
    }

    Counting counting(Node node, Counting base) {
        Node.Mapping m = mapping(node, "counting");
        if (m == null) {
            return base;
        }
        known(m, "counting", "event_day", "years", "leap_day");
        return countingKeys(m, base);
    }

    /** The counting keys of a policy's {@code counting} or of one window, over a base convention. */
    Counting countingKeys(Node.Mapping m, Counting base) {
        Counting.EventDay eventDay = m.get("event_day").map(n -> switch (String.valueOf(scalarText(n))) {
            case "day_0" -> Counting.EventDay.DAY_0;
            case "day_1" -> Counting.EventDay.DAY_1;
            default -> {
                error(n, "event_day is day_0 (the event's date is day 0: \"within 30 days\" ends 30 days later) or day_1 (the event's date is the first day)");
                yield base.eventDay(); // placeholder after the error: the convention it would have changed
            }
        }).orElse(base.eventDay());
        Counting.Years years = m.get("years").map(n -> switch (String.valueOf(scalarText(n))) {
            case "anniversary" -> Counting.Years.ANNIVERSARY;
            case "365_days" -> Counting.Years.DAYS_365;
            default -> {
                error(n, "years is anniversary or 365_days");
                yield base.years();
            }
        }).orElse(base.years());
        Counting.LeapDay leap = m.get("leap_day").map(n -> switch (String.valueOf(scalarText(n))) {
            case "feb_28" -> Counting.LeapDay.FEB_28;
            case "mar_1" -> Counting.LeapDay.MAR_1;
            default -> {
                error(n, "leap_day is feb_28 or mar_1 (where an anniversary of 29 February lands)");
                yield base.leapDay();
            }
        }).orElse(base.leapDay());
        return new Counting(eventDay, years, leap);
    }
}

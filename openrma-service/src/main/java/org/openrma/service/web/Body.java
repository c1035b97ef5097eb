package org.openrma.service.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.openrma.claim.Vocabulary;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of a small JSON command body, collecting every problem with the field's name,
 * then {@link #done()} throws them all at once as a 422.
 */
public final class Body {

    private final JsonNode node;
    private final String at;
    private final List<ApiProblem.FieldError> problems;

    private Body(JsonNode node, String at, List<ApiProblem.FieldError> problems) {
        this.node = node;
        this.at = at;
        this.problems = problems;
    }

    /** A body that may be absent (an empty command); anything but an object is a problem. */
    public static Body of(JsonNode node, String... allowed) {
        Body b = new Body(node, "", new ArrayList<>());
        if (node != null && !node.isNull() && !node.isMissingNode() && !node.isObject()) {
            b.problem("(body)", "expected a JSON object");
        } else if (node != null && node.isObject()) {
            b.allowOnly(allowed);
        }
        return b;
    }

    private void allowOnly(String... allowed) {
        Set<String> names = Set.of(allowed);
        for (String name : node.propertyNames()) {
            if (!names.contains(name)) {
                problem(path(name), "unknown field; expected one of " + String.join(", ", new TreeSet<>(names)));
            }
        }
    }

    public void problem(String field, String message) {
        problems.add(new ApiProblem.FieldError(field, message));
    }

    public String path(String name) {
        return at.isEmpty() ? name : at + "." + name;
    }

    private JsonNode get(String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    public boolean has(String name) {
        return get(name) != null;
    }

    public JsonNode raw(String name) {
        return get(name);
    }

    public String text(String name, boolean required) {
        JsonNode v = get(name);
        if (v == null) {
            if (required) {
                problem(path(name), "is required");
            }
            return null;
        }
        if (!v.isString()) {
            problem(path(name), "expected text");
            return null;
        }
        String s = v.asString().strip();
        if (s.isEmpty()) {
            problem(path(name), "must not be empty");
            return null;
        }
        return s;
    }

    public Integer integer(String name, boolean required) {
        JsonNode v = get(name);
        if (v == null) {
            if (required) {
                problem(path(name), "is required");
            }
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            problem(path(name), "expected a whole number");
            return null;
        }
        return v.asInt();
    }

    public Boolean bool(String name) {
        JsonNode v = get(name);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            problem(path(name), "expected true or false");
            return null;
        }
        return v.asBoolean();
    }

    public <E extends Enum<E> & Vocabulary> E word(String name, Class<E> type, boolean required) {
        String s = text(name, required);
        if (s == null) {
            return null;
        }
        var parsed = Vocabulary.parse(type, s);
        if (parsed.isEmpty()) {
            problem(path(name), "unknown value '" + s + "'; expected one of " + Vocabulary.allowed(type));
            return null;
        }
        return parsed.get();
    }

    public <E extends Enum<E> & Vocabulary> Set<E> words(String name, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        JsonNode v = get(name);
        if (v == null) {
            return out;
        }
        if (!v.isArray()) {
            problem(path(name), "expected a list");
            return out;
        }
        int i = 0;
        for (JsonNode e : v.values()) {
            String p = path(name) + "[" + i++ + "]";
            var parsed = e.isString() ? Vocabulary.parse(type, e.asString()) : java.util.Optional.<E>empty();
            if (parsed.isEmpty()) {
                problem(p, "unknown value '" + e.asString() + "'; expected one of " + Vocabulary.allowed(type));
            } else {
                out.add(parsed.get());
            }
        }
        return out;
    }

    public Instant instant(String name, boolean required) {
        String s = text(name, required);
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e2) {
                problem(path(name), "'" + s + "' is not a timestamp; expected ISO-8601 such as 2025-03-01T10:00:00Z");
                return null;
            }
        }
    }

    /** A non-negative decimal string such as "19.99". */
    public BigDecimal amount(String name, boolean required) {
        JsonNode v = get(name);
        if (v == null) {
            if (required) {
                problem(path(name), "is required");
            }
            return null;
        }
        if (!v.isString()) {
            problem(path(name), "expected a decimal string such as \"19.99\"");
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(v.asString().strip());
            if (d.signum() < 0) {
                problem(path(name), "must not be negative");
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            problem(path(name), "'" + v.asString() + "' is not an amount; expected a decimal string such as \"19.99\"");
            return null;
        }
    }

    /** Throws every problem found so far as one 422. */
    public void done() {
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
    }
}

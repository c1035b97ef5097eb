package org.openrma.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.joda.money.CurrencyUnit;
import org.joda.money.IllegalCurrencyException;
import org.joda.money.Money;
import org.openrma.claim.InvalidClaimException.FieldProblem;
import tools.jackson.databind.JsonNode;

/**
 * The collecting reader claims are read with: each accessor reads one field off a JSON tree, and a
 * missing or malformed field is remembered with its path ({@code request.lines[0].sku}) instead of
 * stopping, so a refused claim lists every problem at once.
 */
final class ClaimFields {
    private final List<FieldProblem> problems = new ArrayList<>();

    void problem(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidClaimException(problems);
        }
    }

    private static String path(String at, String name) {
        return at.isEmpty() ? name : at + "." + name;
    }

    private static JsonNode present(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() ? null : v;
    }

    void allowOnly(JsonNode n, String at, Set<String> names) {
        if (!n.isObject()) {
            problem(at.isEmpty() ? "(document)" : at, "expected an object");
            return;
        }
        for (String name : n.propertyNames()) {
            if (!names.contains(name)) {
                problem(path(at, name), "unknown field; expected one of " + String.join(", ", names.stream().sorted().toList()));
            }
        }
    }

    <T> T required(JsonNode n, String at, String name, Function<JsonNode, T> reader) {
        JsonNode v = present(n, name);
        if (v == null) {
            problem(path(at, name), "is required");
            return null;
        }
        return reader.apply(v);
    }

    <T> T optional(JsonNode n, String at, String name, Function<JsonNode, T> reader) {
        JsonNode v = present(n, name);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            problem(path(at, name), "expected an object");
            return null;
        }
        return reader.apply(v);
    }

    /** A named value of the object {@code n}: absent is null (and a problem when required), present is read by {@code value}. */
    private <T> T named(JsonNode n, String at, String name, boolean required, BiFunction<JsonNode, String, T> value) {
        JsonNode v = present(n, name);
        if (v == null) {
            if (required) {
                problem(path(at, name), "is required");
            }
            return null;
        }
        return value.apply(v, path(at, name));
    }

    String string(JsonNode n, String at, String name, boolean required) {
        return named(n, at, name, required, this::stringValue);
    }

    String stringValue(JsonNode v, String path) {
        if (!v.isString() && !v.isNumber() && !v.isBoolean()) {
            problem(path, "expected text");
            return null;
        }
        String s = v.asString().trim();
        if (s.isEmpty()) {
            problem(path, "must not be empty");
            return null;
        }
        return s;
    }

    Map<String, String> stringMap(JsonNode n, String at, String name) {
        JsonNode v = present(n, name);
        if (v == null) {
            return Map.of();
        }
        if (!v.isObject()) {
            problem(path(at, name), "expected an object of names to values");
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : v.properties()) {
            if (e.getValue().isContainer()) {
                problem(path(at, name) + "." + e.getKey(), "expected a plain value");
            } else if (!e.getValue().isNull()) {
                out.put(e.getKey(), e.getValue().asString());
            }
        }
        return out;
    }

    <E extends Enum<E> & Vocabulary> E word(JsonNode n, String at, String name, Class<E> type, boolean required) {
        String s = string(n, at, name, required);
        return s == null ? null : wordValue(s, path(at, name), type);
    }

    <E extends Enum<E> & Vocabulary> E wordValue(String s, String path, Class<E> type) {
        var parsed = Vocabulary.parse(type, s);
        if (parsed.isEmpty()) {
            problem(path, "unknown value '" + s + "'; expected one of " + Vocabulary.allowed(type));
            return null;
        }
        return parsed.get();
    }

    /**
     * A word of a vocabulary a policy may extend: a standard word (normalized to its wire form)
     * or any word shaped like one, which the deciding policy must declare.
     */
    <E extends Enum<E> & Vocabulary> String openWord(JsonNode n, String at, String name, Class<E> type, boolean required) {
        String s = string(n, at, name, required);
        return s == null ? null : openWordValue(s, path(at, name), type);
    }

    <E extends Enum<E> & Vocabulary> String openWordValue(String s, String path, Class<E> type) {
        var standard = Vocabulary.parse(type, s);
        if (standard.isPresent()) {
            return standard.get().wire();
        }
        if (!s.matches("[a-z][a-z0-9_]{0,63}")) {
            problem(path, "unknown value '" + s + "'; expected one of " + Vocabulary.allowed(type) + " or a word the policy declares");
            return null;
        }
        return s;
    }

    <E extends Enum<E> & Vocabulary> Set<String> openWordSet(JsonNode n, String at, String name, Class<E> type) {
        List<String> words = list(n, at, name, false, (v, p) -> {
            String s = stringValue(v, p);
            return s == null ? null : openWordValue(s, p, type);
        });
        Set<String> out = new LinkedHashSet<>();
        if (words != null) {
            words.stream().filter(java.util.Objects::nonNull).forEach(out::add);
        }
        return out;
    }

    Instant instant(JsonNode n, String at, String name, boolean required) {
        return named(n, at, name, required, this::instantValue);
    }

    Instant instantValue(JsonNode v, String path) {
        if (!v.isString()) {
            problem(path, "expected a timestamp such as 2025-03-01T10:00:00Z");
            return null;
        }
        String text = v.asString();
        Instant fast = utcSeconds(text);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(v.asString()).toInstant();
            } catch (DateTimeParseException e2) {
                problem(path, "'" + v.asString() + "' is not a timestamp; expected ISO-8601 such as 2025-03-01T10:00:00Z");
                return null;
            }
        }
    }

    /**
     * The common shape {@code 2025-03-01T10:00:00Z} parsed without a formatter (a replay reads
     * millions); anything else, or an impossible date, is left to {@link Instant#parse}.
     */
    static Instant utcSeconds(String t) {
        if (t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        return java.time.LocalDateTime.of(year, month, day, hour, minute, second).toInstant(java.time.ZoneOffset.UTC);
    }

    private static int digits(String t, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    CurrencyUnit currency(JsonNode n, String at, String name) {
        String code = string(n, at, name, true);
        if (code == null) {
            return null;
        }
        try {
            return CurrencyUnit.of(code.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalCurrencyException e) {
            problem(path(at, name), "unknown currency '" + code + "'; expected an ISO 4217 code such as USD or EUR");
            return null;
        }
    }

    Money money(JsonNode n, String at, String name, CurrencyUnit currency, boolean required) {
        return named(n, at, name, required, (v, p) -> moneyValue(v, p, currency));
    }

    private Money moneyValue(JsonNode v, String p, CurrencyUnit currency) {
        if (!v.isString() && !v.isNumber()) {
            problem(p, "expected an amount such as \"19.99\"");
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(v.asString().trim());
            if (amount.precision() - amount.scale() > 15 || amount.scale() > 15) {
                problem(p, "'" + v.asString() + "' is not a plausible amount");
                return null;
            }
        } catch (NumberFormatException e) {
            problem(p, "'" + v.asString() + "' is not an amount; expected a decimal string such as \"19.99\"");
            return null;
        }
        if (amount.signum() < 0) {
            problem(p, "must not be negative (got " + amount.toPlainString() + ")");
            return null;
        }
        if (amount.stripTrailingZeros().scale() > currency.getDecimalPlaces()) {
            problem(p, amount.toPlainString() + " has more decimals than " + currency.getCode() + " allows (" + currency.getDecimalPlaces() + ")");
            return null;
        }
        return Money.of(currency, amount.setScale(currency.getDecimalPlaces()));
    }

    Integer positiveInt(JsonNode n, String at, String name, boolean required) {
        return named(n, at, name, required, this::positiveIntValue);
    }

    private Integer positiveIntValue(JsonNode v, String p) {
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 1 || v.asLong() > 1_000_000) {
            problem(p, "expected a whole number from 1 (got " + v.asString() + ")");
            return null;
        }
        return v.asInt();
    }

    Boolean bool(JsonNode n, String at, String name) {
        JsonNode v = present(n, name);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            problem(path(at, name), "expected true or false");
            return null;
        }
        return v.asBoolean();
    }

    <T> List<T> list(JsonNode n, String at, String name, boolean required, BiFunction<JsonNode, String, T> item) {
        return named(n, at, name, required, (v, p) -> listValue(v, p, item));
    }

    private <T> List<T> listValue(JsonNode v, String p, BiFunction<JsonNode, String, T> item) {
        if (!v.isArray()) {
            problem(p, "expected a list");
            return null;
        }
        List<T> out = new ArrayList<>();
        int i = 0;
        for (JsonNode e : v.values()) {
            out.add(item.apply(e, p + "[" + i++ + "]"));
        }
        return out;
    }
}

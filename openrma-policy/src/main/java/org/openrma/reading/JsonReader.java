package org.openrma.reading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.joda.money.CurrencyUnit;
import org.joda.money.IllegalCurrencyException;
import org.joda.money.Money;
import org.openrma.claim.Vocabulary;
import tools.jackson.databind.JsonNode;

/**
 * The collecting reader for JSON (a claim, a request body): each accessor reads one named value of
 * an object, and a missing or malformed value is reported with its path ({@code request.lines[0].sku})
 * instead of stopping, so a refused document lists every problem at once. Where the problems go is
 * the caller's: a claim collects them into an {@code InvalidClaimException}, the service into a 422.
 */
public final class JsonReader extends CollectingReader<String> {

    private final BiConsumer<String, String> report;
    private int problems;

    /** A reader that hands each problem, as (path, message), to {@code report}. */
    public JsonReader(BiConsumer<String, String> report) {
        this.report = report;
    }

    @Override
    protected void problem(String at, String message) {
        problems++;
        report.accept(at, message);
    }

    /** Reports a problem the caller found itself (a cross-field check), in the same list. */
    public void report(String field, String message) {
        problem(field, message);
    }

    public boolean hasProblems() {
        return problems > 0;
    }

    /** {@code at.name}, or {@code name} at the top. */
    public static String path(String at, String name) {
        return at.isEmpty() ? name : at + "." + name;
    }

    private static JsonNode present(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() ? null : v;
    }

    /** Reports {@code n} when it is not an object, and each of its names not in {@code names}. */
    public void allowOnly(JsonNode n, String at, Set<String> names) {
        if (!n.isObject()) {
            problem(at.isEmpty() ? "(document)" : at, Wording.OBJECT);
            return;
        }
        onlyKnownFields(n.propertyNames(), names, name -> path(at, name));
    }

    public <T> T required(JsonNode n, String at, String name, Function<JsonNode, T> reader) {
        JsonNode v = present(n, name);
        if (v == null) {
            problem(path(at, name), Wording.REQUIRED);
            return null;
        }
        return reader.apply(v);
    }

    /** An optional object read by {@code reader}; null when absent. */
    public <T> T optional(JsonNode n, String at, String name, Function<JsonNode, T> reader) {
        JsonNode v = present(n, name);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            problem(path(at, name), Wording.OBJECT);
            return null;
        }
        return reader.apply(v);
    }

    /** A named value of the object {@code n}: absent is null (and a problem when required), present is read by {@code value}. */
    private <T> T named(JsonNode n, String at, String name, boolean required, BiFunction<JsonNode, String, T> value) {
        JsonNode v = present(n, name);
        if (v == null) {
            if (required) {
                problem(path(at, name), Wording.REQUIRED);
            }
            return null;
        }
        return value.apply(v, path(at, name));
    }

    public String string(JsonNode n, String at, String name, boolean required) {
        return named(n, at, name, required, this::stringValue);
    }

    /** Text (a number or a boolean is read as its text), trimmed and not empty. */
    public String stringValue(JsonNode v, String path) {
        if (!v.isString() && !v.isNumber() && !v.isBoolean()) {
            problem(path, Wording.TEXT);
            return null;
        }
        String s = v.asString().trim();
        if (s.isEmpty()) {
            problem(path, Wording.NOT_EMPTY);
            return null;
        }
        return s;
    }

    public Map<String, String> stringMap(JsonNode n, String at, String name) {
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

    public <E extends Enum<E> & Vocabulary> E word(JsonNode n, String at, String name, Class<E> type, boolean required) {
        String s = string(n, at, name, required);
        return s == null ? null : word(path(at, name), s, type).orElse(null);
    }

    /** A word of a vocabulary a policy may extend (see {@link CollectingReader#openWord}). */
    public <E extends Enum<E> & Vocabulary> String openWord(JsonNode n, String at, String name, Class<E> type, boolean required) {
        String s = string(n, at, name, required);
        return s == null ? null : openWord(path(at, name), s, type);
    }

    public <E extends Enum<E> & Vocabulary> Set<String> openWordSet(JsonNode n, String at, String name, Class<E> type) {
        List<String> words = list(n, at, name, false, (v, p) -> {
            String s = stringValue(v, p);
            return s == null ? null : openWord(p, s, type);
        });
        Set<String> out = new LinkedHashSet<>();
        if (words != null) {
            words.stream().filter(Objects::nonNull).forEach(out::add);
        }
        return out;
    }

    public Instant instant(JsonNode n, String at, String name, boolean required) {
        return named(n, at, name, required, this::instantValue);
    }

    public Instant instantValue(JsonNode v, String path) {
        if (!v.isString()) {
            problem(path, "expected a timestamp such as 2025-03-01T10:00:00Z");
            return null;
        }
        return instant(path, v.asString());
    }

    public CurrencyUnit currency(JsonNode n, String at, String name) {
        String code = string(n, at, name, true);
        if (code == null) {
            return null;
        }
        try {
            return CurrencyUnit.of(code.toUpperCase(Locale.ROOT));
        } catch (IllegalCurrencyException e) {
            problem(path(at, name), "unknown currency '" + code + "'; expected an ISO 4217 code such as USD or EUR");
            return null;
        }
    }

    /** A non-negative amount in {@code currency}, with no more decimals than it has. */
    public Money money(JsonNode n, String at, String name, CurrencyUnit currency, boolean required) {
        return named(n, at, name, required, (v, p) -> moneyValue(v, p, currency));
    }

    private Money moneyValue(JsonNode v, String p, CurrencyUnit currency) {
        if (!v.isString() && !v.isNumber()) {
            problem(p, "expected an amount such as \"19.99\"");
            return null;
        }
        BigDecimal amount = decimal(p, v.asString(), Wording.notAnAmount(v.asString()));
        if (amount == null) {
            return null;
        }
        if (amount.precision() - amount.scale() > 15 || amount.scale() > 15) {
            problem(p, "'" + v.asString() + "' is not a plausible amount");
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

    public Integer positiveInt(JsonNode n, String at, String name, boolean required) {
        return named(n, at, name, required, this::positiveIntValue);
    }

    private Integer positiveIntValue(JsonNode v, String p) {
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 1 || v.asLong() > 1_000_000) {
            problem(p, "expected a whole number from 1 (got " + v.asString() + ")");
            return null;
        }
        return v.asInt();
    }

    /** A whole number from 0 to {@code max}; null when absent. */
    public Integer count(JsonNode n, String at, String name, int max) {
        return named(n, at, name, false, (v, p) -> {
            if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > max) {
                problem(p, "expected a whole number from 0 (got " + v.asString() + ")");
                return null;
            }
            return v.asInt();
        });
    }

    public Boolean bool(JsonNode n, String at, String name) {
        JsonNode v = present(n, name);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            problem(path(at, name), Wording.BOOLEAN);
            return null;
        }
        return v.asBoolean();
    }

    public <T> List<T> list(JsonNode n, String at, String name, boolean required, BiFunction<JsonNode, String, T> item) {
        return named(n, at, name, required, (v, p) -> listValue(v, p, item));
    }

    private <T> List<T> listValue(JsonNode v, String p, BiFunction<JsonNode, String, T> item) {
        if (!v.isArray()) {
            problem(p, Wording.LIST);
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

package org.openrma.policy.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a policy declares beyond the standard claim: typed attributes of the order, the request, the
 * customer and the lines, and words it adds to the open vocabularies (reasons, facts, evidence,
 * item conditions). Claims are checked against them before they are decided.
 */
public record Declarations(Map<String, Attribute> attributes, Map<Vocabularies, Set<String>> words) {

    public static final Declarations NONE = new Declarations(Map.of(), Map.of());

    public Declarations {
        attributes = Map.copyOf(attributes);
        words = Map.copyOf(words);
    }

    /** The vocabularies a policy may extend, named as in the file's {@code vocabulary} section. */
    public enum Vocabularies {
        REASONS("reasons"), FACTS("facts"), EVIDENCE("evidence"), CONDITIONS("conditions");

        public final String key;

        Vocabularies(String key) {
            this.key = key;
        }
    }

    public Set<String> declared(Vocabularies v) {
        return words.getOrDefault(v, Set.of());
    }

    public Optional<Attribute> attribute(String path) {
        return Optional.ofNullable(attributes.get(path));
    }

    /** The scopes an attribute can belong to, as written before {@code .attributes.}. */
    public static final List<String> SCOPES = List.of("order", "request", "customer", "line");

    public enum Type {
        TEXT, ENUM, NUMBER, INTEGER, MONEY, DATE, BOOLEAN;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A declared attribute: its full path ({@code line.attributes.manufactured_on}), its type, the
     * allowed values of an enumeration, and the value assumed when a claim leaves it out (null: a
     * rule that reads it sends the claim to review).
     */
    public record Attribute(String path, Type type, List<String> values, String defaultValue) {

        public Attribute {
            values = List.copyOf(values);
        }

        /** Why a claim's value does not fit this declaration, or empty when it does. */
        public Optional<String> problemWith(String value) {
            return switch (type) {
                case TEXT -> Optional.empty();
                case ENUM -> values.contains(value) ? Optional.empty()
                        : Optional.of(org.openrma.reading.Wording.unknownValue(value, values));
                case NUMBER, MONEY -> decimal(value).isPresent() ? Optional.empty()
                        : Optional.of("'" + value + "' is not a " + (type == Type.MONEY ? "decimal amount such as \"19.99\"" : "number"));
                case INTEGER -> value.matches("-?\\d{1,18}") ? Optional.empty() : Optional.of("'" + value + "' is not a whole number");
                case DATE -> date(value).isPresent() ? Optional.empty() : Optional.of(org.openrma.reading.Wording.notADate(value));
                case BOOLEAN -> value.equals("true") || value.equals("false") ? Optional.empty() : Optional.of("'" + value + "' is not true or false");
            };
        }

        public static Optional<BigDecimal> decimal(String value) {
            try {
                return value.length() > 40 ? Optional.empty() : Optional.of(new BigDecimal(value.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        public static Optional<LocalDate> date(String value) {
            try {
                return Optional.of(LocalDate.parse(value.trim().length() > 10 ? value.trim().substring(0, 10) : value.trim()));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }
}

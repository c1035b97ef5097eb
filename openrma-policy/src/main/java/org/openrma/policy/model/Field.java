package org.openrma.policy.model;

import java.util.Optional;

/**
 * A single-valued word a condition or a table can read, named as in policy files:
 * {@code reason}, {@code line.category}, {@code customer.tier}, {@code line.attributes.warranty}, ...
 */
public record Field(String name, Accessor accessor, NamedField named, Declarations.Attribute declared, String attributeKey) {

    public Field(String name) {
        this(name, Accessor.of(name), NamedField.named(name).orElse(null), null);
    }

    /** {@code attributeKey}: the attribute's own name, cut from {@code name} once here rather than on every read. */
    public Field(String name, Accessor accessor, NamedField named, Declarations.Attribute declared) {
        this(name, accessor, named, declared, accessor.keyOf(name));
    }

    /** How a field is read, resolved once when the policy is compiled. */
    enum Accessor {
        NAMED(null), LINE_ATTRIBUTE("line.attributes."), CUSTOMER_ATTRIBUTE("customer.attributes."), ORDER_ATTRIBUTE("order.attributes."),
        REQUEST_ATTRIBUTE("request.attributes."), UNKNOWN(null);

        private final String prefix;

        Accessor(String prefix) {
            this.prefix = prefix;
        }

        /** The attribute's name in a field of this kind (the part after the scope's prefix), or null for a field that is no attribute. */
        String keyOf(String name) {
            return prefix == null ? null : name.substring(prefix.length());
        }

        static Accessor of(String name) {
            if (NamedField.named(name).isPresent()) {
                return NAMED;
            }
            for (Accessor a : values()) {
                if (a.prefix != null && name.startsWith(a.prefix)) {
                    return a;
                }
            }
            return UNKNOWN;
        }
    }

    /** Fields that need no further name; {@code line.attributes.X} and {@code customer.attributes.X} are also accepted. */
    public static final java.util.List<String> NAMED = NamedField.NAMES;

    public static boolean isKnown(String name) {
        return NAMED.contains(name) || aliases(name).isPresent() || attributeName(name).isPresent();
    }

    /** The attribute's own name when the field is {@code <scope>.attributes.<name>}. */
    public static Optional<String> attributeName(String name) {
        for (String scope : Declarations.SCOPES) {
            String prefix = scope + ".attributes.";
            if (name.startsWith(prefix) && name.length() > prefix.length() && name.indexOf('.', prefix.length()) < 0) {
                return Optional.of(name.substring(prefix.length()));
            }
        }
        return Optional.empty();
    }

    /** Condition keys are the short names of fields: {@code condition} means {@code line.condition}. */
    public static Optional<String> aliases(String key) {
        return NamedField.byAlias(key).map(f -> f.name);
    }

    public static Field of(String name) {
        return new Field(aliases(name).orElse(name));
    }

    /** The field with its declaration, when the policy declares it as an attribute. */
    public static Field of(String name, Declarations declarations) {
        String resolved = aliases(name).orElse(name);
        return new Field(resolved, Accessor.of(resolved), NamedField.named(resolved).orElse(null), declarations.attribute(resolved).orElse(null));
    }

    public boolean isLineField() {
        return name.startsWith("line.");
    }

    /**
     * The field's word for this subject; "none" when the claim does not say. A declared attribute
     * the claim leaves out reads as its default, or cannot be evaluated when it has none.
     */
    public String read(Subject s) {
        String value = raw(s);
        if (value != null) {
            return value;
        }
        if (declared != null && (accessor != Accessor.LINE_ATTRIBUTE || s.line() != null)) {
            if (declared.defaultValue() != null) {
                return declared.defaultValue();
            }
            throw new Unevaluable(name + " is not given on this claim and the policy sets no default");
        }
        return "none";
    }

    /** The value as the claim gives it, or null. */
    public String raw(Subject s) {
        return switch (accessor) {
            case NAMED -> named.read(s);
            case LINE_ATTRIBUTE -> s.line() == null ? null : s.line().line().attributes().get(attributeKey);
            case CUSTOMER_ATTRIBUTE -> s.claim().order().customer().attributes().get(attributeKey);
            case ORDER_ATTRIBUTE -> s.claim().order().attributes().get(attributeKey);
            case REQUEST_ATTRIBUTE -> s.claim().request().attributes().get(attributeKey);
            case UNKNOWN -> null;
        };
    }
}

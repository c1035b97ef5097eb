package org.openrma.policy.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.openrma.claim.Channel;
import org.openrma.claim.ClaimKind;
import org.openrma.claim.DeliveryStatus;
import org.openrma.claim.Finding;
import org.openrma.claim.ItemCondition;
import org.openrma.claim.Reason;
import org.openrma.claim.ShippingMethod;
import org.openrma.claim.Vocabulary;
import org.openrma.decision.Resolution;

/**
 * The claim's single-valued words a condition or a table can read, one row per field: its name in
 * policy files, the vocabulary its words come from (checked when the policy is compiled; null: any
 * word), the words a policy may add to it, how it is read from a claim, and its other names. Adding
 * a field is adding a row. {@code <scope>.attributes.<name>} fields are declared by the policy instead.
 */
public enum NamedField {
    KIND("kind", ClaimKind.class, null, s -> wire(s.claim().request().kind()), "request.kind"),
    REASON("reason", Reason.class, Declarations.Vocabularies.REASONS, s -> s.claim().request().reasonWord(), "request.reason"),
    CHANNEL("channel", Channel.class, null, s -> wire(s.claim().order().channel()), "order.channel"),
    DELIVERY_STATUS("delivery_status", DeliveryStatus.class, null, s -> wire(s.claim().order().deliveryStatus())),
    SHIPPING_METHOD("shipping_method", ShippingMethod.class, null, s -> wire(s.claim().order().shipping().method())),
    RETURN_SHIPPING_METHOD("return_shipping_method", ShippingMethod.class, null, s -> wire(s.claim().request().returnShippingMethod())),
    FINDING("finding", Finding.class, null,
            s -> s.claim().request().inspection() == null ? null : wire(s.claim().request().inspection().finding())),
    PROTECTION_PLAN("protection_plan", null, null, s -> s.claim().request().protectionPlan()),
    PREFERRED_RESOLUTION("preferred_resolution", Resolution.class, null, s -> wire(s.claim().request().preferredResolution())),
    CUSTOMER_TIER("customer.tier", null, null, s -> s.claim().order().customer().tier(), "customer_tier"),
    LINE_CATEGORY("line.category", null, null, s -> s.line() == null ? null : s.line().line().category(), "category"),
    LINE_SKU("line.sku", null, null, s -> s.line() == null ? null : s.line().line().sku(), "sku"),
    LINE_CONDITION("line.condition", ItemCondition.class, Declarations.Vocabularies.CONDITIONS,
            s -> s.line() == null ? null : s.line().requested().conditionWord(), "condition");

    /** Every field's name, in the table's order. */
    public static final List<String> NAMES;

    static {
        List<String> names = new ArrayList<>();
        for (NamedField f : values()) {
            names.add(f.name);
        }
        NAMES = Collections.unmodifiableList(names);
    }

    public final String name;
    private final Class<? extends Enum<?>> vocabulary;
    private final Declarations.Vocabularies declarable;
    private final Function<Subject, String> reader;
    private final List<String> aliases;

    NamedField(String name, Class<? extends Enum<?>> vocabulary, Declarations.Vocabularies declarable, Function<Subject, String> reader,
            String... aliases) {
        this.name = name;
        this.vocabulary = vocabulary;
        this.declarable = declarable;
        this.reader = reader;
        this.aliases = List.of(aliases);
    }

    public static Optional<NamedField> named(String name) {
        for (NamedField f : values()) {
            if (f.name.equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The field another name stands for: {@code condition} means {@code line.condition}. */
    public static Optional<NamedField> byAlias(String alias) {
        for (NamedField f : values()) {
            if (f.aliases.contains(alias)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The key a condition uses for this field: its name, or its short name when the name has a scope ({@code category}). */
    public String conditionKey() {
        return name.contains(".") ? aliases.getFirst() : name;
    }

    /** The words a policy may test this field for (its vocabulary, the words the policy declares for it, none), or null: any word. */
    public Set<String> allowedWords(Declarations declarations) {
        if (vocabulary == null) {
            return null;
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (Enum<?> e : vocabulary.getEnumConstants()) {
            allowed.add(((Vocabulary) e).wire());
        }
        if (declarable != null) {
            allowed.addAll(declarations.declared(declarable));
        }
        allowed.add("none");
        return allowed;
    }

    /**
     * The field's word on this claim (and line), or null when the claim does not say. A switch rather than the row's
     * reader: one call site the JIT inlines, where the readers' lambdas made it megamorphic. {@code NamedFieldReadTests}
     * checks the two agree.
     */
    String read(Subject s) {
        var request = s.claim().request();
        return switch (this) {
            case KIND, CHANNEL, DELIVERY_STATUS, SHIPPING_METHOD, RETURN_SHIPPING_METHOD, FINDING, PREFERRED_RESOLUTION ->
                    wire((Vocabulary) constant(s));
            case REASON -> request.reasonWord();
            case PROTECTION_PLAN -> request.protectionPlan();
            case CUSTOMER_TIER -> s.claim().order().customer().tier();
            case LINE_CATEGORY -> s.line() == null ? null : s.line().line().category();
            case LINE_SKU -> s.line() == null ? null : s.line().line().sku();
            case LINE_CONDITION -> s.line() == null ? null : s.line().requested().conditionWord();
        };
    }

    /**
     * Whether the field's words are exactly its vocabulary's constants (a policy cannot add to them), so that a claim's
     * word is one of those constants or absent: conditions on it test a bit ({@link Condition.WordIn}).
     */
    boolean closedVocabulary() {
        return vocabulary != null && declarable == null && vocabulary.getEnumConstants().length < NONE_BIT;
    }

    /**
     * Whether a policy may add words to the field's vocabulary ({@code reason}, {@code line.condition}): a claim's word is
     * then one of its constants ({@link #standardConstant}), tested on a bit, or a word a policy declares, looked up.
     */
    boolean openVocabulary() {
        return vocabulary != null && declarable != null && vocabulary.getEnumConstants().length < NONE_BIT;
    }

    /** The bit of an absent word ("none") in a {@link #mask}; a constant's bit is its ordinal. */
    static final int NONE_BIT = 63;

    /** The bits of {@code words} among this field's constants, and {@link #NONE_BIT} for "none". Only for a field with a vocabulary. */
    long mask(java.util.Set<String> words) {
        long mask = words.contains("none") ? 1L << NONE_BIT : 0;
        for (Enum<?> e : vocabulary.getEnumConstants()) {
            if (words.contains(((Vocabulary) e).wire())) {
                mask |= 1L << e.ordinal();
            }
        }
        return mask;
    }

    /** The claim's constant of a closed vocabulary (its bit in a {@link #mask} is its ordinal), or null when the claim does not say. */
    Enum<?> constant(Subject s) {
        var request = s.claim().request();
        var order = s.claim().order();
        return switch (this) {
            case KIND -> request.kind();
            case CHANNEL -> order.channel();
            case DELIVERY_STATUS -> order.deliveryStatus();
            case SHIPPING_METHOD -> order.shipping().method();
            case RETURN_SHIPPING_METHOD -> request.returnShippingMethod();
            case FINDING -> request.inspection() == null ? null : request.inspection().finding();
            case PREFERRED_RESOLUTION -> request.preferredResolution();
            default -> throw new IllegalStateException(name + " has no closed vocabulary");
        };
    }

    /**
     * The claim's constant of an open vocabulary when its word is a standard one, or null when it is a word a policy declares,
     * "other" (the reason that also stands for those) or absent: then only the word tells. A claim's typed word is the
     * constant of the word written ({@code Request}, {@code RequestLine}), so the constant's bit answers as the word would.
     */
    Enum<?> standardConstant(Subject s) {
        return switch (this) {
            case REASON -> {
                Reason reason = s.claim().request().reason();
                yield reason == Reason.OTHER ? null : reason;
            }
            case LINE_CONDITION -> s.line() == null ? null : s.line().requested().condition();
            default -> throw new IllegalStateException(name + " has no open vocabulary");
        };
    }

    /** The row's reader, as the table writes it (what {@link #read} must agree with). */
    String readByRow(Subject s) {
        return reader.apply(s);
    }

    private static String wire(Vocabulary v) {
        return v == null ? null : v.wire();
    }
}

package org.openrma.policy.model;

import dev.cel.runtime.CelRuntime;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.joda.money.Money;
import org.openrma.calendar.Length;
import org.openrma.claim.Evidence;
import org.openrma.claim.Fact;
import org.openrma.claim.Request;
import org.openrma.claim.Vocabulary;

/**
 * A test on a claim written in a policy file. Each leaf records the values it read, so that the
 * explanation can show them.
 *
 * <p>A condition that cannot be evaluated (a CEL error, a declared attribute the claim lacks)
 * throws {@link Unevaluable}. {@code all} and {@code any} follow CEL's commutative logic: a part
 * that is false decides an {@code all} (true decides an {@code any}) whatever the other parts do;
 * otherwise an error in any part makes the whole unevaluable, and {@code not} keeps it so.
 */
public sealed interface Condition {

    boolean test(Subject s, Map<String, String> read);

    /**
     * Whether the condition reads a claimed line's own fields (condition, category, tags, ...). False promises that its answer
     * is the same on the claim as a whole and on any of its lines: the evaluator then tests it on whichever subject it has.
     */
    boolean readsLine();

    Condition ALWAYS = new All(List.of());

    /** Every part holds (an empty list always holds). */
    record All(List<Condition> parts, boolean readsLine) implements Condition {
        public All(List<Condition> parts) {
            this(List.copyOf(parts), parts.stream().anyMatch(Condition::readsLine));
        }

        public boolean test(Subject s, Map<String, String> read) {
            boolean recording = Reads.recording(read);
            boolean result = true;
            Unevaluable error = null;
            for (int i = 0, n = parts.size(); i < n; i++) {                // indexed: no iterator per test
                Condition c = parts.get(i);
                // with an explanation every part is evaluated, so it shows all the values read
                try {
                    result &= c.test(s, read);
                } catch (Unevaluable e) {
                    error = error == null ? e : error;
                    continue;
                }
                if (!result && !recording) {
                    return false;
                }
            }
            if (result && error != null) {
                throw error;
            }
            return result;
        }
    }

    record Any(List<Condition> parts, boolean readsLine) implements Condition {
        public Any(List<Condition> parts) {
            this(List.copyOf(parts), parts.stream().anyMatch(Condition::readsLine));
        }

        public boolean test(Subject s, Map<String, String> read) {
            boolean recording = Reads.recording(read);
            boolean result = false;
            Unevaluable error = null;
            for (int i = 0, n = parts.size(); i < n; i++) {                // indexed: no iterator per test
                Condition c = parts.get(i);
                try {
                    result |= c.test(s, read);
                } catch (Unevaluable e) {
                    error = error == null ? e : error;
                    continue;
                }
                if (result && !recording) {
                    return true;
                }
            }
            if (!result && error != null) {
                throw error;
            }
            return result;
        }
    }

    /**
     * A condition of a compiled policy: the tree it was read as ({@code source}), and its place ({@code index}) in the code
     * made from the policy's conditions ({@link ConditionCode}). A decision without an explanation takes the code's answer;
     * one with an explanation asks the tree, which records what it read, and so does a condition the code finds cannot be
     * evaluated: the tree then throws the reason, as it would have anyway.
     */
    record Compiled(Condition source, boolean readsLine, ConditionCode.Slot slot, int index) implements Condition {
        public Compiled(Condition source, ConditionCode.Slot slot, int index) {
            this(source, source.readsLine(), slot, index);
        }

        public boolean test(Subject s, Map<String, String> read) {
            if (!Reads.recording(read)) {
                ConditionCode code = slot.code();
                if (code != null) {
                    int answer = code.test(index, s);
                    if (answer != ConditionCode.UNEVALUABLE) {
                        return answer == ConditionCode.HOLDS;
                    }
                }
            }
            return source.test(s, read);
        }

        /** Two compiled conditions are the same condition when their trees are, wherever their code is. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Compiled other && source.equals(other.source);
        }

        @Override
        public int hashCode() {
            return source.hashCode();
        }
    }

    record Not(Condition part) implements Condition {
        public boolean test(Subject s, Map<String, String> read) {
            return !part.test(s, read);
        }

        public boolean readsLine() {
            return part.readsLine();
        }
    }

    /**
     * A single-valued field is one of the words ({@code none} matches an absent value). On a field whose words are a closed
     * vocabulary ({@code kind}, {@code channel}, ...) the words are also a bit mask over its constants, made when the policy
     * is compiled ({@code wordBits}, {@link #NO_BITS} otherwise): a claim is tested on the bit of its constant, with no
     * string hashed. On a field a policy may add words to ({@code reason}, {@code line.condition}: {@code standardBits}) a
     * claim's standard word is tested on its bit the same way, and only a word the policy declares (or "other") is looked up.
     */
    record WordIn(Field field, Set<String> words, long wordBits, boolean standardBits) implements Condition {
        /** {@code wordBits} of a field that is not a closed vocabulary (or an attribute declared under such a name). */
        public static final long NO_BITS = 0;

        public WordIn(Field field, Set<String> words) {
            this(field, words, bits(field, words), namedField(field) && field.named().openVocabulary());
        }

        /** A field of the claim's own (not an attribute a policy declares under such a name): only these have constants. */
        private static boolean namedField(Field field) {
            return field.named() != null && field.declared() == null;
        }

        private static long bits(Field field, Set<String> words) {
            return namedField(field) && (field.named().closedVocabulary() || field.named().openVocabulary()) ? field.named().mask(words) : NO_BITS;
        }

        public boolean test(Subject s, Map<String, String> read) {
            if (standardBits) {
                Enum<?> standard = field.named().standardConstant(s);
                if (standard != null && !Reads.recording(read)) {
                    return (wordBits >>> standard.ordinal() & 1) != 0;
                }
            } else if (wordBits != NO_BITS) {
                Enum<?> constant = field.named().constant(s);
                if (Reads.recording(read)) {
                    // the word the field reads: its constant's, or "none" (a closed field has no declared default)
                    read.put(field.name(), constant == null ? "none" : ((Vocabulary) constant).wire());
                }
                return (wordBits >>> (constant == null ? NamedField.NONE_BIT : constant.ordinal()) & 1) != 0;
            }
            String value = field.read(s);
            if (Reads.recording(read)) {
                read.put(field.name(), value);
            }
            return words.contains(value);
        }

        public boolean readsLine() {
            return field.isLineField();
        }
    }

    /** Which multi-valued part of a claim a {@link HasAny} reads. */
    enum Marks {
        TAGS("line.tags"),
        FACTS("facts"),
        EVIDENCE("evidence");

        final String label;

        Marks(String label) {
            this.label = label;
        }

        /**
         * Whether any of {@code words} (the condition's, sorted) is marked: each looked up in the claim's set, by index, so no
         * iterator is made over either set.
         */
        boolean anyOf(Subject s, List<String> words) {
            Set<String> marked = marked(s);
            if (marked.isEmpty()) {
                return false;                                                  // most claims state no facts and evidence
            }
            for (int i = 0, n = words.size(); i < n; i++) {
                if (marked.contains(words.get(i))) {
                    return true;
                }
            }
            return false;
        }

        private Set<String> marked(Subject s) {
            return switch (this) {
                case TAGS -> s.line() == null ? Set.of() : s.line().line().tags();
                case FACTS -> s.claim().request().words().facts();
                case EVIDENCE -> s.claim().request().words().evidence();
            };
        }

        /** The standard words among {@code words} as their constants' bits: none for tags, which have no standard words. */
        long standardBits(Set<String> words) {
            return switch (this) {
                case TAGS -> 0;
                case FACTS -> Request.Words.bits(words, Fact.class);
                case EVIDENCE -> Request.Words.bits(words, Evidence.class);
            };
        }

        long claimedBits(Request.Words claimed) {
            return this == FACTS ? claimed.factBits() : claimed.evidenceBits();
        }

        String present(Subject s) {
            Set<String> present = marked(s);
            return present.isEmpty() ? "none" : present.stream().sorted().collect(Collectors.joining(","));
        }
    }

    /**
     * At least one of the words is among the claim's facts, evidence, or the line's tags ({@code sorted}: the words, sorted;
     * {@code standardBits}: the standard facts or evidence among them as their constants' bits, {@link Request.Words#bits}).
     */
    record HasAny(Marks marks, Set<String> words, List<String> sorted, long standardBits) implements Condition {
        public HasAny(Marks marks, Set<String> words) {
            this(marks, Set.copyOf(words), words.stream().sorted().toList(), marks.standardBits(words));
        }

        public boolean test(Subject s, Map<String, String> read) {
            if (Reads.recording(read)) {
                Reads.later(read, marks.label, () -> marks.present(s));      // the supplier only when something keeps it
            } else if (marks != Marks.TAGS) {
                Request.Words claimed = s.claim().request().words();
                if (claimed.standard()) {
                    // the claim's words are all standard, each its constant's bit: a word of ours it has is a standard one
                    return (marks.claimedBits(claimed) & standardBits) != 0;
                }
            }
            return marks.anyOf(s, sorted);
        }

        public boolean readsLine() {
            return marks == Marks.TAGS;
        }
    }

    record KeepsFreeGifts(boolean expected) implements Condition {
        public boolean test(Subject s, Map<String, String> read) {
            boolean keeps = s.claim().request().keepsFreeGifts();
            read.put("keeps_free_gifts", String.valueOf(keeps));
            return keeps == expected;
        }

        public boolean readsLine() {
            return false;
        }
    }

    /** The order's merchandise total is within bounds (either may be null). */
    record OrderValue(BigDecimal atLeast, BigDecimal below) implements Condition {
        public boolean test(Subject s, Map<String, String> read) {
            Money total = s.claim().order().merchandiseTotal();
            read.put("order.value", total.getAmount().toPlainString());
            return (atLeast == null || total.getAmount().compareTo(atLeast) >= 0)
                    && (below == null || total.getAmount().compareTo(below) < 0);
        }

        public boolean readsLine() {
            return false;
        }
    }

    /** The customer filed at least N returns in the period before this claim (fair use). */
    record PreviousReturns(Length within, int atLeast) implements Condition {
        public boolean test(Subject s, Map<String, String> read) {
            Instant submitted = s.claim().request().submittedAt();
            long count = s.claim().order().customer().previousReturns().stream()
                    .filter(at -> at.isBefore(submitted))
                    .filter(at -> !s.calendar().endInstant(at, within.atMost(), within.unit()).isBefore(submitted))
                    .count();
            read.put("previous_returns", String.valueOf(count));
            return count >= atLeast;
        }

        public boolean readsLine() {
            return false;
        }
    }

    /** A CEL expression, type-checked against the policy's declared variables when the policy is loaded. */
    record Cel(String expression, CelRuntime.Program program, CelVariables variables, boolean readsLine) implements Condition {
        public boolean test(Subject s, Map<String, String> read) {
            Object result;
            try {
                result = program.eval(variables.resolver(s));
            } catch (dev.cel.runtime.CelEvaluationException | RuntimeException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                read.put("cel", expression + " failed: " + why);
                throw new Unevaluable("the expression " + expression + " cannot be evaluated: " + why);
            }
            read.put("cel", expression + " = " + result);
            if (result instanceof Boolean b) {
                return b;
            }
            throw new Unevaluable("the expression " + expression + " gave " + result + ", not true or false");
        }
    }

    /** A number or amount read from a field (a declared attribute) compared with bounds; null bounds are not checked. */
    record Compare(Field field, BigDecimal atLeast, BigDecimal atMost, BigDecimal above, BigDecimal below) implements Condition {
        public boolean test(Subject s, Map<String, String> read) {
            String word = field.read(s);
            if (Reads.recording(read)) {
                read.put(field.name(), word);
            }
            BigDecimal v = Declarations.Attribute.decimal(word)
                    .orElseThrow(() -> new Unevaluable(field.name() + " is '" + word + "', not a number"));
            return (atLeast == null || v.compareTo(atLeast) >= 0) && (atMost == null || v.compareTo(atMost) <= 0)
                    && (above == null || v.compareTo(above) > 0) && (below == null || v.compareTo(below) < 0);
        }

        public boolean readsLine() {
            return field.isLineField();
        }
    }

    /** A declared true/false attribute. */
    record Flag(Field field, boolean expected) implements Condition {
        public boolean test(Subject s, Map<String, String> read) {
            String word = field.read(s);
            if (Reads.recording(read)) {
                read.put(field.name(), word);
            }
            return switch (word) {
                case "true" -> expected;
                case "false" -> !expected;
                default -> throw new Unevaluable(field.name() + " is '" + word + "', not true or false");
            };
        }

        public boolean readsLine() {
            return field.isLineField();
        }
    }

    /** The calendar date of an event or a date attribute, in the merchant's zone, passes a test. */
    record OnDate(DateSource source, DateTest test) implements Condition {
        public boolean test(Subject s, Map<String, String> read) {
            java.util.Optional<java.time.LocalDate> date = source.date(s);
            if (Reads.recording(read)) {
                Reads.later(read, source.label(), () -> date.map(Object::toString).orElse("none"));
            }
            // an event that has not happened is in no range
            return date.isPresent() && test.holds(date.get());
        }

        public boolean readsLine() {
            return source.readsLine();
        }
    }

    /**
     * Earlier claims of the same customer, counted: of some kinds (and resolutions, reasons), for the
     * same SKU or category as the claimed line when {@code same} says so, submitted within a period
     * before this claim. Holds when the count is at least {@code atLeast}.
     */
    record History(Set<String> kinds, Set<String> resolutions, Set<String> reasons, String same, Length within, int atLeast)
            implements Condition {
        public boolean test(Subject s, Map<String, String> read) {
            Instant submitted = s.claim().request().submittedAt();
            long count = 0;
            for (org.openrma.claim.PastClaim past : s.claim().order().customer().history()) {
                if (!past.submittedAt().isBefore(submitted)
                        || (within != null && !within.isUnlimited()
                                && s.calendar().endInstant(past.submittedAt(), within.atMost(), within.unit()).isBefore(submitted))
                        || (!kinds.isEmpty() && !kinds.contains(past.kind()))
                        || (!resolutions.isEmpty() && !resolutions.contains(past.resolution()))
                        || (!reasons.isEmpty() && !reasons.contains(past.reason()))) {
                    continue;
                }
                if (same != null) {
                    if (s.line() == null) {
                        continue;
                    }
                    String mine = same.equals("sku") ? s.line().line().sku() : s.line().line().category();
                    String theirs = same.equals("sku") ? past.sku() : past.category();
                    if (mine == null || !mine.equals(theirs)) {
                        continue;
                    }
                }
                count++;
            }
            if (Reads.recording(read)) {
                read.put("history", count + " earlier " + (kinds.isEmpty() ? "claims" : String.join("/", kinds) + " claims")
                        + (same != null ? " for the same " + same : "") + (within != null ? " within " + within : ""));
            }
            return count >= atLeast;
        }

        public boolean readsLine() {
            return same != null;
        }
    }

}

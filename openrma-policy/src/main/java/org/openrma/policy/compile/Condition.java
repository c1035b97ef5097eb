package org.openrma.policy.compile;

import dev.cel.runtime.CelRuntime;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.joda.money.Money;
import org.openrma.calendar.Length;
import org.openrma.claim.Vocabulary;

/**
 * A test on a claim written in a policy file. Each leaf records the values it read, so that the
 * explanation can show them.
 */
public sealed interface Condition {

    boolean test(Subject s, Map<String, String> read);

    /** Whether the condition reads a claimed line's own fields (condition, category, tags, ...). */
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
            for (Condition c : parts) {
                // with an explanation every part is evaluated, so it shows all the values read
                result &= c.test(s, read);
                if (!result && !recording) {
                    return false;
                }
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
            for (Condition c : parts) {
                result |= c.test(s, read);
                if (result && !recording) {
                    return true;
                }
            }
            return result;
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

    /** A single-valued field is one of the words ({@code none} matches an absent value). */
    record WordIn(Field field, Set<String> words) implements Condition {
        public boolean test(Subject s, Map<String, String> read) {
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

        boolean anyOf(Subject s, Set<String> words) {
            switch (this) {
                case TAGS -> {
                    return s.line() != null && s.line().line().tags().stream().anyMatch(words::contains);
                }
                case FACTS -> {
                    for (Vocabulary v : s.claim().request().facts()) {
                        if (words.contains(v.wire())) {
                            return true;
                        }
                    }
                    return false;
                }
                default -> {
                    for (Vocabulary v : s.claim().request().evidence()) {
                        if (words.contains(v.wire())) {
                            return true;
                        }
                    }
                    return false;
                }
            }
        }

        String present(Subject s) {
            java.util.Collection<String> present = switch (this) {
                case TAGS -> s.line() == null ? Set.of() : s.line().line().tags();
                case FACTS -> s.claim().request().facts().stream().map(Vocabulary::wire).toList();
                case EVIDENCE -> s.claim().request().evidence().stream().map(Vocabulary::wire).toList();
            };
            return present.isEmpty() ? "none" : present.stream().sorted().collect(Collectors.joining(","));
        }
    }

    /** At least one of the words is among the claim's facts, evidence, or the line's tags. */
    record HasAny(Marks marks, Set<String> words) implements Condition {
        public boolean test(Subject s, Map<String, String> read) {
            if (Reads.recording(read)) {
                read.put(marks.label, marks.present(s));
            }
            return marks.anyOf(s, words);
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

    /** A CEL expression, compiled when the policy is loaded. */
    record Cel(String expression, CelRuntime.Program program, boolean readsLine) implements Condition {
        public boolean test(Subject s, Map<String, String> read) {
            try {
                Object result = program.eval(CelVariables.of(s));
                read.put("cel", expression + " = " + result);
                return Boolean.TRUE.equals(result);
            } catch (dev.cel.runtime.CelEvaluationException e) {
                read.put("cel", expression + " failed: " + e.getMessage());
                return false;
            }
        }
    }

}

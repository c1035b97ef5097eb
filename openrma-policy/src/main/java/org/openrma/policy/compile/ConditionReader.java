package org.openrma.policy.compile;

import org.openrma.policy.model.CelVariables;
import org.openrma.policy.model.Condition;
import org.openrma.policy.model.ConditionGroup;
import org.openrma.policy.model.DateSource;
import org.openrma.policy.model.DateTest;
import org.openrma.policy.model.Declarations;
import org.openrma.policy.model.Event;
import org.openrma.policy.model.Field;
import org.openrma.policy.model.NamedField;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.openrma.calendar.Length;
import org.openrma.claim.ClaimKind;
import org.openrma.claim.Evidence;
import org.openrma.claim.Fact;
import org.openrma.claim.Vocabulary;
import org.openrma.decision.Resolution;
import org.openrma.policy.source.Node;
import org.openrma.reading.Wording;

/**
 * Conditions: a mapping of tests that must all hold ({@code not}, {@code any}, {@code all} combine them), on the claim's
 * words, marks, dates, numbers, history, declared attributes, or a CEL expression.
 */
final class ConditionReader extends Reading {

    private static final CelRuntime CEL_RUNTIME = CelRuntimeFactory.plannerRuntimeBuilder().build();

    private final Declarations declarations;
    private final CelVariables celVariables;
    private final CelCompiler celCompiler;
    private final Set<String> undeclaredWarned = new LinkedHashSet<>();
    private final ConditionCompiler code = new ConditionCompiler();

    ConditionReader(Sink sink, Declarations declarations) {
        super(sink);
        this.declarations = declarations;
        this.celVariables = new CelVariables(declarations);
        var builder = CelCompilerFactory.standardCelCompilerBuilder().setStandardMacros(dev.cel.parser.CelStandardMacro.STANDARD_MACROS);
        celVariables.types().forEach(builder::addVar);
        this.celCompiler = builder.build();
    }

    /**
     * A condition a rule of the policy holds (a program's {@code serves}, a check, a window's {@code when}, ...), compiled:
     * its tree, answered by the policy's code once {@link #compile} has made it.
     */
    Condition condition(Node node) {
        return compiled(tree(node));
    }

    /** A condition put together from trees read already (a section's and a program's {@code serves}), compiled as one. */
    Condition compiled(Condition tree) {
        return code.compiled(tree);
    }

    /** The conditions answered together by the code to come ({@link ConditionCompiler#group}), or null. */
    ConditionGroup group(List<Condition> conditions) {
        return code.group(conditions);
    }

    /** Makes the code of every condition read (once, when the whole policy has been read). */
    void compile() {
        code.compile();
    }

    /** The condition's tree, not compiled: for a part of a condition put together later ({@link #compiled}). */
    Condition tree(Node node) {
        if (node instanceof Node.Scalar s && Boolean.TRUE.equals(s.value())) {
            return Condition.ALWAYS;
        }
        Node.Mapping m = mapping(node, "a condition");
        if (m == null) {
            return Condition.ALWAYS;
        }
        List<Condition> parts = new ArrayList<>();
        m.entries().forEach((key, value) -> {
            Condition c = conditionEntry(m, key, value);
            if (c != null) {
                parts.add(c);
            }
        });
        return parts.size() == 1 ? parts.getFirst() : new Condition.All(parts);
    }

    Condition conditionEntry(Node.Mapping m, String key, Node value) {
        switch (key) {
            case "not":
                return new Condition.Not(tree(value));
            case "any":
                return new Condition.Any(list(value, "any", this::tree));
            case "all":
                return new Condition.All(list(value, "all", this::tree));
            case "tags":
                return new Condition.HasAny(Condition.Marks.TAGS, Set.copyOf(strings(value, "tags")));
            case "facts":
                return new Condition.HasAny(Condition.Marks.FACTS, openWords(value, Fact.class, Declarations.Vocabularies.FACTS));
            case "evidence":
                return new Condition.HasAny(Condition.Marks.EVIDENCE, openWords(value, Evidence.class, Declarations.Vocabularies.EVIDENCE));
            case "history":
                return history(value);
            case "keeps_free_gifts":
                return bool(m, key).map(Condition.KeepsFreeGifts::new).orElse(null);
            case "order_value": {
                Node.Mapping vm = mapping(value, "order_value");
                if (vm == null) {
                    return null;
                }
                known(vm, "order_value", "at_least", "below");
                return new Condition.OrderValue(vm.get("at_least").map(n -> decimal(n, "at_least")).orElse(null),
                        vm.get("below").map(n -> decimal(n, "below")).orElse(null));
            }
            case "previous_returns": {
                Node.Mapping vm = mapping(value, "previous_returns");
                if (vm == null) {
                    return null;
                }
                known(vm, "previous_returns", "within", "at_least");
                Length within = vm.get("within").map(this::length).orElse(Length.of(365, org.openrma.calendar.TimeUnit.DAYS));
                long atLeast = vm.get("at_least").map(n -> n instanceof Node.Scalar s && s.value() instanceof Long l ? l : null).orElse(-1L);
                if (atLeast < 1) {
                    error(vm, "previous_returns needs 'at_least': a whole number from 1");
                }
                return new Condition.PreviousReturns(within, (int) Math.max(atLeast, 1));
            }
            case "cel":
                return cel(value);
            default:
                break;
        }
        Optional<Event> event = Vocabulary.parse(Event.class, key).filter(e -> e.wire().equals(key));
        if (event.isPresent()) {
            return onDate(new DateSource.OfEvent(event.get()), value);
        }
        Optional<Declarations.Attribute> declared = declarations.attribute(key);
        if (declared.isPresent()) {
            Field f = Field.of(key, declarations);
            switch (declared.get().type()) {
                case DATE:
                    return onDate(new DateSource.OfAttribute(f), value);
                case NUMBER, INTEGER, MONEY:
                    return compare(f, value);
                case BOOLEAN:
                    if (value instanceof Node.Scalar b && b.value() instanceof Boolean expected) {
                        return new Condition.Flag(f, expected);
                    }
                    error(value, key + " is a boolean attribute: write true or false");
                    return null;
                case ENUM: {
                    List<String> words = strings(value, key);
                    for (String w : words) {
                        if (!declared.get().values().contains(w) && !w.equals("none")) {
                            error(value, Wording.unknown(key, w, declared.get().values()));
                        }
                    }
                    return new Condition.WordIn(f, Set.copyOf(words));
                }
                default:
                    return new Condition.WordIn(f, Set.copyOf(strings(value, key)));
            }
        }
        String fieldName = Field.aliases(key).orElse(key);
        if (!Field.isKnown(fieldName)) {
            List<String> conditions = new ArrayList<>(conditionKeys());
            conditions.addAll(List.of("not", "any", "all", "cel"));
            error(m.keys().get(key), value, Wording.unknown("condition", key, conditions));
            return null;
        }
        List<String> words = strings(value, key);
        checkWords(value, fieldName, words);
        return new Condition.WordIn(field(fieldName, value), Set.copyOf(words));
    }

    /** Standard words of a vocabulary, or words the policy declares in its {@code vocabulary} section. */
    <E extends Enum<E> & Vocabulary> Set<String> openWords(Node value, Class<E> type, Declarations.Vocabularies v) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : strings(value, v.key)) {
            if (Vocabulary.parse(type, w).isPresent()) {
                out.add(Vocabulary.parse(type, w).get().wire());
            } else if (declarations.declared(v).contains(w)) {
                out.add(w);
            } else {
                List<String> allowed = new ArrayList<>(wires(List.of(type.getEnumConstants())));
                allowed.addAll(declarations.declared(v));
                error(value, Wording.unknown(v.key + " word", w, allowed) + " or a word declared under vocabulary." + v.key);
            }
        }
        return out;
    }

    Condition onDate(DateSource source, Node value) {
        Node.Mapping m = mapping(value, source.label() + " (a date test)");
        if (m == null) {
            return null;
        }
        known(m, "a date test", "between", "before", "after", "on_or_before", "on_or_after", "months", "day_of_month");
        LocalDate onOrAfter = null;
        LocalDate onOrBefore = null;
        java.time.MonthDay yearlyFrom = null;
        java.time.MonthDay yearlyTo = null;
        Node between = m.entries().get("between");
        if (between != null) {
            List<String> ends = strings(between, "between");
            if (ends.size() != 2) {
                error(between, "between takes two dates: [2026-11-01, 2026-12-24], or two days of any year: [\"11-01\", \"12-24\"]");
            } else if (ends.get(0).matches("\\d{2}-\\d{2}") && ends.get(1).matches("\\d{2}-\\d{2}")) {
                yearlyFrom = monthDay(between, ends.get(0));
                yearlyTo = monthDay(between, ends.get(1));
            } else {
                onOrAfter = parseDate(between, ends.get(0));
                onOrBefore = parseDate(between, ends.get(1));
                if (onOrAfter != null && onOrBefore != null && onOrBefore.isBefore(onOrAfter)) {
                    error(between, "between ends before it starts");
                }
            }
        }
        if (m.entries().containsKey("on_or_after")) {
            onOrAfter = date(m, "on_or_after", true);
        }
        if (m.entries().containsKey("after")) {
            LocalDate d = date(m, "after", true);
            onOrAfter = d == null ? null : d.plusDays(1);
        }
        if (m.entries().containsKey("on_or_before")) {
            onOrBefore = date(m, "on_or_before", true);
        }
        if (m.entries().containsKey("before")) {
            LocalDate d = date(m, "before", true);
            onOrBefore = d == null ? null : d.minusDays(1);
        }
        Set<Integer> months = new LinkedHashSet<>();
        m.get("months").ifPresent(n -> {
            for (String t : strings(n, "months")) {
                Integer month = monthNumber(t);
                if (month == null) {
                    error(n, "'" + t + "' is not a month: write 1-12 or january ... december");
                } else {
                    months.add(month);
                }
            }
        });
        Integer dayAtLeast = null;
        Integer dayAtMost = null;
        Node dom = m.entries().get("day_of_month");
        if (dom != null) {
            Node.Mapping dm = mapping(dom, "day_of_month");
            if (dm != null) {
                known(dm, "day_of_month", "at_least", "at_most", "above", "below");
                dayAtLeast = dm.get("at_least").map(n -> dayNumber(n)).orElse(dm.get("above").map(n -> dayNumber(n) + 1).orElse(null));
                dayAtMost = dm.get("at_most").map(n -> dayNumber(n)).orElse(dm.get("below").map(n -> dayNumber(n) - 1).orElse(null));
            }
        }
        if (m.entries().isEmpty()) {
            error(m, "a date test needs between, before, after, on_or_before, on_or_after, months or day_of_month");
        }
        return new Condition.OnDate(source, new DateTest(onOrAfter, onOrBefore, yearlyFrom, yearlyTo, months, dayAtLeast, dayAtMost));
    }

    int dayNumber(Node n) {
        if (n instanceof Node.Scalar s && s.value() instanceof Long l && l >= 0 && l <= 32) {
            return l.intValue();
        }
        error(n, "a day of the month is a whole number from 1 to 31");
        return 1;
    }

    static Integer monthNumber(String t) {
        if (t.matches("\\d{1,2}")) {
            int n = Integer.parseInt(t);
            return n >= 1 && n <= 12 ? n : null;
        }
        for (java.time.Month month : java.time.Month.values()) {
            if (month.name().equalsIgnoreCase(t)) {
                return month.getValue();
            }
        }
        return null;
    }

    java.time.MonthDay monthDay(Node at, String t) {
        try {
            return java.time.MonthDay.parse("--" + t);
        } catch (DateTimeException e) {
            error(at, "'" + t + "' is not a day of the year; write MM-DD such as \"12-24\"");
            return null;
        }
    }

    LocalDate parseDate(Node at, String t) {
        try {
            return LocalDate.parse(t);
        } catch (DateTimeException e) {
            error(at, Wording.notADate(t) + ", or MM-DD for a day of every year");
            return null;
        }
    }

    Condition compare(Field f, Node value) {
        Node.Mapping m = mapping(value, f.name() + " (a number test)");
        if (m == null) {
            return null;
        }
        known(m, "a number test", "at_least", "at_most", "above", "below");
        if (m.entries().isEmpty()) {
            error(m, "a number test needs at_least, at_most, above or below");
        }
        java.util.function.Function<String, BigDecimal> bound = k -> m.get(k).map(n -> signedDecimal(n, k)).orElse(null);
        return new Condition.Compare(f, bound.apply("at_least"), bound.apply("at_most"), bound.apply("above"), bound.apply("below"));
    }

    Condition history(Node value) {
        Node.Mapping m = mapping(value, "history");
        if (m == null) {
            return null;
        }
        known(m, "history", "kind", "resolution", "reason", "same", "within", "at_least");
        Set<String> kinds = new LinkedHashSet<>(m.get("kind").map(n -> strings(n, "kind")).orElse(List.of()));
        kinds.forEach(k -> {
            if (Vocabulary.parse(ClaimKind.class, k).isEmpty()) {
                error(m.entries().get("kind"), "unknown kind '" + k + "'; expected one of " + Vocabulary.allowed(ClaimKind.class));
            }
        });
        Set<String> resolutions = new LinkedHashSet<>(wires(wordList(m.entries().get("resolution"), Resolution.class, "resolution")));
        Set<String> reasons = new LinkedHashSet<>(m.get("reason").map(n -> strings(n, "reason")).orElse(List.of()));
        String same = text(m, "same", false);
        if (same != null && !same.equals("sku") && !same.equals("category")) {
            error(m.entries().get("same"), "same is sku or category: count earlier claims for the same item or the same category");
        }
        Length within = m.get("within").map(this::length).orElse(null);
        long atLeast = m.get("at_least").map(n -> n instanceof Node.Scalar s && s.value() instanceof Long l ? l : null).orElse(-1L);
        if (atLeast < 1) {
            error(m, "history needs 'at_least': a whole number from 1 (how many earlier claims make the condition hold)");
        }
        return new Condition.History(kinds, resolutions, reasons, same, within, (int) Math.max(atLeast, 1));
    }

    /** Every key a condition may use: the named fields' short names, then the tests on marks, values, history and dates. */
    static List<String> conditionKeys() {
        List<String> keys = new ArrayList<>();
        for (NamedField f : NamedField.values()) {
            keys.add(f.conditionKey());
        }
        keys.addAll(List.of("tags", "facts", "evidence", "keeps_free_gifts", "order_value", "previous_returns", "history", "order_placed",
                "shipped", "delivered", "submitted", "rma_issued", "shipped_back", "received", "<scope>.attributes.<name>"));
        return keys;
    }

    void checkWords(Node at, String field, List<String> words) {
        Set<String> allowed = NamedField.named(field).map(f -> f.allowedWords(declarations)).orElse(null);
        if (allowed == null) {
            return;
        }
        for (String w : words) {
            if (!allowed.contains(w)) {
                error(at, Wording.unknown(field, w, allowed));
            }
        }
    }

    Condition cel(Node node) {
        String expression = scalarText(node);
        if (expression == null) {
            error(node, "cel is an expression in quotes");
            return null;
        }
        try {
            var ast = celCompiler.compile(expression).getAst();
            if (!ast.getResultType().equals(SimpleType.BOOL) && !ast.getResultType().equals(SimpleType.DYN)) {
                error(node, "the CEL expression must be true or false; it gives " + ast.getResultType().name());
                return null;
            }
            return new Condition.Cel(expression, CEL_RUNTIME.createProgram(ast), celVariables, expression.contains("line."));
        } catch (CelValidationException e) {
            String detail = e.getErrors().isEmpty() ? e.getMessage() : e.getErrors().getFirst().getMessage();
            error(node, "CEL expression does not compile: " + detail
                    + "; expressions read the claim's fields by their names (line.category, order.placed_at, ...: docs/claim-reference.md) and the attributes the policy declares");
        } catch (CelEvaluationException e) {
            error(node, "CEL expression cannot run: " + e.getMessage());
        }
        return null;
    }

    Field field(Node node) {
        String name = node == null ? null : scalarText(node);
        if (name == null) {
            error(node, "a table needs 'by': the field it is keyed by, such as customer.tier, line.category or line.attributes.warranty");
            return ERROR_FIELD;
        }
        String resolved = Field.aliases(name).orElse(name);
        if (!Field.isKnown(resolved)) {
            error(node, "unknown field '" + name + "'; fields are " + String.join(", ", Field.NAMED) + ", line.attributes.<name>, customer.attributes.<name>");
        }
        return field(resolved, node);
    }

    /** A field read from an attribute the policy does not declare: it still works, but untyped and unchecked. */
    Field field(String name, Node at) {
        Field f = Field.of(name, declarations);
        if (f.declared() == null && Field.attributeName(f.name()).isPresent() && undeclaredWarned.add(f.name())) {
            warning(at, "attribute " + f.name()
                    + " is not declared: declare it under 'attributes' with its type, so claims are checked against it and a claim without it goes to review");
        }
        return f;
    }
}

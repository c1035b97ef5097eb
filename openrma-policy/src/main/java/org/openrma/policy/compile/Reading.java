package org.openrma.policy.compile;

import org.openrma.policy.model.Event;
import org.openrma.policy.model.Field;
import org.openrma.policy.model.PolicyModel;
import org.openrma.policy.model.Rules;
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
import org.openrma.claim.Vocabulary;
import org.openrma.decision.Outcome;
import org.openrma.policy.Diagnostic;
import org.openrma.policy.source.Node;
import org.openrma.reading.CollectingReader;
import org.openrma.reading.Wording;

/**
 * The collecting reader every part of the binder reads a policy file with: the shared {@link CollectingReader} adapted
 * to the policy's YAML nodes, adding mappings with their allowed keys, text, lists, numbers and lengths. A problem is
 * reported at its line and column and reading goes on with an error placeholder, so one pass reports every problem in
 * the file (cel-java's ParserContext); words, dates and "did you mean" read and say as they do for claims.
 */
abstract sealed class Reading extends CollectingReader<Node> permits Binder, Clauses, ConditionReader, DeclarationReader, RuleReader {

    /** Where every reader of one file reports: the file's name and the diagnostics found so far. */
    static final class Sink {
        final String file;
        final List<Diagnostic> diagnostics = new ArrayList<>();

        Sink(String file) {
            this.file = file;
        }
    }

    /*
     * Error placeholders: what a reader returns after reporting an error, so reading goes on and every problem is
     * reported (cel-java's ERROR_MATCH). They are named so that no reader returns a real-looking value after an error
     * by accident; a file with an error never yields a model (PolicyCompiler), so none of them is ever evaluated.
     */
    static final Length ERROR_LENGTH = Length.UNLIMITED;
    static final Field ERROR_FIELD = new Field("<error>");
    static final Rules.FixedPercent ERROR_PERCENT = new Rules.FixedPercent(java.math.BigDecimal.ZERO);
    static final Rules.RefundBase ERROR_REFUND_BASE = Rules.RefundBase.ITEMS;
    static final Rules.Refund ERROR_REFUND = new Rules.Refund(ERROR_REFUND_BASE, java.util.List.of(), null);
    static final Rules.Resolutions ERROR_RESOLUTIONS = new Rules.Resolutions(java.util.List.of(), org.openrma.decision.Chooser.CUSTOMER);
    static final Rules.Per ERROR_PER = Rules.Per.CLAIM;
    static final Rules.Reimbursement ERROR_REIMBURSEMENT = Rules.Reimbursement.NONE;
    static final org.openrma.decision.DeductionKind ERROR_DEDUCTION_KIND = org.openrma.decision.DeductionKind.HANDLING;
    static final org.openrma.decision.Payer ERROR_PAYER = org.openrma.decision.Payer.UNDETERMINED;
    static final Event ERROR_EVENT = Event.SUBMITTED;
    static final PolicyModel.Selection ERROR_SELECTION = PolicyModel.Selection.BEST_FOR_CUSTOMER;

    final Sink sink;

    Reading(Sink sink) {
        this.sink = sink;
    }

    Optional<Outcome> outcome(Node.Mapping m, String key) {
        return word(m, key, Outcome.class);
    }

    <E extends Enum<E> & Vocabulary> Optional<E> word(Node.Mapping m, String key, Class<E> type) {
        Node n = m.entries().get(key);
        return n == null ? Optional.empty() : vocabulary(n, type);
    }

    <E extends Enum<E> & Vocabulary> Optional<E> vocabulary(Node n, Class<E> type) {
        return word(n, scalarText(n), type);
    }

    @Override
    protected void problem(Node at, String message) {
        error(at, message);
    }

    <E extends Enum<E> & Vocabulary> List<E> wordList(Node node, Class<E> type, String what) {
        if (node == null) {
            return List.of();
        }
        List<Node> items = node instanceof Node.Sequence s ? s.items() : List.of(node);
        List<E> out = new ArrayList<>();
        for (Node item : items) {
            vocabulary(item, type).ifPresent(out::add);
        }
        return out;
    }

    static Set<String> wires(List<? extends Vocabulary> words) {
        Set<String> out = new LinkedHashSet<>();
        words.forEach(w -> out.add(w.wire()));
        return out;
    }

    List<String> strings(Node node, String what) {
        List<Node> items = node instanceof Node.Sequence s ? s.items() : List.of(node);
        List<String> out = new ArrayList<>();
        for (Node item : items) {
            String t = scalarText(item);
            if (t == null) {
                error(item, what + " takes a word or a list of words");
            } else {
                out.add(t);
            }
        }
        return out;
    }

    <T> List<T> list(Node node, String what, Function<Node, T> item) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof Node.Sequence s)) {
            error(node, what + " must be a list");
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (Node n : s.items()) {
            T t = item.apply(n);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    <T> List<T> indexed(Node node, String prefix, java.util.function.BiFunction<Node, String, T> item) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof Node.Sequence s)) {
            error(node, prefix + " must be a list");
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < s.items().size(); i++) {
            T t = item.apply(s.items().get(i), prefix + "[" + i + "]");
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    Node.Mapping mapping(Node node, String what) {
        if (node instanceof Node.Mapping m) {
            return m;
        }
        error(node, what + " must be a mapping of keys to values");
        return null;
    }

    void known(Node.Mapping m, String what, String... keys) {
        List<String> allowed = List.of(keys);
        m.entries().keySet().forEach(k -> {
            if (!allowed.contains(k)) {
                error(m.keys().get(k), m, Wording.unknownKey(k, what, allowed));
            }
        });
    }

    String text(Node.Mapping m, String key, boolean required) {
        Node n = m.entries().get(key);
        if (n == null || (n instanceof Node.Scalar s && s.isNull())) {
            if (required) {
                error(m, "'" + key + "' is required");
            }
            return null;
        }
        String t = scalarText(n);
        if (t == null) {
            error(n, "'" + key + "' must be text");
        }
        return t;
    }

    static String scalarText(Node n) {
        return n instanceof Node.Scalar s && s.value() != null ? s.text() : null;
    }

    Optional<Boolean> bool(Node.Mapping m, String key) {
        Node n = m.entries().get(key);
        if (n == null) {
            return Optional.empty();
        }
        if (n instanceof Node.Scalar s && s.value() instanceof Boolean b) {
            return Optional.of(b);
        }
        error(n, "'" + key + "' must be true or false");
        return Optional.empty();
    }

    LocalDate date(Node.Mapping m, String key, boolean required) {
        String t = text(m, key, required);
        if (t == null) {
            return null;
        }
        return date(m.entries().get(key), t);
    }

    BigDecimal decimal(Node n, String what) {
        BigDecimal d = signedDecimal(n, what);
        if (d != null && d.signum() < 0) {
            error(n, what + " must not be negative");
        }
        return d;
    }

    Length length(Node node) {
        String t = scalarText(node);
        Optional<Length> parsed = t == null ? Optional.empty() : Length.parse(t);
        if (parsed.isEmpty()) {
            error(node, "'" + t + "' is not a length; write e.g. \"7 days\", \"3 hours\", \"14 business days\", \"12 months\", \"2 years\", \"3-5 business days\" or unlimited");
            return ERROR_LENGTH;
        }
        return parsed.get();
    }

    Optional<Event> event(Node node) {
        return word(node, "event", scalarText(node), Event.class);
    }

    BigDecimal signedDecimal(Node n, String what) {
        return decimal(n, scalarText(n), what + " must be a decimal number such as 20 or \"5.00\"");
    }

    void error(Node at, String message) {
        Node.Location l = at == null ? new Node.Location(1, 1) : at.at();
        sink.diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, sink.file, l.line(), l.column(), message));
    }

    void error(Node.Location key, Node fallback, String message) {
        Node.Location l = key != null ? key : fallback.at();
        sink.diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, sink.file, l.line(), l.column(), message));
    }

    void warning(Node at, String message) {
        Node.Location l = at == null ? new Node.Location(1, 1) : at.at();
        sink.diagnostics.add(new Diagnostic(Diagnostic.Severity.WARNING, sink.file, l.line(), l.column(), message));
    }
}

package org.openrma.policy.source;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openrma.policy.Diagnostic;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parses a policy file's YAML into a {@link Node} tree that remembers where each value was written.
 * Scalars are typed by the YAML JSON schema: unquoted {@code 2025-01-01} stays text, {@code yes} is
 * not a boolean.
 */
public final class YamlSource {

    /** The deepest nesting of mappings and lists a policy file may have (real policies stay under 10). */
    public static final int MAX_DEPTH = 64;
    /** The most values (scalars, mappings, lists) in one policy file. */
    public static final int MAX_NODES = 100_000;
    /** The longest policy file, in characters. */
    public static final int MAX_CHARACTERS = 1_000_000;

    private YamlSource() {}

    /** A file over one of the limits, found while its events are read, before any tree is built. */
    private static final class LimitExceeded extends RuntimeException {
        final Mark mark;

        LimitExceeded(String message, Mark mark) {
            super(message, null, false, false);
            this.mark = mark;
        }
    }

    /**
     * Counts nesting and values as the composer pulls events, and stops at the limits: the composer
     * recurses once per level, so a file of 5,000 {@code [} would otherwise overflow the stack.
     */
    private static final class BoundedParser implements Parser {
        private final Parser parser;
        private int depth;
        private int nodes;

        BoundedParser(Parser parser) {
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return parser.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return parser.hasNext();
        }

        @Override
        public Event next() {
            Event e = parser.next();
            switch (e.getEventId()) {
                case SequenceStart, MappingStart -> {
                    nodes++;
                    if (++depth > MAX_DEPTH) {
                        throw new LimitExceeded("nested deeper than " + MAX_DEPTH + " levels", e.getStartMark().orElse(null));
                    }
                }
                case SequenceEnd, MappingEnd -> depth--;
                case Scalar, Alias -> nodes++;
                default -> { }
            }
            if (nodes > MAX_NODES) {
                throw new LimitExceeded("more than " + MAX_NODES + " values", e.getStartMark().orElse(null));
            }
            return e;
        }
    }

    public record Parsed(Optional<Node> root, List<Diagnostic> diagnostics) {}

    public static Parsed parse(String file, String text) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (text.length() > MAX_CHARACTERS) {
            diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, file, 1, 1,
                    "the file has " + text.length() + " characters; a policy file may have at most " + MAX_CHARACTERS));
            return new Parsed(Optional.empty(), diagnostics);
        }
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(file).setMaxAliasesForCollections(50)
                    .setCodePointLimit(MAX_CHARACTERS * 2).build();
            Composer composer = new Composer(settings, new BoundedParser(new ParserImpl(settings, new StreamReader(settings, text))));
            Optional<org.snakeyaml.engine.v2.nodes.Node> root = composer.getSingleNode();
            if (root.isEmpty()) {
                diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, file, 1, 1, "the file is empty"));
                return new Parsed(Optional.empty(), diagnostics);
            }
            return new Parsed(Optional.of(convert(file, root.get(), diagnostics, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()), new int[1])),
                    diagnostics);
        } catch (LimitExceeded e) {
            diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, file, e.mark == null ? 1 : e.mark.getLine() + 1,
                    e.mark == null ? 1 : e.mark.getColumn() + 1, "the file is too complex: " + e.getMessage()));
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().orElse(null);
            diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, file, mark == null ? 1 : mark.getLine() + 1,
                    mark == null ? 1 : mark.getColumn() + 1, "YAML syntax: " + e.getProblem()));
        } catch (YamlEngineException e) {
            diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, file, 1, 1, "YAML syntax: " + e.getMessage()));
        }
        return new Parsed(Optional.empty(), diagnostics);
    }

    private static Node.Location at(org.snakeyaml.engine.v2.nodes.Node node) {
        return node.getStartMark().map(m -> new Node.Location(m.getLine() + 1, m.getColumn() + 1)).orElse(new Node.Location(1, 1));
    }

    private static Node convert(String file, org.snakeyaml.engine.v2.nodes.Node node, List<Diagnostic> diagnostics,
            java.util.Set<org.snakeyaml.engine.v2.nodes.Node> enclosing, int[] converted) {
        // Aliases repeat a value without repeating its text, so the tree is counted again as it is expanded.
        if (++converted[0] > MAX_NODES) {
            throw new LimitExceeded("more than " + MAX_NODES + " values once aliases are expanded", node.getStartMark().orElse(null));
        }
        if (!enclosing.add(node)) {
            Node.Location l = at(node);
            diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, file, l.line(), l.column(), "an alias refers to a value that contains it"));
            return new Node.Scalar(l, null, "");
        }
        try {
            return convertNode(file, node, diagnostics, enclosing, converted);
        } finally {
            enclosing.remove(node);
        }
    }

    private static Node convertNode(String file, org.snakeyaml.engine.v2.nodes.Node node, List<Diagnostic> diagnostics,
            java.util.Set<org.snakeyaml.engine.v2.nodes.Node> enclosing, int[] converted) {
        return switch (node) {
            case MappingNode m -> {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, Node.Location> keys = new LinkedHashMap<>();
                for (NodeTuple t : m.getValue()) {
                    Node.Location keyAt = at(t.getKeyNode());
                    String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
                    if (key == null) {
                        diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, file, keyAt.line(), keyAt.column(), "a key must be plain text"));
                        continue;
                    }
                    if (entries.containsKey(key)) {
                        diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, file, keyAt.line(), keyAt.column(),
                                "duplicate key '" + key + "' (first at line " + keys.get(key).line() + ")"));
                        continue;
                    }
                    keys.put(key, keyAt);
                    entries.put(key, convert(file, t.getValueNode(), diagnostics, enclosing, converted));
                }
                yield new Node.Mapping(at(m), entries, keys);
            }
            case SequenceNode s -> new Node.Sequence(at(s), s.getValue().stream().map(n -> convert(file, n, diagnostics, enclosing, converted)).toList());
            case ScalarNode s -> new Node.Scalar(at(s), typed(s), s.getValue());
            default -> new Node.Scalar(at(node), null, "");
        };
    }

    private static Object typed(ScalarNode s) {
        Tag tag = s.getTag();
        String v = s.getValue();
        try {
            if (tag.equals(Tag.NULL)) {
                return null;
            }
            if (tag.equals(Tag.BOOL)) {
                return Boolean.parseBoolean(v);
            }
            if (tag.equals(Tag.INT)) {
                return Long.parseLong(v);
            }
            if (tag.equals(Tag.FLOAT)) {
                return new BigDecimal(v);
            }
        } catch (NumberFormatException e) {
            return v;
        }
        return v;
    }

    /** The same tree as Jackson nodes, for JSON Schema validation. */
    public static JsonNode toJson(Node node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (node) {
            case Node.Mapping m -> {
                ObjectNode o = f.objectNode();
                m.entries().forEach((k, v) -> o.set(k, toJson(v)));
                yield o;
            }
            case Node.Sequence s -> {
                ArrayNode a = f.arrayNode();
                s.items().forEach(i -> a.add(toJson(i)));
                yield a;
            }
            case Node.Scalar s -> switch (s.value()) {
                case null -> f.nullNode();
                case Boolean b -> f.booleanNode(b);
                case Long l -> f.numberNode(l);
                case BigDecimal d -> f.numberNode(d);
                default -> f.stringNode(s.text());
            };
        };
    }

    /** The node at a JSON-pointer-like path of names and indexes, or the deepest existing ancestor. */
    public static Node locate(Node root, List<Object> path) {
        Node current = root;
        for (Object step : path) {
            Node next = null;
            if (current instanceof Node.Mapping m && step instanceof String key) {
                next = m.entries().get(key);
            } else if (current instanceof Node.Sequence s && step instanceof Integer i && i < s.items().size()) {
                next = s.items().get(i);
            }
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }
}

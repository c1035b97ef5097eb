package org.openrma.service.ui.studio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The settings a support lead changes most (each program's window, its deductions with their waivers, who pays return
 * shipping, the evidence asked for) read from a policy file, and written back into the same text. A value is rewritten
 * where the parser says it was written, so comments, anchors, flow style and every other line stay as they were. A
 * value the form cannot represent faithfully (a window built from other windows, a condition, a value shared through
 * a YAML anchor) is shown read-only, to be edited in the file.
 */
public final class CommonSettings {

    /** Deduction kinds, return-shipping payers and refunds of the return label, as the schema lists them. */
    static final List<String> DEDUCTION_KINDS = List.of("restocking_fee", "free_gift", "customs", "shipping", "handling",
            "depreciation", "return_logistics", "return_label", "bundle_discount", "diminished_value", "use");
    static final List<String> PAYERS = List.of("customer", "merchant", "undetermined");
    static final List<String> REIMBURSE = List.of("none", "receipt", "label");
    static final List<String> EVENTS = List.of("order_placed", "shipped", "delivered", "submitted", "rma_issued", "shipped_back", "received");

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_. /-]*");
    private static final Pattern LIST_ITEM = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> NOT_PLAIN = Set.of("yes", "no", "true", "false", "on", "off", "null", "y", "n");

    /** One value on the form: its path in the file (the form field's name), what it holds, and why it is read-only. */
    public record Field(String path, String label, String value, List<String> options, String readOnlyBecause) {
        public boolean editable() {
            return readOnlyBecause == null;
        }

        public boolean choice() {
            return !options.isEmpty();
        }
    }

    /** One entry of a list in a program (a deduction, a return-shipping rule, an evidence requirement). */
    public record Entry(String id, List<Field> fields) {}

    /** A program's common settings. */
    public record Program(String id, String title, List<Field> window, List<Entry> deductions, List<Entry> shipping,
                          List<Entry> evidence) {}

    /** The form, or why the file cannot be shown as one (it does not parse). */
    public record Form(List<Program> programs, String problem) {
        public boolean shown() {
            return problem == null;
        }
    }

    /** A changed value that could not be written, by field path. */
    public record Rejected(String path, String message) {}

    /** The rewritten text and the values that could not be written. */
    public record Applied(String source, List<Rejected> rejected, int changed) {}

    private final String source;
    private final Map<String, Located> located = new LinkedHashMap<>();
    private final Form form;

    /** Where a value is, and whether the form may rewrite it. */
    private record Located(Node node, String readOnlyBecause) {}

    private CommonSettings(String source) {
        this.source = source;
        Form f;
        try {
            Optional<Node> root = compose(source);
            f = root.map(this::read).orElse(new Form(List.of(), "The file is empty."));
        } catch (YamlEngineException e) {
            f = new Form(List.of(), "The file is not valid YAML yet; fix it in the editor to use the form (see the diagnostics).");
        }
        this.form = f;
    }

    public static CommonSettings of(String source) {
        return new CommonSettings(source == null ? "" : source);
    }

    public Form form() {
        return form;
    }

    private static Optional<Node> compose(String text) {
        LoadSettings settings = LoadSettings.builder().setLabel("draft.yaml").setMaxAliasesForCollections(50).build();
        return new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text))).getSingleNode();
    }

    private Form read(Node root) {
        if (!(root instanceof MappingNode top)) {
            return new Form(List.of(), "The file is not a policy (a mapping with policy, clauses and programs).");
        }
        markShared(root, Collections.newSetFromMap(new IdentityHashMap<>()), false);
        List<Program> programs = new ArrayList<>();
        if (get(top, "programs") instanceof SequenceNode seq) {
            for (int i = 0; i < seq.getValue().size(); i++) {
                if (seq.getValue().get(i) instanceof MappingNode p) {
                    programs.add(program("programs." + i, p));
                }
            }
        }
        return new Form(programs, null);
    }

    /** Values written under a YAML anchor: aliases repeat them elsewhere, so the form leaves them to the file. */
    private final Set<Node> shared = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Marks every value inside an anchored one: changed through one place, it would change at every alias. */
    private void markShared(Node node, Set<Node> seen, boolean insideAnchor) {
        boolean anchored = insideAnchor || node.getAnchor().isPresent();
        if (anchored) {
            shared.add(node);
        }
        if (!seen.add(node)) {
            return;
        }
        switch (node) {
            case MappingNode m -> m.getValue().forEach(t -> markShared(t.getValueNode(), seen, anchored));
            case SequenceNode s -> s.getValue().forEach(n -> markShared(n, seen, anchored));
            default -> { }
        }
    }

    private Program program(String path, MappingNode p) {
        String id = text(get(p, "id"));
        String title = text(get(p, "title"));
        List<Field> window = new ArrayList<>();
        Node w = get(p, "window");
        if (w instanceof MappingNode wm) {
            boolean composite = get(wm, "later_of") != null || get(wm, "earlier_of") != null || get(wm, "until") != null;
            String because = composite ? "this window is built from other windows or a date" : sharedBecause(wm);
            window.add(field(path + ".window.from", "Counted from", get(wm, "from"), EVENTS, because));
            window.add(field(path + ".window.within", "Within", get(wm, "within"), List.of(), because));
        } else if (w != null) {
            window.add(new Field(path + ".window", "Window", describe(w), List.of(), "this window is not written as from/within"));
        }
        List<Entry> deductions = entries(path + ".deductions", get(p, "deductions"), (entryPath, m, because) -> {
            List<Field> fields = new ArrayList<>();
            fields.add(field(entryPath + ".kind", "Kind", get(m, "kind"), DEDUCTION_KINDS, because));
            if (get(m, "percent") != null) {
                fields.add(field(entryPath + ".percent", "Percent", get(m, "percent"), List.of(), because));
            }
            if (get(m, "amount") != null) {
                fields.add(field(entryPath + ".amount", "Amount", get(m, "amount"), List.of(), because));
            }
            if (get(m, "unless") != null) {
                fields.add(new Field(entryPath + ".unless", "Waived when", describe(get(m, "unless")), List.of(), "a condition"));
            }
            if (get(m, "when") != null) {
                fields.add(new Field(entryPath + ".when", "Only when", describe(get(m, "when")), List.of(), "a condition"));
            }
            return fields;
        });
        List<Entry> shipping = entries(path + ".return_shipping", get(p, "return_shipping"), (entryPath, m, because) -> {
            List<Field> fields = new ArrayList<>();
            fields.add(field(entryPath + ".paid_by", "Paid by", get(m, "paid_by"), PAYERS, because));
            if (get(m, "reimburse") != null) {
                fields.add(field(entryPath + ".reimburse", "Reimbursed", get(m, "reimburse"), REIMBURSE, because));
            }
            if (get(m, "when") != null) {
                fields.add(new Field(entryPath + ".when", "Only when", describe(get(m, "when")), List.of(), "a condition"));
            }
            return fields;
        });
        List<Entry> evidence = entries(path + ".evidence", get(p, "evidence"), (entryPath, m, because) -> {
            List<Field> fields = new ArrayList<>();
            for (String key : List.of("all_of", "one_of")) {
                Node v = get(m, key);
                if (v != null) {
                    String why = because != null ? because : listOfScalars(v) ? null : "not a list of evidence kinds";
                    fields.add(field(entryPath + "." + key, key.equals("all_of") ? "All of" : "One of", v, List.of(), why));
                }
            }
            if (get(m, "when") != null) {
                fields.add(new Field(entryPath + ".when", "Only when", describe(get(m, "when")), List.of(), "a condition"));
            }
            return fields;
        });
        return new Program(id, title, window, deductions, shipping, evidence);
    }

    private interface EntryReader {
        List<Field> read(String path, MappingNode entry, String readOnlyBecause);
    }

    private List<Entry> entries(String path, Node list, EntryReader reader) {
        List<Entry> out = new ArrayList<>();
        if (list instanceof SequenceNode seq) {
            for (int i = 0; i < seq.getValue().size(); i++) {
                if (seq.getValue().get(i) instanceof MappingNode m) {
                    out.add(new Entry(text(get(m, "id")), reader.read(path + "." + i, m, sharedBecause(m))));
                }
            }
        }
        return out;
    }

    private String sharedBecause(Node node) {
        return shared.contains(node) ? "shared with other places in the file through a YAML anchor" : null;
    }

    private Field field(String path, String label, Node node, List<String> options, String because) {
        if (node == null) {
            return new Field(path, label, "", List.of(), "not set in the file");
        }
        String why = because != null ? because : sharedBecause(node);
        if (why == null && !(node instanceof ScalarNode) && !listOfScalars(node)) {
            why = "not a single value";
        }
        if (why == null && node.getStartMark().isEmpty()) {
            why = "its place in the file is unknown";
        }
        located.put(path, new Located(node, why));
        return new Field(path, label, describe(node), options, why);
    }

    private static boolean listOfScalars(Node node) {
        return node instanceof ScalarNode || node instanceof SequenceNode s && s.getValue().stream().allMatch(n -> n instanceof ScalarNode);
    }

    private static Node get(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    private static String text(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : "";
    }

    /** A value as one line of text: a scalar as written, a list of scalars comma-separated, anything else in short. */
    private static String describe(Node n) {
        return switch (n) {
            case ScalarNode s -> s.getValue();
            case SequenceNode s -> String.join(", ", s.getValue().stream().map(CommonSettings::describe).toList());
            case MappingNode m -> "{ " + String.join(", ", m.getValue().stream()
                    .map(t -> describe(t.getKeyNode()) + ": " + describe(t.getValueNode())).toList()) + " }";
            default -> "";
        };
    }

    /**
     * Writes the posted values into the text: only values that differ from the file are rewritten, each in place.
     * Read-only and unknown paths are refused by name; the rest of the file is left byte for byte.
     */
    public Applied apply(Map<String, String> values) {
        if (!form.shown()) {
            return new Applied(source, List.of(new Rejected("source", form.problem())), 0);
        }
        record Edit(int start, int end, String text) {}
        List<Edit> edits = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        values.forEach((path, raw) -> {
            Located at = located.get(path);
            String value = raw == null ? "" : raw.strip();
            if (at == null) {
                rejected.add(new Rejected(path, "the form has no such setting"));
                return;
            }
            if (value.equals(describe(at.node()))) {
                return;
            }
            if (at.readOnlyBecause() != null) {
                rejected.add(new Rejected(path, "edit this in the file: " + at.readOnlyBecause()));
                return;
            }
            if (value.isEmpty()) {
                rejected.add(new Rejected(path, "enter a value (to remove a setting, edit the file)"));
                return;
            }
            String written;
            if (at.node() instanceof SequenceNode seq) {
                List<String> items = java.util.Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                if (items.isEmpty() || !items.stream().allMatch(s -> LIST_ITEM.matcher(s).matches())) {
                    rejected.add(new Rejected(path, "list evidence kinds separated by commas, such as photo, proof_of_purchase"));
                    return;
                }
                written = "[" + String.join(", ", items) + "]";
            } else {
                written = scalar(value, ((ScalarNode) at.node()).getScalarStyle());
            }
            int start = at.node().getStartMark().get().getIndex();
            int end = at.node().getEndMark().get().getIndex();
            edits.add(new Edit(start, end, written));
        });
        if (edits.isEmpty()) {
            return new Applied(source, rejected, 0);
        }
        // snakeyaml counts code points; rewrite from the end so earlier positions stay valid
        edits.sort((a, b) -> Integer.compare(b.start(), a.start()));
        StringBuilder out = new StringBuilder(source);
        int[] codePoints = source.codePoints().toArray();
        for (Edit e : edits) {
            int from = source.offsetByCodePoints(0, Math.min(e.start(), codePoints.length));
            int to = source.offsetByCodePoints(0, Math.min(trimEnd(codePoints, e.start(), e.end()), codePoints.length));
            out.replace(from, to, e.text());
        }
        return new Applied(out.toString(), rejected, edits.size());
    }

    /** A block sequence's end mark lies at the start of the next key: keep the line break and indentation before it. */
    private static int trimEnd(int[] text, int start, int end) {
        int e = Math.min(end, text.length);
        while (e > start && Character.isWhitespace(text[e - 1])) {
            e--;
        }
        return e;
    }

    /** A scalar as YAML text: plain where that reads back as the same string, double-quoted otherwise. */
    static String scalar(String value, ScalarStyle style) {
        boolean plainSafe = PLAIN.matcher(value).matches() && !NOT_PLAIN.contains(value.toLowerCase(java.util.Locale.ROOT))
                && !value.endsWith(" ") && !value.contains(" #") && !value.contains(": ");
        if (plainSafe && style == ScalarStyle.PLAIN) {
            return value;
        }
        StringBuilder q = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\x%02x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}

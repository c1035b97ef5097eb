package org.openrma.policy.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openrma.decision.Citation;
import org.openrma.policy.source.Node;

/** The policy's clauses table, the clauses kept outside the engine, and every rule's {@code cites}, resolved against the table. */
final class Clauses extends Reading {

    final Map<String, Citation> clauses = new LinkedHashMap<>();
    /** The clause ids some rule cites: the linter reports the clauses nothing cites. */
    final Set<String> cited = new LinkedHashSet<>();
    final Map<String, String> outsideEngine = new LinkedHashMap<>();

    Clauses(Sink sink) {
        super(sink);
    }

    void clauses(Node node) {
        if (node == null) {
            return;
        }
        Node.Mapping m = mapping(node, "clauses");
        if (m == null) {
            return;
        }
        m.entries().forEach((id, value) -> {
            String text = switch (value) {
                case Node.Scalar s when s.value() instanceof String t -> t;
                case Node.Mapping cm -> {
                    known(cm, "clause " + id, "text", "note");
                    yield text(cm, "text", true);
                }
                default -> {
                    error(value, "clause " + id + " must be its text, or {text, note}");
                    yield null;
                }
            };
            if (text != null) {
                clauses.put(id, new Citation(id, text.strip()));
            }
        });
    }

    void outsideEngine(Node node) {
        Node.Mapping m = mapping(node, "outside_engine");
        if (m == null) {
            return;
        }
        m.entries().forEach((id, value) -> {
            resolveClause(id, value);
            Node.Mapping entry = mapping(value, "outside_engine." + id);
            if (entry != null) {
                known(entry, "outside_engine." + id, "by", "note");
                String by = text(entry, "by", true);
                if (by != null && !List.of("workflow", "intake", "human", "agent_override", "informative").contains(by)) {
                    error(entry.entries().get("by"), "'by' must be workflow, intake, human, agent_override or informative");
                }
                String note = text(entry, "note", false);
                outsideEngine.put(id, by + (note == null ? "" : ": " + note));
            }
        });
    }

    List<Citation> cites(Node.Mapping m) {
        return m.get("cites").map(this::cites).orElse(List.of());
    }

    List<Citation> cites(Node node) {
        List<Citation> out = new ArrayList<>();
        List<Node> refs = node instanceof Node.Sequence s ? s.items() : List.of(node);
        for (Node ref : refs) {
            String id = scalarText(ref);
            if (id == null) {
                error(ref, "a citation is a clause id");
                continue;
            }
            Citation c = resolveClause(id, ref);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    Citation resolveClause(String id, Node at) {
        Citation c = clauses.get(id);
        if (c == null) {
            error(at, "cites clause '" + id + "', which the clauses table does not define" + org.openrma.text.Suggestions.didYouMean(id, clauses.keySet()));
            return null;
        }
        cited.add(id);
        return c;
    }
}

package org.openrma.policy.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrma.decision.Citation;
import org.openrma.policy.model.PolicyModel;
import org.openrma.policy.model.Program;
import org.openrma.policy.model.Window;

/** Which rules encode each clause of a policy, or who handles it outside the engine. */
public final class Coverage {

    /** One clause and where it went: the rules citing it and, if any, its outside-the-engine handling. */
    public record ClauseUse(String id, String text, List<String> rules, String outsideEngine) {
        public boolean accountedFor() {
            return !rules.isEmpty() || outsideEngine != null;
        }
    }

    private Coverage() {}

    public static List<ClauseUse> of(PolicyModel model) {
        Map<String, List<String>> uses = new LinkedHashMap<>();
        model.clauses().keySet().forEach(id -> uses.put(id, new ArrayList<>()));
        model.discretion().forEach(c -> add(uses, "discretion (agent override)", List.of(c)));
        add(uses, "when_no_program_serves", model.whenNoProgramServes().cites());
        model.deadlines().forEach(w -> add(uses, "deadlines." + w.name(), w.cites()));
        for (Program p : model.programs()) {
            String at = p.id() + ".";
            if (p.window() != null) {
                add(uses, at + "window", p.window().cites());
            }
            p.checks().forEach(c -> add(uses, rule(p, c.name()) + " (" + (c.require() ? "require, otherwise " : "then ") + c.outcome().wire() + ")", c.cites()));
            p.evidence().forEach(e -> add(uses, rule(p, e.name()) + " (evidence)", e.cites()));
            p.resolutions().offers().forEach(o -> add(uses, at + "resolutions." + o.resolution().wire(), o.cites()));
            add(uses, at + "refund", p.refund().cites());
            p.deductions().forEach(d -> add(uses, rule(p, d.name()) + " (" + d.kind().wire() + ")", d.cites()));
            p.returnShipping().forEach(r -> add(uses, rule(p, r.name()) + " (return shipping: " + r.paidBy().wire() + ")", r.cites()));
            p.outboundShipping().forEach(r -> add(uses, rule(p, r.name()) + " (outbound shipping: " + r.paidBy().wire() + ")", r.cites()));
            p.components().forEach(c -> add(uses, at + "components." + c.id(), c.cites()));
            if (p.whenRejected() != null) {
                add(uses, at + "when_rejected (" + p.whenRejected().outcome().wire() + ")", p.whenRejected().cites());
            }
            for (Window w : p.deadlines()) {
                add(uses, at + w.name(), w.cites());
            }
        }
        List<ClauseUse> out = new ArrayList<>();
        for (Citation c : model.clauses().values()) {
            out.add(new ClauseUse(c.id(), c.text(), List.copyOf(uses.get(c.id())), model.outsideEngine().get(c.id())));
        }
        out.sort(java.util.Comparator.comparing(ClauseUse::id, Coverage::naturalOrder));
        return out;
    }

    private static String rule(Program p, String name) {
        return name.startsWith(p.id() + ".") ? name : p.id() + "/" + name;
    }

    private static void add(Map<String, List<String>> uses, String rule, List<Citation> cites) {
        for (Citation c : cites) {
            List<String> list = uses.get(c.id());
            if (list != null && !list.contains(rule)) {
                list.add(rule);
            }
        }
    }

    /** S0-2 before S0-10. */
    private static int naturalOrder(String a, String b) {
        String[] pa = a.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        String[] pb = b.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            int c = pa[i].matches("\\d+") && pb[i].matches("\\d+") ? Integer.compare(Integer.parseInt(pa[i]), Integer.parseInt(pb[i])) : pa[i].compareTo(pb[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.length, pb.length);
    }
}

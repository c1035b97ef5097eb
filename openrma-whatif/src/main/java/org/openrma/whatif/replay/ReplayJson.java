package org.openrma.whatif.replay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.openrma.decision.DecisionJson;
import org.openrma.decision.Outcome;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code replay.json}: the whole report, amounts as decimal strings, shares as numbers from 0 to 1.
 * It holds no timing, so the same input gives the same file.
 */
public final class ReplayJson {

    static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReplayJson() {}

    public static String write(ReplayReport report) {
        return MAPPER.writeValueAsString(toTree(report));
    }

    public static ObjectNode toTree(ReplayReport report) {
        ReplayTally t = report.tally();
        ObjectNode root = MAPPER.createObjectNode();
        side(root.putObject("baseline"), report.baseline(), t.baselineVersions);
        side(root.putObject("candidate"), report.candidate(), t.candidateVersions);
        ObjectNode input = root.putObject("input");
        input.put("file", report.input().file());
        input.put("format", report.input().format().name().toLowerCase(java.util.Locale.ROOT));
        input.put("gzip", report.input().gzip());

        ObjectNode counts = root.putObject("counts");
        counts.put("records", report.records());
        counts.put("decided", t.decided);
        counts.put("malformed", t.malformed);
        counts.put("failed", t.failed);
        counts.put("changed", t.changed);
        counts.put("outcome_changed", t.outcomeChanged);

        ObjectNode outcomes = root.putObject("outcomes");
        ObjectNode base = outcomes.putObject("baseline");
        ObjectNode cand = outcomes.putObject("candidate");
        for (Outcome o : Outcome.values()) {
            long b = 0;
            long c = 0;
            for (Outcome other : Outcome.values()) {
                b += t.transitions[o.ordinal()][other.ordinal()];
                c += t.transitions[other.ordinal()][o.ordinal()];
            }
            base.put(o.wire(), b);
            cand.put(o.wire(), c);
        }

        ArrayNode transitions = root.putArray("transitions");
        for (Outcome from : Outcome.values()) {
            for (Outcome to : Outcome.values()) {
                long n = t.transitions[from.ordinal()][to.ordinal()];
                transitions.addObject().put("from", from.wire()).put("to", to.wire()).put("count", n).put("share", share(n, t.decided));
            }
        }

        ObjectNode money = root.putObject("money");
        ObjectNode measures = money.putObject("measures");
        for (int i = 0; i < ReplayReport.MEASURES.size(); i++) {
            measures.put(ReplayReport.MEASURES.get(i), ReplayReport.MEASURE_MEANINGS.get(i));
        }
        ArrayNode total = money.putArray("total");
        new TreeMap<>(t.total).forEach((cur, s) -> slice(total.addObject(), null, null, cur, s));
        slices(money.putArray("by_program"), "program", t.byProgram);
        slices(money.putArray("by_reason"), "reason", t.byReason);
        slices(money.putArray("by_month"), "month", t.byMonth);
        slices(money.putArray("by_country"), "country", t.byCountry);

        ArrayNode segments = root.putArray("segments");
        new TreeMap<>(t.segments).forEach((seg, cells) -> {
            ObjectNode s = segments.addObject();
            s.put("kind", seg.kind()).put("reason", seg.reason()).put("days_since_delivery", seg.age());
            long claims = 0;
            long changed = 0;
            ObjectNode moves = MAPPER.createObjectNode();
            for (Outcome from : Outcome.values()) {
                for (Outcome to : Outcome.values()) {
                    long n = ReplayTally.transitions(cells, from, to);
                    claims += n;
                    if (from != to && n > 0) {
                        changed += n;
                        moves.put(from.wire() + " -> " + to.wire(), n);
                    }
                }
            }
            s.put("claims", claims).put("outcome_changed", changed).set("transitions", moves);
        });

        ArrayNode top = root.putArray("top_changes");
        int rank = 0;
        for (ReplayTally.Change c : report.topChanges()) {
            ObjectNode n = top.addObject();
            n.put("rank", ++rank);
            n.put("line", c.line());
            n.put("order", c.claim().order().number());
            n.put("kind", c.claim().request().kind().wire());
            n.put("reason", c.claim().request().reason().wire());
            n.put("currency", c.claim().order().currency().getCode());
            n.put("refund_difference", (c.refundDifference().signum() > 0 ? "+" : "") + c.refundDifference().toPlainString());
            n.put("outcome", c.baseline().outcome().wire() + " -> " + c.candidate().outcome().wire());
            n.set("baseline", DecisionJson.toTree(c.baseline()));
            n.set("candidate", DecisionJson.toTree(c.candidate()));
        }

        ObjectNode problems = root.putObject("problems");
        problems.put("malformed", t.malformed);
        problems.put("failed", t.failed);
        problems.put("listed_at_most", ReplayTally.PROBLEMS_LISTED);
        ArrayNode listed = problems.putArray("first");
        t.problems().values().forEach(p -> listed.addObject().put("line", p.line()).put("kind", p.malformed() ? "malformed" : "failed")
                .put("problem", p.message()));
        return root;
    }

    private static void side(ObjectNode n, ReplayReport.Side side, Map<String, Long> versions) {
        n.put("source", side.source());
        n.put("policy", side.policy());
        n.put("version_chosen_by", side.byOrderDate() ? "order date" : "file");
        ObjectNode v = n.putObject("claims_by_version");
        new TreeMap<>(versions).forEach(v::put);
    }

    private static void slices(ArrayNode array, String name, Map<ReplayTally.SliceKey, ReplayTally.Slice> slices) {
        new TreeMap<>(slices).forEach((key, s) -> slice(array.addObject(), name, key.group(), key.currency(), s));
    }

    private static void slice(ObjectNode n, String name, String group, CurrencyUnit cur, ReplayTally.Slice s) {
        if (name != null) {
            n.put(name, group);
        }
        n.put("currency", cur.getCode());
        n.put("claims", s.claims);
        n.put("outcome_changed", s.outcomeChanged);
        ObjectNode b = n.putObject("baseline");
        ObjectNode c = n.putObject("candidate");
        ObjectNode d = n.putObject("difference");
        for (int i = 0; i < ReplayTally.MONEY_MEASURES; i++) {
            String measure = ReplayReport.MEASURES.get(i);
            b.put(measure, ReplayReport.amount(s.baseline[i], cur).toPlainString());
            c.put(measure, ReplayReport.amount(s.candidate[i], cur).toPlainString());
            d.put(measure, ReplayReport.signed(s.candidate[i] - s.baseline[i], cur));
        }
    }

    private static BigDecimal share(long n, long of) {
        return of == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(n).divide(BigDecimal.valueOf(of), 4, RoundingMode.HALF_UP);
    }
}

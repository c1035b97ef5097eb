package org.openrma.whatif.replay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.openrma.decision.Decision;
import org.openrma.decision.ExplanationStep;
import org.openrma.decision.Outcome;

/**
 * {@code replay.html}: one self-contained page (inline CSS and inline SVG drawn here, no script,
 * no external resource) that opens offline. It shows the transition matrix as a heat map, the
 * money by month as a chart, the breakdowns as tables and the claims that changed most.
 */
public final class ReplayHtml {

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2em auto;max-width:1100px;color:#1d2330;padding:0 1em}
            h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #d8dde6;padding-bottom:.2em}
            .sub{color:#5b6577}table{border-collapse:collapse;margin:.6em 0}th,td{padding:.3em .7em;border:1px solid #d8dde6;text-align:right}
            th{background:#f3f5f9}td.l,th.l{text-align:left}.pos{color:#17663a}.neg{color:#a1261d}
            table.matrix td{min-width:7em;text-align:center}table.matrix td small{display:block;color:#3c4657}
            .cards{display:flex;gap:1em;flex-wrap:wrap}.card{border:1px solid #d8dde6;border-radius:6px;padding:.6em 1em;min-width:9em}
            .card b{display:block;font-size:1.4em}details{border:1px solid #d8dde6;border-radius:6px;margin:.5em 0;padding:.4em .8em}
            summary{cursor:pointer}.cols{display:grid;grid-template-columns:1fr 1fr;gap:1em}.cols ol{padding-left:1.2em;margin:.3em 0}
            .cols li{margin:.2em 0}.res{font-size:.85em;color:#5b6577}svg text{font:11px system-ui,sans-serif;fill:#1d2330}
            """;

    private ReplayHtml() {}

    public static String render(ReplayReport report) {
        ReplayTally t = report.tally();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Policy replay: ")
                .append(esc(report.baseline().source())).append(" vs ").append(esc(report.candidate().source()))
                .append("</title>\n<style>").append(CSS).append("</style></head><body>\n");
        h.append("<h1>Policy replay</h1>\n<p class=\"sub\">Baseline <b>").append(esc(report.baseline().source())).append("</b>")
                .append(sideNote(report.baseline(), t.baselineVersions)).append(" &rarr; candidate <b>")
                .append(esc(report.candidate().source())).append("</b>").append(sideNote(report.candidate(), t.candidateVersions))
                .append(", over <code>").append(esc(report.input().file())).append("</code>. Each claim is decided as of its submission.</p>\n");

        h.append("<div class=\"cards\">");
        card(h, "claims decided", t.decided);
        card(h, "decisions changed", t.changed);
        card(h, "outcomes changed", t.outcomeChanged);
        card(h, "malformed records", t.malformed);
        if (t.failed > 0) {
            card(h, "engine failures", t.failed);
        }
        h.append("</div>\n");

        matrix(h, t);
        outcomeBars(h, t);
        moneyTotals(h, report);
        monthChart(h, report);
        table(h, "By program (the candidate's)", "program", t.byProgram);
        table(h, "By reason", "reason", t.byReason);
        table(h, "By month of submission", "month", t.byMonth);
        table(h, "By the buyer's country (what consumer law costs where)", "country", t.byCountry);
        segments(h, t);
        topChanges(h, report);
        problems(h, t);
        h.append("<p class=\"sub\">").append(esc(String.join("; ", measureNotes()))).append(".</p>\n</body></html>\n");
        return h.toString();
    }

    private static List<String> measureNotes() {
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < ReplayReport.MEASURES.size(); i++) {
            notes.add(ReplayReport.MEASURES.get(i).replace('_', ' ') + ": " + ReplayReport.MEASURE_MEANINGS.get(i));
        }
        return notes;
    }

    private static String sideNote(ReplayReport.Side side, Map<String, Long> versions) {
        String how = side.byOrderDate() ? "version in force at each order's date" : "this file decides every claim";
        return " <span class=\"sub\">(" + esc(how) + (versions.isEmpty() ? "" : "; " + esc(String.join(", ",
                new TreeMap<>(versions).entrySet().stream().map(e -> e.getKey() + ": " + fmt(e.getValue())).toList()))) + ")</span>";
    }

    private static void card(StringBuilder h, String label, long n) {
        h.append("<div class=\"card\"><b>").append(fmt(n)).append("</b>").append(esc(label)).append("</div>");
    }

    /** The heat map: rows are the baseline's outcome, columns the candidate's; the darker, the more claims. */
    private static void matrix(StringBuilder h, ReplayTally t) {
        h.append("<h2>Outcome transitions</h2>\n<p class=\"sub\">Rows: baseline outcome; columns: candidate outcome. "
                + "Green: better for the customer under the candidate; red: worse; grey: unchanged.</p>\n");
        long max = 1;
        for (long[] row : t.transitions) {
            for (long n : row) {
                max = Math.max(max, n);
            }
        }
        h.append("<table class=\"matrix\"><tr><th class=\"l\">baseline &darr; / candidate &rarr;</th>");
        for (Outcome o : Outcome.values()) {
            h.append("<th>").append(o.wire()).append("</th>");
        }
        h.append("<th>total</th></tr>\n");
        for (Outcome from : Outcome.values()) {
            h.append("<tr><th class=\"l\">").append(from.wire()).append("</th>");
            long rowTotal = 0;
            for (Outcome to : Outcome.values()) {
                long n = t.transitions[from.ordinal()][to.ordinal()];
                rowTotal += n;
                double intensity = n == 0 ? 0 : 0.08 + 0.82 * Math.sqrt(n / (double) max);
                String rgb = from == to ? "90,104,130" : to.ordinal() < from.ordinal() ? "35,150,80" : "200,55,45";
                String ink = intensity > 0.55 ? "#fff" : "#1d2330";
                h.append(String.format(Locale.ROOT, "<td style=\"background:rgba(%s,%.3f);color:%s\" title=\"%s &rarr; %s\">%s<small style=\"color:%s\">%.1f%%</small></td>",
                        rgb, intensity, ink, from.wire(), to.wire(), fmt(n), ink, 100 * ReplayReport.share(n, t.decided)));
            }
            h.append("<td>").append(fmt(rowTotal)).append("</td></tr>\n");
        }
        h.append("<tr><th class=\"l\">total</th>");
        for (Outcome to : Outcome.values()) {
            long col = 0;
            for (Outcome from : Outcome.values()) {
                col += t.transitions[from.ordinal()][to.ordinal()];
            }
            h.append("<td>").append(fmt(col)).append("</td>");
        }
        h.append("<td>").append(fmt(t.decided)).append("</td></tr></table>\n");
    }

    /** Outcome counts under each policy, as paired horizontal bars. */
    private static void outcomeBars(StringBuilder h, ReplayTally t) {
        long[] base = new long[Outcome.values().length];
        long[] cand = new long[Outcome.values().length];
        long max = 1;
        for (Outcome from : Outcome.values()) {
            for (Outcome to : Outcome.values()) {
                long n = t.transitions[from.ordinal()][to.ordinal()];
                base[from.ordinal()] += n;
                cand[to.ordinal()] += n;
            }
        }
        for (int i = 0; i < base.length; i++) {
            max = Math.max(max, Math.max(base[i], cand[i]));
        }
        h.append("<h3>Outcomes under each policy</h3>\n");
        int rowHeight = 38;
        int width = 760;
        int left = 120;
        int barMax = width - left - 110;
        h.append(String.format(Locale.ROOT, "<svg class=\"outcomes\" role=\"img\" aria-label=\"Outcomes under each policy\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" xmlns=\"http://www.w3.org/2000/svg\">",
                width, rowHeight * base.length + 30, width, rowHeight * base.length + 30));
        h.append("<rect x=\"").append(left).append("\" y=\"2\" width=\"10\" height=\"10\" fill=\"#9aa6bb\"/><text x=\"").append(left + 14)
                .append("\" y=\"11\">baseline</text><rect x=\"").append(left + 90).append("\" y=\"2\" width=\"10\" height=\"10\" fill=\"#2d6cdf\"/><text x=\"")
                .append(left + 104).append("\" y=\"11\">candidate</text>");
        for (Outcome o : Outcome.values()) {
            int y = 24 + o.ordinal() * rowHeight;
            int wb = (int) Math.round(barMax * base[o.ordinal()] / (double) max);
            int wc = (int) Math.round(barMax * cand[o.ordinal()] / (double) max);
            h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", left - 8, y + 18, o.wire()));
            h.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"14\" fill=\"#9aa6bb\"/><text x=\"%d\" y=\"%d\">%s</text>",
                    left, y, wb, left + wb + 4, y + 11, fmt(base[o.ordinal()])));
            h.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"14\" fill=\"#2d6cdf\"/><text x=\"%d\" y=\"%d\">%s</text>",
                    left, y + 16, wc, left + wc + 4, y + 27, fmt(cand[o.ordinal()])));
        }
        h.append("</svg>\n");
    }

    private static void moneyTotals(StringBuilder h, ReplayReport report) {
        h.append("<h2>Money</h2>\n<table><tr><th class=\"l\">measure</th><th class=\"l\">currency</th><th>baseline</th><th>candidate</th><th>difference</th></tr>\n");
        new TreeMap<>(report.tally().total).forEach((cur, s) -> {
            for (int i = 0; i < ReplayTally.MONEY_MEASURES; i++) {
                h.append("<tr><td class=\"l\">").append(ReplayReport.MEASURES.get(i).replace('_', ' ')).append("</td><td class=\"l\">")
                        .append(cur.getCode()).append("</td><td>").append(money(s.baseline[i], cur)).append("</td><td>")
                        .append(money(s.candidate[i], cur)).append("</td>").append(diff(s.candidate[i] - s.baseline[i], cur)).append("</tr>\n");
            }
        });
        h.append("</table>\n");
    }

    /** Refund difference by month as bars, fees and reimbursed-shipping differences as lines, in the main currency. */
    private static void monthChart(StringBuilder h, ReplayReport report) {
        CurrencyUnit cur = report.mainCurrency();
        List<Map.Entry<String, ReplayTally.Slice>> months = new ArrayList<>();
        new TreeMap<>(report.tally().byMonth).forEach((k, s) -> {
            if (k.currency().equals(cur)) {
                months.add(Map.entry(k.group(), s));
            }
        });
        h.append("<h2>Money differences by month (").append(cur.getCode()).append(")</h2>\n"
                + "<p class=\"sub\">Candidate minus baseline, by month of submission: bars for refunds, lines for fees and reimbursed shipping.</p>\n");
        int width = 1000;
        int height = 340;
        int left = 80;
        int right = 20;
        int top = 30;
        int bottom = 70;
        double max = 1;
        for (var m : months) {
            for (int i = 0; i < 3; i++) {
                max = Math.max(max, Math.abs(delta(m.getValue(), i, cur)));
            }
        }
        double plotHeight = height - top - bottom;
        double zero = top + plotHeight / 2;
        double scale = (plotHeight / 2) / max;
        int n = Math.max(1, months.size());
        double step = (width - left - right) / (double) n;
        h.append(String.format(Locale.ROOT, "<svg class=\"chart months\" role=\"img\" aria-label=\"Money differences by month\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" xmlns=\"http://www.w3.org/2000/svg\">\n",
                width, height, width, height));
        for (int k = -2; k <= 2; k++) {
            double y = zero - k * plotHeight / 4;
            double value = k * max / 2;
            h.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>", left, y, width - right, y, k == 0 ? "#5b6577" : "#e3e7ee"));
            h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", left - 6, y + 4, String.format(Locale.ROOT, "%,.0f", value)));
        }
        StringBuilder fees = new StringBuilder();
        StringBuilder shipping = new StringBuilder();
        for (int i = 0; i < months.size(); i++) {
            var m = months.get(i);
            double x = left + i * step;
            double refund = delta(m.getValue(), ReplayTally.REFUND, cur);
            double barTop = refund >= 0 ? zero - refund * scale : zero;
            h.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s refund %s</title></rect>",
                    x + step * 0.15, barTop, step * 0.7, Math.abs(refund) * scale, refund >= 0 ? "#2f9a5a" : "#c8372d", m.getKey(),
                    ReplayReport.signed(m.getValue().candidate[ReplayTally.REFUND] - m.getValue().baseline[ReplayTally.REFUND], cur)));
            double cx = x + step / 2;
            fees.append(String.format(Locale.ROOT, "%.1f,%.1f ", cx, zero - delta(m.getValue(), ReplayTally.FEES, cur) * scale));
            shipping.append(String.format(Locale.ROOT, "%.1f,%.1f ", cx, zero - delta(m.getValue(), ReplayTally.REIMBURSED, cur) * scale));
            h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"end\" transform=\"rotate(-50 %.1f %d)\">%s</text>",
                    cx, height - bottom + 14, cx, height - bottom + 14, m.getKey()));
        }
        if (!months.isEmpty()) {
            h.append("<polyline fill=\"none\" stroke=\"#7b3fb5\" stroke-width=\"2\" points=\"").append(fees.toString().strip()).append("\"/>");
            h.append("<polyline fill=\"none\" stroke=\"#d98a00\" stroke-width=\"2\" stroke-dasharray=\"5 3\" points=\"").append(shipping.toString().strip()).append("\"/>");
        }
        h.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"8\" width=\"10\" height=\"10\" fill=\"#2f9a5a\"/><text x=\"%d\" y=\"17\">refund difference</text>"
                + "<line x1=\"%d\" y1=\"13\" x2=\"%d\" y2=\"13\" stroke=\"#7b3fb5\" stroke-width=\"2\"/><text x=\"%d\" y=\"17\">fees difference</text>"
                + "<line x1=\"%d\" y1=\"13\" x2=\"%d\" y2=\"13\" stroke=\"#d98a00\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/><text x=\"%d\" y=\"17\">reimbursed shipping difference</text>",
                left, left + 14, left + 140, left + 160, left + 164, left + 270, left + 290, left + 294));
        h.append("</svg>\n");
    }

    private static double delta(ReplayTally.Slice s, int measure, CurrencyUnit cur) {
        return ReplayReport.amount(s.candidate[measure] - s.baseline[measure], cur).doubleValue();
    }

    private static void table(StringBuilder h, String title, String name, Map<ReplayTally.SliceKey, ReplayTally.Slice> slices) {
        h.append("<h2>").append(esc(title)).append("</h2>\n<table class=\"breakdown\"><tr><th class=\"l\">").append(name)
                .append("</th><th class=\"l\">cur.</th><th>claims</th><th>outcome changed</th><th>refund baseline</th><th>refund candidate</th>"
                        + "<th>refund &Delta;</th><th>fees &Delta;</th><th>reimbursed shipping &Delta;</th><th>pending refund &Delta;</th></tr>\n");
        new TreeMap<>(slices).forEach((k, s) -> {
            CurrencyUnit cur = k.currency();
            h.append("<tr><td class=\"l\">").append(esc(k.group())).append("</td><td class=\"l\">").append(cur.getCode()).append("</td><td>")
                    .append(fmt(s.claims)).append("</td><td>").append(fmt(s.outcomeChanged)).append("</td><td>")
                    .append(money(s.baseline[ReplayTally.REFUND], cur)).append("</td><td>").append(money(s.candidate[ReplayTally.REFUND], cur))
                    .append("</td>");
            for (int i = 0; i < ReplayTally.MONEY_MEASURES; i++) {
                h.append(diff(s.candidate[i] - s.baseline[i], cur));
            }
            h.append("</tr>\n");
        });
        h.append("</table>\n");
    }

    private static void segments(StringBuilder h, ReplayTally t) {
        record Row(ReplayTally.Segment segment, long claims, long changed, String moves) {}
        List<Row> rows = new ArrayList<>();
        t.segments.forEach((seg, cells) -> {
            long claims = 0;
            long changed = 0;
            List<String> moves = new ArrayList<>();
            for (Outcome from : Outcome.values()) {
                for (Outcome to : Outcome.values()) {
                    long n = ReplayTally.transitions(cells, from, to);
                    claims += n;
                    if (from != to && n > 0) {
                        changed += n;
                        moves.add(from.wire() + " &rarr; " + to.wire() + ": " + fmt(n));
                    }
                }
            }
            if (changed > 0) {
                rows.add(new Row(seg, claims, changed, String.join("<br>", moves)));
            }
        });
        rows.sort(Comparator.comparingLong(Row::changed).reversed().thenComparing(Row::segment));
        h.append("<h2>Where outcomes changed</h2>\n<p class=\"sub\">Claims by kind, reason and days from delivery to request (UTC dates), "
                + "with the outcome changes among them; the 40 largest.</p>\n<table class=\"segments\"><tr><th class=\"l\">kind</th>"
                + "<th class=\"l\">reason</th><th class=\"l\">days since delivery</th><th>claims</th><th>outcome changed</th><th class=\"l\">changes</th></tr>\n");
        for (Row r : rows.subList(0, Math.min(40, rows.size()))) {
            h.append("<tr><td class=\"l\">").append(esc(r.segment().kind())).append("</td><td class=\"l\">").append(esc(r.segment().reason()))
                    .append("</td><td class=\"l\">").append(esc(r.segment().age())).append("</td><td>").append(fmt(r.claims())).append("</td><td>")
                    .append(fmt(r.changed())).append("</td><td class=\"l\">").append(r.moves()).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void topChanges(StringBuilder h, ReplayReport report) {
        List<ReplayTally.Change> changes = report.topChanges();
        h.append("<h2>Claims that changed most</h2>\n<p class=\"sub\">By refund difference, then outcome change; ")
                .append(changes.size()).append(" shown.</p>\n");
        int rank = 0;
        for (ReplayTally.Change c : changes) {
            var claim = c.claim();
            h.append("<details class=\"change\"><summary><b>#").append(++rank).append("</b> line ").append(c.line()).append(", order ")
                    .append(esc(claim.order().number())).append(": ").append(esc(claim.request().kind().wire())).append(" / ")
                    .append(esc(claim.request().reason().wire())).append(" &mdash; ").append(c.baseline().outcome().wire()).append(" &rarr; ")
                    .append(c.candidate().outcome().wire()).append(", refund ").append(esc((c.refundDifference().signum() > 0 ? "+" : "")
                            + c.refundDifference().toPlainString())).append(' ').append(claim.order().currency().getCode())
                    .append("</summary>\n<div class=\"cols\">");
            decision(h, "Baseline", c.baseline());
            decision(h, "Candidate", c.candidate());
            h.append("</div></details>\n");
        }
    }

    private static void decision(StringBuilder h, String title, Decision d) {
        h.append("<div><h3>").append(title).append(": ").append(d.outcome().wire()).append("</h3><p>").append(esc(d.summary())).append("</p><ol>");
        for (ExplanationStep s : d.explanation()) {
            h.append("<li><code>").append(esc(s.rule())).append("</code> <b>").append(esc(s.result().wire())).append("</b>: ")
                    .append(esc(s.says()));
            if (!s.cites().isEmpty()) {
                h.append(" <span class=\"res\">[").append(esc(String.join(", ", s.cites().stream().map(x -> x.id()).toList()))).append("]</span>");
            }
            h.append("</li>");
        }
        h.append("</ol></div>");
    }

    private static void problems(StringBuilder h, ReplayTally t) {
        if (t.problems().isEmpty()) {
            return;
        }
        h.append("<h2>Records not replayed</h2>\n<p class=\"sub\">").append(fmt(t.malformed)).append(" malformed, ").append(fmt(t.failed))
                .append(" failed in the engine; the first ").append(t.problems().size()).append(" by line:</p>\n<table class=\"problems\">"
                        + "<tr><th>line</th><th class=\"l\">problem</th></tr>\n");
        t.problems().values().forEach(p -> h.append("<tr><td>").append(p.line()).append("</td><td class=\"l\">").append(esc(p.message()))
                .append("</td></tr>\n"));
        h.append("</table>\n");
    }

    private static String money(long minor, CurrencyUnit cur) {
        return String.format(Locale.ROOT, "%,." + cur.getDecimalPlaces() + "f", ReplayReport.amount(minor, cur));
    }

    private static String diff(long minor, CurrencyUnit cur) {
        String cls = minor > 0 ? "pos" : minor < 0 ? "neg" : "";
        return "<td class=\"" + cls + "\">" + (minor > 0 ? "+" : "") + money(minor, cur) + "</td>";
    }

    private static String fmt(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}

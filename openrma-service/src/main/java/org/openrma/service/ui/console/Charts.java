package org.openrma.service.ui.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.web.util.HtmlUtils;

/**
 * Inline SVG charts drawn on the server: no JavaScript, readable by screen readers (each chart has
 * a title and a description, and the page shows the same numbers in a table). Colours are from a
 * palette distinguishable with common colour-vision deficiencies.
 */
public final class Charts {

    private static final String[] PALETTE = {"#0b5cad", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#6b4c9a", "#8a8a00", "#444444"};

    private Charts() {}

    /** Stacked bars: one bar per week, one colour per series, with a legend. */
    public static String stackedWeekly(String title, List<ConsoleQueries.Weekly> data, List<LocalDate> weeks) {
        TreeSet<String> series = new TreeSet<>();
        Map<LocalDate, Map<String, Double>> byWeek = new TreeMap<>();
        weeks.forEach(w -> byWeek.put(w, new LinkedHashMap<>()));
        for (ConsoleQueries.Weekly w : data) {
            series.add(w.series());
            byWeek.computeIfAbsent(w.week(), k -> new LinkedHashMap<>()).merge(w.series(), w.value().doubleValue(), Double::sum);
        }
        List<String> names = new ArrayList<>(series);
        double max = byWeek.values().stream().mapToDouble(m -> m.values().stream().mapToDouble(Double::doubleValue).sum()).max().orElse(0);
        max = niceMax(max);
        int w = 560, h = 260, left = 44, bottom = 40, top = 16, legendRows = (names.size() + 2) / 3;
        int plotH = h - top - bottom;
        int n = Math.max(1, byWeek.size());
        double slot = (w - left - 10) / (double) n;
        StringBuilder svg = open(title, w, h + legendRows * 18, describe(title, byWeek));
        axes(svg, left, top, w, plotH, max);
        int i = 0;
        for (Map.Entry<LocalDate, Map<String, Double>> e : byWeek.entrySet()) {
            double x = left + i * slot + slot * 0.15;
            double y = top + plotH;
            for (int s = 0; s < names.size(); s++) {
                double v = e.getValue().getOrDefault(names.get(s), 0.0);
                if (v <= 0) {
                    continue;
                }
                double bh = max == 0 ? 0 : v / max * plotH;
                y -= bh;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s, week of %s: %s</title></rect>",
                        x, y, slot * 0.7, bh, PALETTE[s % PALETTE.length], esc(names.get(s)), e.getKey(), fmt(v)));
            }
            if (n <= 13 && (i % Math.max(1, n / 7) == 0)) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"#4a5561\">%s</text>",
                        x + slot * 0.35, top + plotH + 16, e.getKey().toString().substring(5)));
            }
            i++;
        }
        for (int s = 0; s < names.size(); s++) {
            int lx = 10 + (s % 3) * 185, ly = h + (s / 3) * 18;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#1b1f24\">%s</text>",
                    lx, ly - 10, PALETTE[s % PALETTE.length], lx + 16, ly, esc(names.get(s).replace('_', ' '))));
        }
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars, one per label. */
    public static String bars(String title, Map<String, ? extends Number> values, String unit) {
        int rowH = 26, left = 150, w = 560, top = 8;
        int h = top + Math.max(1, values.size()) * rowH + 8;
        double max = niceMax(values.values().stream().mapToDouble(Number::doubleValue).max().orElse(0));
        StringBuilder d = new StringBuilder(title + ": ");
        values.forEach((k, v) -> d.append(k).append(' ').append(fmt(v.doubleValue())).append(unit).append("; "));
        StringBuilder svg = open(title, w, h, d.toString());
        int i = 0;
        for (Map.Entry<String, ? extends Number> e : values.entrySet()) {
            double v = e.getValue().doubleValue();
            double bw = max == 0 ? 0 : v / max * (w - left - 70);
            int y = top + i * rowH;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\" fill=\"#1b1f24\">%s</text>", left - 8, y + 16,
                    esc(e.getKey().replace('_', ' '))));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>", left, y + 3, bw, PALETTE[i % PALETTE.length]));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"#1b1f24\">%s%s</text>", left + bw + 6, y + 16, fmt(v), esc(unit)));
            i++;
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int w, int h, String description) {
        String id = "c" + Integer.toHexString(title.hashCode());
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"%s-t %s-d\"><title id=\"%s-t\">%s</title><desc id=\"%s-d\">%s</desc>",
                w, h, id, id, id, esc(title), id, esc(description)));
    }

    private static void axes(StringBuilder svg, int left, int top, int w, int plotH, double max) {
        for (int k = 0; k <= 4; k++) {
            double y = top + plotH - plotH * k / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d0d7de\"/>", left, y, w - 10, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#4a5561\">%s</text>", left - 6, y + 4,
                    fmt(max * k / 4.0)));
        }
    }

    private static String describe(String title, Map<LocalDate, Map<String, Double>> byWeek) {
        StringBuilder d = new StringBuilder(title).append(" by week: ");
        byWeek.forEach((wk, m) -> {
            if (!m.isEmpty()) {
                d.append(wk).append(' ').append(m).append("; ");
            }
        });
        return d.toString();
    }

    private static double niceMax(double max) {
        if (max <= 0) {
            return 0;
        }
        double p = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= max) {
                return m * p;
            }
        }
        return 10 * p;
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}

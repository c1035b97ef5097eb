package org.openrma.service.ui.studio;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The line diff of a draft against the version in force, as a reviewer reads it before publishing: changed hunks with
 * up to {@link #CONTEXT} unchanged lines around them, each line numbered in the old and the new text.
 */
public record DraftDiff(List<Hunk> hunks, int added, int removed) {

    static final int CONTEXT = 2;

    public enum Change { SAME, ADDED, REMOVED }

    /** One line of a hunk; {@code 0} stands for "not in that text". */
    public record Line(Change change, int oldNumber, int newNumber, String text) {
        public String marker() {
            return switch (change) {
                case SAME -> " ";
                case ADDED -> "+";
                case REMOVED -> "-";
            };
        }
    }

    public record Hunk(List<Line> lines) {}

    public boolean same() {
        return hunks.isEmpty();
    }

    public static DraftDiff of(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        // every line tagged, then cut into hunks around the changes
        List<Line> all = new ArrayList<>();
        int i = 0;
        int j = 0;
        int added = 0;
        int removed = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            for (; i < d.getSource().getPosition(); i++, j++) {
                all.add(new Line(Change.SAME, i + 1, j + 1, a.get(i)));
            }
            for (String s : d.getSource().getLines()) {
                all.add(new Line(Change.REMOVED, ++i, 0, s));
                removed++;
            }
            for (String s : d.getTarget().getLines()) {
                all.add(new Line(Change.ADDED, 0, ++j, s));
                added++;
            }
        }
        for (; i < a.size(); i++, j++) {
            all.add(new Line(Change.SAME, i + 1, j + 1, a.get(i)));
        }
        List<Hunk> hunks = new ArrayList<>();
        List<Line> current = null;
        int lastChange = -CONTEXT - 2;
        for (int k = 0; k < all.size(); k++) {
            if (all.get(k).change() == Change.SAME) {
                continue;
            }
            if (current == null || k - lastChange > 2 * CONTEXT + 1) {
                if (current != null) {
                    current.addAll(all.subList(lastChange + 1, Math.min(all.size(), lastChange + 1 + CONTEXT)));
                    hunks.add(new Hunk(List.copyOf(current)));
                }
                current = new ArrayList<>(all.subList(Math.max(0, k - CONTEXT), k));
            } else {
                current.addAll(all.subList(lastChange + 1, k));
            }
            current.add(all.get(k));
            lastChange = k;
        }
        if (current != null) {
            current.addAll(all.subList(lastChange + 1, Math.min(all.size(), lastChange + 1 + CONTEXT)));
            hunks.add(new Hunk(List.copyOf(current)));
        }
        return new DraftDiff(List.copyOf(hunks), added, removed);
    }

    private static List<String> lines(String text) {
        String t = text == null ? "" : text.replace("\r\n", "\n");
        return t.isEmpty() ? List.of() : Arrays.asList(t.split("\n", -1));
    }
}

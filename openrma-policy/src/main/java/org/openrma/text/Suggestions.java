package org.openrma.text;

import java.util.Collection;

/**
 * "Did you mean": the known word closest to one that is not known, when it is one or two edits
 * away. Every reader that refuses an unknown word (policy files, claims) suggests through here, so
 * the wording is the same everywhere (Cedar's fuzzy_match).
 */
public final class Suggestions {

    /** Words further away than this are not suggested: they are more likely a different word than a typo. */
    private static final int MAX_EDITS = 2;

    private Suggestions() {}

    /** The closest candidate within two edits, or null (also when the word is itself a candidate). */
    public static String nearest(String word, Collection<String> candidates) {
        if (word == null) {
            return null;
        }
        String best = null;
        int bestDistance = MAX_EDITS + 1;
        for (String c : candidates) {
            int d = distance(word, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best == null || best.equals(word) ? null : best;
    }

    /** {@code " (did you mean 'x'?)"} to append to an error message, or "" when nothing is close. */
    public static String didYouMean(String word, Collection<String> candidates) {
        String best = nearest(word, candidates);
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

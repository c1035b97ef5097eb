package org.openrma.policy.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.openrma.claim.Evidence;
import org.openrma.claim.Request;
import org.openrma.policy.model.Rules.EvidenceRule;

/**
 * What an evidence rule still needs from a claim: the kinds missing (every required kind not supplied, then every alternative
 * when none of them is), and the words that say so ("a, b, and one of: c, d"). They depend only on the rule and on which of
 * its kinds are missing, so a {@link Plan} writes them once per rule and {@link #mask} rather than per claim.
 *
 * @param kinds immutable, each kind once (a kind both required and an alternative is listed once), so a line's missing
 *        kinds can start as this very list
 */
record MissingEvidence(List<String> kinds, String needed, String reason) {

    /** Rules with more required kinds than this are worked out per claim (a plan keeps 2^(n+1) answers per rule). */
    static final int MOST_PLANNED = 6;

    /** Bit of {@link #mask} set when none of the rule's alternatives is supplied. */
    private static final int ONE_OF_BIT = MOST_PLANNED;

    /** What the rule still needs, or null when the claim supplies it all: worked out for this claim. */
    static MissingEvidence find(EvidenceRule rule, Set<String> supplied) {
        return write(rule, i -> !supplied.contains(rule.allOf().get(i)), oneOfMissing(rule, supplied));
    }

    /** Which kinds are missing, as a bit per required kind and {@link #ONE_OF_BIT}; for a rule of at most {@link #MOST_PLANNED} kinds. */
    static int mask(EvidenceRule rule, Set<String> supplied) {
        int mask = 0;
        for (int i = 0, n = rule.allOf().size(); i < n; i++) {
            if (!supplied.contains(rule.allOf().get(i))) {
                mask |= 1 << i;
            }
        }
        return oneOfMissing(rule, supplied) ? mask | 1 << ONE_OF_BIT : mask;
    }

    /**
     * A rule's every answer, by {@link #mask} (null for a rule of more than {@link #MOST_PLANNED} required kinds, whose
     * answer is worked out per claim), and its kinds as the bits of their standard words ({@link Request.Words#bits}; 0 for a
     * kind the policy declares): a claim whose words are all standard supplies a kind exactly when the kind has a bit and the
     * claim's evidence has it, so its mask is worked out from bits, without a look-up in its set.
     */
    static final class Planned {
        private final EvidenceRule rule;
        private final MissingEvidence[] byMask;
        private final long[] requiredBits;
        private final long oneOfBits;

        private Planned(EvidenceRule rule) {
            this.rule = rule;
            this.requiredBits = new long[rule.allOf().size()];
            for (int i = 0; i < requiredBits.length; i++) {
                requiredBits[i] = Request.Words.bits(List.of(rule.allOf().get(i)), Evidence.class);
            }
            this.byMask = requiredBits.length <= MOST_PLANNED ? everyAnswer(rule) : null;
            this.oneOfBits = Request.Words.bits(rule.oneOf(), Evidence.class);
        }

        static Planned of(EvidenceRule rule) {
            return new Planned(rule);
        }

        /** What the rule still needs from a claim of these words, or null: as {@link #find}. */
        MissingEvidence answer(Request.Words words) {
            if (byMask == null) {
                return find(rule, words.evidence());
            }
            if (!words.standard()) {
                return byMask[mask(rule, words.evidence())];
            }
            long supplied = words.evidenceBits();
            int mask = 0;
            for (int i = 0; i < requiredBits.length; i++) {
                if ((supplied & requiredBits[i]) == 0) {
                    mask |= 1 << i;
                }
            }
            return byMask[!rule.oneOf().isEmpty() && (supplied & oneOfBits) == 0 ? mask | 1 << ONE_OF_BIT : mask];
        }
    }

    /** Every answer of a rule of at most {@link #MOST_PLANNED} required kinds, by {@link #mask} (null where nothing is missing). */
    static MissingEvidence[] everyAnswer(EvidenceRule rule) {
        MissingEvidence[] byMask = new MissingEvidence[1 << (ONE_OF_BIT + 1)];
        for (int mask = 0; mask < byMask.length; mask++) {
            int m = mask;
            boolean oneOfMissing = (m & 1 << ONE_OF_BIT) != 0 && !rule.oneOf().isEmpty();
            if ((m & ~(1 << ONE_OF_BIT)) >>> rule.allOf().size() == 0) {                // no bit beyond the rule's kinds
                byMask[mask] = write(rule, i -> (m & 1 << i) != 0, oneOfMissing);
            }
        }
        return byMask;
    }

    private static MissingEvidence write(EvidenceRule rule, IntPredicate requiredMissing, boolean oneOfMissing) {
        List<String> missing = new ArrayList<>();
        for (int i = 0, n = rule.allOf().size(); i < n; i++) {
            if (requiredMissing.test(i)) {
                missing.add(rule.allOf().get(i));
            }
        }
        if (oneOfMissing) {
            // any one of them will do: every alternative is listed, so the customer can choose
            missing.addAll(rule.oneOf());
        }
        if (missing.isEmpty()) {
            return null;
        }
        // "a, b, and one of: c, d": every kind required, then the alternatives
        StringBuilder needed = new StringBuilder();
        boolean anyRequired = false;
        for (String e : missing) {
            if (!oneOfMissing || !rule.oneOf().contains(e)) {
                if (anyRequired) {
                    needed.append(", ");
                }
                needed.append(e.replace('_', ' '));
                anyRequired = true;
            }
        }
        if (oneOfMissing) {
            needed.append(anyRequired ? ", and " : "").append(rule.oneOf().size() > 1 ? "one of: " : "");
            for (int i = 0; i < rule.oneOf().size(); i++) {
                needed.append(i > 0 ? ", " : "").append(rule.oneOf().get(i).replace('_', ' '));
            }
        }
        return new MissingEvidence(distinct(missing), needed.toString(), "evidence still needed: " + needed);
    }

    /** Each kind once, in order. */
    private static List<String> distinct(List<String> kinds) {
        List<String> once = new ArrayList<>(kinds.size());
        LineVerdict.addNew(once, kinds);
        return List.copyOf(once);
    }

    private static boolean oneOfMissing(EvidenceRule rule, Set<String> supplied) {
        List<String> kinds = rule.oneOf();
        if (kinds.isEmpty()) {
            return false;
        }
        for (int i = 0, n = kinds.size(); i < n; i++) {
            if (supplied.contains(kinds.get(i))) {
                return false;
            }
        }
        return true;
    }
}

package org.openrma.policy.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.openrma.claim.ClaimedLine;
import org.openrma.decision.DatesByName;
import org.openrma.decision.Outcome;
import org.openrma.decision.Resolution;
import org.openrma.policy.model.Rules;
import org.openrma.policy.model.Window;

/** One program's answer for one claimed line: the most severe rule result wins. */
final class LineVerdict {

    final ClaimedLine line;
    /**
     * The line's outcome (bits 0-1: its ordinal), what a rejection becomes under the program's when_rejected (bits 2-4: none,
     * or 1 + the outcome's ordinal) and the remedies still offered on a rejection (from bit 8: a bit per resolution's ordinal):
     * a verdict is made for every line and serving program, and one int costs 8 bytes fewer than the enum, the rule and an int.
     */
    private int state;
    // most lines pass every rule: these fill only when a rule fails
    /**
     * The reasons given, in order, as compactly as a decision that may never read them can keep them: null for none, the
     * one String for one (most failing lines), a String array for more, filled from the front ({@link #reasons} reads it).
     */
    private Object reasons;
    /** Evidence kinds still needed, each once, in the order found (a short list searched, not a hashed set). */
    List<String> missing = List.of();
    /** The remedies still offered on a rejection, in the order offered: kept only when the decision records its words. */
    Set<Resolution> offers = Set.of();
    Window.End windowEnd;
    /** Windows this line missed, by name: a rejection lists every deadline that failed. */
    DatesByName missedWindows;                          // null until a window is missed; one date, then a builder for more

    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final int OUTCOME_BITS = 0b11;
    private static final int REJECTED_AS_SHIFT = 2;
    private static final int REJECTED_AS_BITS = 0b111;
    private static final int OFFERS_SHIFT = 8;

    static {
        if (OUTCOMES.length > OUTCOME_BITS + 1 || Resolution.values().length > Integer.SIZE - OFFERS_SHIFT - 1) {
            throw new ExceptionInInitializerError("a line verdict's state has no room for " + OUTCOMES.length + " outcomes or "
                    + Resolution.values().length + " resolutions");
        }
    }

    LineVerdict(ClaimedLine line, Rules.WhenRejected whenRejected) {
        this.line = line;
        this.state = Outcome.APPROVED.ordinal() | (whenRejected == null ? 0 : 1 + whenRejected.outcome().ordinal()) << REJECTED_AS_SHIFT;
    }

    /** The most severe rule result so far (approved while none failed). */
    Outcome outcome() {
        return OUTCOMES[state & OUTCOME_BITS];
    }

    private void setOutcome(Outcome o) {
        state = state & ~OUTCOME_BITS | o.ordinal();
    }

    /** The remedies still offered on a rejection, as bits of their ordinals: what a decision without words reads. */
    int offerBits() {
        return state >>> OFFERS_SHIFT;
    }

    /** Severity of a rule's answer for one line: the worst one wins. */
    static int severity(Outcome o) {
        return switch (o) {
            case APPROVED -> 0;
            case NEEDS_REVIEW -> 1;
            case NEEDS_EVIDENCE -> 2;
            case REJECTED -> 3;
        };
    }

    void missed(String name, long lastEpochDay) {
        missedWindows = switch (missedWindows) {
            case null -> DatesByName.of(name, lastEpochDay);                  // the usual one window missed: no builder
            case DatesByName.Builder more -> more.put(name, lastEpochDay);
            // a name missed again takes the new date in its place, as a builder's put does
            default -> missedWindows.containsKey(name) ? DatesByName.of(name, lastEpochDay)
                    : new DatesByName.Builder().putAllAbsent(missedWindows).put(name, lastEpochDay);
        };
    }

    void answer(Outcome o, String reason) {
        int rejectedAs = state >>> REJECTED_AS_SHIFT & REJECTED_AS_BITS;
        if (o == Outcome.REJECTED && rejectedAs != 0) {
            o = OUTCOMES[rejectedAs - 1];
        }
        if (severity(o) > severity(outcome())) {
            setOutcome(o);
        }
        if (reason != null) {
            addReason(reason);
        }
    }

    private void addReason(String reason) {
        switch (reasons) {
            case null -> reasons = reason;
            case String first -> reasons = new String[] {first, reason};
            case String[] more -> {
                int n = countOf(more);
                String[] into = n < more.length ? more : Arrays.copyOf(more, n * 2);
                into[n] = reason;
                reasons = into;
            }
            default -> throw new IllegalStateException("reasons kept as " + reasons.getClass());
        }
    }

    private static int countOf(String[] more) {
        int n = more.length;
        while (n > 0 && more[n - 1] == null) {
            n--;
        }
        return n;
    }

    /** Whether a rule gave a reason for this line's answer. */
    boolean hasReasons() {
        return reasons != null;
    }

    /** The reasons given, in order, as an immutable list made when read. */
    List<String> reasons() {
        return switch (reasons) {
            case null -> List.of();
            case String only -> List.of(only);
            case String[] more -> List.of(Arrays.copyOf(more, countOf(more)));
            default -> throw new IllegalStateException("reasons kept as " + reasons.getClass());
        };
    }

    /** A rule that cannot be evaluated: review, never anything a program's when_rejected could turn it into. */
    void unevaluable(String why) {
        if (severity(Outcome.NEEDS_REVIEW) > severity(outcome())) {
            setOutcome(Outcome.NEEDS_REVIEW);
        }
        answer(Outcome.APPROVED, "a rule could not be evaluated: " + why);
    }

    /** {@code kinds}: immutable and each kind once ({@link MissingEvidence#kinds}). */
    void missing(List<String> kinds) {
        if (missing.isEmpty()) {
            missing = kinds;                                                   // the usual single rule: its list, not a copy
            return;
        }
        if (!(missing instanceof ArrayList)) {
            missing = new ArrayList<>(missing);
        }
        addNew(missing, kinds);
    }

    /** Adds each of {@code kinds} not yet in {@code into}, in order: what a LinkedHashSet's addAll keeps, for a handful of words. */
    static void addNew(List<String> into, List<String> kinds) {
        for (int i = 0; i < kinds.size(); i++) {
            String kind = kinds.get(i);
            if (!into.contains(kind)) {
                into.add(kind);
            }
        }
    }

    /**
     * {@code bits}: the same remedies as their constants' bits ({@link #offerBits}), which a plan works out once per rule;
     * {@code inOrder}: the decision records its words, which list the remedies in the order offered.
     */
    void offer(Set<Resolution> resolutions, int bits, boolean inOrder) {
        if (bits == 0) {
            return;
        }
        offer(bits);
        if (inOrder) {
            if (offers.isEmpty()) {
                offers = new RemediesInOrder();                                // in the order offered, as a LinkedHashSet kept them
            }
            for (Resolution r : resolutions) {
                offers.add(r);
            }
        }
    }

    /** The remedies still offered, as their constants' bits, for a decision without words (0: none). */
    void offer(int bits) {
        state |= bits << OFFERS_SHIFT;
    }

    /** The remedies as their constants' bits (bit = ordinal), by the enum's constants and contains: no iterator over the set. */
    static int offerBits(Set<Resolution> resolutions) {
        int bits = 0;
        for (Resolution r : ALL_RESOLUTIONS) {
            if (resolutions.contains(r)) {
                bits |= 1 << r.ordinal();
            }
        }
        return bits;
    }

    private static final Resolution[] ALL_RESOLUTIONS = Resolution.values();
}

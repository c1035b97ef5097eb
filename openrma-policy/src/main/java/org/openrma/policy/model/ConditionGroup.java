package org.openrma.policy.model;

/**
 * Conditions that are always asked together, answered by one call of the policy's code: the rules every line a program
 * serves is held to (its window's {@code when}, each deadline's, each check's condition, each evidence rule's
 * {@code when}; {@link Program#lineRuleConditions}). The code asks them one after another in a method of their own, each
 * a direct call, so a line's rules cost one call and the JIT sees the program's own conditions; without the group each is
 * a call through {@link Condition.Compiled} and the code's switch over every condition of the version.
 *
 * @param slot  where the version's code is installed ({@link ConditionCode.Slot})
 * @param index the group's number in that code
 * @param size  how many conditions it answers, at most {@link #MOST_CONDITIONS}
 */
public record ConditionGroup(ConditionCode.Slot slot, int index, int size) {

    /** No answers: the code is not there, or a condition cannot be evaluated. Each is then asked on its own. */
    public static final long UNTOLD = -1L;

    /** As many conditions as answers in a long with the sign bit left for {@link #UNTOLD}. */
    public static final int MOST_CONDITIONS = Long.SIZE - 1;

    public ConditionGroup {
        if (size < 0 || size > MOST_CONDITIONS) {
            throw new IllegalArgumentException("a group answers at most " + MOST_CONDITIONS + " conditions, not " + size);
        }
    }

    /** Each condition's answer on {@code s} as a bit in the group's order, or {@link #UNTOLD}. */
    public long answers(Subject s) {
        ConditionCode code = slot.code();
        return code == null ? UNTOLD : code.answers(index, s);
    }

    /**
     * Whether condition number {@code position} of a group holds: from the group's {@code answers} when they were told, else
     * asked of {@code condition} itself (which then says why it cannot be evaluated, or records what it read).
     */
    public static boolean holds(long answers, int position, Condition condition, Subject s, java.util.Map<String, String> read) {
        return answers != UNTOLD ? (answers & 1L << position) != 0 : condition.test(s, read);
    }
}

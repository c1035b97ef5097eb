package org.openrma.policy.model;

/**
 * A policy version's conditions as bytecode, made once when the policy is compiled: one generated class per version, with
 * every part of every condition a direct call on a constant, so the JIT sees each rule's own code rather than one walk over
 * every policy's trees. It answers what the trees answer for a decision without an explanation; a decision with one, and
 * any condition that cannot be evaluated, is left to the tree, which records what it read and says why
 * ({@link Condition.Compiled}).
 */
public abstract class ConditionCode {

    /** The condition holds. */
    public static final int HOLDS = 1;
    /** The condition does not hold. */
    public static final int FAILS = 0;
    /** The condition cannot be evaluated on this subject: the tree throws the reason. */
    public static final int UNEVALUABLE = -1;

    protected ConditionCode() {}

    /** The answer of the policy's condition number {@code index} (its {@link Condition.Compiled#index}) on {@code s}. */
    public abstract int test(int index, Subject s);

    /**
     * The answers of the conditions of group number {@code group} (its {@link ConditionGroup#index}) on {@code s}, one bit each
     * in the group's order (set: it holds), or {@link ConditionGroup#UNTOLD} when one of them cannot be evaluated.
     */
    public abstract long answers(int group, Subject s);

    /**
     * Where a policy version's conditions find their code: set once, when every condition of the version has been read and
     * the code made from them. Until then, or when no code could be made, the trees decide.
     */
    public static final class Slot {
        private ConditionCode code;

        /** The code, or null. */
        public ConditionCode code() {
            return code;
        }

        /** Whether the conditions of this slot run as code. */
        public boolean installed() {
            return code != null;
        }

        /** Sets the code once, before the policy that holds this slot is handed to any caller. */
        public void install(ConditionCode made) {
            if (code != null) {
                throw new IllegalStateException("a policy version's condition code is made once");
            }
            code = made;
        }
    }
}

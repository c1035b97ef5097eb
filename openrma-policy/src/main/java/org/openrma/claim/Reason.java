package org.openrma.claim;

/** Why the customer asks. */
public enum Reason implements Vocabulary {
    CHANGED_MIND,
    ORDERED_WRONG_ITEM,
    DEFECTIVE,
    DEAD_ON_ARRIVAL,
    DAMAGED_IN_TRANSIT,
    NOT_AS_DESCRIBED,
    WRONG_ITEM_SENT,
    MISSING_ITEMS,
    NOT_RECEIVED,
    ADVERSE_REACTION,
    ACCIDENTAL_DAMAGE,
    COUNTERFEIT,
    /** A reason the standard vocabulary lacks: the claim's own word is in {@link Request#reasonWord()}. */
    OTHER,
    ;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    @Override
    public String wire() {
        return wire;
    }
}

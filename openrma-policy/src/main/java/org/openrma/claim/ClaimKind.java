package org.openrma.claim;

/** What the customer asks for. */
public enum ClaimKind implements Vocabulary {
    RETURN,
    WARRANTY,
    CANCELLATION,
    AMENDMENT,
    NOT_RECEIVED,
    MISSING_ITEMS,
    REFUSED_DELIVERY,
    ;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    /** Whether the customer sends something back: a cancellation, a parcel that never arrived or a refused one has no such leg. */
    public boolean hasReturnLeg() {
        return this == RETURN || this == WARRANTY;
    }

    @Override
    public String wire() {
        return wire;
    }
}

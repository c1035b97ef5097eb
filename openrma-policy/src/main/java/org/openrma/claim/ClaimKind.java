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

    @Override
    public String wire() {
        return wire;
    }
}

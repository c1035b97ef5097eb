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

    @Override
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

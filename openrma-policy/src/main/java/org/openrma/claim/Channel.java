package org.openrma.claim;

/** Where the order was bought. */
public enum Channel implements Vocabulary {
    OFFICIAL_STORE,
    AUTHORIZED_DEALER,
    RETAILER,
    MARKETPLACE,
    ;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    @Override
    public String wire() {
        return wire;
    }
}

package org.openrma.claim;

/** Where the order was bought. */
public enum Channel implements Vocabulary {
    OFFICIAL_STORE,
    AUTHORIZED_DEALER,
    RETAILER,
    MARKETPLACE,
    ;

    @Override
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package org.openrma.claim;

/** Service level of a shipment. */
public enum ShippingMethod implements Vocabulary {
    ECONOMY,
    EXPEDITED,
    FLAT_RATE,
    ;

    @Override
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

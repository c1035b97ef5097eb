package org.openrma.claim;

/** Service level of a shipment. */
public enum ShippingMethod implements Vocabulary {
    ECONOMY,
    EXPEDITED,
    FLAT_RATE,
    ;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    @Override
    public String wire() {
        return wire;
    }
}

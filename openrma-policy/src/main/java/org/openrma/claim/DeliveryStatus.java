package org.openrma.claim;

/** Where the outbound parcel is; derived from the order's dates when absent. */
public enum DeliveryStatus implements Vocabulary {
    NOT_SHIPPED,
    IN_TRANSIT,
    DELIVERED,
    REFUSED,
    RETURNED_TO_SENDER,
    LOST,
    ;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    @Override
    public String wire() {
        return wire;
    }
}

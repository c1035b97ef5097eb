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

    @Override
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

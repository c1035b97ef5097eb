package org.openrma.service.shipping;

import java.util.List;
import java.util.Optional;

/**
 * A merchant's return shipping: its return addresses and the carrier account that buys labels
 * ({@code carrier == null}: none, so customers print their own address label).
 */
public record ShippingSettings(List<ReturnAddress> returnAddresses, Carrier carrier, String carrierApiKey, int version) {

    public static final ShippingSettings NONE = new ShippingSettings(List.of(), null, null, -1);

    public ShippingSettings {
        returnAddresses = returnAddresses == null ? List.of() : List.copyOf(returnAddresses);
    }

    /** The address a parcel of {@code program} goes to: the one naming the program, else the first naming none. */
    public Optional<ReturnAddress> addressFor(String program) {
        return returnAddresses.stream().filter(a -> a.serves(program)).findFirst()
                .or(() -> returnAddresses.stream().filter(a -> a.programs().isEmpty()).findFirst());
    }

    public boolean carrierConfigured() {
        return carrier != null && carrierApiKey != null && !carrierApiKey.isBlank();
    }

    /** Whether a row exists yet (the first PUT inserts it). */
    boolean stored() {
        return version >= 0;
    }
}

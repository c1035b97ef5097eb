package org.openrma.service.shipping;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The carrier APIs a merchant can connect to buy return labels. */
public enum Carrier {
    /** EasyPost's multi-carrier REST API (USPS, UPS, FedEx, DHL, ... through one account). */
    EASYPOST;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Carrier> parse(String wire) {
        return Arrays.stream(values()).filter(c -> c.wire().equals(wire)).findFirst();
    }
}

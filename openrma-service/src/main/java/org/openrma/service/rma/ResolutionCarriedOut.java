package org.openrma.service.rma;

import java.util.Arrays;
import java.util.Locale;

/**
 * What an RMA was resolved with, as the API shows it: one of the engine's resolutions, or an
 * amendment of the order (carried out as its note describes; no resolution of the policy's).
 */
public enum ResolutionCarriedOut {
    REFUND, PARTIAL_REFUND, REPLACEMENT, REPAIR, PAID_REPAIR, EXCHANGE, STORE_CREDIT, RESHIPMENT, SPARE_PARTS, AMENDMENT;

    /** The stored word (an engine resolution's wire word, or "amendment"), or null for an unknown or absent one. */
    static ResolutionCarriedOut of(String stored) {
        return stored == null ? null : Arrays.stream(values()).filter(v -> v.name().toLowerCase(Locale.ROOT).equals(stored)).findFirst().orElse(null);
    }
}

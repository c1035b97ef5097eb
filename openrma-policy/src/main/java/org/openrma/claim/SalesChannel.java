package org.openrma.claim;

/**
 * How the contract was made, in the sense consumer law uses: at a distance (online, phone, mail),
 * off the trader's premises (a doorstep sale) or in a shop. Withdrawal rights depend on it.
 */
public enum SalesChannel implements Vocabulary {
    DISTANCE,
    OFF_PREMISES,
    IN_STORE,
    ;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    @Override
    public String wire() {
        return wire;
    }
}

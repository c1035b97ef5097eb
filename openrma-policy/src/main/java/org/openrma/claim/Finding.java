package org.openrma.claim;

/** What the merchant's inspection concluded about a returned item. */
public enum Finding implements Vocabulary {
    DEFECT_CONFIRMED,
    NO_FAULT_FOUND,
    MISUSE,
    EMPTY_PACKAGE,
    WRONG_ITEM,
    UNREPAIRABLE,
    ;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    @Override
    public String wire() {
        return wire;
    }
}

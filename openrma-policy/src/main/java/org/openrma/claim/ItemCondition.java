package org.openrma.claim;

/** State of a returned item as declared by the customer. */
public enum ItemCondition implements Vocabulary {
    UNOPENED,
    OPENED_UNUSED,
    USED,
    DAMAGED,
    ;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    @Override
    public String wire() {
        return wire;
    }
}

package org.openrma.claim;

/** What the customer declared, inspection found, or the unit's history says. */
public enum Fact implements Vocabulary {
    WATER_DAMAGE,
    PHYSICAL_DAMAGE,
    DISASSEMBLED,
    FIRMWARE_MODIFIED,
    PARTS_MODIFIED,
    MISUSE,
    NORMAL_WEAR,
    CONTINUED_USE_AFTER_FAULT,
    IMPROPER_STORAGE,
    NO_ANTI_COUNTERFEIT_MARK,
    WRONG_ADDRESS_BY_CUSTOMER,
    CUSTOMS_NOT_CLEARED_BY_CUSTOMER,
    FORCE_MAJEURE,
    RETURNED_WITHOUT_AUTHORIZATION,
    WARRANTY_VOIDED,
    CASH_ON_DELIVERY_RETURN,
    NOT_ORIGINAL_PURCHASER,
    /** A seal put on for health or hygiene reasons was broken after delivery (consumer law's withdrawal exception). */
    UNSEALED_AFTER_DELIVERY,
    /** The buyer handled the goods beyond what establishing their nature and working needs. */
    USED_BEYOND_TESTING,
    /** The goods were inseparably mixed with other items after delivery. */
    MIXED_INSEPARABLY,
    ;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    @Override
    public String wire() {
        return wire;
    }
}

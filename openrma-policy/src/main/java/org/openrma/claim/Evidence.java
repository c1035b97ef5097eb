package org.openrma.claim;

/** Evidence a claim can carry. */
public enum Evidence implements Vocabulary {
    PHOTO,
    VIDEO,
    PACKAGING_PHOTO,
    PARCEL_PHOTO,
    PROOF_OF_PURCHASE,
    THIRD_PARTY_QUALITY_REPORT,
    MEDICAL_DOCUMENTATION,
    RETURN_RECEIPT,
    PROOF_OF_POSTAGE,
    ;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    @Override
    public String wire() {
        return wire;
    }
}

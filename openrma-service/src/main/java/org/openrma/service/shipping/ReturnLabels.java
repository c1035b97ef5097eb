package org.openrma.service.shipping;

import java.util.List;
import org.joda.money.Money;

/**
 * Buys a return label: the one interface every carrier integration implements. A label that cannot
 * be bought throws {@link CarrierRefused} with the carrier's own words, and nothing is charged.
 */
public interface ReturnLabels {

    Label purchase(Shipment shipment);

    /** Which implementation this is: a carrier API or the print-your-own fallback. */
    String name();

    /** A parcel sent back: from the customer to the merchant's return address, with the RMA number as reference. */
    record Shipment(String reference, PostalAddress from, PostalAddress to, Parcel parcel, List<String> items) {}

    /** Outer size in inches and weight in ounces, the units the carrier API takes. */
    record Parcel(String length, String width, String height, String weightOunces) {
        /** A shoebox-sized parcel of 2 lb: the default when the merchant sets no size (the carrier re-rates a different one). */
        public static final Parcel DEFAULT = new Parcel("12", "9", "5", "32");
    }

    /**
     * A bought label. {@code cost} is what the carrier charged (null when nothing was bought, as
     * with a label the customer prints and posts at their own cost); {@code labelUrl} the carrier's
     * label file, {@code labelPdf} a label made here.
     */
    record Label(String carrier, String service, String tracking, Money cost, String labelUrl, byte[] labelPdf, String shipmentRef) {
        public boolean prepaid() {
            return cost != null;
        }
    }

    /** The carrier refused or failed; {@code detail} is what it said, fit to show. */
    final class CarrierRefused extends RuntimeException {
        public CarrierRefused(String detail) {
            super(detail);
        }

        public CarrierRefused(String detail, Throwable cause) {
            super(detail, cause);
        }
    }
}

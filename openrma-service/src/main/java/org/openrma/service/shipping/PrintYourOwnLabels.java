package org.openrma.service.shipping;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The fallback when the merchant has no carrier account, or the carrier refused: an address label
 * (4 x 6 inches) the customer prints and sticks on the parcel, with the RMA number as a Code 128
 * barcode. Nothing is bought: no tracking number, no cost; the customer posts it with a carrier of
 * their choice and reports the tracking number.
 */
final class PrintYourOwnLabels implements ReturnLabels {

    static final String NAME = "print_your_own";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Label purchase(Shipment shipment) {
        return new Label(NAME, null, null, null, null, render(shipment), null);
    }

    static byte[] render(Shipment shipment) {
        try (PdfSheet pdf = new PdfSheet(new PDRectangle(288, 432), "Return label " + shipment.reference())) {
            pdf.moveTo(pdf.y() + 24);
            pdf.text(24, "RETURN  " + shipment.reference(), 12, true);
            pdf.text(24, "From:", 8, true);
            if (shipment.from() != null) {
                for (String line : shipment.from().lines()) {
                    pdf.text(24, line, 8, false);
                }
            }
            pdf.gap(10);
            pdf.text(24, "To:", 10, true);
            for (String line : shipment.to().lines()) {
                pdf.text(36, line, 13, true);
            }
            pdf.gap(12);
            pdf.code128(shipment.reference(), 24, 1.5f, 50);
            pdf.text(24, shipment.reference(), 9, false);
            pdf.gap(8);
            pdf.text(24, "No postage paid: post it with a trackable service", 8, false);
            pdf.text(24, "and report the tracking number on your return page.", 8, false);
            return pdf.finish();
        }
    }
}

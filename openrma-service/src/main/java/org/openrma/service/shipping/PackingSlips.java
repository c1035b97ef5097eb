package org.openrma.service.shipping;

import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.springframework.stereotype.Component;

/**
 * The packing slip that goes inside the parcel: the RMA number as a QR code and a Code 128 barcode
 * (the warehouse scans either), the items to put in, where the parcel goes and by when.
 */
@Component
public class PackingSlips {

    /** What a slip shows. {@code returnTo} null: the merchant set no return address yet, and the slip says to ask. */
    public record Slip(String merchantName, String rmaNumber, String orderNumber, LocalDate issuedOn, LocalDate shipBackBy,
                       PostalAddress returnTo, List<Item> items, String labelNote) {}

    /** A line to put in the parcel. */
    public record Item(String sku, String title, int quantity, String condition) {}

    public byte[] render(Slip slip) {
        try (PdfSheet pdf = new PdfSheet(PDRectangle.A4, "Packing slip " + slip.rmaNumber())) {
            float top = pdf.y();
            float qr = 110;
            pdf.qrCode(slip.rmaNumber(), pdf.width() - PdfSheet.MARGIN - qr, top, qr);
            pdf.text(slip.merchantName(), 11, false);
            pdf.text("Packing slip", 22, true);
            pdf.gap(4);
            pdf.text("Return " + slip.rmaNumber(), 16, true);
            pdf.text("Order " + slip.orderNumber() + (slip.issuedOn() == null ? "" : "  -  authorized on " + slip.issuedOn()), 10, false);
            if (slip.shipBackBy() != null) {
                pdf.text("Ship it back by " + slip.shipBackBy(), 10, true);
            }
            pdf.moveTo(Math.min(pdf.y(), top - qr) - 10);
            pdf.code128(slip.rmaNumber(), PdfSheet.MARGIN, 1.4f, 46);
            pdf.text(slip.rmaNumber(), 9, false);
            pdf.rule();
            pdf.text("Send the parcel to", 12, true);
            if (slip.returnTo() == null) {
                pdf.text("The shop has not given a return address yet: contact the shop before you send the parcel.", 10, false);
            } else {
                for (String line : slip.returnTo().lines()) {
                    pdf.text(line, 11, false);
                }
            }
            pdf.rule();
            pdf.text("Put in the parcel", 12, true);
            pdf.text(PdfSheet.MARGIN, "Qty", 9, true);
            pdf.gap(-9 * 1.25f);
            pdf.text(PdfSheet.MARGIN + 40, "Item", 9, true);
            pdf.gap(-9 * 1.25f);
            pdf.text(PdfSheet.MARGIN + 330, "Condition", 9, true);
            for (Item item : slip.items()) {
                pdf.text(PdfSheet.MARGIN, String.valueOf(item.quantity()), 10, false);
                pdf.gap(-10 * 1.25f);
                pdf.text(PdfSheet.MARGIN + 40, item.title() == null ? item.sku() : item.title() + " (" + item.sku() + ")", 10, false);
                pdf.gap(-10 * 1.25f);
                pdf.text(PdfSheet.MARGIN + 330, item.condition() == null ? "" : item.condition().replace('_', ' '), 10, false);
            }
            pdf.rule();
            pdf.text("1. Pack the items with everything they came with and put this slip inside.", 10, false);
            pdf.text("2. Write " + slip.rmaNumber() + " on the outside of the parcel.", 10, false);
            pdf.text("3. " + slip.labelNote(), 10, false);
            return pdf.finish();
        }
    }
}

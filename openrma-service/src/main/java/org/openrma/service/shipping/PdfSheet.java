package org.openrma.service.shipping;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * One PDF page being written top-down: text lines, rules and barcodes drawn as vector modules (so
 * a scanner reads them at any print size). Text uses the standard Helvetica, whose WinAnsi encoding
 * has no glyph for most characters beyond Latin-1: those print as '?', never as an error.
 */
final class PdfSheet implements AutoCloseable {

    static final float MARGIN = 48;
    /** The blank border a QR code needs around it (ISO/IEC 18004): without it text beside the code can stop a scanner finding it. */
    private static final int QUIET_ZONE_MODULES = 4;

    private final PDDocument document = new PDDocument();
    private final PDPage page;
    private final PDPageContentStream content;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private float y;

    PdfSheet(PDRectangle size, String title) {
        page = new PDPage(size);
        document.addPage(page);
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(printable(title));
        info.setCreator("OpenRMA");
        document.setDocumentInformation(info);
        try {
            content = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = size.getHeight() - MARGIN;
    }

    float width() {
        return page.getMediaBox().getWidth();
    }

    float y() {
        return y;
    }

    void moveTo(float newY) {
        y = newY;
    }

    void gap(float points) {
        y -= points;
    }

    void text(String s, float size, boolean strong) {
        text(MARGIN, s, size, strong);
    }

    /** One line at {@code x}, its baseline {@code size} below the current position, which moves down past it. */
    void text(float x, String s, float size, boolean strong) {
        y -= size * 1.25f;
        try {
            content.beginText();
            content.setFont(strong ? bold : regular, size);
            content.newLineAtOffset(x, y);
            content.showText(printable(s));
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void rule() {
        y -= 8;
        try {
            content.setLineWidth(0.5f);
            content.moveTo(MARGIN, y);
            content.lineTo(width() - MARGIN, y);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= 4;
    }

    /** A QR code of {@code text}, its quiet zone included, with its top-left corner at ({@code x}, {@code top}), {@code size} points wide. */
    void qrCode(String text, float x, float top, float size) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, QUIET_ZONE_MODULES, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
            float module = size / m.getWidth();
            for (int row = 0; row < m.getHeight(); row++) {
                for (int col = 0; col < m.getWidth(); col++) {
                    if (m.get(col, row)) {
                        content.addRect(x + col * module, top - (row + 1) * module, module, module);
                    }
                }
            }
            content.fill();
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode '" + text + "' as a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Code 128 barcode of {@code text} at the current position, {@code module} points per bar unit, {@code height} tall. */
    void code128(String text, float x, float module, float height) {
        boolean[] bars = new Code128Writer().encode(text);
        y -= height;
        try {
            int run = 0;
            for (int i = 0; i <= bars.length; i++) {
                if (i < bars.length && bars[i]) {
                    run++;
                } else if (run > 0) {
                    content.addRect(x + (i - run) * module, y, run * module, height);
                    run = 0;
                }
            }
            content.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] finish() {
        try {
            content.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with every character Helvetica's WinAnsi encoding cannot show replaced by '?' (and controls by spaces). */
    static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(c < 0x20 ? ' ' : (c < 0x7f || (c >= 0xa0 && c <= 0xff)) ? c : '?');
        }
        return out.toString();
    }
}

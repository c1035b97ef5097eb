package org.openrma.service.ui.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Rows as CSV (RFC 4180, written by Commons CSV). What is ours is the export's hygiene: a text field that a
 * spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage return) gets a leading
 * apostrophe, as OWASP advises for CSV exports; amounts are written exactly, never in scientific notation.
 */
final class Csv {

    private final StringBuilder out = new StringBuilder();
    private final CSVPrinter printer;

    Csv() {
        try {
            printer = new CSVPrinter(out, CSVFormat.RFC4180);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a StringBuilder does not fail
        }
    }

    /** One record; null is an empty field, a {@link Number} is written plainly, anything else as text. */
    Csv row(List<?> fields) {
        try {
            printer.printRecord(fields.stream().map(Csv::safe).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Csv row(Object... fields) {
        return row(java.util.Arrays.asList(fields));
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** One field as it is written. */
    static String field(Object value) {
        String record = new Csv().row(java.util.Collections.singletonList(value)).toString();
        return record.substring(0, record.length() - "\r\n".length());
    }

    private static String safe(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof java.math.BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}

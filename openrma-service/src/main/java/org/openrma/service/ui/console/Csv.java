package org.openrma.service.ui.console;

import java.util.List;

/**
 * Rows as CSV (RFC 4180): comma separated, CRLF line ends, a field with a comma, quote or line break in double
 * quotes with inner quotes doubled. A text field that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, a tab or a carriage return) gets a leading apostrophe, as OWASP advises for CSV exports; numbers are
 * written as they are. No CSV library is on the service's classpath, and writing is this small.
 */
final class Csv {

    private final StringBuilder out = new StringBuilder();

    /** One record; null is an empty field, a {@link Number} is written plainly, anything else as text. */
    Csv row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    Csv row(Object... fields) {
        return row(java.util.Arrays.asList(fields));
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String field(Object value) {
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
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}

package org.openrma.service.web;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a request may carry ({@code openrma.limits.*}, or {@code OPENRMA_LIMITS_*}). They are
 * checked before anything is stored, and a body over {@code maxBody} is refused before it is read.
 *
 * @param maxBody the largest JSON or form body (multipart uploads have their own per-file limit)
 * @param maxString the longest text value, for identifiers and names (order numbers, SKUs, e-mails); these are indexed
 * @param maxText the longest free text ({@link #longTextFields}: notes, reasons)
 * @param maxArrayItems the most items in one list or properties in one object
 * @param maxDepth the deepest nesting of objects and lists
 * @param maxQueryValue the longest query parameter value
 */
@ConfigurationProperties("openrma.limits")
public record InputLimits(@DefaultValue("1MB") DataSize maxBody,
                          @DefaultValue("500") int maxString,
                          @DefaultValue("10000") int maxText,
                          @DefaultValue("1000") int maxArrayItems,
                          @DefaultValue("32") int maxDepth,
                          @DefaultValue("500") int maxQueryValue) {

    /** Free-text fields: longer values, line breaks and tabs allowed. A policy's {@code source} may fill the whole body. */
    public static final Set<String> LONG_TEXT_FIELDS = Set.of("note", "notes", "reason", "message", "description");
    public static final Set<String> DOCUMENT_FIELDS = Set.of("source");

    public static InputLimits defaults() {
        return new InputLimits(DataSize.ofMegabytes(1), 500, 10_000, 1000, 32, 500);
    }

    /** What is wrong with a text value, or null: too long, or a control character (tabs and line breaks only in free text). */
    public String checkText(String field, String value) {
        boolean document = DOCUMENT_FIELDS.contains(field);
        boolean free = document || LONG_TEXT_FIELDS.contains(field);
        long max = document ? maxBody.toBytes() : free ? maxText : maxString;
        if (value.length() > max) {
            return "must be at most " + max + " characters (it has " + value.length() + ")";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowedWhitespace = free && (c == '\n' || c == '\r' || c == '\t');
            if ((c < 0x20 && !allowedWhitespace) || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                return "must not contain control characters (found U+" + String.format("%04X", (int) c) + " at position " + i + ")";
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode text (an unpaired surrogate at position " + i + ")";
            }
        }
        return null;
    }
}

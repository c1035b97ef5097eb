package org.openrma.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an ISO-8601 instant ({@code 2025-03-17T10:30:00Z}) or a timestamp with an offset. */
public final class InstantConverter implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e2) {
                throw new TypeConversionException("'" + value + "' is not a timestamp; expected ISO-8601 such as 2025-03-17T10:30:00Z");
            }
        }
    }
}

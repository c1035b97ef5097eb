package org.openrma.whatif.replay;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Reads a claim history one record at a time, never the whole file: JSON Lines (one claim per
 * line) or CSV (see {@link CsvClaims}), either of them optionally gzipped. Gzip is recognised by
 * its magic bytes, whatever the file is called; CSV by a name containing {@code .csv} or, failing
 * that, by a first line that is not a JSON object.
 */
public final class ClaimRecords implements AutoCloseable {

    /** The input format, as reported. */
    public enum Format { JSONL, CSV }

    /** One record as read: its text (JSON Lines), or its cells (CSV), or why it could not be read. */
    public record Raw(long line, String json, CsvClaims.Row row, String problem) {}

    private final CountingStream counting;
    private final BufferedReader reader;
    private final boolean gzip;
    private final Format format;
    private final CsvClaims csv;
    private long lineNumber;
    private boolean first = true;

    public ClaimRecords(InputStream in, String name) throws IOException {
        this.counting = new CountingStream(in);
        BufferedInputStream buffered = new BufferedInputStream(counting, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        this.gzip = b1 == 0x1f && b2 == 0x8b;
        InputStream text = gzip ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16) : buffered;
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.reader = new BufferedReader(new InputStreamReader(text, decoder), 1 << 16);
        this.format = name.toLowerCase(java.util.Locale.ROOT).contains(".csv") ? Format.CSV : sniff(reader);
        this.csv = format == Format.CSV ? new CsvClaims(reader) : null;
    }

    private static Format sniff(BufferedReader reader) throws IOException {
        reader.mark(1 << 16);
        int c;
        do {
            c = reader.read();
        } while (c == '\uFEFF' || c == ' ' || c == '\t' || c == '\r' || c == '\n');
        reader.reset();
        return c == -1 || c == '{' ? Format.JSONL : Format.CSV;
    }

    public Format format() {
        return format;
    }

    public boolean gzip() {
        return gzip;
    }

    /** Bytes read from the file so far (compressed bytes for a gzipped file). */
    public long bytesRead() {
        return counting.count;
    }

    /** The next record, or null at the end of the input. Blank lines are skipped. */
    public Raw next() {
        try {
            if (csv != null) {
                return csv.next();
            }
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (first) {
                    first = false;
                    if (line.startsWith("\uFEFF")) {
                        line = line.substring(1);
                    }
                }
                if (!line.isBlank()) {
                    return new Raw(lineNumber, line, null, null);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Counts the bytes taken from the file, for progress; written by the reading thread only. */
    private static final class CountingStream extends FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}

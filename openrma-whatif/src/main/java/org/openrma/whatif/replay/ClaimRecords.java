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

    /**
     * One record as read: its UTF-8 bytes (JSON Lines), or its cells (CSV), or why it could not be read. A line stays
     * bytes until a worker reads it: no decoding on the reading thread, and the claim parser reads bytes fastest.
     */
    public record Raw(long line, byte[] json, CsvClaims.Row row, String problem) {

        /** The line as text, malformed UTF-8 replaced (as the tree reader gets it when the fast path declines). */
        public String jsonText() {
            return new String(json, StandardCharsets.UTF_8);
        }
    }

    private final CountingStream counting;
    private final InputStream text;
    private final BufferedReader reader;
    private final boolean gzip;
    private final Format format;
    private final CsvClaims csv;
    private final LineSplitter lines;
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
        this.text = gzip ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16) : buffered;
        this.format = name.toLowerCase(java.util.Locale.ROOT).contains(".csv") ? Format.CSV : sniff(text);
        if (format == Format.CSV) {
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            this.reader = new BufferedReader(new InputStreamReader(text, decoder), 1 << 16);
            this.csv = new CsvClaims(reader);
            this.lines = null;
        } else {
            this.reader = null;
            this.csv = null;
            this.lines = new LineSplitter(text);
        }
    }

    /** JSON Lines when the first character after a byte-order mark and white space opens an object (or the file is empty). */
    private static Format sniff(InputStream text) throws IOException {
        text.mark(1 << 16);
        int skipped = 0;
        int c;
        do {
            c = text.read();
            skipped++;
        } while (skipped < (1 << 16) && (c == 0xEF || c == 0xBB || c == 0xBF || c == ' ' || c == '\t' || c == '\r' || c == '\n'));
        text.reset();
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
            byte[] line;
            while ((line = lines.next()) != null) {
                lineNumber++;
                if (first) {
                    first = false;
                    if (line.length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
                        line = java.util.Arrays.copyOfRange(line, 3, line.length);
                    }
                }
                if (!blank(line)) {
                    return new Raw(lineNumber, line, null, null);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link String#isBlank()} says of the line's text; decoded only when it holds nothing but white space and non-ASCII. */
    private static boolean blank(byte[] line) {
        boolean nonAscii = false;
        for (byte b : line) {
            if (b < 0) {
                nonAscii = true;
            } else if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return !nonAscii || new String(line, StandardCharsets.UTF_8).isBlank();
    }

    /**
     * Splits bytes into lines where {@link BufferedReader#readLine()} would: at {@code \n}, {@code \r} or {@code \r\n},
     * a last line without an end counting as a line. Safe for UTF-8: neither byte occurs inside a multi-byte character.
     */
    static final class LineSplitter {
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int end;
        private boolean afterCarriageReturn;

        LineSplitter(InputStream in) {
            this.in = in;
        }

        byte[] next() throws IOException {
            byte[] partial = null;
            while (true) {
                if (position == end && !fill()) {
                    return partial;
                }
                if (afterCarriageReturn) {
                    afterCarriageReturn = false;
                    if (buffer[position] == '\n') {
                        position++;
                        continue;
                    }
                }
                int i = position;
                while (i < end && buffer[i] != '\n' && buffer[i] != '\r') {
                    i++;
                }
                byte[] line = append(partial, i - position);
                if (i < end) {
                    afterCarriageReturn = buffer[i] == '\r';
                    position = i + 1;
                    return line;
                }
                partial = line;       // the line goes on past the buffer
                position = end;
            }
        }

        private byte[] append(byte[] partial, int length) {
            if (partial == null) {
                return java.util.Arrays.copyOfRange(buffer, position, position + length);
            }
            byte[] joined = java.util.Arrays.copyOf(partial, partial.length + length);
            System.arraycopy(buffer, position, joined, partial.length, length);
            return joined;
        }

        private boolean fill() throws IOException {
            int n;
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
            position = 0;
            end = Math.max(n, 0);
            return n > 0;
        }
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        } else {
            text.close();
        }
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

package org.openrma.whatif.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** JSON Lines are split into byte lines exactly where the text reader would split them, and read the same. */
class ClaimRecordsTests {

    @Test
    void linesEndWhereBufferedReaderEndsThemWithAnyLineEnding() throws IOException {
        String longLine = "{\"x\":\"" + "é".repeat(70_000) + "\"}";   // longer than the 64 KiB buffer, multi-byte characters across its edge
        String text = "{\"a\":1}\r\n{\"b\":2}\r{\"c\":3}\n\n   \n" + longLine + "\r\n\u2003\n{\"d\":\"ü\"}";
        assertThat(jsonLines(text.getBytes(StandardCharsets.UTF_8))).containsExactlyElementsOf(nonBlankLinesAsBufferedReaderReads(text));
        assertThat(jsonLines(text.getBytes(StandardCharsets.UTF_8))).hasSize(5);
    }

    @Test
    void aByteOrderMarkIsDroppedAndGzipIsRecognisedByItsBytes() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "{\"a\":1}\n{\"b\":2}\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(bom);
            gz.write(body);
        }
        try (ClaimRecords records = new ClaimRecords(new ByteArrayInputStream(zipped.toByteArray()), "history.jsonl")) {
            assertThat(records.gzip()).isTrue();
            assertThat(records.format()).isEqualTo(ClaimRecords.Format.JSONL);
            ClaimRecords.Raw first = records.next();
            assertThat(first.jsonText()).isEqualTo("{\"a\":1}");
            assertThat(first.line()).isEqualTo(1);
            assertThat(records.next().jsonText()).isEqualTo("{\"b\":2}");
            assertThat(records.next()).isNull();
        }
    }

    @Test
    void malformedUtf8StaysInTheLineAndReadsAsReplacementCharacters() throws IOException {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}', '\n'};
        try (ClaimRecords records = new ClaimRecords(new ByteArrayInputStream(bytes), "h.jsonl")) {
            assertThat(records.next().jsonText()).isEqualTo("{\"a\":\"\uFFFD\"}");
        }
    }

    @Test
    void aFirstLineThatIsNotAnObjectIsReadAsCsv() throws IOException {
        byte[] csv = "claim\n\"{\"\"a\"\":1}\"\n".getBytes(StandardCharsets.UTF_8);
        try (ClaimRecords records = new ClaimRecords(new ByteArrayInputStream(csv), "history")) {
            assertThat(records.format()).isEqualTo(ClaimRecords.Format.CSV);
            assertThat(records.next().row().claimJson()).isEqualTo("{\"a\":1}");
        }
    }

    private static List<String> jsonLines(byte[] bytes) throws IOException {
        List<String> out = new ArrayList<>();
        try (ClaimRecords records = new ClaimRecords(new ByteArrayInputStream(bytes), "h.jsonl")) {
            ClaimRecords.Raw raw;
            while ((raw = records.next()) != null) {
                out.add(raw.jsonText());
            }
        }
        return out;
    }

    private static List<String> nonBlankLinesAsBufferedReaderReads(String text) throws IOException {
        List<String> out = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (!line.isBlank()) {
                out.add(line);
            }
        }
        return out;
    }
}

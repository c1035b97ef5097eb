package org.openrma.service.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CsvTests {

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaksAndDoublesInnerQuotes() {
        String csv = new Csv().row("plain", "a,b", "say \"hi\"", "two\nlines", null, 3L).toString();
        assertThat(csv).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,3\r\n");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaGetsALeadingApostrophe() {
        assertThat(Csv.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(Csv.field("+1")).isEqualTo("'+1");
        assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.field("-2")).isEqualTo("'-2");
    }

    @Test
    void amountsAreWrittenExactlyAndPlainly() {
        assertThat(Csv.field(new BigDecimal("189.0000"))).isEqualTo("189.0000");
        assertThat(Csv.field(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(Csv.field(new BigDecimal("-5.50"))).as("a number is data, not a formula").isEqualTo("-5.50");
    }
}

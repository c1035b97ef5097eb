package org.openrma.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrma.claim.Claim;
import org.openrma.claim.ClaimParser;
import org.openrma.claim.ClaimReader;
import org.openrma.whatif.generate.ClaimGenerator;
import org.openrma.whatif.generate.GeneratorCatalogue;

/** The replay's token-by-token reader must read exactly what the tree reader reads, and leave every other claim to it. */
class ClaimParserAgreesWithClaimReaderTests {

    private static final String PLAIN = """
            {"order":{"number":"KSP-1","channel":"official_store","placed_at":"2024-02-09T10:56:40Z","shipped_at":"2024-02-11T18:58:40Z",\
            "delivered_at":"2024-02-16T14:13:00Z","delivery_status":"delivered","currency":"USD","shipping":{"method":"economy","amount":"4.99"},\
            "customer":{"id":"C-7","email":"c@example.com"},"lines":[{"sku":"A","category":"watch","unit_price":"65.69","quantity":2},\
            {"sku":"G","category":"strap","unit_price":"0.00","retail_value":"19.99","quantity":1,"tags":["free_gift"]}]},\
            "request":{"kind":"return","submitted_at":"2024-03-11T18:21:10Z","reason":"ordered_wrong_item","lines":[{"sku":"A","quantity":1,\
            "condition":"unopened"}],"keeps_free_gifts":false,"evidence":["photo"],"facts":[],"costs":{"customs":"30.07"},\
            "inspection":{"finding":"no_fault_found"},"protection_plan":"worry_free_plus"}}""";

    @Test
    void generatedClaimsOfEveryCatalogueAreReadIdenticallyAndAlmostAllOnTheFastPath() {
        int fast = 0;
        int total = 0;
        for (String catalogue : GeneratorCatalogue.builtInPolicies()) {
            ClaimGenerator generator = new ClaimGenerator(GeneratorCatalogue.builtIn(catalogue), 3, LocalDate.parse("2023-01-01"),
                    LocalDate.parse("2025-12-31"));
            for (int i = 0; i < 4_000; i++) {
                String line = generator.nextLine();
                Claim parsed = ClaimParser.parse(line);
                if (parsed != null) {
                    assertThat(parsed).as(line).isEqualTo(ClaimReader.read(line));
                    fast++;
                }
                byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
                assertThat(ClaimParser.parse(utf8, 0, utf8.length)).as("from bytes: " + line).isEqualTo(parsed);
                total++;
            }
        }
        assertThat(fast).isEqualTo(total);
    }

    @Test
    void consumerLawInputsAreLeftToTheTreeReader() {
        ClaimGenerator generator = new ClaimGenerator(GeneratorCatalogue.builtIn("kospet"), 3, LocalDate.parse("2024-01-01"),
                LocalDate.parse("2025-12-31")).withConsumersIn(List.of("DE"));
        String line = generator.nextLine();

        assertThat(ClaimParser.parse(line)).isNull();
        assertThat(ClaimReader.read(line).legal().countryCode()).contains("DE");
    }

    @Test
    void aPlainClaimIsReadOnTheFastPath() {
        assertThat(ClaimParser.parse(PLAIN)).isNotNull().isEqualTo(ClaimReader.read(PLAIN));
    }

    @Test
    void bytesThatAreNotUtf8AreLeftToTheTreeReaderAndNonAsciiTextIsReadFromBytes() {
        String accented = PLAIN.replace("\"C-7\"", "\"Zoë-7\"");
        byte[] utf8 = accented.getBytes(StandardCharsets.UTF_8);
        assertThat(ClaimParser.parse(utf8, 0, utf8.length)).isNotNull().isEqualTo(ClaimReader.read(accented));

        byte[] latin1 = accented.getBytes(StandardCharsets.ISO_8859_1);   // ë as one byte: malformed UTF-8
        assertThat(ClaimParser.parse(latin1, 0, latin1.length)).isNull();
        assertThat(ClaimReader.read(new String(latin1, StandardCharsets.UTF_8)).order().customer().id()).isEqualTo("Zo\uFFFD-7");
    }

    @Test
    void everyVariationIsEitherReadIdenticallyOrLeftToTheTreeReader() {
        List<String> variations = List.of(
                PLAIN.replace("\"unit_price\":\"65.69\"", "\"unit_price\":\"-65.69\""),          // refused: negative
                PLAIN.replace("\"unit_price\":\"65.69\"", "\"unit_price\":65.69"),              // a number, not text
                PLAIN.replace("\"unit_price\":\"65.69\"", "\"unit_price\":\"65.691\""),         // refused: too many decimals
                PLAIN.replace("\"2024-03-11T18:21:10Z\"", "\" 2024-03-11T18:21:10Z\""),         // refused: timestamps are not trimmed
                PLAIN.replace("\"2024-03-11T18:21:10Z\"", "\"2024-03-11T18:21:10+02:00\""),     // an offset
                PLAIN.replace("\"2024-03-11T18:21:10Z\"", "\"2023-03-11T18:21:10Z\""),          // refused: before the order
                PLAIN.replace("\"number\":\"KSP-1\"", "\"number\":\"  \""),                      // refused: empty
                PLAIN.replace("\"number\":\"KSP-1\"", "\"number\":null"),                        // refused: required
                PLAIN.replace("\"number\":\"KSP-1\",", ""),                                      // refused: required
                PLAIN.replace("\"channel\":\"official_store\"", "\"channel\":\"OFFICIAL_STORE\""), // the enum's name
                PLAIN.replace("\"channel\":\"official_store\"", "\"channel\":\"bazaar\""),      // refused: unknown
                PLAIN.replace("\"reason\":\"ordered_wrong_item\"", "\"reason\":\"arrived_late\""), // a word a policy may declare
                PLAIN.replace("\"reason\":\"ordered_wrong_item\"", "\"reason\":\"Arrived Late\""), // refused
                PLAIN.replace("\"quantity\":1,", "\"quantity\":3,"),                             // refused: more than ordered
                PLAIN.replace("\"quantity\":1,", "\"quantity\":0,"),                             // refused
                PLAIN.replace("\"quantity\":1,", ""),                                            // the quantity ordered
                PLAIN.replace("\"lines\":[{\"sku\":\"A\",\"quantity\":1", "\"lines\":[{\"sku\":\"B\",\"quantity\":1"), // refused: not in the order
                PLAIN.replace("\"sku\":\"G\"", "\"sku\":\"A\""),                                 // refused: a line twice
                PLAIN.replace("\"currency\":\"USD\"", "\"currency\":\"eur\""),                  // lower case
                PLAIN.replace("\"currency\":\"USD\"", "\"currency\":\"XYZ\""),                  // refused
                PLAIN.replace("\"facts\":[]", "\"facts\":[\"water_damage\",\"water_damage\"]"),
                PLAIN.replace("\"facts\":[]", "\"facts\":[\"water_damage\"],\"facts\":[]"),     // a field twice
                PLAIN.replace("\"keeps_free_gifts\":false", "\"keeps_free_gifts\":\"yes\""),    // refused
                PLAIN.replace("\"delivered_at\":\"2024-02-16T14:13:00Z\",", ""),                 // refused: delivered without a date
                PLAIN.replace("\"delivery_status\":\"delivered\",", ""),                         // inferred
                PLAIN.replace("\"customer\":{\"id\":\"C-7\",", "\"customer\":{\"tier\":\"gold\",\"attributes\":{\"vip\":\"true\"},\"id\":\"C-7\","),
                PLAIN.replace("\"protection_plan\"", "\"surprise\""),                            // refused: unknown field
                PLAIN + " {}",                                                                   // trailing content
                "{\"request\":" + PLAIN.substring(PLAIN.indexOf("\"request\":") + 10, PLAIN.length() - 1) + ",\"order\":"
                        + PLAIN.substring(PLAIN.indexOf("\"order\":") + 8, PLAIN.indexOf(",\"request\":")) + "}", // request first
                "[1,2]",
                "{");
        int fast = 0;
        for (String v : variations) {
            Claim read;
            try {
                read = ClaimReader.read(v);
            } catch (RuntimeException refused) {
                assertThat(ClaimParser.parse(v)).as(v).isNull();
                continue;
            }
            Claim parsed = ClaimParser.parse(v);
            if (parsed != null) {
                assertThat(parsed).as(v).isEqualTo(read);
                fast++;
            }
        }
        assertThat(fast).isGreaterThanOrEqualTo(6);
    }
}

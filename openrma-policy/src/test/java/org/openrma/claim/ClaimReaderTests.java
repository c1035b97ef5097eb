package org.openrma.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Test;
import org.openrma.claim.InvalidClaimException.FieldProblem;

class ClaimReaderTests {

    /** A valid claim; each test breaks one thing by replacing a marked piece of text. */
    private static final String VALID = """
            order:
              number: "T-1"
              channel: official_store
              placed_at: "2025-03-01T10:00:00Z"
              shipped_at: "2025-03-02T09:00:00Z"
              delivered_at: "2025-03-03T12:00:00Z"
              currency: USD
              shipping: { method: economy, amount: "10.00" }
              customer: { id: "C-1", tier: gold }
              lines:
                - { sku: "S1", category: servo, unit_price: "100.00", quantity: 2 }
                - { sku: "G1", category: gift, unit_price: "0.00", retail_value: "15.00", quantity: 1, tags: [free_gift] }
            request:
              kind: return
              submitted_at: "2025-03-05T09:00:00Z"
              reason: changed_mind
              lines: [ { sku: "S1", quantity: 1, condition: opened_unused } ]
              keeps_free_gifts: true
              evidence: [ photo ]
              costs: { return_shipping: "12.00", customs: "3.50" }
            """;

    private static List<FieldProblem> problemsReading(String text) {
        InvalidClaimException e = catchThrowableOfType(InvalidClaimException.class, () -> ClaimReader.read(text));
        assertThat(e).as("reading should fail:%n%s", text).isNotNull();
        return e.problems();
    }

    private static String replace(String target, String replacement) {
        assertThat(VALID).contains(target);
        return VALID.replace(target, replacement);
    }

    @Test
    void readsAValidClaimFromYaml() {
        Claim claim = ClaimReader.read(VALID);

        assertThat(claim.order().channel()).isEqualTo(Channel.OFFICIAL_STORE);
        assertThat(claim.order().currency()).isEqualTo(CurrencyUnit.USD);
        assertThat(claim.order().deliveredAt()).isEqualTo(Instant.parse("2025-03-03T12:00:00Z"));
        assertThat(claim.order().deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(claim.order().merchandiseTotal().getAmount()).isEqualByComparingTo("200.00");
        assertThat(claim.order().customer().tier()).isEqualTo("gold");
        assertThat(claim.request().reason()).isEqualTo(Reason.CHANGED_MIND);
        assertThat(claim.request().keepsFreeGifts()).isTrue();
        assertThat(claim.request().costs().customs().getAmount()).isEqualByComparingTo(new BigDecimal("3.50"));
        assertThat(claim.claimedLines()).singleElement().satisfies(l -> {
            assertThat(l.line().sku()).isEqualTo("S1");
            assertThat(l.requested().condition()).isEqualTo(ItemCondition.OPENED_UNUSED);
            assertThat(l.price().getAmount()).isEqualByComparingTo("100.00");
        });
    }

    @Test
    void readsTheSameClaimFromJson() {
        String json = """
                {"order": {"number": "T-1", "channel": "retailer", "placed_at": "2025-03-01T10:00:00Z", "currency": "eur",
                           "lines": [{"sku": "S1", "unit_price": "9.99", "quantity": 1}]},
                 "request": {"kind": "cancellation", "submitted_at": "2025-03-01T11:00:00Z", "reason": "changed_mind"}}
                """;

        Claim claim = ClaimReader.read(json);

        assertThat(claim.order().currency()).isEqualTo(CurrencyUnit.EUR);
        assertThat(claim.order().deliveryStatus()).isEqualTo(DeliveryStatus.NOT_SHIPPED);
        assertThat(claim.claimedLines()).as("an order-level request covers every line").hasSize(1);
    }

    @Test
    void aClaimIsEqualToAnotherOfTheSamePartsAndPairsItsLinesOnce() {
        Claim claim = ClaimReader.read(VALID);
        Claim same = new Claim(claim.order(), claim.request(), claim.legal());

        assertThat(same).isEqualTo(claim).hasSameHashCodeAs(claim).hasToString(claim.toString());
        assertThat(same.claimedLines()).isEqualTo(claim.claimedLines());
        assertThat(claim.claimedLines()).as("made once for the claim, then kept").isSameAs(claim.claimedLines());
        assertThat(ClaimReader.read(replace("number: \"T-1\"", "number: \"T-2\""))).isNotEqualTo(claim);
    }

    @Test
    void derivesInTransitFromAShipmentWithoutDelivery() {
        Claim claim = ClaimReader.read(replace("  delivered_at: \"2025-03-03T12:00:00Z\"\n", ""));

        assertThat(claim.order().deliveryStatus()).isEqualTo(DeliveryStatus.IN_TRANSIT);
    }

    @Test
    void reportsMalformedJsonAsADocumentProblemWithItsPosition() {
        List<FieldProblem> problems = problemsReading("{\"order\": {\"number\": \"T-1\",, }");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("(document)");
            assertThat(p.message()).contains("not valid JSON or YAML").contains("line 1");
        });
    }

    @Test
    void reportsADocumentThatIsNotAnObject() {
        assertThat(problemsReading("- just\n- a list\n")).extracting(FieldProblem::field).containsExactly("(document)");
    }

    @Test
    void namesTheFieldAndListsTheAllowedValuesOfAnUnknownWord() {
        List<FieldProblem> problems = problemsReading(replace("channel: official_store", "channel: ebay"));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("order.channel");
            assertThat(p.message()).contains("'ebay'").contains("official_store, authorized_dealer, retailer, marketplace");
        });
    }

    @Test
    void namesTheIndexedPathOfAConditionThatIsNotAWordOnALine() {
        // a word-shaped condition may be declared by the deciding policy; this one cannot be
        List<FieldProblem> problems = problemsReading(replace("condition: opened_unused", "condition: \"like new!\""));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("request.lines[0].condition");
            assertThat(p.message()).contains("unopened, opened_unused, used, damaged");
        });
    }

    @Test
    void namesTheIndexOfAnEvidenceEntryThatIsNotAWord() {
        assertThat(problemsReading(replace("evidence: [ photo ]", "evidence: [ photo, \"Selfie #2\" ]")))
                .extracting(FieldProblem::field).containsExactly("request.evidence[1]");
    }

    @Test
    void refusesANegativePrice() {
        List<FieldProblem> problems = problemsReading(replace("unit_price: \"100.00\"", "unit_price: \"-100.00\""));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("order.lines[0].unit_price");
            assertThat(p.message()).contains("negative");
        });
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHas() {
        assertThat(problemsReading(replace("unit_price: \"100.00\"", "unit_price: \"100.001\"")))
                .extracting(FieldProblem::field).containsExactly("order.lines[0].unit_price");
    }

    @Test
    void refusesADeliveryBeforeThePlacement() {
        List<FieldProblem> problems = problemsReading(replace("delivered_at: \"2025-03-03T12:00:00Z\"", "delivered_at: \"2025-02-27T12:00:00Z\""));

        assertThat(problems).extracting(FieldProblem::field).contains("order.delivered_at");
        assertThat(problems).filteredOn(p -> p.field().equals("order.delivered_at"))
                .anySatisfy(p -> assertThat(p.message()).contains("before order.placed_at"));
    }

    @Test
    void refusesASubmissionBeforeThePlacement() {
        assertThat(problemsReading(replace("submitted_at: \"2025-03-05T09:00:00Z\"", "submitted_at: \"2025-02-01T09:00:00Z\"")))
                .extracting(FieldProblem::field).containsExactly("request.submitted_at");
    }

    @Test
    void refusesAnUnknownCurrency() {
        List<FieldProblem> problems = problemsReading(replace("currency: USD", "currency: XYZ"));

        assertThat(problems).extracting(FieldProblem::field).contains("order.currency");
        assertThat(problems).filteredOn(p -> p.field().equals("order.currency"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("unknown currency 'XYZ'"));
    }

    @Test
    void refusesARequestLineThatIsNotInTheOrder() {
        List<FieldProblem> problems = problemsReading(replace("{ sku: \"S1\", quantity: 1, condition", "{ sku: \"S9\", quantity: 1, condition"));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("request.lines[0].sku");
            assertThat(p.message()).contains("'S9' is not a line of order T-1");
        });
    }

    @Test
    void refusesAQuantityAboveWhatWasOrdered() {
        List<FieldProblem> problems = problemsReading(replace("{ sku: \"S1\", quantity: 1, condition", "{ sku: \"S1\", quantity: 3, condition"));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("request.lines[0].quantity");
            assertThat(p.message()).contains("3 is more than the 2 ordered");
        });
    }

    @Test
    void refusesAZeroQuantity() {
        assertThat(problemsReading(replace("unit_price: \"100.00\", quantity: 2", "unit_price: \"100.00\", quantity: 0")))
                .extracting(FieldProblem::field).containsExactly("order.lines[0].quantity");
    }

    @Test
    void refusesAnUnknownFieldAndNamesIt() {
        List<FieldProblem> problems = problemsReading(replace("  keeps_free_gifts: true", "  keeps_free_gifts: true\n  coupon: SAVE10"));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("request.coupon");
            assertThat(p.message()).contains("unknown field").contains("submitted_at");
        });
    }

    @Test
    void refusesAnUnknownFieldOnAnOrderLine() {
        assertThat(problemsReading(replace("quantity: 2 }", "quantity: 2, colour: red }")))
                .extracting(FieldProblem::field).containsExactly("order.lines[0].colour");
    }

    @Test
    void refusesATimestampThatIsNotIso8601() {
        assertThat(problemsReading(replace("placed_at: \"2025-03-01T10:00:00Z\"", "placed_at: \"March 1st\"")))
                .extracting(FieldProblem::field).contains("order.placed_at");
    }

    @Test
    void reportsEveryMissingRequiredFieldAtOnce() {
        String text = """
                order:
                  number: "T-1"
                  lines: []
                request:
                  kind: return
                """;

        assertThat(problemsReading(text)).extracting(FieldProblem::field)
                .contains("order.channel", "order.placed_at", "order.currency", "order.lines");
    }

    @Test
    void collectsProblemsFromSeveralFieldsInOneException() {
        String text = replace("channel: official_store", "channel: ebay").replace("reason: changed_mind", "reason: \"just bored\"");

        assertThatThrownBy(() -> ClaimReader.read(text)).isInstanceOf(InvalidClaimException.class)
                .hasMessageContaining("order.channel").hasMessageContaining("request.reason");
    }

    // ---------------------------------------------------------------- hostile input must still be reported by field

    @Test
    void reportsAnAmountWrittenAsAnObjectByItsField() {
        assertThat(problemsReading(replace("unit_price: \"100.00\"", "unit_price: { value: 100 }")))
                .extracting(FieldProblem::field).containsExactly("order.lines[0].unit_price");
    }

    @Test
    void reportsATimestampWrittenAsAListByItsField() {
        assertThat(problemsReading(replace("placed_at: \"2025-03-01T10:00:00Z\"", "placed_at: [2025, 3, 1]")))
                .extracting(FieldProblem::field).contains("order.placed_at");
    }

    @Test
    void reportsAQuantityTooLargeForALongByItsField() {
        assertThat(problemsReading(replace("unit_price: \"100.00\", quantity: 2", "unit_price: \"100.00\", quantity: 99999999999999999999")))
                .extracting(FieldProblem::field).contains("order.lines[0].quantity");
    }

    @Test
    void reportsAnAmountWithAnAbsurdExponentByItsField() {
        assertThat(problemsReading(replace("unit_price: \"100.00\"", "unit_price: \"1e999999999\"")))
                .extracting(FieldProblem::field).containsExactly("order.lines[0].unit_price");
    }

    @Test
    void refusesTheSameLineClaimedTwiceBeyondTheQuantityOrdered() {
        // S1 was ordered twice; claiming 2 + 2 asks for four units back
        List<FieldProblem> problems = problemsReading(replace("lines: [ { sku: \"S1\", quantity: 1, condition: opened_unused } ]",
                "lines: [ { sku: \"S1\", quantity: 2, condition: opened_unused }, { sku: \"S1\", quantity: 2, condition: used } ]"));

        assertThat(problems).extracting(FieldProblem::field).anyMatch(f -> f.startsWith("request.lines[1]"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "2028-02-29T23:59:59Z, 2028-02-29T23:59:59Z",
            "2025-12-31T00:00:00Z, 2025-12-31T00:00:00Z",
            "2025-03-05T09:00:00.250Z, 2025-03-05T09:00:00.250Z",
            "2025-03-05T10:00:00+01:00, 2025-03-05T09:00:00Z"})
    void readsTimestampsInEveryIsoShapeToTheSameInstant(String written, String expected) {
        Claim claim = ClaimReader.read(replace("submitted_at: \"2025-03-05T09:00:00Z\"", "submitted_at: \"" + written + "\""));

        assertThat(claim.request().submittedAt()).isEqualTo(java.time.Instant.parse(expected));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"2025-02-29T10:00:00Z", "2025-13-01T10:00:00Z", "2025-04-31T10:00:00Z", "2025-03-05T25:00:00Z"})
    void refusesImpossibleDatesNamingTheField(String written) {
        assertThat(problemsReading(replace("submitted_at: \"2025-03-05T09:00:00Z\"", "submitted_at: \"" + written + "\"")))
                .extracting(FieldProblem::field).contains("request.submitted_at");
    }
}

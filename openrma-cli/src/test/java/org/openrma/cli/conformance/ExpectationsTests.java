package org.openrma.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrma.claim.Evidence;
import org.openrma.cli.Decisions;
import org.openrma.decision.DeductionKind;
import org.openrma.decision.Outcome;
import org.openrma.decision.Resolution;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class ExpectationsTests {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private static JsonNode expect(String yaml) {
        return YAML.readTree(yaml);
    }

    private static List<String> differences(String yaml, Decisions decision) {
        return Expectations.compare(expect(yaml), decision.build()).stream().map(Difference::toString).toList();
    }

    @Test
    void passesWhenEveryListedKeyMatches() {
        String yaml = """
                outcome: approved
                resolutions: [ refund ]
                refund: "46.39"
                deductions: { restocking_fee: "11.60" }
                return_shipping_paid_by: customer
                return_shipping_reimbursed: "0.00"
                missing_evidence: [ ]
                deadlines: { claim_window_ends: "2025-03-17" }
                cites: [ "Restocking", "7 days" ]
                """;
        assertThat(differences(yaml, Decisions.approvedReturn())).isEmpty();
    }

    @Test
    void checksOnlyTheKeysGiven() {
        Decisions decision = Decisions.approvedReturn();
        decision.refund = Decisions.usd("1.00");
        decision.returnShippingPaidBy = null;
        assertThat(differences("outcome: approved", decision)).isEmpty();
    }

    @Test
    void reportsADifferentOutcomeWithBothWords() {
        Decisions decision = Decisions.approvedReturn();
        decision.outcome = Outcome.NEEDS_REVIEW;
        assertThat(differences("outcome: approved", decision)).containsExactly("outcome: expected approved, got needs_review");
    }

    @Test
    void failsWhenTheDecisionDeductsAKindTheScenarioDoesNotList() {
        Decisions decision = Decisions.approvedReturn();
        decision.deductions.put(DeductionKind.SHIPPING, Decisions.usd("8.50"));
        assertThat(differences("deductions: { restocking_fee: \"11.60\" }", decision))
                .containsExactly("deductions.shipping: expected none (not listed), got 8.50");
    }

    @Test
    void emptyDeductionsMeanNothingMayBeDeducted() {
        assertThat(differences("deductions: { }", Decisions.approvedReturn()))
                .containsExactly("deductions.restocking_fee: expected none (not listed), got 11.60");
    }

    @Test
    void treatsAZeroDeductionAsAbsent() {
        Decisions decision = Decisions.approvedReturn();
        decision.deductions.put(DeductionKind.CUSTOMS, Decisions.usd("0.00"));
        assertThat(differences("deductions: { restocking_fee: \"11.60\" }", decision)).isEmpty();
    }

    @Test
    void reportsAListedDeductionThatIsMissingOrDifferent() {
        Decisions decision = Decisions.approvedReturn();
        assertThat(differences("deductions: { restocking_fee: \"11.59\", customs: \"18.40\" }", decision))
                .containsExactly("deductions.restocking_fee: expected 11.59, got 11.60", "deductions.customs: expected 18.40, got none");
    }

    @Test
    void comparesAmountsAsDecimalsWhateverTheScale() {
        Decisions decision = Decisions.approvedReturn();
        decision.refund = Decisions.usd("80.00");
        assertThat(differences("refund: \"80\"", decision)).isEmpty();
        assertThat(differences("refund: 80.0", decision)).isEmpty();
        assertThat(differences("refund: \"80.01\"", decision)).containsExactly("refund: expected 80.01, got 80.00");
    }

    @Test
    void reportsAnExpectedAmountThatIsNotANumber() {
        assertThat(differences("refund: \"lots\"", Decisions.approvedReturn()))
                .containsExactly("refund: expected an amount such as \"19.99\" in expect, got 'lots'");
    }

    @Test
    void comparesReturnShippingReimbursed() {
        Decisions decision = Decisions.approvedReturn();
        decision.returnShippingReimbursed = Decisions.usd("30.00");
        assertThat(differences("return_shipping_reimbursed: \"30.00\"", decision)).isEmpty();
        assertThat(differences("return_shipping_reimbursed: \"0.00\"", decision))
                .containsExactly("return_shipping_reimbursed: expected 0.00, got 30.00");
    }

    @Test
    void comparesWhoPaysTheReturnLeg() {
        assertThat(differences("return_shipping_paid_by: merchant", Decisions.approvedReturn()))
                .containsExactly("return_shipping_paid_by: expected merchant, got customer");
    }

    @Test
    void comparesResolutionsAsASetIgnoringOrder() {
        Decisions decision = Decisions.approvedReturn();
        decision.resolutions = EnumSet.of(Resolution.RESHIPMENT, Resolution.REFUND);
        assertThat(differences("resolutions: [ refund, reshipment ]", decision)).isEmpty();
        assertThat(differences("resolutions: [ refund ]", decision))
                .containsExactly("resolutions: expected [refund], got [refund, reshipment]");
        assertThat(differences("resolutions: [ refund, reshipment, replacement ]", decision))
                .containsExactly("resolutions: expected [refund, replacement, reshipment], got [refund, reshipment]");
    }

    @Test
    void comparesMissingEvidenceAsAnExactSet() {
        Decisions decision = Decisions.approvedReturn();
        decision.missingEvidence = List.of(Evidence.PARCEL_PHOTO.wire(), Evidence.PHOTO.wire());
        assertThat(differences("missing_evidence: [ photo, parcel_photo ]", decision)).isEmpty();
        assertThat(differences("missing_evidence: [ parcel_photo ]", decision))
                .containsExactly("missing_evidence: expected [parcel_photo], got [parcel_photo, photo]");
        assertThat(differences("missing_evidence: [ ]", decision))
                .containsExactly("missing_evidence: expected [], got [parcel_photo, photo]");
    }

    @Test
    void checksListedDeadlinesAndIgnoresOthers() {
        Decisions decision = Decisions.approvedReturn();
        decision.deadlines = Map.of("claim_window_ends", LocalDate.parse("2025-10-24"), "ship_back_by", LocalDate.parse("2025-11-07"));
        assertThat(differences("deadlines: { claim_window_ends: \"2025-10-24\" }", decision)).isEmpty();
        assertThat(differences("deadlines: { ship_back_by: \"2025-11-08\" }", decision))
                .containsExactly("deadlines.ship_back_by: expected 2025-11-08, got 2025-11-07");
    }

    @Test
    void reportsAListedDeadlineTheDecisionLacks() {
        assertThat(differences("deadlines: { refund_by: \"2025-11-24\" }", Decisions.approvedReturn()))
                .containsExactly("deadlines.refund_by: expected 2025-11-24, got none (the decision has no such deadline; it has claim_window_ends)");
    }

    @Test
    void findsCitedWordsIgnoringCaseSpacingAndCurlyQuotes() {
        Decisions decision = Decisions.approvedReturn();
        decision.explanation = List.of(new org.openrma.decision.ExplanationStep("warranty", "defect", null,
                org.openrma.decision.StepResult.PASSED, Map.of(), "A defect.",
                List.of(new org.openrma.decision.Citation("W1", "Unless it is a manufacturer\u2019s\n   defect, returns are at your cost."))));
        assertThat(differences("cites: [ \"MANUFACTURER'S DEFECT\", \"returns are\" ]", decision)).isEmpty();
    }

    @Test
    void failsWhenAWordIsNotInTheCitedClauses() {
        List<String> found = differences("cites: [ \"restocking\", \"case by case\" ]", Decisions.approvedReturn());
        assertThat(found).hasSize(1);
        assertThat(found.getFirst()).startsWith("cites: expected \"case by case\" in a cited clause, got not in the clauses cited: R1 ");
    }

    @Test
    void looksOnlyAtCitedClauseTextsNotAtTheSentencesOfTheSteps() {
        // "restocking fee of 11.60" is in a step's says sentence, not in a clause
        assertThat(differences("cites: [ \"fee of 11.60\" ]", Decisions.approvedReturn())).hasSize(1);
    }

    @Test
    void failsCitesWhenNothingIsCited() {
        Decisions decision = Decisions.approvedReturn();
        decision.explanation = List.of();
        assertThat(differences("cites: [ \"7 days\" ]", decision))
                .containsExactly("cites: expected \"7 days\" in a cited clause, got no clause cited");
    }

    @Test
    void reportsAnUnknownKeySoATypoCannotPass() {
        assertThat(differences("refnud: \"46.39\"", Decisions.approvedReturn()))
                .containsExactly("refnud: expected one of the keys " + String.join(", ", Expectations.keys()) + ", got an unknown key in expect");
    }

    @Test
    void reportsEveryDifferenceNotOnlyTheFirst() {
        Decisions decision = Decisions.approvedReturn();
        decision.outcome = Outcome.REJECTED;
        decision.refund = Decisions.usd("0.00");
        assertThat(differences("outcome: approved\nrefund: \"46.39\"\nreturn_shipping_paid_by: merchant", decision)).hasSize(3);
    }
}

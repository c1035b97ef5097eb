package org.openrma.policy.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openrma.claim.Claim;
import org.openrma.claim.Request;
import org.openrma.decision.Decision;
import org.openrma.decision.Detail;
import org.openrma.policy.model.Condition;
import org.openrma.policy.model.Rules.EvidenceRule;
import org.openrma.testing.Claims;
import org.openrma.testing.Policies;

/** The words a plan writes once per evidence rule and combination of missing kinds are the ones worked out per claim. */
class MissingEvidenceTests {

    private static EvidenceRule rule(List<String> allOf, List<String> oneOf) {
        return new EvidenceRule("evidence", Condition.ALWAYS, allOf, oneOf, List.of(), null);
    }

    /** The kinds whose bit is set in {@code subset}. */
    private static Set<String> subset(List<String> kinds, int subset) {
        Set<String> chosen = new HashSet<>();
        for (int i = 0; i < kinds.size(); i++) {
            if ((subset & 1 << i) != 0) {
                chosen.add(kinds.get(i));
            }
        }
        return chosen;
    }

    @Test
    void namesEveryRequiredKindMissingThenTheAlternatives() {
        var rule = rule(List.of("photo_of_damage", "receipt", "serial_number"), List.of("video", "courier_report"));

        MissingEvidence missing = MissingEvidence.find(rule, Set.of("serial_number"));

        assertThat(missing.kinds()).containsExactly("photo_of_damage", "receipt", "video", "courier_report");
        assertThat(missing.needed()).isEqualTo("photo of damage, receipt, and one of: video, courier report");
        assertThat(missing.reason()).isEqualTo("evidence still needed: photo of damage, receipt, and one of: video, courier report");
        assertThat(MissingEvidence.find(rule, Set.of("photo_of_damage", "receipt", "serial_number", "courier_report"))).isNull();
    }

    @Test
    void thePlannedAnswerForEverySubsetSuppliedIsTheOneWorkedOutForTheClaim() {
        var rule = rule(List.of("a_photo", "receipt", "serial_number"), List.of("video", "receipt"));
        List<String> kinds = List.of("a_photo", "receipt", "serial_number", "video", "something_else");
        MissingEvidence[] planned = MissingEvidence.everyAnswer(rule);

        int checked = 0;
        for (int subset = 0; subset < 1 << kinds.size(); subset++) {
            Set<String> supplied = subset(kinds, subset);
            assertThat(planned[MissingEvidence.mask(rule, supplied)]).as("supplied %s", supplied).isEqualTo(MissingEvidence.find(rule, supplied));
            checked++;
        }
        assertThat(checked).isEqualTo(32);
    }

    @Test
    void theAnswerReadFromAClaimsBitsIsTheOneWorkedOutFromItsWords() {
        // standard kinds and one the policy declares, required and as alternatives; claims of standard words only (read by bits)
        // and claims with a declared word among them (read from the set)
        var rule = rule(List.of("photo", "receipt_scan", "video"), List.of("proof_of_purchase", "receipt_scan"));
        var planned = MissingEvidence.Planned.of(rule);
        List<String> kinds = List.of("photo", "receipt_scan", "video", "proof_of_purchase", "parcel_photo");

        int byBits = 0;
        for (int subset = 0; subset < 1 << kinds.size(); subset++) {
            Set<String> supplied = subset(kinds, subset);
            var words = new Request.Words("defective", supplied, Set.of());
            byBits += words.standard() ? 1 : 0;
            assertThat(planned.answer(words)).as("supplied %s", supplied).isEqualTo(MissingEvidence.find(rule, supplied));
        }
        assertThat(byBits).isEqualTo(16);
    }

    @Test
    void aRuleOfMoreKindsThanAPlanKeepsIsDecidedAsTheReferenceDecidesIt() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= MissingEvidence.MOST_PLANNED + 1; i++) {
            many.add("kind_" + i);
        }
        var policy = Policies.policy("""
                clauses:
                  E: "Send us everything."
                vocabulary:
                  evidence: [ %s ]
                programs:
                  - id: warranty
                    title: Warranty
                    serves: { kind: warranty }
                    evidence: [ { id: everything, all_of: [ %s ], cites: E } ]
                    resolutions: { offer: [ replacement ] }
                """.formatted(String.join(", ", many), String.join(", ", many)));
        Claim claim = Claims.aReturn().kind("warranty").reason("defective").with("request.evidence", List.of("kind_1")).build();

        Decision decision = policy.decide(claim, claim.request().submittedAt());

        assertThat(decision.missingEvidence()).hasSize(many.size() - 1).doesNotContain("kind_1");
        assertThat(decision).isEqualTo(policy.decideByReference(claim, claim.request().submittedAt(), Detail.FULL));
    }
}

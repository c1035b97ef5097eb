package org.openrma.service.ui.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrma.policy.PolicyCompiler;

/** The studio's form view: it reads the common settings of a policy file and writes changed values back in place. */
class CommonSettingsTests {

    /** A policy with comments, flow mappings, an anchor and its alias, written the way merchants' files are. */
    static final String POLICY = """
            # a comment that must survive
            policy: shop
            version: "1"
            effective_from: 2025-01-01
            clauses:
              R1: "Returns within 30 days of delivery."
              R2: "A 15% restocking fee applies unless the item is faulty."
            programs:
              - id: return
                title: 30-day return
                serves: { kind: return }
                window: { from: delivered, within: 30 days, cites: R1 }   # keep this comment
                refund: { of: items }
                deductions:
                  - id: restocking
                    kind: restocking_fee
                    percent: 15
                    unless: { reason: [defective, dead_on_arrival] }
                    cites: R2
                return_shipping:
                  - &customer-pays
                    id: customer-pays
                    paid_by: customer
                    cites: R1
                evidence:
                  - id: photos
                    all_of: [photo, packaging_photo]
                    cites: R1
              - id: warranty
                serves: { kind: warranty }
                window:
                  from: delivered
                  within: 12 months
                  cites: R1
                return_shipping:
                  - *customer-pays
            """;

    private static CommonSettings.Field field(CommonSettings s, String path) {
        return s.form().programs().stream().flatMap(p -> java.util.stream.Stream.of(
                        p.window().stream(),
                        p.deductions().stream().flatMap(e -> e.fields().stream()),
                        p.shipping().stream().flatMap(e -> e.fields().stream()),
                        p.evidence().stream().flatMap(e -> e.fields().stream())).flatMap(x -> x))
                .filter(f -> f.path().equals(path)).findFirst().orElseThrow(() -> new AssertionError("no field " + path));
    }

    @Test
    void readsWindowsDeductionsShippingAndEvidenceOfEveryProgram() {
        CommonSettings s = CommonSettings.of(POLICY);
        assertThat(s.form().programs()).extracting(CommonSettings.Program::id).containsExactly("return", "warranty");
        assertThat(field(s, "programs.0.window.within").value()).isEqualTo("30 days");
        assertThat(field(s, "programs.1.window.within").value()).isEqualTo("12 months");
        assertThat(field(s, "programs.0.deductions.0.kind").options()).contains("restocking_fee", "return_label");
        assertThat(field(s, "programs.0.deductions.0.percent").value()).isEqualTo("15");
        assertThat(field(s, "programs.0.deductions.0.unless").editable()).isFalse();
        assertThat(field(s, "programs.0.evidence.0.all_of").value()).isEqualTo("photo, packaging_photo");
    }

    @Test
    void changingOneWindowRewritesOnlyThatValueAndKeepsCommentsAndFlowStyle() {
        CommonSettings.Applied applied = CommonSettings.of(POLICY).apply(Map.of("programs.0.window.within", "45 days",
                "programs.1.window.within", "2 years"));
        assertThat(applied.rejected()).isEmpty();
        assertThat(applied.source()).isEqualTo(POLICY
                .replace("within: 30 days, cites: R1 }   # keep this comment", "within: 45 days, cites: R1 }   # keep this comment")
                .replace("within: 12 months", "within: 2 years"));
        assertThat(PolicyCompiler.compile("shop.yaml", applied.source()).errors()).isEmpty();
    }

    @Test
    void aValueThatNeedsQuotesIsQuotedAndAListIsWrittenAsAFlowList() {
        CommonSettings.Applied applied = CommonSettings.of(POLICY).apply(Map.of("programs.0.deductions.0.percent", "20",
                "programs.0.evidence.0.all_of", "photo, proof_of_purchase", "programs.0.window.from", "yes"));
        assertThat(applied.source()).contains("percent: 20\n").contains("all_of: [photo, proof_of_purchase]\n")
                .contains("{ from: \"yes\", within: 30 days");
    }

    @Test
    void valuesSharedThroughAnAnchorAndConditionsAreLeftToTheFile() {
        CommonSettings s = CommonSettings.of(POLICY);
        CommonSettings.Field payer = field(s, "programs.0.return_shipping.0.paid_by");
        assertThat(payer.editable()).isFalse();
        assertThat(payer.readOnlyBecause()).contains("anchor");
        CommonSettings.Applied applied = s.apply(Map.of("programs.0.return_shipping.0.paid_by", "merchant",
                "programs.0.deductions.0.unless", "{ reason: defective }", "programs.9.window.within", "1 day"));
        assertThat(applied.source()).isEqualTo(POLICY);
        assertThat(applied.rejected()).extracting(CommonSettings.Rejected::path).containsExactlyInAnyOrder(
                "programs.0.return_shipping.0.paid_by", "programs.0.deductions.0.unless", "programs.9.window.within");
    }

    @Test
    void anUnchangedValueIsNotRewritten() {
        String odd = POLICY.replace("percent: 15", "percent:   15");
        CommonSettings.Applied applied = CommonSettings.of(odd).apply(Map.of("programs.0.deductions.0.percent", "15"));
        assertThat(applied.changed()).isZero();
        assertThat(applied.source()).isEqualTo(odd);
    }

    @Test
    void aFileThatDoesNotParseHasNoFormAndIsNotChanged() {
        CommonSettings s = CommonSettings.of("policy: [unclosed\n");
        assertThat(s.form().shown()).isFalse();
        assertThat(s.apply(Map.of("programs.0.window.within", "1 day")).source()).isEqualTo("policy: [unclosed\n");
    }

    @Test
    void theBuiltInPoliciesRoundTripUnchangedThroughTheForm() throws IOException {
        for (String name : List.of("kingdo.yaml", "kst-rma.yaml")) {
            String text;
            try (InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("..", "policies", name))) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            CommonSettings s = CommonSettings.of(text);
            assertThat(s.form().programs()).as(name).isNotEmpty();
            Map<String, String> same = new java.util.HashMap<>();
            s.form().programs().forEach(p -> p.window().stream().filter(CommonSettings.Field::editable).forEach(f -> same.put(f.path(), f.value())));
            assertThat(s.apply(same).source()).as(name).isEqualTo(text);
        }
    }
}

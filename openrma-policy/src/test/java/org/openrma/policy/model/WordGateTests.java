package org.openrma.policy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openrma.testing.Policies.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openrma.claim.Claim;
import org.openrma.claim.Evidence;
import org.openrma.claim.Fact;
import org.openrma.claim.InvalidClaimException;
import org.openrma.claim.ItemCondition;
import org.openrma.claim.Reason;
import org.openrma.claim.Request;
import org.openrma.claim.RequestLine;
import org.openrma.decision.Detail;
import org.openrma.decision.Outcome;
import org.openrma.policy.CompiledPolicy;
import org.openrma.testing.Claims;

/**
 * A policy lets through a claim of standard words without looking them up, one of the words it declares after looking
 * them up, and refuses one with a word it does not know, naming the field; a request's typed words are the standard ones
 * written, which is what lets the first go without a look-up.
 */
class WordGateTests {

    private static final Instant NOW = Instant.parse("2025-03-10T00:00:00Z");

    private static final CompiledPolicy POLICY = policy("""
            vocabulary:
              facts: [tags_cut_off]
              evidence: [unboxing_video]
            clauses: { C1: "Returns within 30 days, unless the tags are cut off." }
            programs:
              - id: return
                serves: { kind: return }
                window: { from: delivered, within: 30 days, cites: C1 }
                checks:
                  - { id: tags, if: { facts: [tags_cut_off] }, then: rejected, cites: C1 }
                  - { id: worn, if: { facts: [water_damage, tags_cut_off] }, then: needs_review, cites: C1 }
                resolutions: { offer: [refund] }
                return_shipping: [{ paid_by: customer }]
            """);

    private static Claim claimWith(List<String> facts, List<String> evidence) {
        return Claims.aReturn().with("request.facts", facts).with("request.evidence", evidence).build();
    }

    @Test
    void aClaimOfStandardWordsIsDecidedWithoutALookUp() {
        Claim claim = claimWith(List.of("normal_wear"), List.of("photo"));

        assertThat(claim.request().allWordsStandard()).isTrue();
        assertThat(POLICY.decide(claim, NOW).outcome()).isEqualTo(Outcome.APPROVED);
    }

    @Test
    void aClaimOfWordsThePolicyDeclaresIsDecidedByThem() {
        Claim claim = claimWith(List.of("tags_cut_off"), List.of("photo", "unboxing_video"));

        assertThat(claim.request().allWordsStandard()).isFalse();
        assertThat(POLICY.decide(claim, NOW).outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void aClaimOfAWordThePolicyDoesNotKnowIsRefusedNamingTheField() {
        for (Claim claim : List.of(claimWith(List.of("glitter"), List.of()), claimWith(List.of("normal_wear"), List.of("photo", "selfie")))) {
            assertThatThrownBy(() -> POLICY.decide(claim, NOW)).isInstanceOf(InvalidClaimException.class)
                    .hasMessageContaining(claim.request().words().facts().contains("glitter") ? "request.facts" : "request.evidence");
        }
    }

    @Test
    void aRequestRefusesTypedWordsThatAreNotTheStandardOnesWritten() {
        Request r = claimWith(List.of("normal_wear"), List.of("photo")).request();
        Request.Words written = new Request.Words(r.reasonWord(), Set.of("photo", "selfie"), Set.of("normal_wear"));

        assertThatThrownBy(() -> copy(r, Set.of(), r.facts(), written)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("request.evidence");
        assertThatThrownBy(() -> copy(r, r.evidence(), Set.of(Fact.NORMAL_WEAR, Fact.MISUSE), written))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("request.facts");
        assertThat(copy(r, Set.of(Evidence.PHOTO), r.facts(), written).allWordsStandard()).isFalse();
    }

    @Test
    void aRequestRefusesATypedReasonOrConditionThatIsNotTheWordWritten() {
        Request r = claimWith(List.of(), List.of()).request();
        Request.Words declared = new Request.Words("lost_in_mail", r.words().evidence(), r.words().facts());

        assertThatThrownBy(() -> withReason(r, Reason.DEFECTIVE, declared)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("request.reason");
        assertThat(withReason(r, Reason.OTHER, declared).reasonWord()).isEqualTo("lost_in_mail");
        assertThatThrownBy(() -> withReason(r, Reason.OTHER, new Request.Words("defective", Set.of(), Set.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("request.reason");
        assertThatThrownBy(() -> new RequestLine("S1", 1, ItemCondition.USED, "damaged")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line S1");
        assertThatThrownBy(() -> new RequestLine("S1", 1, null, "used")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RequestLine("S1", 1, null, "refurbished").conditionWord()).isEqualTo("refurbished");
    }

    @Test
    void whetherAllWordsAreStandardIsWorkedOutFromTheWordsAndCannotBeClaimed() {
        assertThat(new Request.Words("defective", Set.of("photo"), Set.of("normal_wear")).standard()).isTrue();
        assertThat(new Request.Words("defective", Set.of("photo", "selfie"), Set.of()).standard()).isFalse();
        assertThatThrownBy(() -> new Request.Words("defective", Set.of("selfie"), Set.of(), true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("are not all standard");
    }

    @Test
    void aFactTestOnAClaimOfStandardWordsReadsTheirBitsAndFindsWhatALookUpOfTheWordsWouldFind() {
        Claim worn = claimWith(List.of("water_damage", "misuse"), List.of("photo"));
        Claim misused = claimWith(List.of("misuse"), List.of());
        Claim cut = claimWith(List.of("tags_cut_off"), List.of());

        assertThat(worn.request().words().factBits()).isEqualTo(1L << Fact.WATER_DAMAGE.ordinal() | 1L << Fact.MISUSE.ordinal());
        assertThat(worn.request().words().evidenceBits()).isEqualTo(1L << Evidence.PHOTO.ordinal());
        for (Detail detail : Detail.values()) {
            assertThat(POLICY.decide(worn, NOW, detail).outcome()).as("a standard fact of the test, %s", detail).isEqualTo(Outcome.NEEDS_REVIEW);
            assertThat(POLICY.decide(misused, NOW, detail).outcome()).as("no fact of the test, %s", detail).isEqualTo(Outcome.APPROVED);
            assertThat(POLICY.decide(cut, NOW, detail).outcome()).as("a declared fact, looked up, %s", detail).isEqualTo(Outcome.REJECTED);
        }
    }

    @Test
    void everyStandardFactAndPieceOfEvidenceHasABitOfItsOwn() {
        assertThat(Fact.values().length).isLessThanOrEqualTo(Long.SIZE);
        assertThat(Evidence.values().length).isLessThanOrEqualTo(Long.SIZE);
        for (Fact f : Fact.values()) {
            assertThat(Request.Words.bits(Set.of(f.wire()), Fact.class)).isEqualTo(1L << f.ordinal());
        }
    }

    @Test
    void onlyAWordWrittenExactlyAsItsStandardWordCountsAsStandard() {
        Request.Words loose = new Request.Words("defective", Set.of(), Set.of("Normal_Wear"));

        assertThat(loose.standard()).isFalse();
        assertThat(loose.factBits()).isZero();
        assertThatThrownBy(() -> new Request.Words("defective", Set.of(), Set.of("normal_wear"), true, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bits");
    }

    @Test
    void aClaimIsReadableByAnyPolicyOnlyWithStandardWordsAndNoAttributes() {
        assertThat(claimWith(List.of("normal_wear"), List.of("photo")).readableByAnyPolicy()).isTrue();
        assertThat(claimWith(List.of("tags_cut_off"), List.of()).readableByAnyPolicy()).as("a declared fact").isFalse();
        assertThat(Claims.aReturn().reason("lost_in_mail").build().readableByAnyPolicy()).as("a declared reason").isFalse();
        assertThat(Claims.aReturn().orderLine("S1", "servo", "100.00", 1).claiming("S1", 1, "refurbished").build().readableByAnyPolicy())
                .as("a declared condition").isFalse();
        assertThat(Claims.aReturn().with("request.attributes", Map.of("channel_note", "x")).build().readableByAnyPolicy())
                .as("a request attribute").isFalse();
        assertThat(Claims.aReturn().with("order.attributes", Map.of("payment_method", "card")).build().readableByAnyPolicy())
                .as("an order attribute").isFalse();
        assertThat(Claims.aReturn().with("order.customer", Map.of("id", "C-1", "attributes", Map.of("segment", "b2b"))).build()
                .readableByAnyPolicy()).as("a customer attribute").isFalse();
        assertThat(Claims.aReturn().orderLine("S1", "servo", "100.00", 1, Map.of("attributes", Map.of("warranty_months", "24")))
                .claiming("S1", 1, "opened_unused").build().readableByAnyPolicy()).as("a line attribute").isFalse();
    }

    private static Request withReason(Request r, Reason reason, Request.Words words) {
        return new Request(r.kind(), r.submittedAt(), reason, r.lines(), r.keepsFreeGifts(), Set.of(), Set.of(), r.costs(), r.protectionPlan(),
                r.inspection(), r.rmaIssuedAt(), r.shippedBackAt(), r.returnShippingMethod(), r.preferredResolution(), words, r.attributes());
    }

    private static Request copy(Request r, Set<Evidence> evidence, Set<Fact> facts, Request.Words words) {
        return new Request(r.kind(), r.submittedAt(), r.reason(), r.lines(), r.keepsFreeGifts(), evidence, facts, r.costs(), r.protectionPlan(),
                r.inspection(), r.rmaIssuedAt(), r.shippedBackAt(), r.returnShippingMethod(), r.preferredResolution(), words, r.attributes());
    }
}

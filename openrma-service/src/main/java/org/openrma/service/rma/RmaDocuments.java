package org.openrma.service.rma;

import jakarta.validation.constraints.NotNull;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openrma.claim.Vocabulary;
import org.openrma.decision.Chooser;
import org.openrma.decision.DeductionKind;
import org.openrma.decision.Outcome;
import org.openrma.decision.Payer;
import org.openrma.decision.Resolution;
import org.openrma.decision.StepResult;
import org.openrma.service.order.OrderDocument;
import org.openrma.service.web.Wire;

/**
 * The stored claim and decision documents as the API shows them: typed views read from the JSON
 * the service stores (the engine's {@code DecisionJson} and the claim as decided), so that clients
 * see every field with its type. Amounts are decimal strings in the order's currency.
 */
public final class RmaDocuments {

    private RmaDocuments() {}

    /** How one program answered: an outcome, or not_applicable when it does not serve the claim. */
    public enum ProgramOutcome { APPROVED, NEEDS_EVIDENCE, NEEDS_REVIEW, REJECTED, NOT_APPLICABLE }

    /**
     * The components are in the order {@code DecisionJson} writes the keys, so the response's mapper writes a stored
     * decision read back (keys in PostgreSQL's order) as the very text the filing stored and answered; a filing's own
     * rendering can then serve later reads ({@link RenderedDocuments#keepFiled}).
     */
    @Schema(description = "The engine's decision on a claim under one policy version, with its explanation",
            requiredProperties = {"outcome", "resolutions", "needs_consent", "deductions", "remedies", "missing_evidence", "deadlines",
                    "policy_version", "programs", "lines", "explanation"})
    public record Decision(
            @NotNull Outcome outcome,
            @Schema(description = "the program that decided; null when no program serves the claim") String program,
            String summary,
            @NotNull @Schema(description = "the remedies offered") List<Resolution> resolutions,
            @Schema(description = "who picks among the resolutions") Chooser chosenBy,
            @Schema(description = "a substitute replacement is offered and waits for the customer's consent") boolean needsConsent,
            @Schema(description = "money back if a refund is the resolution taken", pattern = Wire.MONEY, example = "189.00") String refund,
            @Schema(description = "what was deducted from the refund, by kind (restocking_fee, free_gift, customs, shipping, handling, "
                    + "depreciation, return_logistics, return_label, bundle_discount)") @NotNull Map<String, String> deductions,
            Payer returnShippingPaidBy,
            @Schema(pattern = Wire.MONEY) String returnShippingReimbursed,
            Payer outboundShippingPaidBy,
            @NotNull List<DecisionRemedy> remedies,
            @NotNull @Schema(description = "evidence kinds still needed") List<String> missingEvidence,
            @Schema(description = "window ends and SLA due dates in the merchant's time zone, by name (ship_back_by, evidence_due_by, ...)")
            @NotNull Map<String, LocalDate> deadlines,
            @NotNull PolicyVersion policyVersion,
            @NotNull List<ProgramVerdict> programs,
            @NotNull List<LineResult> lines,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "consumer law: what grants each resolution offered, by resolution (merchant:S0-01, statute:DE:§ 312g BGB); "
                    + "only when a statutory pack applied") Map<String, List<String>> legalBasis,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "merchant rules the statute displaced; only when a statutory pack applied") List<StatutoryOverride> overrides,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "the statutory packs that applied and their routes; only when one applied") Statutory statutory,
            @NotNull @Schema(description = "the clauses that decided the outcome") List<Citation> decisiveCitations,
            @NotNull List<ExplanationStep> explanation) {

        /** Maps in {@code DecisionJson}'s order whatever order they were read in (a jsonb row reads back in PostgreSQL's). */
        public Decision {
            deductions = inWordOrder(deductions, DeductionKind.class);
            deadlines = Wire.inNameOrder(deadlines);
            legalBasis = inWordOrder(legalBasis, Resolution.class);
        }
    }

    @Schema(requiredProperties = {"rule", "provision"})
    public record StatutoryOverride(String rule, String provision, String before, String after) {}

    @Schema(requiredProperties = {"country", "packs", "routes"})
    public record Statutory(@Schema(description = "the consumer's country that selected the packs") String country,
                            @Schema(description = "policy@version of each pack composed with the merchant's policy") List<String> packs,
                            @Schema(description = "the basis of the route best for the consumer") String recommended,
                            List<StatutoryRoute> routes) {}

    @Schema(requiredProperties = {"basis", "program", "outcome"})
    public record StatutoryRoute(@Schema(example = "statute:DE:§ 312g BGB") String basis, String program, String title, Outcome outcome,
                                 @Schema(pattern = Wire.MONEY) String refund, String says) {}

    @Schema(requiredProperties = {"resolution", "set_by_agent"})
    public record DecisionRemedy(Resolution resolution, @Schema(pattern = Wire.MONEY) String value,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(example = "10") String bonusPercent, boolean setByAgent) {}

    @Schema(requiredProperties = {"policy", "version", "sha256"})
    public record PolicyVersion(String policy, String version, LocalDate effectiveFrom, String sha256) {}

    @Schema(requiredProperties = {"program", "outcome"})
    public record ProgramVerdict(String program, String title, ProgramOutcome outcome, String says) {}

    @Schema(name = "DecisionLine", requiredProperties = {"sku", "quantity", "outcome", "reasons"})
    public record LineResult(String sku, int quantity, Outcome outcome, @Schema(pattern = Wire.MONEY) String price, List<String> reasons) {}

    @Schema(requiredProperties = {"program", "rule", "result", "says", "read", "cites"})
    public record ExplanationStep(String program, String rule, @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "the SKU, for a per-line rule") String line,
                                  StepResult result, String says,
                                  @Schema(description = "the claim values the rule read, by name") Map<String, String> read,
                                  List<Citation> cites) {

        public ExplanationStep {
            read = Wire.inNameOrder(read);
        }
    }

    @Schema(requiredProperties = {"clause", "text"})
    public record Citation(@Schema(description = "the merchant's clause id") String clause, String text) {}

    /** The claim as decided: the order and the request, with the events the service added (inspection, dates). */
    @Schema(requiredProperties = {"order", "request"})
    public record Claim(OrderDocument order, RmaRequests.ClaimRequest request) {}

    /** One stored decision: when and why the claim was decided, the claim as decided and the decision (or the engine's error). */
    @Schema(requiredProperties = {"seq", "trigger", "decided_at"})
    public record StoredDecision(int seq, @Schema(example = "submitted", description = "what made the engine decide: submitted, "
            + "evidence_added, inspected, ...") String trigger, java.time.Instant decidedAt, Outcome outcome,
                                 @Schema(example = "2025-08") String policyVersion, Claim claim, Decision decision,
                                 @Schema(description = "set when the engine could not decide (the RMA went to review)") String engineError) {
        static StoredDecision of(Rmas.StoredDecision d) {
            return new StoredDecision(d.seq(), d.trigger(), d.decidedAt(),
                    d.outcome() == null ? null : org.openrma.claim.Vocabulary.parse(Outcome.class, d.outcome()).orElse(null),
                    d.policyVersion(), RmaDocuments.claim(d.claim()), RmaDocuments.decision(d.decision()), d.engineError());
        }
    }

    /** A stored decision read into its type: the one place the stored shape is read (older rows included). */
    public static Decision decision(tools.jackson.databind.JsonNode stored) {
        return stored == null || stored.isMissingNode() || stored.isNull() ? null : STORED_DECISION.readValue(stored);
    }

    /**
     * Older rows lack fields added since (needs_consent, a remedy's set_by_agent): absent reads as false or 0; a word no
     * longer in a vocabulary reads as null. A stored decision always reads.
     */
    private static final tools.jackson.databind.ObjectReader STORED_DECISION = Wire.MAPPER.readerFor(Decision.class)
            .without(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .with(tools.jackson.databind.cfg.EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);

    /**
     * The engine's decision in the shape it is stored in, for pages that show a decision not stored (a preview). Read from
     * {@code DecisionJson}'s tree, the one definition of that shape; {@code TypedDecisionAgreesWithDecisionJsonTests} holds
     * the typed document to it, field for field.
     */
    public static Decision asStored(org.openrma.decision.Decision decided) {
        return decided == null ? null : decision(org.openrma.decision.DecisionJson.toTree(decided));
    }

    static Claim claim(tools.jackson.databind.JsonNode stored) {
        return Wire.read(stored, Claim.class);
    }

    /** {@link #decision(tools.jackson.databind.JsonNode)} read straight from the stored text, without a tree between. */
    static Decision storedDecision(String json) {
        return json == null ? null : STORED_DECISION.readValue(json);
    }

    /** {@link #claim(tools.jackson.databind.JsonNode)} read straight from the stored text, without a tree between. */
    static Claim storedClaim(String json) {
        return json == null ? null : Wire.MAPPER.readValue(json, Claim.class);
    }

    /**
     * Keys in their vocabulary's order, as {@code DecisionJson} writes words (deduction kinds, resolutions); a word no
     * longer in the vocabulary (an older row) after the others, by name.
     */
    private static <E extends Enum<E> & Vocabulary, V> Map<String, V> inWordOrder(Map<String, V> map, Class<E> vocabulary) {
        if (map == null || map.size() < 2) {
            return map;
        }
        Comparator<String> byWord = Comparator.comparingInt(
                (String word) -> Vocabulary.parse(vocabulary, word).map(Enum::ordinal).orElse(Integer.MAX_VALUE));
        Map<String, V> ordered = new TreeMap<>(byWord.thenComparing(Comparator.naturalOrder()));
        ordered.putAll(map);
        return Collections.unmodifiableMap(ordered);
    }
}

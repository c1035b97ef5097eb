package org.openrma.service.rma;

import org.openrma.service.web.Input;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openrma.claim.ClaimKind;
import org.openrma.claim.Evidence;
import org.openrma.claim.Fact;
import org.openrma.claim.Finding;
import org.openrma.claim.ShippingMethod;
import org.openrma.decision.Resolution;
import org.openrma.service.order.OrderDocument;
import org.openrma.service.web.Wire;

/**
 * The request bodies of the RMA endpoints, one record each: the only declaration of what a body
 * may hold. {@code BodyChecks} checks names and JSON types against them, Bean Validation the rest,
 * and each command body turns itself into its {@link RmaCommand}. {@code version} is the RMA
 * version acted on when it is not sent as {@code If-Match}.
 */
public final class RmaRequests {

    private RmaRequests() {}

    /** Every command body carries the version it acted on (or none, when If-Match carries it). */
    public sealed interface CommandBody {
        Integer version();

        RmaCommand command();
    }

    @Schema(description = "A claim. Staff give 'order' (imported if new) or 'order_number'; a customer (token) gives only 'request'.")
    @Input
    public record FileClaim(@Schema(description = "an order already imported", example = "WEB-1001") String orderNumber,
                            @Valid @Schema(description = "the order itself, imported if new") OrderDocument order,
                            @NotNull @Valid ClaimRequest request,
                            @Schema(description = "decide under this policy instead of the merchant's (staff only)") String policy,
                            @Valid @Schema(description = "consumer law: what the buyer states about themselves where the order does not say "
                                    + "(the shop's record of the order wins)") Buyer customer) {}

    /**
     * Consumer law: who bought, as the buyer states it. The consumer law of the buyer's country applies when the
     * merchant's policy declares that market; without a country the merchant's policy decides alone.
     */
    @Schema(name = "ClaimBuyer")
    @Input
    public record Buyer(@Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166 alpha-2 code such as DE")
                        @Schema(example = "DE", description = "the country of habitual residence") String country,
                        @Schema(description = "true: bought as a private person, outside any trade or business") Boolean isConsumer) {}

    @Schema(description = "What the customer asks (the claim format's request shape)")
    @Input
    public record ClaimRequest(
            @NotNull ClaimKind kind,
            @Schema(description = "defaults to now") Instant submittedAt,
            @NotBlank @Schema(example = "changed_mind", description = "a standard reason or one the policy declares") String reason,
            @Valid @Schema(description = "the lines claimed; none means the whole order") List<ClaimLine> lines,
            Boolean keepsFreeGifts,
            @Schema(example = "[\"photo\", \"video\"]", description = "standard words or ones the policy declares") List<String> evidence,
            @Schema(description = "standard words or ones the policy declares") List<String> facts,
            @Valid ClaimCosts costs,
            @Schema(description = "the plan the order bought") String protectionPlan,
            @Valid ClaimInspection inspection,
            Instant rmaIssuedAt,
            Instant shippedBackAt,
            ShippingMethod returnShippingMethod,
            Resolution preferredResolution,
            @Schema(description = "free text for people; never read by rules") String description,
            @Schema(description = "read by policies that declare request.attributes.<name>") Map<String, Object> attributes,
            @Schema(description = "consumer law: when the consumer notified the defect") Instant noticeSentAt,
            @Schema(description = "consumer law: what the consumer asked for") StatutoryRemedy chosenRemedy,
            @PositiveOrZero @Schema(description = "consumer law: repairs or replacements already tried for this defect") Integer repairAttempts,
            @Schema(description = "consumer law (Australia): major or minor, once assessed") Failure failure) {

        public ClaimRequest {
            attributes = Wire.inNameOrder(attributes);
        }

        /** What the portal's form asks: the kind, the reason, the lines, the evidence and a description; nothing else. */
        public static ClaimRequest asked(ClaimKind kind, String reason, List<ClaimLine> lines, List<String> evidence, String description) {
            return new ClaimRequest(kind, null, reason, lines, null, evidence, null, null, null, null, null, null, null, null, description,
                    null, null, null, null, null);
        }
    }

    /** Consumer law: the remedy the consumer asks for under the statute. */
    public enum StatutoryRemedy { REPAIR, REPLACEMENT, REFUND, PRICE_REDUCTION }

    /** Consumer law (Australia): how serious the failure is. */
    public enum Failure { MAJOR, MINOR }

    @Input

    public record ClaimLine(@NotBlank @Schema(example = "KGD-IPL-X1") String sku,
                            @Positive @Schema(description = "defaults to the quantity ordered") Integer quantity,
                            @Schema(example = "unopened", description = "a standard condition or one the policy declares") String condition,
                            @Pattern(regexp = Wire.MONEY, message = Wire.MONEY_MESSAGE)
                            @Schema(pattern = Wire.MONEY, description = "consumer law: the loss in value from handling beyond testing, as the "
                                    + "inspection sets it") String diminishedValue,
                            @Pattern(regexp = Wire.MONEY, message = Wire.MONEY_MESSAGE)
                            @Schema(pattern = Wire.MONEY, description = "consumer law: a deduction for use an agent set, where the law allows one")
                            String useDeduction) {}

    @Schema(description = "Amounts incurred on this claim, decimal strings")
    @Input
    public record ClaimCosts(@Pattern(regexp = Wire.MONEY, message = Wire.MONEY_MESSAGE) @Schema(pattern = Wire.MONEY) String returnShipping,
                             @Pattern(regexp = Wire.MONEY, message = Wire.MONEY_MESSAGE) @Schema(pattern = Wire.MONEY) String returnLogistics,
                             @Pattern(regexp = Wire.MONEY, message = Wire.MONEY_MESSAGE) @Schema(pattern = Wire.MONEY) String customs,
                             @Pattern(regexp = Wire.MONEY, message = Wire.MONEY_MESSAGE) @Schema(pattern = Wire.MONEY) String handling) {}

    @Input

    public record ClaimInspection(Finding finding, Instant receivedAt) {}

    // --- commands on an RMA ---------------------------------------------------------------------

    @Schema(description = "Only the RMA version acted on, when not sent as If-Match")
    @Input
    public record CloseRequest(Integer version) implements CommandBody {
        public RmaCommand command() {
            return new RmaCommand.Close();
        }
    }

    @Input

    public record AddEvidenceRequest(Integer version, @Schema(example = "[\"packaging_photo\"]") List<Evidence> evidence, List<Fact> facts)
            implements CommandBody {
        public RmaCommand.AddEvidence command() {
            return new RmaCommand.AddEvidence(set(evidence, Evidence.class), set(facts, Fact.class));
        }
    }

    @Input

    public record ApproveRequest(Integer version, String note) implements CommandBody {
        public RmaCommand command() {
            return new RmaCommand.Approve(blankToNull(note));
        }
    }

    @Input

    public record ConsentRequest(Integer version, String note) implements CommandBody {
        public RmaCommand command() {
            return new RmaCommand.Consent(blankToNull(note));
        }
    }

    @Input

    public record RejectRequest(Integer version, @NotBlank String reason) implements CommandBody {
        public RmaCommand command() {
            return new RmaCommand.Reject(reason.strip());
        }
    }

    @Input

    public record OverrideRequest(Integer version, @NotBlank String reason) implements CommandBody {
        public RmaCommand command() {
            return new RmaCommand.Override(reason.strip());
        }
    }

    @Input

    public record CancelRequest(Integer version, String reason) implements CommandBody {
        public RmaCommand command() {
            return new RmaCommand.Cancel(blankToNull(reason));
        }
    }

    @Input

    public record ShipBackRequest(Integer version, @Schema(description = "defaults to now") Instant shippedAt,
                                  @Schema(example = "DHL") String carrier, @Schema(example = "JD0146") String tracking,
                                  @Pattern(regexp = Wire.MONEY, message = Wire.MONEY_MESSAGE)
                                  @Schema(description = "the customer's postage", example = "16.00", pattern = Wire.MONEY) String returnShippingCost)
            implements CommandBody {
        public RmaCommand command() {
            return new RmaCommand.ShipBack(shippedAt, blankToNull(carrier), blankToNull(tracking), Wire.amount(returnShippingCost));
        }
    }

    @Input

    public record ReceiveRequest(Integer version, @Schema(description = "defaults to now") Instant receivedAt) implements CommandBody {
        public RmaCommand command() {
            return new RmaCommand.Receive(receivedAt);
        }
    }

    @Input

    public record InspectRequest(Integer version,
                                 @NotNull Finding finding,
                                 @Schema(description = "facts found; firmware_modified, water_damage ... void the unit's warranty") List<Fact> facts,
                                 @Pattern(regexp = Wire.MONEY, message = Wire.MONEY_MESSAGE) @Schema(example = "0.00", pattern = Wire.MONEY) String customs,
                                 @Pattern(regexp = Wire.MONEY, message = Wire.MONEY_MESSAGE) @Schema(example = "5.00", pattern = Wire.MONEY) String handling,
                                 @Pattern(regexp = Wire.MONEY, message = Wire.MONEY_MESSAGE)
                                 @Schema(description = "carrier charges for a refused or returned-to-sender parcel", pattern = Wire.MONEY) String returnLogistics,
                                 String notes,
                                 @Valid @Schema(description = "consumer law: what the inspection sets per claimed line") List<InspectedLine> lines)
            implements CommandBody {
        public RmaCommand command() {
            return new RmaCommand.Inspect(finding, set(facts, Fact.class), Wire.amount(customs), Wire.amount(handling), blankToNull(notes),
                    Wire.amount(returnLogistics), lines == null ? List.of() : lines.stream().map(InspectedLine::assessed).toList());
        }
    }

    /** Consumer law: amounts only an inspection can set for one claimed line (absent: not assessed, and a rule needing it goes to review). */
    @Schema(name = "InspectedLine")
    @Input
    public record InspectedLine(@NotBlank @Schema(example = "KGD-IPL-X1") String sku,
                                @Pattern(regexp = Wire.MONEY, message = Wire.MONEY_MESSAGE)
                                @Schema(pattern = Wire.MONEY, description = "the loss in value from handling beyond what testing needs")
                                String diminishedValue,
                                @Pattern(regexp = Wire.MONEY, message = Wire.MONEY_MESSAGE)
                                @Schema(pattern = Wire.MONEY, description = "a deduction for use, where the law allows one") String useDeduction) {
        RmaCommand.InspectedLine assessed() {
            return new RmaCommand.InspectedLine(sku.strip(), Wire.amount(diminishedValue), Wire.amount(useDeduction));
        }
    }

    @Input

    public record ResolveRequest(Integer version,
                                 @Schema(description = "one the decision offers; omitted only for an amendment (then 'note' describes it)")
                                 Resolution resolution,
                                 @Pattern(regexp = Wire.MONEY, message = Wire.MONEY_MESSAGE)
                                 @Schema(description = "only for an RMA an agent authorized against the decision", pattern = Wire.MONEY) String refund,
                                 String replacementSerial,
                                 @Schema(example = "DHL") String outboundCarrier,
                                 @Schema(example = "JD0300") String outboundTracking,
                                 String note,
                                 @Schema(description = "exchange: the item given in exchange") String exchangeSku,
                                 @Pattern(regexp = Wire.MONEY, message = Wire.MONEY_MESSAGE)
                                 @Schema(description = "exchange: its price; the difference to what was paid is paid back or charged",
                                         pattern = Wire.MONEY) String exchangePrice) implements CommandBody {
        public RmaCommand command() {
            RmaCommand.Exchange exchange = exchangeSku != null || exchangePrice != null
                    ? new RmaCommand.Exchange(blankToNull(exchangeSku), Wire.amount(exchangePrice)) : null;
            return new RmaCommand.Resolve(resolution, Wire.amount(refund), blankToNull(replacementSerial), blankToNull(outboundCarrier),
                    blankToNull(outboundTracking), blankToNull(note), exchange);
        }
    }

    private static <E extends Enum<E>> Set<E> set(List<E> words, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        if (words != null) {
            out.addAll(words);
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

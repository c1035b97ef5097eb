package org.openrma.service.order;

import org.openrma.service.web.Input;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openrma.claim.Channel;
import org.openrma.claim.ClaimKind;
import org.openrma.claim.DeliveryStatus;
import org.openrma.claim.SalesChannel;
import org.openrma.claim.ShippingMethod;
import org.openrma.decision.Resolution;
import org.openrma.service.web.Wire;

/**
 * An order in the claim format's order shape (docs/claim-reference.md): the body of
 * {@code POST /api/v1/orders} and the {@code order} of a claim. The engine's claim reader checks
 * what a type cannot say (dates in order, currency digits, each SKU once).
 */
@Schema(description = "An order as the shop recorded it (the claim format's order shape)")
@Input
public record OrderDocument(
        @NotBlank @Schema(example = "KGD-1042", description = "the shop's order number; no spaces or URL syntax") String number,
        @NotNull Channel channel,
        @NotNull @Schema(example = "2025-08-20T10:00:00Z", description = "chooses the policy version in force") Instant placedAt,
        Instant shippedAt,
        @Schema(description = "absent: not delivered") Instant deliveredAt,
        @Schema(description = "derived from the two dates when absent") DeliveryStatus deliveryStatus,
        @NotBlank @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as USD") @Schema(example = "USD") String currency,
        @Valid Shipping shipping,
        @Valid Customer customer,
        @NotNull @Size(min = 1, message = "an order needs at least one line") @Valid @Schema(description = "at least one line; each SKU once") List<Line> lines,
        @Schema(description = "read by policies that declare order.attributes.<name>; values are text, numbers or booleans")
        Map<String, Object> attributes,
        @Schema(description = "consumer law: how the contract was made; withdrawal rights need distance or off_premises") SalesChannel salesChannel,
        @Valid @Schema(description = "consumer law: one parcel each; the withdrawal period starts when the last one arrives") List<Shipment> shipments) {

    public OrderDocument {
        attributes = Wire.inNameOrder(attributes);
    }

    /** Consumer law: one parcel of the order. */
    @Input
    @Schema(name = "OrderShipment")
    public record Shipment(@Schema(description = "absent: not delivered yet") Instant deliveredAt,
                           @Schema(description = "the lines in this parcel") List<String> skus) {}

    @Schema(name = "OrderShipping", description = "What the customer paid for shipping, and how it was sent")
    @Input
    public record Shipping(ShippingMethod method,
                           @Pattern(regexp = Wire.MONEY, message = Wire.MONEY_MESSAGE) @Schema(example = "0.00", pattern = Wire.MONEY) String amount,
                           @Pattern(regexp = Wire.MONEY, message = Wire.MONEY_MESSAGE)
                           @Schema(pattern = Wire.MONEY, description = "consumer law: the cheapest standard delivery the shop offered")
                           String cheapestStandardAmount) {}

    @Schema(name = "OrderCustomer")
    @Input
    public record Customer(String id, String email,
                           @Schema(description = "membership level fixed at purchase") String tier,
                           @Schema(description = "read by policies that declare customer.attributes.<name>") Map<String, Object> attributes,
                           @Schema(description = "earlier returns, for previous_returns conditions") List<Instant> previousReturns,
                           @Valid @Schema(description = "earlier claims, read by history conditions") List<PastClaim> history,
                           @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166 alpha-2 code such as DE")
                           @Schema(example = "DE", description = "consumer law: the buyer's country of habitual residence; selects the statutory pack")
                           String country,
                           @Schema(description = "consumer law: false for a business buyer; absent is taken as a consumer") Boolean isConsumer) {

        public Customer {
            attributes = Wire.inNameOrder(attributes);
        }
    }

    @Schema(name = "OrderPastClaim")
    @Input
    public record PastClaim(@NotNull ClaimKind kind, @NotNull Instant submittedAt, String reason, Resolution resolution, String sku,
                            String category) {}

    @Schema(name = "OrderLine")
    @Input
    public record Line(@NotBlank @Schema(example = "KGD-IPL-X1") String sku,
                       @Schema(example = "ipl_device", description = "the merchant's own word") String category,
                       @NotNull @Pattern(regexp = Wire.MONEY, message = Wire.MONEY_MESSAGE) @Schema(example = "189.00", pattern = Wire.MONEY) String unitPrice,
                       @NotNull @Positive Integer quantity,
                       @Pattern(regexp = Wire.MONEY, message = Wire.MONEY_MESSAGE)
                       @Schema(pattern = Wire.MONEY, description = "what a free gift is charged at when kept") String retailValue,
                       @Schema(description = "open words: consumable, free_gift, final_sale, ... or any word the policy tests") List<String> tags,
                       String serial,
                       @Schema(description = "read by policies that declare line.attributes.<name>") Map<String, Object> attributes,
                       @Schema(example = "Tank T2 smartwatch", description = "the product's name, shown to the customer and agents (no rule reads it)")
                       String title,
                       @Schema(example = "Black / 42 mm", description = "the variant bought, shown beside the title") String variant,
                       @Schema(example = "https://shop.example/images/tank-t2-black.png",
                               description = "a picture of the product: an http(s) URL, or a path on this service starting with /; "
                                       + "the portal shows pictures this service hosts (its Content-Security-Policy allows no other image host)")
                       String imageUrl) {

        public Line {
            attributes = Wire.inNameOrder(attributes);
        }
    }

    /** The shop reports a delivery event (POST /api/v1/orders/{number}/delivery). */
    @Schema(name = "DeliveryUpdate")
    @Input
    public record DeliveryUpdate(@Schema(description = "the order version, when not sent as If-Match (optional)") Integer version,
                                 @NotNull DeliveryStatus deliveryStatus,
                                 Instant shippedAt, Instant deliveredAt, String carrier, String tracking) {}
}

package org.openrma.service.rma;

import io.swagger.v3.oas.annotations.media.Schema;
import org.openrma.decision.Resolution;

/**
 * What the customer chose when filing, among the remedies the policy offered: a refund, store credit or an exchange; for an
 * exchange, the variant wanted, its price for the units claimed and the difference to what they paid (positive: paid back to
 * the customer; negative: the customer pays it). The agent carries it out with resolve (exchange sku and price).
 */
@Schema(description = "The resolution the customer chose in the portal; for an exchange, the variant wanted")
public record CustomerChoice(
        Resolution resolution,
        @Schema(example = "LL-SHIRT-NAVY-M") String exchangeSku,
        @Schema(example = "Linen shirt, Navy / M") String exchangeTitle,
        @Schema(example = "210.00", description = "the variant's price for the units claimed") String exchangePrice,
        @Schema(example = "-20.00", description = "what was paid minus exchange_price: positive is paid back, negative is charged") String priceDifference,
        @Schema(example = "EUR") String currency) {

    public static CustomerChoice of(Resolution resolution, String currency) {
        return new CustomerChoice(resolution, null, null, null, null, currency);
    }

    /** Who the exchange's price difference goes to: {@code back} (to the customer), {@code pay} (the customer pays) or {@code even}. */
    public String settles() {
        int sign = priceDifference == null ? 0 : new java.math.BigDecimal(priceDifference).signum();
        return sign > 0 ? "back" : sign < 0 ? "pay" : "even";
    }

    /** The price difference without its sign. */
    public String differenceAmount() {
        return priceDifference == null ? null : new java.math.BigDecimal(priceDifference).abs().toPlainString();
    }

    public boolean exchange() {
        return resolution == Resolution.EXCHANGE && exchangeSku != null;
    }
}

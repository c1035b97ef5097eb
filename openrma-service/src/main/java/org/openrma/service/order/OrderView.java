package org.openrma.service.order;

import jakarta.validation.constraints.NotNull;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.openrma.claim.Channel;
import org.openrma.claim.DeliveryStatus;
import org.openrma.claim.Vocabulary;
import org.openrma.service.web.Wire;

/** An order as the API shows it; amounts are decimal strings in {@code currency}. {@code version} is the ETag of delivery updates. */
public record OrderView(@NotNull UUID id, @NotNull String number, Channel channel, @NotNull Instant placedAt, String customerId,
                        String customerEmail, @NotNull String currency,
                        @NotNull @Schema(pattern = Wire.MONEY, example = "189.00") String merchandiseTotal,
                        @NotNull @Schema(pattern = Wire.MONEY, example = "0.00") String shippingPaid,
                        @NotNull StoredOrder.Status status, DeliveryStatus deliveryStatus,
                        Instant cancelledAt, Instant amendedAt, int version, @NotNull Instant importedAt,
                        @Schema(description = "the order as imported (the claim format's order shape)") OrderDocument document) {

    public static OrderView of(StoredOrder o) {
        return new OrderView(o.id(), o.number(), word(Channel.class, o.channel()), o.placedAt(), o.customerId(), o.customerEmail(),
                o.merchandiseTotal().getCurrencyUnit().getCode(), o.merchandiseTotal().getAmount().toPlainString(),
                o.shippingPaid().getAmount().toPlainString(), o.status(), word(DeliveryStatus.class, o.deliveryStatus()), o.cancelledAt(),
                o.amendedAt(), o.version(), o.importedAt(), Wire.read(o.document(), OrderDocument.class));
    }

    private static <E extends Enum<E> & Vocabulary> E word(Class<E> type, String wire) {
        return wire == null ? null : Vocabulary.parse(type, wire).orElse(null);
    }
}

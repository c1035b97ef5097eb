package org.openrma.service.order;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** An order as the API shows it; amounts are decimal strings in {@code currency}. {@code version} is the ETag of delivery updates. */
public record OrderView(UUID id, String number, String channel, Instant placedAt, String customerId, String customerEmail,
                        String currency, String merchandiseTotal, String shippingPaid, String status, String deliveryStatus,
                        Instant cancelledAt, Instant amendedAt, int version, Instant importedAt, JsonNode document) {

    public static OrderView of(StoredOrder o) {
        return new OrderView(o.id(), o.number(), o.channel(), o.placedAt(), o.customerId(), o.customerEmail(),
                o.merchandiseTotal().getCurrencyUnit().getCode(), o.merchandiseTotal().getAmount().toPlainString(),
                o.shippingPaid().getAmount().toPlainString(), o.status().wire(), o.deliveryStatus(), o.cancelledAt(), o.amendedAt(),
                o.version(), o.importedAt(), o.document());
    }
}

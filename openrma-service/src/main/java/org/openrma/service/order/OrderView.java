package org.openrma.service.order;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** An order as the API shows it; amounts are decimal strings in {@code currency}. */
public record OrderView(UUID id, String number, String channel, Instant placedAt, String customerId, String customerEmail,
                        String currency, String merchandiseTotal, Instant importedAt, JsonNode document) {

    public static OrderView of(StoredOrder o) {
        return new OrderView(o.id(), o.number(), o.channel(), o.placedAt(), o.customerId(), o.customerEmail(),
                o.merchandiseTotal().getCurrencyUnit().getCode(), o.merchandiseTotal().getAmount().toPlainString(), o.importedAt(),
                o.document());
    }
}

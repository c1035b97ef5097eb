package org.openrma.service.order;

import java.time.Instant;
import java.util.UUID;
import org.joda.money.Money;
import tools.jackson.databind.JsonNode;

/** An imported order: its key facts as columns, and {@code document}, the order exactly as imported (claim format). */
public record StoredOrder(
        UUID id,
        String number,
        String channel,
        Instant placedAt,
        String customerId,
        String customerEmail,
        Money merchandiseTotal,
        JsonNode document,
        Instant importedAt) {}

package org.openrma.service.order;

import java.time.Instant;
import java.util.UUID;
import org.joda.money.Money;
import tools.jackson.databind.JsonNode;

/**
 * An imported order: its key facts as columns, and {@code document}, the order in the claim format
 * (as imported, with the delivery updates the shop sent since). {@code status} is open, amended or
 * cancelled: a cancellation or amendment an agent carried out marks the order.
 */
public record StoredOrder(
        UUID id,
        String number,
        String channel,
        Instant placedAt,
        String customerId,
        String customerEmail,
        Money merchandiseTotal,
        JsonNode document,
        Instant importedAt,
        Status status,
        Instant cancelledAt,
        Instant amendedAt,
        int version) {

    public enum Status {
        OPEN, AMENDED, CANCELLED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An order as first imported: open, version 0. */
    public StoredOrder(UUID id, String number, String channel, Instant placedAt, String customerId, String customerEmail,
                       Money merchandiseTotal, JsonNode document, Instant importedAt) {
        this(id, number, channel, placedAt, customerId, customerEmail, merchandiseTotal, document, importedAt, Status.OPEN, null, null, 0);
    }

    /** What was paid for shipping the order out (the claim format's {@code shipping.amount}), zero when absent. */
    public Money shippingPaid() {
        String amount = document.path("shipping").path("amount").asString("");
        if (amount.isBlank()) {
            return Money.zero(merchandiseTotal.getCurrencyUnit());
        }
        return Money.of(merchandiseTotal.getCurrencyUnit(), new java.math.BigDecimal(amount),
                java.math.RoundingMode.HALF_UP);
    }

    /** The number an order document gives itself, or null when it is not an object with one (it is refused on import). */
    public static String numberOf(JsonNode document) {
        return document != null && document.isObject() && document.hasNonNull("number") ? document.get("number").asString() : null;
    }

    /** The buyer's country as the order states it, or null. */
    public String customerCountry() {
        return document.path("customer").path("country").asString(null);
    }

    /** Whether the order states the buyer bought as a consumer; null when it does not say. */
    public Boolean customerIsConsumer() {
        JsonNode consumer = document.path("customer").path("is_consumer");
        return consumer.isBoolean() ? consumer.asBoolean() : null;
    }

    /**
     * One line of the order as imported: SKU, category ("" when absent), unit price as written, quantity (1 when absent), and what
     * people see of it: the product's title and variant ("Black / 42 mm") and an image address, each null when the shop sent none.
     */
    public record Line(String sku, String category, String unitPrice, int quantity, String title, String variant, String imageUrl) {

        /** The name to show: the title, else the SKU. */
        public String name() {
            return title != null ? title : sku;
        }
    }

    /** The order's lines, in the document's order. */
    public java.util.List<Line> lines() {
        java.util.List<Line> lines = new java.util.ArrayList<>();
        document.path("lines").values().forEach(l -> lines.add(new Line(l.path("sku").asString(), l.path("category").asString(""),
                l.path("unit_price").asString(""), l.path("quantity").asInt(1), text(l, "title"), text(l, "variant"), text(l, "image_url"))));
        return lines;
    }

    /** The line of this SKU, if the order has one. */
    public java.util.Optional<Line> line(String sku) {
        return lines().stream().filter(l -> l.sku().equals(sku)).findFirst();
    }

    private static String text(JsonNode n, String field) {
        String s = n.path(field).asString(null);
        return s == null || s.isBlank() ? null : s;
    }

    /** When the order was placed, as its document writes it. */
    public String placedAtAsWritten() {
        return document.path("placed_at").asString(null);
    }

    /** When the order was delivered, as its document writes it; null when it was not (yet). */
    public String deliveredAtAsWritten() {
        return document.path("delivered_at").asString(null);
    }

    /** The delivery status the shop reported, or null when the order carries none (the engine derives it from the dates). */
    public String deliveryStatus() {
        return document.path("delivery_status").asString(null);
    }
}

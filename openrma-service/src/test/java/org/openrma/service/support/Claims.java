package org.openrma.service.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Claims in the REST API's claim format, modelled on the conformance scenarios (the scenario id is
 * named on each). Order numbers and serials are parameters so each test has its own.
 */
public final class Claims {

    private Claims() {}

    private static ObjectNode parse(String json) {
        return (ObjectNode) Api.JSON.readTree(json);
    }

    /** SC-049: Kingdo, unopened device, day 60 — approved, refund 189.00, ship back by 2025-11-07, refund by 2025-11-24. */
    public static ObjectNode kingdoUnopenedDay60(String orderNumber) {
        return kingdoUnopened(orderNumber, "C-7001", "ana@example.com", "KGD-IPL-X1", "ipl_device", "189.00", "2025-10-24T10:00:00Z");
    }

    /**
     * SC-049's order and request with another line and customer: one unopened {@code sku} bought for {@code price}, delivered
     * 2025-08-25, returned for a change of mind at {@code submittedAt} (day 60 is 2025-10-24, inside kingdo's window).
     */
    public static ObjectNode kingdoUnopened(String orderNumber, String customerId, String email, String sku, String category, String price,
                                            String submittedAt) {
        return parse("""
                {"order": {"number": "%s", "channel": "official_store", "placed_at": "2025-08-20T10:00:00Z",
                   "shipped_at": "2025-08-21T10:00:00Z", "delivered_at": "2025-08-25T12:00:00Z", "delivery_status": "delivered",
                   "currency": "USD", "shipping": {"method": "economy", "amount": "0.00"},
                   "customer": {"id": "%s", "email": "%s"},
                   "lines": [{"sku": "%s", "category": "%s", "unit_price": "%s", "quantity": 1}]},
                 "request": {"kind": "return", "submitted_at": "%s", "reason": "changed_mind",
                   "lines": [{"sku": "%s", "quantity": 1, "condition": "unopened"}],
                   "keeps_free_gifts": false, "evidence": [], "facts": [],
                   "costs": {"return_shipping": "16.00", "customs": "0.00"}}}
                """.formatted(orderNumber, customerId, email, sku, category, price, submittedAt, sku));
    }

    /** SC-025: KOSPET 2023 policy, watch dead on arrival, day 7, photos and return receipt — approved, replacement or refund. */
    public static ObjectNode kospetDeadOnArrival(String orderNumber, String serial) {
        return parse("""
                {"order": {"number": "%s", "channel": "official_store", "placed_at": "2024-04-08T10:00:00Z",
                   "shipped_at": "2024-04-09T11:00:00Z", "delivered_at": "2024-04-15T12:00:00Z", "delivery_status": "delivered",
                   "currency": "USD", "shipping": {"method": "flat_rate", "amount": "0.00"},
                   "customer": {"id": "C-3001", "email": "h.mueller@example.com"},
                   "lines": [{"sku": "KSP-TANK-T2", "category": "smartwatch", "unit_price": "129.99", "quantity": 1, "serial": "%s"}]},
                 "request": {"kind": "warranty", "submitted_at": "2024-04-22T10:00:00Z", "reason": "dead_on_arrival",
                   "lines": [{"sku": "KSP-TANK-T2", "quantity": 1, "condition": "opened_unused"}],
                   "keeps_free_gifts": false, "evidence": ["photo", "packaging_photo", "return_receipt"], "facts": [],
                   "costs": {"return_shipping": "30.00", "customs": "0.00"}}}
                """.formatted(orderNumber, serial));
    }

    /** SC-027: KOSPET 2023, DOA on day 2 with a photo but no packaging photo — needs evidence (packaging_photo). */
    public static ObjectNode kospetDoaWithoutPackagingPhoto(String orderNumber) {
        return parse("""
                {"order": {"number": "%s", "channel": "official_store", "placed_at": "2024-09-02T10:00:00Z",
                   "shipped_at": "2024-09-03T10:00:00Z", "delivered_at": "2024-09-09T12:00:00Z", "delivery_status": "delivered",
                   "currency": "USD", "shipping": {"method": "flat_rate", "amount": "0.00"},
                   "customer": {"id": "C-3002", "email": "li.wei@example.com"},
                   "lines": [{"sku": "KSP-IHEAL-6", "category": "smartwatch", "unit_price": "89.99", "quantity": 1}]},
                 "request": {"kind": "warranty", "submitted_at": "2024-09-11T10:00:00Z", "reason": "dead_on_arrival",
                   "lines": [{"sku": "KSP-IHEAL-6", "quantity": 1, "condition": "opened_unused"}],
                   "keeps_free_gifts": false, "evidence": ["photo"], "facts": []}}
                """.formatted(orderNumber));
    }

    /** SC-033: KOSPET 2023, custom firmware flashed — rejected. */
    public static ObjectNode kospetFirmwareFlashed(String orderNumber) {
        return parse("""
                {"order": {"number": "%s", "channel": "official_store", "placed_at": "2023-08-14T10:00:00Z",
                   "shipped_at": "2023-08-15T10:00:00Z", "delivered_at": "2023-08-21T12:00:00Z", "delivery_status": "delivered",
                   "currency": "USD", "shipping": {"method": "flat_rate", "amount": "0.00"},
                   "customer": {"id": "C-3003", "email": "sam@example.com"},
                   "lines": [{"sku": "KSP-PRIME-2", "category": "smartwatch", "unit_price": "159.99", "quantity": 1}]},
                 "request": {"kind": "warranty", "submitted_at": "2023-10-20T10:00:00Z", "reason": "defective",
                   "lines": [{"sku": "KSP-PRIME-2", "quantity": 1, "condition": "used"}],
                   "keeps_free_gifts": false, "evidence": ["video"], "facts": ["firmware_modified"]}}
                """.formatted(orderNumber));
    }

    /** A claim's order part, for importing the order on its own. */
    public static JsonNode order(ObjectNode claim) {
        return claim.get("order");
    }

    /** The claim filed against an imported order: {@code order_number} instead of the order. */
    public static ObjectNode byOrderNumber(ObjectNode claim) {
        ObjectNode c = Api.JSON.createObjectNode();
        c.put("order_number", claim.get("order").get("number").asString());
        c.set("request", claim.get("request").deepCopy());
        return c;
    }

    /** SC-004, with the servo tagged discontinued: KST Servos, defective — approved; the replacement is a substitute that needs consent. */
    public static ObjectNode kstDefectiveDiscontinuedServo(String orderNumber) {
        return parse("""
                {"order": {"number": "%s", "channel": "official_store", "placed_at": "2025-04-29T10:00:00Z",
                   "shipped_at": "2025-04-30T11:00:00Z", "delivered_at": "2025-05-05T12:00:00Z", "delivery_status": "delivered",
                   "currency": "USD", "shipping": {"method": "economy", "amount": "0.00"},
                   "customer": {"id": "C-1004", "email": "j.novak@example.com"},
                   "lines": [{"sku": "KST-BLS815", "category": "servo", "unit_price": "129.00", "quantity": 1, "tags": ["discontinued"]}]},
                 "request": {"kind": "return", "submitted_at": "2025-05-09T10:00:00Z", "reason": "defective",
                   "lines": [{"sku": "KST-BLS815", "quantity": 1, "condition": "opened_unused"}],
                   "keeps_free_gifts": false, "evidence": ["photo", "video"], "facts": []}}
                """.formatted(orderNumber));
    }

    /** SC-020: KST dealer RMA policy, parcel lost by the carrier — approved, refund or reshipment, nothing to ship back. */
    public static ObjectNode kstParcelLost(String orderNumber) {
        return parse("""
                {"order": {"number": "%s", "channel": "official_store", "placed_at": "2025-05-05T10:00:00Z",
                   "shipped_at": "2025-05-06T11:00:00Z", "delivery_status": "lost", "currency": "USD",
                   "shipping": {"method": "economy", "amount": "15.00"},
                   "customer": {"id": "C-2008", "email": "store@hobbyhub.example.com"},
                   "lines": [{"sku": "KST-MS325", "category": "servo", "unit_price": "21.50", "quantity": 6}]},
                 "request": {"kind": "not_received", "submitted_at": "2025-06-10T10:00:00Z", "reason": "not_received",
                   "lines": [{"sku": "KST-MS325", "quantity": 6, "condition": "unopened"}],
                   "keeps_free_gifts": false, "evidence": [], "facts": []}}
                """.formatted(orderNumber));
    }
}

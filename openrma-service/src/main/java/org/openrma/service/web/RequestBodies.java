package org.openrma.service.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * An example for each request body of the API, in the OpenAPI document. The bodies themselves are
 * records bound by the controllers (springdoc documents them); {@link #customizer()} adds one
 * example each. {@code OpenApiDocumentIntegrationTests} checks that every POST and PUT has one.
 */
public final class RequestBodies {

    private RequestBodies() {}

    /** A body with an example, for one operation. */
    record Described(String example) {}

    /** Every request body by "METHOD path". */
    static final Map<String, Described> BODIES = bodies();

    private static Map<String, Described> bodies() {
        Map<String, Described> m = new LinkedHashMap<>();
        m.put("POST /api/v1/rmas", new Described("""
                {"order_number": "WEB-1001",
                 "request": {"kind": "return", "reason": "changed_mind",
                             "lines": [{"sku": "KGD-IPL-X1", "quantity": 1, "condition": "unopened"}]}}"""));
        m.put("POST /api/v1/rmas/{id}/add-evidence", new Described("{\"evidence\": [\"packaging_photo\"]}"));
        m.put("POST /api/v1/rmas/{id}/approve", new Described("{\"note\": \"photos show a cracked housing\"}"));
        m.put("POST /api/v1/rmas/{id}/reject", new Described("{\"reason\": \"outside the warranty period\"}"));
        m.put("POST /api/v1/rmas/{id}/override", new Described("{\"reason\": \"long-standing customer, goodwill\"}"));
        m.put("POST /api/v1/rmas/{id}/ship-back", new Described("{\"carrier\": \"DHL\", \"tracking\": \"JD0146\"}"));
        m.put("POST /api/v1/rmas/{id}/receive", new Described("{}"));
        m.put("POST /api/v1/rmas/{id}/inspect", new Described("{\"finding\": \"no_fault_found\", \"handling\": \"5.00\"}"));
        m.put("POST /api/v1/rmas/{id}/consent", new Described("{\"note\": \"the newer model is fine\"}"));
        m.put("POST /api/v1/rmas/{id}/resolve", new Described("{\"resolution\": \"exchange\", \"exchange_sku\": \"KGD-IPL-X2\", \"exchange_price\": \"209.00\", \"outbound_tracking\": \"JD0300\"}"));
        m.put("POST /api/v1/rmas/{id}/cancel", new Described("{\"reason\": \"changed my mind\"}"));
        m.put("POST /api/v1/rmas/{id}/close", new Described("{\"version\": 4}"));
        m.put("POST /api/v1/orders", new Described("""
                {"number": "KGD-1042", "channel": "official_store", "placed_at": "2025-08-20T10:00:00Z",
                 "shipped_at": "2025-08-21T10:00:00Z", "delivered_at": "2025-08-25T12:00:00Z", "delivery_status": "delivered",
                 "currency": "USD", "shipping": {"method": "economy", "amount": "0.00"},
                 "customer": {"id": "C-7001", "email": "ana@example.com"},
                 "lines": [{"sku": "KGD-IPL-X1", "category": "ipl_device", "unit_price": "189.00", "quantity": 1,
                            "title": "IPL hair removal device X1", "variant": "Sapphire cooling / white",
                            "image_url": "https://shop.example/images/kgd-ipl-x1.png"}]}"""));
        m.put("POST /api/v1/orders/{number}/delivery", new Described("{\"delivery_status\": \"returned_to_sender\", \"carrier\": \"DHL\", \"tracking\": \"JD0146\"}"));
        m.put("PUT /api/v1/merchant", new Described("{\"version\": 0, \"webhook_url\": \"https://example.org/hooks/openrma\", \"rotate_webhook_secret\": true}"));
        m.put("PUT /api/v1/merchant/shipping", new Described("""
                {"version": 0, "carrier": "easypost", "carrier_api_key": "EZAK_your_production_key",
                 "return_addresses": [
                   {"id": "main-warehouse", "address": {"name": "Returns", "company": "My Shop", "street1": "417 Montgomery Street",
                    "city": "San Francisco", "state": "CA", "zip": "94104", "country": "US"}},
                   {"id": "repair-centre", "programs": ["repair-warranty"], "address": {"name": "Repair centre", "street1": "179 N Harbor Dr",
                    "city": "Redondo Beach", "state": "CA", "zip": "90277", "country": "US"}}]}"""));
        m.put("PUT /api/v1/merchant/products", new Described("""
                {"products": [{"id": "LL-SHIRT", "title": "Linen shirt", "currency": "EUR", "variants": [
                  {"sku": "LL-SHIRT-SAND-M", "title": "Sand / M", "price": "190.00", "in_stock": true, "image_url": "/images/products/linen-shirt-sand.svg"},
                  {"sku": "LL-SHIRT-NAVY-M", "title": "Navy / M", "price": "210.00", "in_stock": true},
                  {"sku": "LL-SHIRT-NAVY-S", "title": "Navy / S", "price": "210.00", "in_stock": false}]}]}"""));
        m.put("POST /api/v1/rmas/{id}/return-label", new Described("""
                {"from": {"name": "Ana Customer", "street1": "1 Elm St", "city": "Austin", "state": "TX", "zip": "73301", "country": "US"}}"""));
        m.put("POST /api/v1/merchant/api-keys", new Described("{\"name\": \"helpdesk\", \"role\": \"agent\"}"));
        m.put("POST /api/v1/policies", new Described("{\"file_name\": \"my-shop-2026.yaml\", \"source\": \"policy: my-shop\\n...\"}"));
        m.put("POST /api/v1/policies/drafts/replay", new Described("{\"source\": \"policy: my-shop\\n...\"}"));
        m.put("POST /api/v1/webhook-endpoints", new Described(
                "{\"url\": \"https://example.org/hooks/openrma\", \"description\": \"refunds to the ERP\", \"enabled_events\": [\"rma.created\", \"rma.status_changed\"]}"));
        m.put("PUT /api/v1/webhook-endpoints/{id}", new Described("{\"enabled_events\": [\"*\"], \"enabled\": true}"));
        m.put("POST /api/v1/webhook-endpoints/{id}/rotate-secret", new Described("{\"previous_secret_valid_hours\": 24}"));
        m.put("POST /api/v1/customer-sessions", new Described("{\"merchant\": \"my-shop\", \"order_number\": \"WEB-1001\", \"email\": \"demo.customer@example.com\"}"));
        return m;
    }

    /** Attaches each body's schema and example to its operation (replacing the untyped JSON object springdoc infers). */
    public static OpenApiCustomizer customizer() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                Described d = BODIES.get(method.name() + " " + path);
                if (d != null) {
                    attach(openApi, op, d);
                }
            }));
        };
    }

    private static void attach(OpenAPI openApi, Operation op, Described d) {
        if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
            throw new IllegalStateException("an example for an operation without a typed body: " + op.getOperationId());
        }
        Object example;
        try {
            example = io.swagger.v3.core.util.Json.mapper().readTree(d.example());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the example of " + op.getOperationId() + " is not JSON", e);
        }
        op.getRequestBody().getContent().values().forEach(media -> media.addExamples("example", new Example().value(example)));
    }
}

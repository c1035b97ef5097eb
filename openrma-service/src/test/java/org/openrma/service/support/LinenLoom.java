package org.openrma.service.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The example fashion store of {@code examples/linen-loom.yaml} (refund, exchange, store credit +10%; items must be new with
 * tags; a 3.95 label fee), as a test merchant: its policy uploaded, a shirt in four variants in its catalogue, and an order.
 */
public final class LinenLoom {

    /** Test time: inside the example policy's first version (effective 2026-01-01). */
    public static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");

    public static final Map<String, Object> CATALOGUE = Map.of("products", List.of(Map.of("id", "LL-SHIRT", "title", "Linen shirt",
            "currency", "EUR", "variants", List.of(
                    Map.of("sku", "LL-SHIRT-SAND-M", "title", "Sand / M", "price", "190.00", "in_stock", true, "image_url", "/images/products/linen-shirt-sand.svg"),
                    Map.of("sku", "LL-SHIRT-SAND-L", "title", "Sand / L", "price", "180.00", "in_stock", true, "image_url", "/images/products/linen-shirt-sand.svg"),
                    Map.of("sku", "LL-SHIRT-NAVY-M", "title", "Navy / M", "price", "210.00", "in_stock", true, "image_url", "/images/products/linen-shirt-navy.svg"),
                    Map.of("sku", "LL-SHIRT-NAVY-S", "title", "Navy / S", "price", "210.00", "in_stock", false)))));

    private LinenLoom() {}

    public static String policySource() {
        try (InputStream in = LinenLoom.class.getResourceAsStream("/seed/policies/linen-loom.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads the policy and the catalogue for the merchant; fails the test on anything but success. */
    public static void setUp(Api api, IntegrationTest.TestMerchant m) {
        Api.Response policy = api.post("/api/v1/policies", Map.of("file_name", "linen-loom.yaml", "source", policySource())).key(m.admin()).send();
        if (policy.status() != 201) {
            throw new AssertionError("policy upload failed: " + policy);
        }
        Api.Response catalogue = api.put("/api/v1/merchant/products", CATALOGUE).key(m.admin()).send();
        if (catalogue.status() != 200) {
            throw new AssertionError("catalogue upload failed: " + catalogue);
        }
    }

    /** The policy, the catalogue and {@link #order} for the merchant. */
    public static void setUpWithOrder(Api api, IntegrationTest.TestMerchant m, String number, String email, Instant now) {
        setUp(api, m);
        Api.Response imported = api.post("/api/v1/orders", order(number, email, now)).key(m.admin()).send();
        if (imported.status() != 201) {
            throw new AssertionError("order import failed: " + imported);
        }
    }

    /** An order of one sand shirt, size M, 190.00 EUR, delivered five days before {@code now}. */
    public static String order(String number, String email, Instant now) {
        return """
                {"number": "%s", "channel": "official_store", "placed_at": "%s", "shipped_at": "%s", "delivered_at": "%s",
                 "currency": "EUR", "shipping": {"method": "economy", "amount": "0.00"},
                 "customer": {"id": "C-%s", "email": "%s"},
                 "lines": [{"sku": "LL-SHIRT-SAND-M", "category": "shirt", "unit_price": "190.00", "quantity": 1, "title": "Linen shirt",
                            "variant": "Sand / M", "image_url": "/images/products/linen-shirt-sand.svg"}]}"""
                .formatted(number, now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(7)), now.minus(Duration.ofDays(5)), number, email);
    }
}

package org.openrma.service.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The request bodies of the API, for the OpenAPI document. Controllers read bodies as JSON trees
 * (so that every bad field is reported at once, with its path); the records here describe what
 * each body may hold, and {@link #customizer()} attaches each one, with an example, to its
 * operation. {@code OpenApiDocumentIntegrationTests} checks that every POST and PUT has one.
 */
public final class RequestBodies {

    private RequestBodies() {}

    // --- RMAs ---------------------------------------------------------------------------------

    @Schema(description = "A claim. Staff give 'order' (imported if new) or 'order_number'; a customer (token) gives only 'request'.")
    public record FileClaim(@Schema(description = "an order already imported") String orderNumber,
                            @Schema(description = "the order itself (the claim format's order shape), imported if new") OrderDocument order,
                            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ClaimRequest request,
                            @Schema(description = "decide under this policy instead of the merchant's (staff only)") String policy) {}

    @Schema(description = "What the customer asks (the claim format's request shape)")
    public record ClaimRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"return", "warranty", "cancellation", "amendment",
                    "not_received", "missing_items", "refused_delivery"}) String kind,
            @Schema(description = "defaults to now") Instant submittedAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "changed_mind") String reason,
            @Schema(description = "the lines claimed; none means the whole order") List<ClaimLine> lines,
            Boolean keepsFreeGifts,
            @Schema(example = "[\"photo\", \"video\"]") List<String> evidence,
            List<String> facts,
            @Schema(description = "decimal strings by kind: return_shipping, return_logistics, customs, handling") Map<String, String> costs,
            String preferredResolution,
            String returnShippingMethod,
            String protectionPlan) {}

    public record ClaimLine(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String sku,
                            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer quantity,
                            @Schema(example = "unopened") String condition) {}

    @Schema(description = "The RMA version acted on, when not sent as If-Match")
    public record Versioned(Integer version) {}

    public record AddEvidence(Integer version, @Schema(example = "[\"packaging_photo\"]") List<String> evidence, List<String> facts) {}

    public record Note(Integer version, String note) {}

    public record Reason(Integer version, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reason) {}

    public record CancelReason(Integer version, String reason) {}

    public record ShipBack(Integer version, @Schema(description = "defaults to now") Instant shippedAt, String carrier, String tracking,
                           @Schema(description = "the customer's postage, a decimal string", example = "16.00") String returnShippingCost) {}

    public record Receive(Integer version, @Schema(description = "defaults to now") Instant receivedAt) {}

    public record Inspect(Integer version,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "no_fault_found") String finding,
                          @Schema(description = "facts found, e.g. firmware_modified, water_damage (these void the unit's warranty)") List<String> facts,
                          @Schema(example = "0.00") String customs, String handling,
                          @Schema(description = "carrier charges for a refused or returned-to-sender parcel") String returnLogistics,
                          String notes) {}

    public record Resolve(Integer version,
                          @Schema(description = "one the decision offers; omitted only for an amendment (then 'note' describes it)",
                                  example = "refund") String resolution,
                          @Schema(description = "only for an RMA an agent authorized against the decision") String refund,
                          String replacementSerial, String outboundCarrier, String outboundTracking, String note,
                          @Schema(description = "exchange: the item given in exchange") String exchangeSku,
                          @Schema(description = "exchange: its price; the difference to what was paid is paid back or charged") String exchangePrice) {}

    // --- orders -------------------------------------------------------------------------------

    @Schema(description = "An order in the claim format's order shape")
    public record OrderDocument(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String number,
                                @Schema(example = "official_store") String channel,
                                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant placedAt,
                                Instant shippedAt, Instant deliveredAt,
                                @Schema(allowableValues = {"not_shipped", "in_transit", "delivered", "refused", "returned_to_sender", "lost"})
                                String deliveryStatus,
                                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "USD") String currency,
                                Shipping shipping, Customer customer,
                                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<OrderLine> lines) {}

    public record Shipping(@Schema(example = "economy") String method, @Schema(example = "0.00") String amount) {}

    public record Customer(String id, String email, String tier, Integer previousReturns, Map<String, String> attributes) {}

    public record OrderLine(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String sku, String category,
                            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "189.00") String unitPrice,
                            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer quantity,
                            String retailValue, List<String> tags, String serial, Map<String, String> attributes) {}

    public record DeliveryUpdate(@Schema(description = "the order version, when not sent as If-Match (optional)") Integer version,
                                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                         allowableValues = {"not_shipped", "in_transit", "delivered", "refused", "returned_to_sender", "lost"})
                                 String deliveryStatus,
                                 Instant shippedAt, Instant deliveredAt, String carrier, String tracking) {}

    // --- merchant, policies, customers -----------------------------------------------------------

    @Schema(description = "Any of the settings; the PUT needs the merchant's version (If-Match or 'version'). Secrets are write-only.")
    public record MerchantSettings(Integer version, String name, String policy, @Schema(example = "Europe/Berlin") String timeZone,
                                   String supportEmail, String webhookUrl,
                                   @Schema(description = "write-only; at least 24 characters", writeOnly = true) String webhookSecret,
                                   @Schema(description = "generate a new webhook secret, shown once in this response") Boolean rotateWebhookSecret,
                                   String smtpHost, Integer smtpPort, String smtpUsername,
                                   @Schema(description = "write-only, stored encrypted", writeOnly = true) String smtpPassword,
                                   String smtpFrom, Boolean smtpStarttls) {}

    public record NewApiKey(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"agent", "admin"}) String role) {}

    public record PolicyUpload(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "my-shop-2026.yaml") String fileName,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the policy YAML") String source) {}

    public record DraftReplay(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "a draft policy YAML") String source) {}

    public record CustomerSession(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "my-shop") String merchant,
                                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "WEB-1001") String orderNumber,
                                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "demo.customer@example.com") String email) {}

    /** A body with an example, for one operation. */
    record Described(Class<?> type, String example) {}

    /** Every request body by "METHOD path". */
    static final Map<String, Described> BODIES = bodies();

    /** The record documenting the body of an operation ({@code "POST /api/v1/rmas"}), or null. */
    public static Class<?> typeOf(String operation) {
        Described d = BODIES.get(operation);
        return d == null ? null : d.type();
    }

    private static Map<String, Described> bodies() {
        Map<String, Described> m = new LinkedHashMap<>();
        m.put("POST /api/v1/rmas", new Described(FileClaim.class, """
                {"order_number": "WEB-1001",
                 "request": {"kind": "return", "reason": "changed_mind",
                             "lines": [{"sku": "KGD-IPL-X1", "quantity": 1, "condition": "unopened"}]}}"""));
        m.put("POST /api/v1/rmas/{id}/add-evidence", new Described(AddEvidence.class, "{\"evidence\": [\"packaging_photo\"]}"));
        m.put("POST /api/v1/rmas/{id}/approve", new Described(Note.class, "{\"note\": \"photos show a cracked housing\"}"));
        m.put("POST /api/v1/rmas/{id}/reject", new Described(Reason.class, "{\"reason\": \"outside the warranty period\"}"));
        m.put("POST /api/v1/rmas/{id}/override", new Described(Reason.class, "{\"reason\": \"long-standing customer, goodwill\"}"));
        m.put("POST /api/v1/rmas/{id}/ship-back", new Described(ShipBack.class, "{\"carrier\": \"DHL\", \"tracking\": \"JD0146\"}"));
        m.put("POST /api/v1/rmas/{id}/receive", new Described(Receive.class, "{}"));
        m.put("POST /api/v1/rmas/{id}/inspect", new Described(Inspect.class, "{\"finding\": \"no_fault_found\", \"handling\": \"5.00\"}"));
        m.put("POST /api/v1/rmas/{id}/consent", new Described(Note.class, "{\"note\": \"the newer model is fine\"}"));
        m.put("POST /api/v1/rmas/{id}/resolve", new Described(Resolve.class,
                "{\"resolution\": \"exchange\", \"exchange_sku\": \"KGD-IPL-X2\", \"exchange_price\": \"209.00\", \"outbound_tracking\": \"JD0300\"}"));
        m.put("POST /api/v1/rmas/{id}/cancel", new Described(CancelReason.class, "{\"reason\": \"changed my mind\"}"));
        m.put("POST /api/v1/rmas/{id}/close", new Described(Versioned.class, "{\"version\": 4}"));
        m.put("POST /api/v1/orders", new Described(OrderDocument.class, """
                {"number": "KGD-1042", "channel": "official_store", "placed_at": "2025-08-20T10:00:00Z",
                 "shipped_at": "2025-08-21T10:00:00Z", "delivered_at": "2025-08-25T12:00:00Z", "delivery_status": "delivered",
                 "currency": "USD", "shipping": {"method": "economy", "amount": "0.00"},
                 "customer": {"id": "C-7001", "email": "ana@example.com"},
                 "lines": [{"sku": "KGD-IPL-X1", "category": "ipl_device", "unit_price": "189.00", "quantity": 1}]}"""));
        m.put("POST /api/v1/orders/{number}/delivery", new Described(DeliveryUpdate.class,
                "{\"delivery_status\": \"returned_to_sender\", \"carrier\": \"DHL\", \"tracking\": \"JD0146\"}"));
        m.put("PUT /api/v1/merchant", new Described(MerchantSettings.class,
                "{\"version\": 0, \"webhook_url\": \"https://example.org/hooks/openrma\", \"rotate_webhook_secret\": true}"));
        m.put("POST /api/v1/merchant/api-keys", new Described(NewApiKey.class, "{\"name\": \"helpdesk\", \"role\": \"agent\"}"));
        m.put("POST /api/v1/policies", new Described(PolicyUpload.class, "{\"file_name\": \"my-shop-2026.yaml\", \"source\": \"policy: my-shop\\n...\"}"));
        m.put("POST /api/v1/policies/drafts/replay", new Described(DraftReplay.class, "{\"source\": \"policy: my-shop\\n...\"}"));
        m.put("POST /api/v1/customer-sessions", new Described(CustomerSession.class,
                "{\"merchant\": \"my-shop\", \"order_number\": \"WEB-1001\", \"email\": \"demo.customer@example.com\"}"));
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
        ResolvedSchema resolved = ModelConverters.getInstance(true).resolveAsResolvedSchema(new AnnotatedType(d.type()).resolveAsRef(true));
        if (resolved.referencedSchemas != null) {
            resolved.referencedSchemas.forEach(openApi.getComponents()::addSchemas);
        }
        Object example;
        try {
            example = io.swagger.v3.core.util.Json.mapper().readTree(d.example());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the example of " + d.type().getSimpleName() + " is not JSON", e);
        }
        MediaType media = new MediaType().schema(resolved.schema).addExamples("example", new Example().value(example));
        RequestBody body = op.getRequestBody() != null ? op.getRequestBody() : new RequestBody();
        body.setContent(new Content().addMediaType("application/json", media));
        op.setRequestBody(body);
    }
}

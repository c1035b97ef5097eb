package org.openrma.service.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The curated part of the OpenAPI document, as one table: every operation's stable operationId
 * (what generated SDKs name their methods), its tag, summary and description, its success status
 * and headers, and the problem+json errors it can answer with. A controller method that is not in
 * the table fails the document test, so a new endpoint cannot ship undocumented.
 */
public final class ApiOperations {

    private ApiOperations() {}

    /** What an operation needs beyond its method and path. */
    enum Trait {
        /** Needs the resource's version (If-Match or "version"): 412, 428, and an ETag on success. */
        VERSIONED,
        /** Answers with an ETag (the resource's version). */
        ETAG,
        /** Creates: 201 with Location. */
        CREATES,
        /** Creates something without an address of its own: 201 without Location. */
        CREATED,
        /** Answers 204 without a body. */
        NO_CONTENT,
        /** Queues work: 202 with Location (where to follow it). */
        ACCEPTED,
        /** Needs no credentials. */
        PUBLIC,
        /** Calls another service (a carrier's API), whose refusal answers 502. */
        UPSTREAM
    }

    record Described(String operationId, String tag, String summary, String description, Set<Trait> traits) {}

    static final Map<String, String> TAGS = new LinkedHashMap<>();

    /** How every paged list reads; one response schema serves both modes. */
    private static final String CURSOR = " Paged by `page` and `size` (answers `items`, `total`), or walked with a cursor: `limit` and "
            + "`starting_after`, the last id seen (answers `data`); both say `has_more`.";
    static final Map<String, Described> OPERATIONS = new LinkedHashMap<>();

    private static void tag(String name, String description) {
        TAGS.put(name, description);
    }

    private static void op(String key, String operationId, String tag, String summary, String description, Trait... traits) {
        OPERATIONS.put(key, new Described(operationId, tag, summary, description, traits.length == 0 ? Set.of() : Set.of(traits)));
    }

    static {
        tag("rmas", "Return merchandise authorizations: a claim filed on an order, decided at once by the merchant's policy, "
                + "then moved through its lifecycle by commands. Every command needs the RMA's version (If-Match or \"version\").");
        tag("orders", "Orders imported from the shop, in the claim format's order shape, with delivery events and the refund ledger.");
        tag("customer-sessions", "Customers sign in with an order number and the order's e-mail, and get a short-lived token for that order.");
        tag("merchant", "The caller's own merchant: settings (policy, time zone, webhook endpoint and secret, SMTP) and API keys. Admin only.");
        tag("policies", "The merchant's policy versions: list, upload (compiled first; refused with diagnostics), and replay a draft.");
        tag("audit", "The audit trail: who did what, when, with the state before and after. Staff only.");
        tag("deliveries", "Webhook and e-mail deliveries (the outbox) with every attempt; a dead one can be retried. Staff only.");
        tag("webhooks", "Events the service POSTs to the merchant's webhook_url (the document's webhooks section): not calls to make, "
                + "but the payloads a receiver parses, each signed in OpenRMA-Signature.");
        tag("units", "Serial-numbered units: warranty status and history. Staff only.");
        tag("webhook-endpoints", "Where the merchant's webhook events go: several endpoints, each with its URL, the event types it "
                + "takes and its own signing secret (shown once; rotated with an overlap during which both secrets sign). Admin only.");

        String rma = "/api/v1/rmas/{id}";
        op("POST /api/v1/rmas", "createRma", "rmas", "File a claim; the engine decides it at once",
                "Staff send the order (`order`, imported if new) or `order_number`, the claim's `request` and optionally `policy`. "
                        + "A customer (token) sends only `request`, on the order the token is for. `submitted_at` defaults to now. "
                        + "Answers 201 with the RMA, its `Location` and its version as `ETag`.", Trait.CREATES, Trait.ETAG);
        op("GET /api/v1/rmas", "listRmas", "rmas", "List RMAs",
                "Newest first (ties by id), filtered by status, SLA flags, creation time, customer e-mail or order number. Paged by "
                        + "`page` and `size` (answers `items` and `total`), or walked with a cursor: `limit` and `starting_after`, the "
                        + "last id seen (answers `data`); both say `has_more`. `expand=decision` embeds each RMA's latest decision.");
        op("GET " + rma, "getRma", "rmas", "Get an RMA", "The RMA with its latest decision and the claim as decided; `ETag` is its version.",
                Trait.ETAG);
        op("GET " + rma + "/decisions", "listRmaDecisions", "rmas", "List an RMA's decisions",
                "Every decision the engine made for the RMA, oldest first, with the claim it decided and what triggered it.");
        op("GET " + rma + "/history", "listRmaHistory", "rmas", "List an RMA's audit history", "The audit events of the RMA, oldest first (staff only)."
                + CURSOR);
        op("GET " + rma + "/refunds", "listRmaRefunds", "rmas", "List an RMA's ledger entries",
                "Refunds, store credit, exchange differences and shipping reimbursements recorded for the RMA.");
        op("POST " + rma + "/add-evidence", "addRmaEvidence", "rmas", "Add evidence to an RMA",
                "Evidence (and facts the customer declares) the engine asked for; the claim is decided again.", Trait.VERSIONED);
        op("POST " + rma + "/approve", "approveRma", "rmas", "Approve an RMA under review", "An agent authorizes a claim the engine left to judgement.",
                Trait.VERSIONED);
        op("POST " + rma + "/reject", "rejectRma", "rmas", "Reject an RMA", "An agent rejects a claim, giving the reason.", Trait.VERSIONED);
        op("POST " + rma + "/override", "overrideRma", "rmas", "Override a rejection",
                "The merchant's discretion: authorize a claim the policy rejected, giving the reason.", Trait.VERSIONED);
        op("POST " + rma + "/ship-back", "shipBackRma", "rmas", "Report the item shipped back",
                "The customer (or an agent) reports the parcel with its carrier, tracking number and postage.", Trait.VERSIONED);
        op("POST " + rma + "/receive", "receiveRma", "rmas", "Record the item received", "The item reached the merchant.", Trait.VERSIONED);
        op("POST " + rma + "/inspect", "inspectRma", "rmas", "Record the inspection",
                "The finding and the facts found, with costs a policy may deduct; the claim is decided again with them.", Trait.VERSIONED);
        op("POST " + rma + "/consent", "consentRma", "rmas", "Consent to a substitute replacement",
                "The customer agrees to the substitute the decision offers (`needs_consent`).", Trait.VERSIONED);
        op("POST " + rma + "/resolve", "resolveRma", "rmas", "Carry out a resolution",
                "A refund (recorded in the ledger), store credit, a replacement or repair shipped out, an exchange with its price "
                        + "difference, or an amendment described in `note`.", Trait.VERSIONED);
        op("POST " + rma + "/cancel", "cancelRma", "rmas", "Cancel an RMA", "The customer or an agent withdraws the claim.", Trait.VERSIONED);
        op("POST " + rma + "/close", "closeRma", "rmas", "Close an RMA", "Closes a resolved or rejected RMA.", Trait.VERSIONED);
        op("GET " + rma + "/return-shipping", "getRmaReturnShipping", "rmas", "Get an RMA's return shipping",
                "Where the parcel goes (the merchant's return address for the deciding program), whether a prepaid label is offered "
                        + "(`merchant_paid`, `sold`: its cost is deducted from the refund, or `none`), the label bought, and the links to the "
                        + "packing slip and the print-your-own address label.");
        op("GET " + rma + "/packing-slip", "getRmaPackingSlip", "rmas", "Download the packing slip",
                "A PDF with the RMA number as a QR code and a Code 128 barcode, the items and the return address; once authorized.");
        op("GET " + rma + "/print-your-own-label", "getRmaPrintYourOwnLabel", "rmas", "Download a print-your-own address label",
                "A 4x6 inch PDF address label with no postage: the fallback when no prepaid label is offered or the carrier refused.");
        op("POST " + rma + "/return-label", "buyRmaReturnLabel", "rmas", "Buy the return label",
                "Buys the prepaid label from the merchant's carrier (EasyPost) with the sender's address, or makes the print-your-own "
                        + "label when the merchant has no carrier account; records the tracking on the RMA and, where the policy charges the "
                        + "label's actual cost, decides the claim again with it. A carrier's refusal answers 502 and changes nothing.",
                Trait.CREATED, Trait.UPSTREAM);
        op("GET " + rma + "/return-label/pdf", "getRmaReturnLabelPdf", "rmas", "Download a print-your-own label bought",
                "The PDF of a label made here (carrier labels are at their `label_url`).");
        op("GET /api/v1/rma-lifecycle", "getRmaLifecycle", "rmas", "Get the RMA lifecycle table",
                "Every allowed (status, action) pair, the statuses it may lead to and who may take it; also as a Markdown table.");

        op("POST /api/v1/orders", "importOrder", "orders", "Import an order",
                "The order in the claim format's order shape. Answers 201 with its `Location`.", Trait.CREATES);
        op("GET /api/v1/orders", "listOrders", "orders", "List orders", "Newest first by placement time, "
                + "filtered by customer or placement time." + CURSOR + " The cursor of orders is the order number.");
        op("GET /api/v1/orders/{number}", "getOrder", "orders", "Get an order", "The order as imported, with its status and delivery status.");
        op("POST /api/v1/orders/{number}/delivery", "updateOrderDelivery", "orders", "Report a delivery event",
                "Shipped (in_transit), delivered, lost, refused or returned_to_sender, with the dates. Claims filed afterwards are "
                        + "decided on the new status. The order's version (If-Match or \"version\") is checked when given.", Trait.ETAG);
        op("GET /api/v1/orders/{number}/ledger", "getOrderLedger", "orders", "Get an order's refund ledger",
                "What was paid, refunded, credited and is still refundable, per line, with every entry and its deductions.");

        op("POST /api/v1/customer-sessions", "createCustomerSession", "customer-sessions", "Sign a customer in",
                "The merchant's slug, the order number and the order's e-mail give a token for that order and its RMAs only. "
                        + "A wrong merchant, number or e-mail all answer the same 404.", Trait.PUBLIC, Trait.CREATED);

        op("GET /api/v1/merchant", "getMerchant", "merchant", "Get the merchant's settings",
                "Secrets are never shown: `webhook_secret_set` and `smtp_password_set` say whether one is stored.", Trait.ETAG);
        op("PUT /api/v1/merchant", "updateMerchant", "merchant", "Change the merchant's settings",
                "Any of the settings; absent fields keep their value. `rotate_webhook_secret: true` generates a secret, shown once in "
                        + "this response.", Trait.VERSIONED);
        op("GET /api/v1/merchant/shipping", "getMerchantShipping", "merchant", "Get the return shipping settings",
                "Return addresses (per program) and the carrier account; the carrier's API key is never shown (`carrier_api_key_set`).",
                Trait.ETAG);
        op("PUT /api/v1/merchant/shipping", "updateMerchantShipping", "merchant", "Change the return shipping settings",
                "Return addresses (replacing the list when given) and the carrier account (`carrier: easypost` with a write-only "
                        + "`carrier_api_key`, stored encrypted; `carrier: \"\"` disconnects it). Needs the settings' version; 0 before the first save.",
                Trait.VERSIONED);
        op("GET /api/v1/merchant/products", "getProductCatalogue", "merchant", "Get the product catalogue",
                "Products with their variants (SKU, title, price, stock). The portal offers an exchange for another in-stock variant "
                        + "of the product an ordered SKU belongs to.");
        op("PUT /api/v1/merchant/products", "replaceProductCatalogue", "merchant", "Replace the product catalogue",
                "Admin only. Replaces every product and variant; each SKU once in the catalogue, prices in the product's currency. "
                        + "Every bad field is reported at once.");
        op("GET /api/v1/merchant/api-keys", "listApiKeys", "merchant", "List API keys", "Active and revoked keys, without the secrets.");
        op("POST /api/v1/merchant/api-keys", "createApiKey", "merchant", "Issue an API key", "The key is in this response, and only here.",
                Trait.CREATED);
        op("POST /api/v1/merchant/api-keys/{id}/revoke", "revokeApiKey", "merchant", "Revoke an API key",
                "The key stops working at once.", Trait.NO_CONTENT);

        op("GET /api/v1/policies", "listPolicies", "policies", "List policy versions", "Every version of the merchant's policies.");
        op("POST /api/v1/policies", "uploadPolicy", "policies", "Upload a policy version",
                "Compiled first: a policy with errors is refused with every diagnostic (file:line:col); warnings are returned.", Trait.CREATED);
        op("GET /api/v1/policies/{policy}/versions/{version}", "getPolicyVersion", "policies", "Get a policy version",
                "One version with its source.");
        op("POST /api/v1/policies/drafts/replay", "replayDraftPolicy", "policies", "Replay a draft policy",
                "Decides the merchant's stored claims again under a draft and reports what would change, as JSON "
                        + "(or a self-contained HTML page when the client accepts text/html first).");

        op("GET /api/v1/audit", "listAuditEvents", "audit", "List audit events", "Oldest first, filtered by entity; "
                + "each event's before/after is typed by its entity_type." + CURSOR);
        op("GET /api/v1/deliveries", "listDeliveries", "deliveries", "List deliveries", "Newest first, by channel and status."
                + CURSOR);
        op("GET /api/v1/deliveries/{id}", "getDelivery", "deliveries", "Get a delivery", "The message with every attempt.");
        op("POST /api/v1/deliveries/{id}/retry", "retryDelivery", "deliveries", "Retry a delivery", "A dead or pending message is sent again.");
        String endpoint = "/api/v1/webhook-endpoints/{id}";
        op("POST /api/v1/webhook-endpoints", "createWebhookEndpoint", "webhook-endpoints", "Add a webhook endpoint",
                "The URL (https, public), the event types it takes (`*` for all) and an optional description. The answer shows the "
                        + "endpoint's signing secret, the only time it is shown.", Trait.CREATES);
        op("GET /api/v1/webhook-endpoints", "listWebhookEndpoints", "webhook-endpoints", "List webhook endpoints",
                "The merchant's endpoints, newest first, without their secrets.");
        op("GET " + endpoint, "getWebhookEndpoint", "webhook-endpoints", "Get a webhook endpoint", "One endpoint, without its secret.");
        op("PUT " + endpoint, "updateWebhookEndpoint", "webhook-endpoints", "Change a webhook endpoint",
                "Any of URL, description, event types and `enabled`; absent fields keep their value. A disabled endpoint receives no "
                        + "new events; those already queued are still delivered.");
        op("DELETE " + endpoint, "deleteWebhookEndpoint", "webhook-endpoints", "Delete a webhook endpoint",
                "It receives nothing more; its deliveries still waiting are given up (dead). Past deliveries stay listed.", Trait.NO_CONTENT);
        op("POST " + endpoint + "/rotate-secret", "rotateWebhookEndpointSecret", "webhook-endpoints", "Rotate an endpoint's secret",
                "A new secret, shown in this answer only. The previous one keeps signing for `previous_secret_valid_hours` (default 24, "
                        + "at most 168; 0 ends it at once): meanwhile each delivery's OpenRMA-Signature carries one `v1` per secret.");
        op("POST " + endpoint + "/test", "sendWebhookEndpointTestEvent", "webhook-endpoints", "Send a test event",
                "Queues a `webhook_endpoint.test` event for this endpoint only (whatever its filter, even when disabled), signed like "
                        + "any other. Answers 202 with the delivery; `Location` is where to follow its attempts.", Trait.ACCEPTED);

        op("GET /api/v1/units/{serial}", "getUnit", "units", "Get a unit", "The unit's warranty status and history.");
    }

    /** The statuses every operation may answer with problem+json, and why. */
    static final Map<String, String> ERRORS = new LinkedHashMap<>();
    static final Map<String, String> VERSION_ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("400", "Malformed request: bad JSON, a broken query string, a control character in a parameter, an unknown `expand` value");
        ERRORS.put("401", "No or an invalid API key or customer token");
        ERRORS.put("403", "The caller may not do this (role, or a customer outside their order)");
        ERRORS.put("404", "Not found (or another merchant's)");
        ERRORS.put("409", "Conflicts with the current state (illegal transition, stale version, duplicate, a request with the same "
                + "Idempotency-Key still in progress)");
        ERRORS.put("413", "The body is over the configured limit (openrma.limits.max-body)");
        ERRORS.put("415", "The body is not JSON");
        ERRORS.put("422", "Invalid input: errors[] names every bad field with its path; or an Idempotency-Key reused with another body");
        ERRORS.put("429", "Over a rate limit; Retry-After says when to try again");
        VERSION_ERRORS.put("412", "If-Match names a version that is not the current one");
        VERSION_ERRORS.put("428", "No version: send If-Match or \"version\"");
    }

    public static OpenApiCustomizer customizer() {
        return openApi -> {
            components(openApi);
            openApi.setTags(new ArrayList<>(TAGS.entrySet().stream().map(e -> new Tag().name(e.getKey()).description(e.getValue())).toList()));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                String key = method.name() + " " + path;
                Described d = OPERATIONS.get(key);
                if (d == null) {
                    throw new IllegalStateException("no entry in ApiOperations for " + key);
                }
                describe(method.name(), op, d);
            }));
        };
    }

    private static void components(OpenAPI openApi) {
        var c = openApi.getComponents();
        c.addHeaders("ETag", new Header().description("The resource's version, quoted (\"3\"); send it back as If-Match")
                .schema(new StringSchema().pattern("^\"[0-9]+\"$").example("\"3\"")));
        c.addHeaders("Location", new Header().description("The path of the created resource (of a queued test event: its delivery)").schema(new StringSchema()));
        c.addHeaders("Idempotent-Replayed", new Header().description("true when this is the stored answer to an earlier request with the "
                + "same Idempotency-Key").schema(new StringSchema()._enum(List.of("true"))));
        c.addHeaders("Retry-After", new Header().description("Seconds to wait before trying again").schema(new IntegerSchema()));
        c.addParameters("IdempotencyKey", new Parameter().in("header").name("Idempotency-Key").required(false)
                .description("Any unique string (a UUID) chosen by the client: a retry with the same key and body gets the first "
                        + "answer again (with Idempotent-Replayed: true) instead of acting twice. Kept for 24 hours.")
                .schema(new StringSchema().maxLength(255).example("5f1c9a52-3b7e-4f0e-9a43-2f5d0e1c7a10")));
        c.addParameters("IfMatch", new Parameter().in("header").name("If-Match").required(false)
                .description("The version acted on, as the ETag gave it (\"3\"); a stale one answers 412. Either this or \"version\" "
                        + "in the body is required (428 otherwise).")
                .schema(new StringSchema().pattern("^(W/)?\"?[0-9]+\"?$").example("\"3\"")));
    }

    private static void describe(String method, Operation op, Described d) {
        op.setOperationId(d.operationId());
        op.setTags(List.of(d.tag()));
        op.setSummary(d.summary());
        op.setDescription(d.description());
        if (d.traits().contains(Trait.PUBLIC)) {
            op.setSecurity(List.of());
        }
        // Parameters: the shared If-Match and Idempotency-Key instead of bare strings; no Accept parameter (content negotiation).
        List<Parameter> params = new ArrayList<>();
        if (op.getParameters() != null) {
            for (Parameter p : op.getParameters()) {
                if ("header".equals(p.getIn()) && "If-Match".equalsIgnoreCase(p.getName())) {
                    params.add(new Parameter().$ref("#/components/parameters/IfMatch"));
                } else if (!("header".equals(p.getIn()) && "Accept".equalsIgnoreCase(p.getName()))) {
                    params.add(p);
                }
            }
        }
        if (method.equals("POST") && !d.traits().contains(Trait.PUBLIC)) {
            params.add(new Parameter().$ref("#/components/parameters/IdempotencyKey"));
        }
        op.setParameters(params.isEmpty() ? null : params);

        ApiResponses responses = op.getResponses();
        ApiResponse success = responses.containsKey("200") ? responses.get("200") : responses.containsKey("201") ? responses.get("201")
                : new ApiResponse();
        responses.remove("200");
        responses.remove("201");
        responses.remove("202");
        responses.remove("204");
        String code = d.traits().contains(Trait.CREATES) || d.traits().contains(Trait.CREATED) ? "201" : d.traits().contains(Trait.NO_CONTENT) ? "204"
                : d.traits().contains(Trait.ACCEPTED) ? "202" : "200";
        if (code.equals("204")) {
            success.setContent(null);
        } else if (success.getContent() != null && success.getContent().containsKey("*/*")) {
            // Controllers do not declare what they produce; they answer JSON.
            MediaType json = success.getContent().remove("*/*");
            success.getContent().addMediaType("application/json", json);
        }
        success.setDescription(switch (code) {
            case "201" -> "Created";
            case "204" -> "Done; no body";
            case "202" -> "Accepted: queued";
            default -> "OK";
        });
        Map<String, Header> headers = new TreeMap<>();
        if (d.traits().contains(Trait.CREATES) || d.traits().contains(Trait.ACCEPTED)) {
            headers.put("Location", new Header().$ref("#/components/headers/Location"));
        }
        if (d.traits().contains(Trait.ETAG) || d.traits().contains(Trait.VERSIONED)) {
            headers.put("ETag", new Header().$ref("#/components/headers/ETag"));
        }
        if (method.equals("POST") && !d.traits().contains(Trait.PUBLIC)) {
            headers.put("Idempotent-Replayed", new Header().$ref("#/components/headers/Idempotent-Replayed"));
        }
        success.setHeaders(headers.isEmpty() ? null : headers);
        ApiResponses ordered = new ApiResponses();
        ordered.addApiResponse(code, success);
        Map<String, String> errors = new TreeMap<>(ERRORS);
        if (d.traits().contains(Trait.VERSIONED) || d.operationId().equals("updateOrderDelivery")) {
            errors.putAll(VERSION_ERRORS);
        }
        if (d.traits().contains(Trait.UPSTREAM)) {
            errors.put("502", "The carrier refused or failed; detail quotes it, nothing was bought or changed, and names the "
                    + "print-your-own label to use instead");
        }
        errors.forEach((status, description) -> {
            ApiResponse r = new ApiResponse().description(description).content(new Content().addMediaType(Problems.MEDIA_TYPE,
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
            if (status.equals("429")) {
                r.addHeaderObject("Retry-After", new Header().$ref("#/components/headers/Retry-After"));
            }
            ordered.addApiResponse(status, r);
        });
        op.setResponses(ordered);
    }
}

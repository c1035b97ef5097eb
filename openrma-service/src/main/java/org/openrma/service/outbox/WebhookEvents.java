package org.openrma.service.outbox;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The webhook events the service sends, for the OpenAPI document's {@code webhooks} section: each
 * event type with its payload (an envelope around the RMA or the order) and the signature scheme.
 */
public final class WebhookEvents {

    private WebhookEvents() {}

    /** Event type → (what it announces, the schema of its {@code data}). */
    public static final Map<String, String[]> EVENTS = new LinkedHashMap<>();

    static {
        EVENTS.put("rma.created", new String[] {"An RMA was filed and decided; data is the RMA with its decision.", "RmaEventData"});
        EVENTS.put("rma.status_changed", new String[] {"An RMA moved to another status (a command, a re-decision or a deadline); "
                + "data is the RMA with previous_status and, when the claim was decided again, the decision.", "RmaEventData"});
        EVENTS.put("rma.sla_breached", new String[] {"An open RMA passed its SLA date; data is the RMA.", "RmaEventData"});
        EVENTS.put("rma.sla_due_soon", new String[] {"An open RMA's SLA date is near (sent once per RMA and SLA date); data is the RMA.",
                "RmaEventData"});
        EVENTS.put("order.delivery_updated", new String[] {"The shop reported a delivery event for an order; data is the order.", "OrderView"});
    }

    /** The event a merchant sends to one endpoint to check it ({@code POST /webhook-endpoints/{id}/test}); no filter selects it. */
    public static final String TEST_EVENT = "webhook_endpoint.test";

    static final String SIGNATURE = "`t=<unix seconds>,v1=<hex>`, where v1 is HMAC-SHA256 keyed with the endpoint's signing secret (for "
            + "the merchant's own webhook_url: its webhook secret) over `<t>.<raw body>`. After a secret rotation, until the previous "
            + "secret expires, the header carries one v1 per secret (`t=...,v1=<new>,v1=<previous>`): accept the event if any v1 "
            + "matches. Check with a constant-time comparison and refuse a `t` far from now.";

    private static final String REF = "#/components/schemas/";

    /**
     * The webhooks section, and the typed payloads of deliveries: each event type's envelope (a
     * component, also used by {@code Message}), the e-mail message, and {@code Message} itself as
     * a webhook or an e-mail delivery told apart by {@code channel}.
     */
    public static void describe(OpenAPI openApi) {
        var schemas = openApi.getComponents().getSchemas();
        schemas.put("RmaEventData", rmaEventData(schemas.get("RmaView")));
        schemas.put("WebhookTestData", new ObjectSchema().description("What a test event carries")
                .addProperty("webhook_endpoint_id", new StringSchema().format("uuid").description("the endpoint tested"))
                .addProperty("message", new StringSchema())
                .required(List.of("webhook_endpoint_id", "message")));

        Map<String, String[]> all = new LinkedHashMap<>(EVENTS);
        all.put(TEST_EVENT, new String[] {"A test event one endpoint was sent on request (POST /webhook-endpoints/{id}/test); "
                + "data names the endpoint.", "WebhookTestData"});
        // One envelope schema per kind of data: the RMA events share one, told apart by type.
        Map<String, List<String>> typesByData = new LinkedHashMap<>();
        all.forEach((type, d) -> typesByData.computeIfAbsent(d[1], k -> new java.util.ArrayList<>()).add(type));
        Discriminator byType = new Discriminator().propertyName("type");
        Schema<?> anyEvent = new Schema<>().description("Any webhook event; type says which").discriminator(byType);
        Map<String, String> envelopeOf = new LinkedHashMap<>();
        typesByData.forEach((data, types) -> {
            String name = switch (data) {
                case "RmaEventData" -> "RmaEvent";
                case "OrderView" -> "OrderEvent";
                default -> "WebhookTestEvent";
            };
            schemas.put(name, new ObjectSchema().description("The envelope of " + String.join(", ", types))
                    .addProperty("id", new StringSchema().format("uuid").description("the event id; deliveries repeat it, deduplicate on it"))
                    .addProperty("type", new StringSchema()._enum(types))
                    .addProperty("occurred_at", new StringSchema().format("date-time"))
                    .addProperty("merchant", new StringSchema().description("the merchant's slug"))
                    .addProperty("data", new Schema<>().$ref(REF + data))
                    .required(List.of("id", "type", "occurred_at", "merchant", "data")));
            anyEvent.addOneOfItem(new Schema<>().$ref(REF + name));
            types.forEach(t -> {
                byType.mapping(t, REF + name);
                envelopeOf.put(t, name);
            });
        });
        schemas.put("WebhookEvent", anyEvent);
        schemas.put("EmailMessage", new ObjectSchema().description("A customer e-mail as rendered when it was queued")
                .addProperty("to", new StringSchema().format("email"))
                .addProperty("subject", new StringSchema())
                .addProperty("body", new StringSchema())
                .addProperty("template", new StringSchema().example("rma_authorized"))
                .required(List.of("to", "subject", "body", "template")));
        messageByChannel(schemas);

        for (var e : all.entrySet()) {
            Operation op = new Operation().addTagsItem("webhooks").operationId("on_" + e.getKey().replace('.', '_')).summary(e.getKey())
                    .description(e.getValue()[0] + " Sent as a POST to each webhook endpoint that takes it (and to the merchant's own "
                            + "webhook_url), at least once (retried with backoff until a 2xx), signed in OpenRMA-Signature: " + SIGNATURE)
                    .addParametersItem(header("OpenRMA-Signature", SIGNATURE, "t=1761300000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd"))
                    .addParametersItem(header("OpenRMA-Event-Id", "the event id (as in the body)", "6f1d2c4e-8a0b-4c1d-9e2f-3a4b5c6d7e8f"))
                    .addParametersItem(header("OpenRMA-Event-Type", "the event type (as in the body)", e.getKey()))
                    .requestBody(new RequestBody().required(true).content(new Content().addMediaType("application/json",
                            new MediaType().schema(new Schema<>().$ref(REF + envelopeOf.get(e.getKey()))))))
                    .responses(new ApiResponses().addApiResponse("2XX", new ApiResponse().description("Received; any other answer is retried")));
            openApi.addWebhooks(e.getKey(), new PathItem().post(op));
        }
    }

    /**
     * The RMA as GET /rmas/{id} shows it (without the claim), with the status it left: RmaView's
     * properties copied rather than allOf, since generators mishandle a nullable $ref inside allOf.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> rmaEventData(Schema<?> rmaView) {
        ObjectSchema data = new ObjectSchema();
        data.description("The RMA as GET /rmas/{id} shows it (without the claim), the status it left and the decision when it was "
                + "decided again");
        ((Map<String, Schema>) (Map) rmaView.getProperties()).forEach(data::addProperty);
        Schema<?> none = new Schema<>();
        none.setTypes(java.util.Set.of("null"));
        data.addProperty("previous_status", new Schema<>().description("the status the RMA left; null on rma.created")
                .oneOf(List.of(new Schema<>().$ref(REF + "RmaStatus"), none)));
        java.util.List<String> required = new java.util.ArrayList<>(rmaView.getRequired());
        required.add("previous_status");
        data.setRequired(required);
        return data;
    }

    /** Message as a webhook delivery (payload: the event) or an e-mail delivery (payload: the message), by channel. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void messageByChannel(Map<String, Schema> schemas) {
        Schema<?> message = schemas.get("Message");
        Discriminator byChannel = new Discriminator().propertyName("channel");
        Schema<?> either = new Schema<>().description("An outbox message: a webhook event for one endpoint, or a customer e-mail; "
                + "channel says which").discriminator(byChannel);
        for (String[] c : List.of(new String[] {"webhook", "WebhookDelivery", "WebhookEvent", "A webhook event for one endpoint"},
                new String[] {"email", "EmailDelivery", "EmailMessage", "A customer e-mail"})) {
            ObjectSchema delivery = new ObjectSchema();
            delivery.description(c[3]);
            ((Map<String, Schema>) (Map) message.getProperties()).forEach((k, v) -> delivery.addProperty(k,
                    k.equals("channel") ? new StringSchema()._enum(List.of(c[0]))
                            : k.equals("payload") ? new Schema<>().$ref(REF + c[2]).description("what is sent") : v));
            delivery.setRequired(message.getRequired());
            schemas.put(c[1], delivery);
            either.addOneOfItem(new Schema<>().$ref(REF + c[1]));
            byChannel.mapping(c[0], REF + c[1]);
        }
        schemas.put("Message", either);
    }

    private static Parameter header(String name, String description, String example) {
        return new Parameter().in("header").name(name).required(true).description(description).schema(new StringSchema().example(example));
    }
}

package org.openrma.service.outbox;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ComposedSchema;
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

    static final String SIGNATURE = "`t=<unix seconds>,v1=<hex>`, where v1 is HMAC-SHA256 keyed with the merchant's webhook secret over "
            + "`<t>.<raw body>`. Check it with a constant-time comparison and refuse a `t` far from now.";

    public static void describe(OpenAPI openApi) {
        // Inline rather than components: generators and validators see webhooks as no use of a component (an "unused model").
        Schema<?> rmaEventData = new ComposedSchema()
                .description("The RMA as GET /rmas/{id} shows it (without the claim), the status it left and the decision when it was decided again")
                .addAllOfItem(new Schema<>().$ref("#/components/schemas/RmaView"))
                .addAllOfItem(new ObjectSchema().addProperty("previous_status", new Schema<>()
                        // a $ref, not oneOf [RmaStatus, null]: generators fail on that inside allOf; it is null on rma.created.
                        .$ref("#/components/schemas/RmaStatus").description("the status the RMA left; null on rma.created")));
        for (var e : EVENTS.entrySet()) {
            Schema<?> event = new ObjectSchema().description(e.getValue()[0])
                    .addProperty("id", new StringSchema().format("uuid").description("the event id; deliveries repeat it, deduplicate on it"))
                    .addProperty("type", new StringSchema()._enum(List.of(e.getKey())))
                    .addProperty("occurred_at", new StringSchema().format("date-time"))
                    .addProperty("merchant", new StringSchema().description("the merchant's slug"))
                    .addProperty("data", e.getValue()[1].equals("RmaEventData") ? rmaEventData
                            : new Schema<>().$ref("#/components/schemas/" + e.getValue()[1]))
                    .required(List.of("id", "type", "occurred_at", "merchant", "data"));
            Operation op = new Operation().addTagsItem("webhooks").operationId("on_" + e.getKey().replace('.', '_')).summary(e.getKey())
                    .description(e.getValue()[0] + " Sent as a POST to the merchant's webhook_url, at least once (retried with backoff "
                            + "until a 2xx), signed in OpenRMA-Signature: " + SIGNATURE)
                    .addParametersItem(header("OpenRMA-Signature", SIGNATURE, "t=1761300000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd"))
                    .addParametersItem(header("OpenRMA-Event-Id", "the event id (as in the body)", "6f1d2c4e-8a0b-4c1d-9e2f-3a4b5c6d7e8f"))
                    .addParametersItem(header("OpenRMA-Event-Type", "the event type (as in the body)", e.getKey()))
                    .requestBody(new RequestBody().required(true).content(new Content().addMediaType("application/json",
                            new MediaType().schema(event))))
                    .responses(new ApiResponses().addApiResponse("2XX", new ApiResponse().description("Received; any other answer is retried")));
            openApi.addWebhooks(e.getKey(), new PathItem().post(op));
        }
    }

    private static Parameter header(String name, String description, String example) {
        return new Parameter().in("header").name(name).required(true).description(description).schema(new StringSchema().example(example));
    }
}

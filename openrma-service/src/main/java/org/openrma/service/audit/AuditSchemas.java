package org.openrma.service.audit;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The audit event as the document describes it: one schema per entity type, told apart by
 * {@code entity_type} (a discriminator, which generated clients use to pick the class), each with
 * the typed state it records before and after. {@link AuditTrail.AuditEvent} stays one record on
 * the server; what each entity records is fixed by the code that writes it, listed here.
 */
public final class AuditSchemas {

    private AuditSchemas() {}

    private static final String REF = "#/components/schemas/";

    public static void describe(OpenAPI openApi) {
        var schemas = openApi.getComponents().getSchemas();
        Map<String, Schema<?>> states = new LinkedHashMap<>();
        states.put("rma", rmaState());
        states.put("order", merged("The order as imported (order.imported), its delivery state (order.delivery_updated), or its status "
                + "change (order.cancelled, order.amended)", schemas.get("OrderDocument"), orderChanges()));
        states.put("merchant", merged("The merchant's settings as shown (secrets never), and whether a secret changed",
                schemas.get("Settings"), new ObjectSchema()
                        .addProperty("webhook_secret_changed", new BooleanSchema())
                        .addProperty("smtp_password_changed", new BooleanSchema())));
        states.put("api_key", new ObjectSchema().description("The key's name and role (never the key)")
                .addProperty("name", new StringSchema()).addProperty("role", new StringSchema().example("agent")));
        states.put("policy_version", new Schema<>().$ref(REF + "VersionInfo"));
        states.put("staff_account", new ObjectSchema().description("The invited colleague")
                .addProperty("email", new StringSchema()).addProperty("role", new StringSchema().example("agent")));
        states.put("webhook_endpoint", new ObjectSchema().description("The endpoint's settings (never its secret)")
                .addProperty("url", new StringSchema())
                .addProperty("description", nullable(new StringSchema()))
                .addProperty("enabled_events", new ArraySchema().items(new StringSchema()))
                .addProperty("enabled", new BooleanSchema())
                .addProperty("previous_secret_valid_until", new StringSchema().format("date-time")
                        .description("after a rotation: until when the previous secret still signs")));

        Discriminator discriminator = new Discriminator().propertyName("entity_type");
        Schema<?> event = new Schema<>().description("An audit event: who did what to which entity, when, with its state before and "
                + "after. entity_type says which schema it is.").discriminator(discriminator);
        for (var e : states.entrySet()) {
            String name = pascal(e.getKey()) + "AuditEvent";
            String stateName = pascal(e.getKey()) + "AuditState";
            if (e.getValue().get$ref() == null) {
                schemas.put(stateName, e.getValue());
            }
            String stateRef = e.getValue().get$ref() != null ? e.getValue().get$ref() : REF + stateName;
            schemas.put(name, new ObjectSchema().description("An audit event about a " + e.getKey().replace('_', ' '))
                    .addProperty("id", new IntegerSchema().format("int64"))
                    .addProperty("at", new StringSchema().format("date-time"))
                    .addProperty("actor", new StringSchema().example("agent:helpdesk"))
                    .addProperty("action", new StringSchema().example(e.getKey() + ".updated"))
                    .addProperty("entity_type", new StringSchema()._enum(List.of(e.getKey())))
                    .addProperty("entity_id", new StringSchema())
                    .addProperty("before", nullableRef(stateRef, "the state before; null when the entity was created"))
                    .addProperty("after", nullableRef(stateRef, "the state after, with what the action recorded; null when it was removed"))
                    .required(List.of("id", "at", "actor", "action", "entity_type", "entity_id", "before", "after")));
            event.addOneOfItem(new Schema<>().$ref(REF + name));
            discriminator.mapping(e.getKey(), REF + name);
        }
        schemas.put("AuditEvent", event);
    }

    /** The RMA's state, and what the action recorded beside it (a command's note, reason, finding, refund ...). */
    private static Schema<?> rmaState() {
        Schema<?> s = new ObjectSchema().description("The RMA's state and what the action recorded")
                .addProperty("number", new StringSchema())
                .addProperty("status", new Schema<>().$ref(REF + "RmaStatus"))
                .addProperty("outcome", nullable(new StringSchema()))
                .addProperty("version", new IntegerSchema())
                .addProperty("ship_back_by", nullable(new StringSchema().format("date")))
                .addProperty("sla_due_by", nullable(new StringSchema().format("date")))
                .addProperty("sla_breached", new BooleanSchema())
                .addProperty("resolution", nullable(new StringSchema()))
                .addProperty("note", nullable(new StringSchema()))
                .addProperty("notes", nullable(new StringSchema()))
                .addProperty("reason", nullable(new StringSchema()))
                .addProperty("finding", new StringSchema().description("inspect"))
                .addProperty("carrier", nullable(new StringSchema()).description("ship-back"))
                .addProperty("tracking", nullable(new StringSchema()).description("ship-back"))
                .addProperty("override_of", nullable(new StringSchema()).description("override: the outcome overridden"))
                .addProperty("discretion_clauses", new ArraySchema().items(new StringSchema())
                        .description("override: the policy's discretion clauses"))
                .addProperty("deadline", nullable(new StringSchema()).description("expire: the date that ran out"))
                .addProperty("refund", money("resolve: the amount refunded"))
                .addProperty("store_credit", money("resolve: the store credit given"))
                .addProperty("return_shipping_reimbursed", money("resolve: the return postage reimbursed"))
                .addProperty("exchange", new Schema<>().$ref(REF + "ExchangeDetail"))
                .addProperty("outbound_carrier", nullable(new StringSchema()))
                .addProperty("outbound_tracking", nullable(new StringSchema()))
                .addProperty("files", new ArraySchema().description("evidence uploaded in the portal").items(new ObjectSchema().title("UploadedEvidenceFile")
                        .addProperty("name", new StringSchema()).addProperty("type", new StringSchema())
                        .addProperty("bytes", new IntegerSchema().format("int64"))));
        return s;
    }

    private static Schema<?> orderChanges() {
        return new ObjectSchema()
                .addProperty("version", new IntegerSchema())
                .addProperty("carrier", nullable(new StringSchema()))
                .addProperty("tracking", nullable(new StringSchema()))
                .addProperty("status", new StringSchema().description("order.cancelled, order.amended: the order's status").example("cancelled"))
                .addProperty("rma", new StringSchema().description("the RMA that changed the order"))
                .addProperty("change", nullable(new StringSchema()).description("order.amended: the change described"));
    }

    /** The properties of {@code base} with those of {@code more}; none required, since each action records some of them. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> merged(String description, Schema<?> base, Schema<?> more) {
        ObjectSchema s = new ObjectSchema();
        s.description(description);
        if (base != null && base.getProperties() != null) {
            base.getProperties().forEach((k, v) -> s.addProperty(k, v));
        }
        ((Map<String, Schema>) (Map) more.getProperties()).forEach((k, v) -> s.addProperty(k, s.getProperties() != null
                && s.getProperties().containsKey(k) ? s.getProperties().get(k) : v));
        return s;
    }

    private static Schema<?> money(String description) {
        return new StringSchema().pattern("^-?[0-9]+(\\.[0-9]+)?$").example("189.00").description(description);
    }

    private static Schema<?> nullable(Schema<?> s) {
        s.setTypes(new java.util.LinkedHashSet<>(List.of(s.getType() == null ? "string" : s.getType(), "null")));
        return s;
    }

    private static Schema<?> nullableRef(String ref, String description) {
        Schema<?> none = new Schema<>();
        none.setTypes(Set.of("null"));
        return new Schema<>().description(description).oneOf(List.of(new Schema<>().$ref(ref), none));
    }

    private static String pascal(String snake) {
        StringBuilder b = new StringBuilder();
        for (String part : snake.split("_")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }
}

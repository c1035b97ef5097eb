package org.openrma.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Api;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document is served and the committed copy ({@code openrma-service/openapi.json}) is
 * current. Regenerate it with {@code -Dopenapi.update=true}.
 */
class OpenApiDocumentIntegrationTests extends IntegrationTest {

    private static final Path COMMITTED = Path.of("openapi.json");

    /** What a generated SDK needs from each operation: a stable id, a tag, words, its errors as problem+json, its headers. */
    private static void everyOperationIsCurated(JsonNode doc) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (var path : doc.get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                String where = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                JsonNode o = op.getValue();
                assertThat(o.path("operationId").asString("")).as(where).matches("[a-z][A-Za-z]+").doesNotContain("_");
                assertThat(ids.add(o.get("operationId").asString())).as(where + " has a unique operationId").isTrue();
                assertThat(o.path("summary").asString("")).as(where).isNotBlank();
                assertThat(o.path("description").asString("")).as(where).isNotBlank();
                assertThat(o.path("tags").size()).as(where).isEqualTo(1);
                for (String status : java.util.List.of("400", "401", "403", "404", "422", "429")) {
                    assertThat(o.at("/responses/" + status + "/content/application~1problem+json/schema/$ref").asString(""))
                            .as(where + " " + status).isEqualTo("#/components/schemas/Problem");
                }
                if (o.path("parameters").toString().contains("IfMatch") && !where.contains("/delivery")) {
                    assertThat(o.path("responses").propertyNames()).as(where).contains("412", "428");
                    assertThat(o.at("/responses/200/headers/ETag").isMissingNode()).as(where + " answers an ETag").isFalse();
                }
                if (op.getKey().equals("post") && !path.getKey().equals("/api/v1/customer-sessions")) {
                    assertThat(o.path("parameters").toString()).as(where + " takes an Idempotency-Key").contains("IdempotencyKey");
                }
            }
        }
        assertThat(doc.at("/paths/~1api~1v1~1rmas/post/operationId").asString()).isEqualTo("createRma");
        assertThat(doc.at("/paths/~1api~1v1~1rmas/post/responses").propertyNames()).contains("201").doesNotContain("200");
        assertThat(doc.at("/paths/~1api~1v1~1rmas/post/responses/201/headers").propertyNames()).contains("Location", "ETag", "Idempotent-Replayed");
        assertThat(doc.at("/paths/~1api~1v1~1rmas~1{id}~1ship-back/post/operationId").asString()).isEqualTo("shipBackRma");
        assertThat(doc.at("/paths/~1api~1v1~1customer-sessions/post/security").isArray()).as("signing in needs no credentials").isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1customer-sessions/post/security").size()).isZero();
        assertThat(doc.get("components").get("schemas").propertyNames()).doesNotContain("JsonNode", "ObjectNode");
        // Enums in one spelling: the lifecycle's statuses and actions, API key roles.
        assertThat(doc.at("/components/schemas/RmaAction/enum").toString()).contains("\"ship_back\"").doesNotContain("SHIP_BACK", "ship-back");
        assertThat(doc.at("/components/schemas/CallerRole/enum").toString()).isEqualTo("[\"agent\",\"admin\"]");
        assertThat(doc.at("/components/schemas/RmaView/required").toString()).contains("\"decision\"", "\"status\"");
        // Webhooks: every event type with its payload and the signature header.
        assertThat(doc.get("webhooks").propertyNames()).contains("rma.created", "rma.status_changed", "rma.sla_breached", "rma.sla_due_soon",
                "order.delivery_updated");
        assertThat(doc.at("/webhooks/rma.created/post/parameters").toString()).contains("OpenRMA-Signature");
    }

    @Test
    void theServedDocumentDescribesTheApiAndMatchesTheCommittedCopy() throws Exception {
        Api.Response r = api.get("/v3/api-docs").send();
        assertThat(r.status()).isEqualTo(200);
        JsonNode doc = r.json();
        assertThat(doc.get("openapi").asString()).startsWith("3.");
        assertThat(doc.get("paths").propertyNames()).contains("/api/v1/rmas", "/api/v1/rmas/{id}/resolve", "/api/v1/orders/{number}/ledger",
                "/api/v1/customer-sessions", "/api/v1/deliveries");
        // Every POST and PUT with a body documents it: a schema with properties (snake_case, as sent) and an example.
        for (var path : doc.get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                JsonNode body = op.getValue().path("requestBody");
                if (body.isMissingNode()) {
                    continue;
                }
                String where = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                JsonNode media = body.at("/content/application~1json");
                assertThat(media.at("/examples/example/value").isMissingNode()).as(where + " has an example").isFalse();
                String ref = media.at("/schema/$ref").asString("");
                assertThat(ref).as(where + " has a typed schema").startsWith("#/components/schemas/").doesNotEndWith("/JsonNode");
                JsonNode schema = doc.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
                assertThat(schema.path("properties").propertyNames()).as(where).isNotEmpty()
                        .allSatisfy(name -> assertThat(name).matches("[a-z0-9_]+"));
            }
        }
        assertThat(doc.at("/components/schemas/RmaView/properties").propertyNames()).contains("allowed_actions", "sla_due_soon");
        everyOperationIsCurated(doc);
        String pretty = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build().writeValueAsString(Api.JSON.treeToValue(doc, java.util.Map.class)) + "\n";
        pretty = pretty.replaceAll("http://127\\.0\\.0\\.1:\\d+", "http://localhost:8080").replaceAll("http://localhost:\\d+", "http://localhost:8080");
        if (Boolean.getBoolean("openapi.update") || !Files.exists(COMMITTED)) {
            Files.writeString(COMMITTED, pretty);
        }
        assertThat(Files.readString(COMMITTED)).as("openapi.json is stale: run the tests with -Dopenapi.update=true").isEqualTo(pretty);
        assertThat(api.get("/swagger-ui/index.html").send().status()).isEqualTo(200);
    }
}

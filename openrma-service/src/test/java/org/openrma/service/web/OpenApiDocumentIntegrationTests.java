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

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

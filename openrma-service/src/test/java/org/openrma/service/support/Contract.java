package org.openrma.service.support;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The committed OpenAPI document ({@code openapi.json}) as a contract every API response the
 * integration tests receive must keep: its status is documented for its operation, the headers
 * documented for that status are there (ETag, Location, Retry-After), and its JSON body is valid
 * against the documented schema (JSON Schema 2020-12, which OpenAPI 3.1 schemas are). {@link Api}
 * checks each response it receives, so every test that calls the API also tests the document.
 */
public final class Contract {

    private static final Contract INSTANCE = load();

    private record Operation(String method, String template, Pattern pattern, int placeholders, JsonNode node) {}

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private Contract(JsonNode document) {
        this.document = document;
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String regex = "^" + path.getKey().replaceAll("\\{[^/]+}", "[^/]+") + "$";
            int placeholders = path.getKey().split("\\{", -1).length - 1;
            operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), Pattern.compile(regex), placeholders, op.getValue()));
        }));
        operations.sort(Comparator.comparingInt(Operation::placeholders));
    }

    private static Contract load() {
        try {
            return new Contract(Api.JSON.readTree(Files.readString(Path.of("openapi.json"))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Throws an AssertionError listing how the response breaks the document; requests outside the documented API are not checked. */
    public static void check(String method, String uri, Api.Response response) {
        List<String> problems = INSTANCE.problems(method, uri, response);
        if (!problems.isEmpty()) {
            throw new AssertionError("the response to " + method + " " + uri + " breaks openapi.json: " + String.join("; ", problems)
                    + "\n  response: " + response);
        }
    }

    List<String> problems(String method, String uri, Api.Response response) {
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        Operation op = operations.stream().filter(o -> o.method().equals(method) && o.pattern().matcher(path).matches()).findFirst().orElse(null);
        List<String> problems = new ArrayList<>();
        if (op == null) {
            return problems;
        }
        String where = method + " " + op.template();
        JsonNode documented = op.node().path("responses").path(Integer.toString(response.status()));
        if (documented.isMissingNode()) {
            documented = op.node().path("responses").path(response.status() / 100 + "XX");
        }
        if (documented.isMissingNode()) {
            problems.add("status " + response.status() + " is not documented for " + where
                    + " (documented: " + op.node().path("responses").propertyNames() + ")");
            return problems;
        }
        for (String header : documented.path("headers").propertyNames()) {
            boolean conditional = header.equals("Idempotent-Replayed");
            if (!conditional && response.header(header) == null) {
                problems.add("header " + header + " is documented for " + response.status() + " but missing");
            }
        }
        if (response.header("ETag") != null && documented.path("headers").has("ETag") && !response.header("ETag").matches("^\"[0-9]+\"$")) {
            problems.add("ETag '" + response.header("ETag") + "' is not a quoted version");
        }
        JsonNode content = documented.path("content");
        String type = response.contentType() == null ? "" : response.contentType().split(";")[0].strip();
        if (content.isMissingNode() || content.isEmpty()) {
            if (response.text() != null && !response.text().isEmpty()) {
                problems.add("a body is not documented for " + response.status() + " of " + where);
            }
            return problems;
        }
        JsonNode media = content.path(type);
        if (media.isMissingNode()) {
            problems.add("content type '" + type + "' is not documented for " + response.status() + " of " + where
                    + " (documented: " + content.propertyNames() + ")");
            return problems;
        }
        if (!type.endsWith("json") || media.path("schema").isMissingNode()) {
            return problems;
        }
        Schema schema = schemas.computeIfAbsent(where + " " + response.status() + " " + type, k -> schema(media.get("schema")));
        for (Error e : schema.validate(response.json())) {
            problems.add(e.getInstanceLocation() + ": " + e.getMessage());
            if (problems.size() > 10) {
                break;
            }
        }
        return problems;
    }

    /** The response schema with the document's components beside it, so that its #/components/... references resolve. */
    private Schema schema(JsonNode responseSchema) {
        ObjectNode root = Api.JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", document.get("components"));
        root.putArray("allOf").add(responseSchema);
        return registry.getSchema(root);
    }
}

package org.openrma.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A schema-driven fuzzer in the manner of Schemathesis, written in Java: it reads the running
 * service's OpenAPI document and sends thousands of requests to every operation — valid bodies
 * built from the schemas and examples, then mutated (wrong JSON types, nulls, unknown fields,
 * control characters, very long and deeply nested values, broken JSON, oversized bodies), with
 * path and query parameters from known ids and hostile strings, and with every kind of
 * credential. Every answer must be below 500, documented for its operation in the document, and
 * every error must be problem+json with its status. {@code -Dfuzz.requests=N} and
 * {@code -Dfuzz.seed=S} change the run; a failure prints the request to replay it.
 */
class OpenApiFuzzIntegrationTests extends IntegrationTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 2500);
    private static final long SEED = Long.getLong("fuzz.seed", 20261202L);

    private static final List<String> HOSTILE = List.of("", " ", "a b", "<script>", "{}|\"%", "%00", "../../etc/passwd", "ü", "😀",
            "\u0000", "\u001b[31m", "\uFEFF", "-1", "0", "99999999999999999999", "null", "true", "[]", "1e400", "x".repeat(600),
            "KGD-IPL-X1", "changed_mind", "refund", "2025-10-24T10:00:00Z", "2025-13-45", "agent", "admin", "ork_", "ct_x");

    private Random random;
    private JsonNode document;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Target(String method, String path, JsonNode operation) {}

    private record Sent(String method, String uri, Map<String, String> headers, String body) {
        @Override
        public String toString() {
            String b = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…(" + body.length() + " chars)" : body;
            return method + " " + uri + " " + headers + " " + b;
        }
    }

    @Test
    void everyFuzzedRequestIsAnsweredBelow500WithADocumentedStatus() {
        random = new Random(SEED);
        document = api.get("/v3/api-docs").send().json();
        TestMerchant m = newMerchant("kingdo");
        JsonNode claim = Claims.kingdoUnopenedDay60("FUZZ-1");
        clock.set(java.time.Instant.parse("2025-10-24T10:00:00Z"));
        JsonNode rma = submit(m, claim);
        String token = api.post("/api/v1/customer-sessions", Map.of("merchant", m.slug(), "order_number", "FUZZ-1", "email", "ana@example.com"))
                .send().json().path("token").asString();
        Map<String, List<String>> known = Map.of(
                "id", List.of(rma.get("id").asString(), java.util.UUID.randomUUID().toString()),
                "number", List.of("FUZZ-1", "KGD-DEMO-1001"),
                "serial", List.of("KSPSN-DEMO-0001"),
                "policy", List.of("kingdo"),
                "version", List.of("2025-08", "1"));
        List<String> credentials = List.of(m.admin(), m.admin(), m.admin(), m.agent(), token, "ork_not_a_key", "");

        List<Target> targets = new ArrayList<>();
        document.get("paths").properties().forEach(p -> p.getValue().properties().forEach(o ->
                targets.add(new Target(o.getKey().toUpperCase(java.util.Locale.ROOT), p.getKey(), o.getValue()))));
        assertThat(targets).hasSizeGreaterThan(30);

        Map<String, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            if (i % 400 == 399) {
                clock.advance(Duration.ofMinutes(2)); // the API's per-key limit refills, so the run is not all 429
            }
            Target t = targets.get(random.nextInt(targets.size()));
            Sent sent = build(t, known, credentials.get(random.nextInt(credentials.size())));
            HttpResponse<String> r = send(sent);
            statuses.merge(t.method() + " " + r.statusCode(), 1, Integer::sum);
            String problem = check(t, r);
            if (problem != null && failures.size() < 20) {
                failures.add(problem + "\n    request: " + sent + "\n    response: " + r.statusCode() + " "
                        + r.body().substring(0, Math.min(400, r.body().length())));
            }
        }
        System.out.println("OpenAPI fuzz: " + REQUESTS + " requests, seed " + SEED + ", answers by method and status: " + statuses);
        assertThat(failures).as("requests answered wrongly (seed " + SEED + ")").isEmpty();
        assertThat(statuses.keySet()).as("the run reached the service's logic, not only its refusals")
                .anyMatch(k -> k.endsWith(" 200")).anyMatch(k -> k.endsWith(" 201")).anyMatch(k -> k.endsWith(" 422"));
    }

    private String check(Target t, HttpResponse<String> r) {
        int status = r.statusCode();
        if (status >= 500) {
            return "a " + status + " on " + t.method() + " " + t.path();
        }
        if (!t.operation().path("responses").has(Integer.toString(status))) {
            return "status " + status + " is not documented for " + t.method() + " " + t.path();
        }
        if (status >= 400) {
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                return "a " + status + " that is not problem+json (" + type + ")";
            }
            JsonNode body = Api.JSON.readTree(r.body());
            if (body.path("status").asInt() != status || !body.path("type").asString("").startsWith("urn:openrma:problem:")) {
                return "a problem whose status or type does not match";
            }
        }
        return null;
    }

    // --- building a request ---------------------------------------------------------------------------

    private Sent build(Target t, Map<String, List<String>> known, String credential) {
        String path = t.path();
        StringBuilder query = new StringBuilder();
        for (JsonNode p : t.operation().path("parameters").values()) {
            String name = p.path("name").asString();
            String in = p.path("in").asString();
            if (in.equals("path")) {
                List<String> values = known.getOrDefault(name, List.of("x"));
                String v = random.nextInt(4) > 0 ? values.get(random.nextInt(values.size())) : pick(HOSTILE);
                path = path.replace("{" + name + "}", v.isEmpty() ? "x" : encode(v));
            } else if (in.equals("query") && random.nextBoolean()) {
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(encode(scalar(p.path("schema"))));
            }
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (!credential.isEmpty()) {
            headers.put("Authorization", "Bearer " + credential);
        }
        if (random.nextInt(5) == 0) {
            headers.put("Idempotency-Key", random.nextInt(10) == 0 ? "k".repeat(300) : "fuzz-" + random.nextInt(50));
        }
        if (random.nextInt(5) == 0) {
            headers.put("If-Match", pick(List.of("\"0\"", "\"1\"", "W/\"0\"", "abc", "\"-1\"", "\"99999999999\"")));
        }
        String body = null;
        JsonNode content = t.operation().path("requestBody").path("content").path("application/json");
        if (!content.isMissingNode()) {
            body = body(content);
        } else if (!t.method().equals("GET") && random.nextInt(4) == 0) {
            body = "{}";
        }
        return new Sent(t.method(), path + query, headers, body);
    }

    private String body(JsonNode content) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return pick(List.of("{", "[]", "null", "\"text\"", "42", "{\"a\":", "{\"a\" 1}", "\u0000", "{}"));
        }
        if (kind == 1) {
            return "[".repeat(5000) + "]".repeat(5000);
        }
        if (kind == 2) {
            return "{\"source\": \"" + "a".repeat(1_100_000) + "\"}";
        }
        JsonNode example = content.path("examples").path("example").path("value");
        JsonNode value = kind < 10 && !example.isMissingNode() ? mutate(example.deepCopy()) : generate(content.path("schema"), 0);
        return Api.JSON.writeValueAsString(value);
    }

    /** The documented example with one value replaced by something hostile. */
    private JsonNode mutate(JsonNode example) {
        if (example instanceof ObjectNode o && !o.isEmpty()) {
            List<String> names = new ArrayList<>(o.propertyNames());
            String name = names.get(random.nextInt(names.size()));
            if (random.nextInt(3) == 0 && o.get(name).isContainer()) {
                mutate(o.get(name));
            } else {
                o.set(name, wrong());
            }
            if (random.nextInt(5) == 0) {
                o.put("unexpected_" + random.nextInt(9), "x");
            }
        } else if (example instanceof ArrayNode a && !a.isEmpty()) {
            int i = random.nextInt(a.size());
            if (a.get(i).isContainer()) {
                mutate(a.get(i));
            } else {
                a.set(i, wrong());
            }
        }
        return example;
    }

    private JsonNode generate(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (depth > 6 || random.nextInt(12) == 0) {
            return wrong();
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asString() : schema.path("type").asString("object");
        switch (type) {
            case "object" -> {
                ObjectNode o = F.objectNode();
                schema.path("properties").properties().forEach(p -> {
                    if (random.nextInt(10) < 7) {
                        o.set(p.getKey(), generate(p.getValue(), depth + 1));
                    }
                });
                if (schema.has("additionalProperties") && random.nextBoolean()) {
                    o.set("k" + random.nextInt(5), generate(schema.path("additionalProperties"), depth + 1));
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = F.arrayNode();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    a.add(generate(schema.path("items"), depth + 1));
                }
                return a;
            }
            case "integer" -> {
                return F.numberNode(pick(List.of(0, 1, 2, -1, 100, Integer.MAX_VALUE)));
            }
            case "number" -> {
                return F.numberNode(random.nextDouble() * 1000);
            }
            case "boolean" -> {
                return F.booleanNode(random.nextBoolean());
            }
            default -> {
                return F.stringNode(scalar(schema));
            }
        }
    }

    /** A value of a random wrong kind. */
    private JsonNode wrong() {
        return switch (random.nextInt(9)) {
            case 0 -> F.nullNode();
            case 1 -> F.arrayNode().add("x").add(F.objectNode());
            case 2 -> F.objectNode().put("kind", "photo");
            case 3 -> F.numberNode(random.nextInt(2000) - 1000);
            case 4 -> F.booleanNode(true);
            case 5 -> F.stringNode("x".repeat(pick(List.of(501, 10_001, 720_000))));
            case 6 -> {
                JsonNode deep = F.stringNode("x");
                for (int i = 0; i < 40; i++) {
                    deep = F.arrayNode().add(deep);
                }
                yield deep;
            }
            default -> F.stringNode(pick(HOSTILE));
        };
    }

    private String scalar(JsonNode schema) {
        schema = resolve(schema);
        if (schema.has("enum") && random.nextInt(3) > 0) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size())).asString();
        }
        if (schema.has("example") && random.nextBoolean()) {
            return schema.get("example").asString();
        }
        String format = schema.path("format").asString("");
        String type = schema.path("type").asString("string");
        if (random.nextInt(3) == 0) {
            return pick(HOSTILE);
        }
        return switch (format.isEmpty() ? type : format) {
            case "date-time" -> pick(List.of("2025-10-24T10:00:00Z", "2025-10-24T10:00:00+02:00", "2025-10-24"));
            case "date" -> pick(List.of("2025-10-24", "2025-02-30", "24.10.2025"));
            case "int32", "int64", "integer" -> pick(List.of("0", "1", "20", "100", "101", "-5", "2147483648", "abc"));
            case "boolean" -> pick(List.of("true", "false", "maybe"));
            case "uuid" -> java.util.UUID.randomUUID().toString();
            default -> pick(List.of("kingdo", "FUZZ-1", "authorized", "ana@example.com", "refund", "KGD-IPL-X1", "webhook"));
        };
    }

    private JsonNode resolve(JsonNode schema) {
        for (int i = 0; i < 10 && schema.has("$ref"); i++) {
            String ref = schema.get("$ref").asString();
            schema = document.at(ref.substring(1));
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            JsonNode options = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
            return resolve(options.get(random.nextInt(options.size())));
        }
        return schema;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpResponse<String> send(Sent s) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + s.uri())).timeout(Duration.ofSeconds(30))
                .method(s.method(), s.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(s.body()));
        if (s.body() != null) {
            b.header("Content-Type", "application/json");
        }
        s.headers().forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("sending " + s, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

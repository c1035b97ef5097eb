package org.openrma.service.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the API under test: real HTTP on the random port. */
public final class Api {

    public static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Response(int status, Map<String, String> headers, String text) {
        public JsonNode json() {
            return text == null || text.isEmpty() ? JSON.missingNode() : JSON.readTree(text);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        public String contentType() {
            return header("content-type");
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    public Request get(String path) {
        return new Request("GET", path, null);
    }

    public Request post(String path, Object body) {
        return new Request("POST", path, body instanceof String s ? s : JSON.writeValueAsString(body));
    }

    public Request put(String path, Object body) {
        return new Request("PUT", path, body instanceof String s ? s : JSON.writeValueAsString(body));
    }

    public Request request(String method, String path, String body) {
        return new Request(method, path, body);
    }

    public final class Request {
        private final String method;
        private final String path;
        private final String body;
        private final Map<String, String> headers = new LinkedHashMap<>();

        Request(String method, String path, String body) {
            this.method = method;
            this.path = path;
            this.body = body;
        }

        public Request key(String key) {
            if (key != null) {
                headers.put("Authorization", "Bearer " + key);
            }
            return this;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        private boolean checkContract = true;

        /** For a test that sends what no client of the document would (the fuzzer checks its answers itself). */
        public Request unchecked() {
            checkContract = false;
            return this;
        }

        public Request ifMatch(int version) {
            return header("If-Match", "\"" + version + "\"");
        }

        public Request idempotencyKey(String key) {
            return header("Idempotency-Key", key);
        }

        public Response send() {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            headers.forEach(b::header);
            try {
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                Map<String, String> h = new LinkedHashMap<>();
                r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
                Response response = new Response(r.statusCode(), h, r.body());
                if (checkContract) {
                    Contract.check(method, path, response);
                }
                return response;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

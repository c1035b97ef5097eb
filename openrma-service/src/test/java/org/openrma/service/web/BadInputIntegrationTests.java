package org.openrma.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One test per input the independent fuzz run answered with a 500 (or accepted when it should not
 * have): each is now a 4xx problem+json naming the field (or the styled page for the web UI), and
 * nothing is stored.
 */
class BadInputIntegrationTests extends IntegrationTest {

    private static void assertProblem(Api.Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("type").asString()).startsWith("urn:openrma:problem:");
        assertThat(p.get("errors").valueStream().map(e -> e.get("field").asString())).as(r.toString()).contains(field);
    }

    private static ObjectNode line(ObjectNode claim) {
        return (ObjectNode) claim.get("request").get("lines").get(0);
    }

    private int orderCount(TestMerchant m) {
        return jdbc.sql("select count(*) from customer_order where merchant_id = ?").param(m.id()).query(Integer.class).single();
    }

    // --- JSON values of the wrong type -----------------------------------------------------------

    @Test
    void aListWhereTheSkuShouldBeIsA422NamingTheField() {
        TestMerchant m = newMerchant("kingdo");
        ObjectNode claim = Claims.kingdoUnopenedDay60("KGD-T1");
        line(claim).putArray("sku");

        assertProblem(api.post("/api/v1/rmas", claim).key(m.agent()).send(), 422, "request.lines[0].sku");
        assertThat(orderCount(m)).isZero();
    }

    @Test
    void textWhereTheQuantityShouldBeIsA422NamingTheField() {
        TestMerchant m = newMerchant("kingdo");
        ObjectNode claim = Claims.kingdoUnopenedDay60("KGD-T2");
        line(claim).put("quantity", "x");

        assertProblem(api.post("/api/v1/rmas", claim).key(m.agent()).send(), 422, "request.lines[0].quantity");
        assertThat(orderCount(m)).isZero();
    }

    @Test
    void anEvidenceEntryThatIsAnObjectIsA422NamingTheEntry() {
        TestMerchant m = newMerchant("kingdo");
        ObjectNode claim = Claims.kingdoUnopenedDay60("KGD-T3");
        ((ObjectNode) claim.get("request")).putArray("evidence").add("photo").addObject().put("kind", "photo");

        assertProblem(api.post("/api/v1/rmas", claim).key(m.agent()).send(), 422, "request.evidence[1]");
    }

    @Test
    void wrongTypesInTheOrderAndInCommandsAreNamedToo() {
        TestMerchant m = newMerchant("kingdo");
        ObjectNode order = (ObjectNode) Claims.kingdoUnopenedDay60("KGD-T4").get("order").deepCopy();
        ((ObjectNode) order.get("lines").get(0)).putObject("unit_price");
        order.put("placed_at", 20250101);
        Api.Response r = api.post("/api/v1/orders", order).key(m.agent()).send();
        assertProblem(r, 422, "lines[0].unit_price");
        assertProblem(r, 422, "placed_at");

        assertProblem(api.put("/api/v1/merchant", Map.of("version", List.of(0))).key(m.admin()).send(), 422, "version");
        assertProblem(api.post("/api/v1/customer-sessions", Map.of("merchant", m.slug(), "order_number", Map.of(), "email", "a@b.c")).send(),
                422, "order_number");
    }

    // --- order numbers that cannot appear in a URL ---------------------------------------------------

    @Test
    void anOrderNumberWithASpaceOrUrlSyntaxIsRefusedBeforeAnythingIsStored() {
        TestMerchant m = newMerchant("kingdo");
        for (String number : List.of("KGD 1", "KGD<1>", "KGD{1}", "KGD%1", "KGD\"1", "KGD|1", "KGD/1", "KGD#1")) {
            ObjectNode claim = Claims.kingdoUnopenedDay60("X");
            ((ObjectNode) claim.get("order")).put("number", number);
            assertProblem(api.post("/api/v1/rmas", claim).key(m.agent()).send(), 422, "order.number");
            assertProblem(api.post("/api/v1/orders", claim.get("order")).key(m.agent()).send(), 422, "number");
        }
        assertThat(orderCount(m)).isZero();
    }

    @Test
    void anImportedOrderIsLocatedByAnEncodedUrl() {
        TestMerchant m = newMerchant("kingdo");
        Api.Response r = api.post("/api/v1/orders", Claims.kingdoUnopenedDay60("KGD-2025.07:1_a").get("order")).key(m.agent()).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.header("Location")).isEqualTo("/api/v1/orders/KGD-2025.07:1_a");
        assertThat(api.get(r.header("Location")).key(m.agent()).send().status()).isEqualTo(200);
    }

    // --- control characters and lengths ------------------------------------------------------------

    @Test
    void aNulCharacterInAnyTextIsA422NotAConflict() {
        TestMerchant m = newMerchant("kingdo");
        ObjectNode claim = Claims.kingdoUnopenedDay60("KGD-T5");
        ((ObjectNode) claim.get("order").get("customer")).put("email", "a\u0000@example.com");
        assertProblem(api.post("/api/v1/rmas", claim).key(m.agent()).send(), 422, "order.customer.email");

        ObjectNode claim2 = Claims.kingdoUnopenedDay60("KGD-T6");
        line(claim2).put("sku", "KGD\u0000IPL");
        assertProblem(api.post("/api/v1/rmas", claim2).key(m.agent()).send(), 422, "request.lines[0].sku");

        assertProblem(api.post("/api/v1/customer-sessions", Map.of("merchant", m.slug(), "order_number", "A\u0000", "email", "a@b.c")).send(),
                422, "order_number");
        assertThat(orderCount(m)).isZero();
    }

    @Test
    void aControlCharacterInAQueryParameterIsA400NamingIt() {
        TestMerchant m = newMerchant("kingdo");
        assertProblem(api.get("/api/v1/rmas?customer_email=a%00b").key(m.agent()).send(), 400, "customer_email");
        assertProblem(api.get("/api/v1/orders?customer_id=" + "x".repeat(600)).key(m.agent()).send(), 400, "customer_id");
    }

    @Test
    void aVeryLongValueInAnIndexedColumnIsA422BeforeItReachesTheDatabase() {
        TestMerchant m = newMerchant("kingdo");
        ObjectNode claim = Claims.kingdoUnopenedDay60("KGD-T7");
        ((ObjectNode) claim.get("order").get("lines").get(0)).put("sku", "S".repeat(720_000));
        Api.Response r = api.post("/api/v1/rmas", claim).key(m.agent()).send();
        assertProblem(r, 422, "order.lines[0].sku");
        assertThat(r.json().get("errors").get(0).get("message").asString()).contains("at most 500 characters");

        ObjectNode order = (ObjectNode) Claims.kingdoUnopenedDay60("N".repeat(3000)).get("order");
        assertProblem(api.post("/api/v1/orders", order).key(m.agent()).send(), 422, "number");
        assertThat(orderCount(m)).isZero();
    }

    @Test
    void aListWithTooManyItemsIsA422() {
        TestMerchant m = newMerchant("kingdo");
        ObjectNode claim = Claims.kingdoUnopenedDay60("KGD-T8");
        ArrayNode evidence = ((ObjectNode) claim.get("request")).putArray("evidence");
        for (int i = 0; i < 1001; i++) {
            evidence.add("photo");
        }
        assertProblem(api.post("/api/v1/rmas", claim).key(m.agent()).send(), 422, "request.evidence");
    }

    // --- body size ------------------------------------------------------------------------------------

    @Test
    void aBodyOverTheLimitIsA413BeforeItIsRead() {
        String body = "{\"merchant\": \"kingdo\", \"order_number\": \"" + "x".repeat(2_000_000) + "\", \"email\": \"a@b.c\"}";
        Api.Response r = api.post("/api/v1/customer-sessions", body).send();
        assertProblem(r, 413, "(body)");
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413Too() throws Exception {
        byte[] body = ("{\"merchant\": \"kingdo\", \"order_number\": \"" + "x".repeat(3_000_000) + "\", \"email\": \"a@b.c\"}")
                .getBytes(StandardCharsets.UTF_8);
        for (String idempotency : new String[] {null, "chunked-1"}) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/customer-sessions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
            if (idempotency != null) {
                b.header("Idempotency-Key", idempotency);
            }
            HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("application/problem+json"));
        }
    }

    @Test
    void aFormOverTheLimitIsA413Page() {
        String form = "order_number=" + "x".repeat(2_100_000) + "&email=a%40b.c";
        RawResponse r = raw("POST /portal/kingdo/session HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + form.length() + "\r\nConnection: close\r\n\r\n" + form);
        assertThat(r.status()).as(r.head()).isEqualTo(413);
        assertThat(r.head()).containsIgnoringCase("Content-Type: text/html");
        assertThat(r.body()).contains("OpenRMA").doesNotContain("Apache Tomcat");
    }

    @Test
    void brokenPercentEscapesInvalidUtf8AndControlCharactersInAFormAreA400Page() {
        for (String form : List.of("order_number=%zz&email=a%40b.c", "order_number=%C3%28&email=a%40b.c", "order_number=%00&email=a%40b.c",
                "order_number=%1B&email=a%40b.c")) {
            RawResponse r = raw("POST /portal/kingdo/session HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\nConnection: close\r\n\r\n" + form);
            assertThat(r.status()).as(form + " → " + r.head()).isEqualTo(400);
            assertThat(r.body()).contains("OpenRMA").doesNotContain("Apache Tomcat");
        }
    }

    @Test
    void invalidUtf8InAJsonBodyIsA400Problem() throws Exception {
        byte[] body = {'{', '"', 'm', 'e', 'r', 'c', 'h', 'a', 'n', 't', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'};
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/customer-sessions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("application/problem+json"));
    }

    @Test
    void brokenPercentEscapesInAnApiQueryAreA400Problem() {
        TestMerchant m = newMerchant("kingdo");
        for (String query : List.of("customer_email=%zz", "customer_email=%C3%28")) {
            RawResponse r = raw("GET /api/v1/rmas?" + query + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m.agent()
                    + "\r\nConnection: close\r\n\r\n");
            assertThat(r.status()).as(query + " → " + r.head() + r.body()).isEqualTo(400);
            assertThat(r.head()).containsIgnoringCase("Content-Type: application/problem+json");
        }
    }

    // --- what Tomcat answers itself ------------------------------------------------------------------

    @Test
    void headersOverTheLimitAreAnsweredWithProblemJsonNotTomcatsPage() {
        RawResponse r = raw("GET /api/v1/rmas HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n");
        assertThat(r.status()).isBetween(400, 499);
        assertThat(r.head()).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(r.body()).contains("\"status\":" + r.status()).doesNotContain("Apache Tomcat");

        RawResponse page = raw("GET /portal/kingdo HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(page.status()).isBetween(400, 499);
        assertThat(page.body()).contains("OpenRMA").doesNotContain("Apache Tomcat");
    }

    @Test
    void aBrokenEscapeInThePathIsA400ProblemNotTomcatsPage() {
        RawResponse r = raw("GET /api/v1/orders/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("Apache Tomcat");
    }

    @Test
    void theErrorPathItselfIsA404NotA500WithStatus999() {
        Api.Response r = api.get("/error").send();
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(404);
    }

    @Test
    void anUnknownApiPathIsA404Problem() {
        TestMerchant m = newMerchant("kingdo");
        Api.Response r = api.get("/api/v1/nothing-here").key(m.agent()).send();
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    // --- policy files ------------------------------------------------------------------------------------

    @Test
    void aPolicyNested5000DeepIsA422WithItsLocationNotAStackOverflow() {
        TestMerchant m = newMerchant("kingdo");
        String source = "policy: deep\nprograms: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        for (String path : List.of("/api/v1/policies", "/api/v1/policies/drafts/replay")) {
            Map<String, String> body = path.endsWith("replay") ? Map.of("source", source) : Map.of("file_name", "deep.yaml", "source", source);
            Api.Response r = api.post(path, body).key(m.admin()).send();
            assertThat(r.status()).as(path + " " + r).isEqualTo(422);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.text()).contains("nested deeper than");
        }
    }

    // --- webhooks -----------------------------------------------------------------------------------------

    @Test
    void aWebhookUrlPointingAtAnInternalAddressIsRefused() {
        TestMerchant m = newMerchant("kingdo");
        for (String url : List.of("https://localhost/hook", "https://10.0.0.7/hook", "https://169.254.169.254/latest/meta-data",
                "https://192.168.1.20/hook", "https://[::1]/hook", "https://[fd00::1]/hook", "https://0.0.0.0/hook")) {
            Api.Response r = api.put("/api/v1/merchant", Map.of("version", 0, "webhook_url", url)).key(m.admin()).send();
            assertProblem(r, 422, "webhook_url");
        }
        assertThat(merchants.get(m.id()).webhookUrl()).isNull();
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    record RawResponse(int status, String head, String body) {}

    private RawResponse raw(String request) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before reading everything
            }
            InputStream in = s.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            return new RawResponse(status, head, body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

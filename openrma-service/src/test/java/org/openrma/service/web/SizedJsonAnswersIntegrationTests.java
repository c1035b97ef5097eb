package org.openrma.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.node.ObjectNode;

/** A JSON answer goes out with its length, not chunked ({@link SizedJsonConverter}): an RMA, a page of a list, a problem. */
class SizedJsonAnswersIntegrationTests extends IntegrationTest {

    private static void sentWithItsLength(Api.Response r) {
        assertThat(r.header("Transfer-Encoding")).as("transfer encoding").isNull();
        assertThat(r.header("Content-Length")).as("content length")
                .isEqualTo(String.valueOf(r.text().getBytes(StandardCharsets.UTF_8).length));
    }

    @Test
    void anRmaAPageOfRmasAndAProblemAreSentWithTheirLength() {
        TestMerchant m = newMerchant("kst-servos");
        ObjectNode claim = Claims.kstDefectiveDiscontinuedServo("SJ-" + m.slug());
        assertThat(api.post("/api/v1/orders", Claims.order(claim)).key(m.agent()).send().status()).isEqualTo(201);
        String id = submit(m, Claims.byOrderNumber(claim)).get("id").asString();

        Api.Response rma = api.get("/api/v1/rmas/" + id).key(m.agent()).send();
        assertThat(rma.status()).isEqualTo(200);
        assertThat(rma.text().length()).as("an RMA with its decision overflows Tomcat's 8 KB buffer").isGreaterThan(8192);
        sentWithItsLength(rma);

        Api.Response page = api.get("/api/v1/rmas?size=5").key(m.agent()).send();
        assertThat(page.status()).isEqualTo(200);
        sentWithItsLength(page);

        Api.Response missing = api.get("/api/v1/rmas/" + UUID.randomUUID()).key(m.agent()).send();
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        sentWithItsLength(missing);
    }
}

package org.openrma.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.FormClient;
import org.openrma.service.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Customer sign-in is limited per order and per client address, the API per key: 429 with Retry-After. */
class RateLimitIntegrationTests extends IntegrationTest {

    @Autowired
    RateLimits.Settings limits;

    private Api.Response signIn(TestMerchant m, String number, String email, String client) {
        return api.post("/api/v1/customer-sessions", Map.of("merchant", m.slug(), "order_number", number, "email", email))
                .header("X-Forwarded-For", client).send();
    }

    @Test
    void wrongEmailGuessesForOneOrderAreCutOffWhateverAddressTheyComeFrom() {
        TestMerchant m = newMerchant("kingdo");
        api.post("/api/v1/orders", Claims.kingdoUnopenedDay60("RL-1").get("order")).key(m.agent()).send();
        int notFound = 0;
        int limited = 0;
        for (int i = 0; i < 150; i++) {
            Api.Response r = signIn(m, "RL-1", "guess" + i + "@example.com", "198.51.100." + (i % 200));
            if (r.status() == 404) {
                notFound++;
            } else {
                assertThat(r.status()).as(r.toString()).isEqualTo(429);
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(1L, limits.signInPeriod().toSeconds());
                limited++;
            }
        }
        assertThat(notFound).isEqualTo(limits.signInPerOrder());
        assertThat(limited).isEqualTo(150 - limits.signInPerOrder());
        assertThat(signIn(m, "RL-1", "ana@example.com", "198.51.100.99").status()).as("the right e-mail waits too").isEqualTo(429);

        clock.advance(limits.signInPeriod());
        assertThat(signIn(m, "RL-1", "ana@example.com", "198.51.100.99").status()).as("after the period").isEqualTo(201);
    }

    @Test
    void oneClientAddressGuessingManyOrdersIsCutOff() {
        TestMerchant m = newMerchant("kingdo");
        String client = "203.0.113." + (int) (Math.random() * 250);
        for (int i = 0; i < limits.signInPerClient(); i++) {
            assertThat(signIn(m, "NONE-" + i, "x@example.com", client).status()).isEqualTo(404);
        }
        Api.Response r = signIn(m, "NONE-X", "x@example.com", client);
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("Retry-After")).isNotNull();
        assertThat(signIn(m, "NONE-X", "x@example.com", "203.0.113.251").status()).as("another address").isEqualTo(404);
    }

    @Test
    void thePortalSignInSharesTheLimitAndAnswersWithAPage() {
        TestMerchant m = newMerchant("kingdo");
        for (int i = 0; i < limits.signInPerOrder(); i++) {
            signIn(m, "RL-PORTAL", "guess" + i + "@example.com", "198.51.100.7");
        }
        FormClient browser = new FormClient(port);
        FormClient.Page lookup = browser.get("/portal/" + m.slug());
        FormClient.Page r = browser.submit(lookup, "/portal/" + m.slug() + "/session", "order_number=RL-PORTAL&email=a%40b.c");
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("Retry-After")).isNotNull();
        assertThat(r.body()).contains("Too many attempts");
    }

    @Test
    void anApiKeyOverItsLimitGets429WithRetryAfter() {
        TestMerchant m = newMerchant("kingdo");
        for (int i = 0; i < limits.apiPerKey(); i++) {
            int status = api.get("/api/v1/rmas?size=1").key(m.agent()).send().status();
            if (status != 200) {
                throw new AssertionError("request " + i + " got " + status);
            }
        }
        Api.Response r = api.get("/api/v1/rmas?size=1").key(m.agent()).send();
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(r.header("Retry-After"))).isPositive();
        assertThat(api.get("/api/v1/rmas?size=1").key(m.admin()).send().status()).as("another key").isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        assertThat(api.get("/api/v1/rmas?size=1").key(m.agent()).send().status()).as("a minute later").isEqualTo(200);
    }
}

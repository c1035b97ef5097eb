package org.openrma.service.support;

import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.openrma.service.access.ApiKeys;
import org.openrma.service.access.Caller;
import org.openrma.service.access.Secrets;
import org.openrma.service.access.StaffAccounts;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.merchant.Merchants;
import org.openrma.service.outbox.OutboxRelay;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base of the integration tests: the whole service on a random port, over real HTTP, against a
 * fresh PostgreSQL database, with a clock the tests move. All test classes share one context;
 * each test makes its own merchant, so tests never see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "openrma.outbox.poller-enabled=false",
        "openrma.outbox.first-retry-after=10s",
        "openrma.outbox.max-attempts=3",
        "openrma.outbox.http-timeout=2s",
        "openrma.deadlines.poll-interval=200ms",
        "openrma.seed.enabled=true",
        "openrma.ui.upload-dir=${java.io.tmpdir}/openrma-it-uploads",
        // The tests' webhook receivers are plain-http JDK servers on 127.0.0.1.
        "openrma.webhooks.allow-http=true",
        "openrma.webhooks.allowed-internal-hosts=127.0.0.1",
        // Every test signs in from 127.0.0.1 and the test clock stands still, so buckets never refill: wide limits per client and key.
        "openrma.rate-limits.sign-in-per-client=300",
        "openrma.rate-limits.api-per-key=1500",
        "logging.level.org.openrma=warn"})
@Import(TestClockConfiguration.class)
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("openrma.db.url", TestDatabase::url);
        registry.add("openrma.db.user", TestDatabase::user);
        registry.add("openrma.carriers.easypost-base-url", CarrierStub::baseUrl);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected Merchants merchants;
    @Autowired
    protected ApiKeys apiKeys;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected OutboxRelay relay;
    @Autowired
    protected StaffAccounts staffAccounts;

    protected Api api;

    @BeforeEach
    void setUpApi() {
        api = new Api(port);
        clock.reset();
    }

    /** A merchant of its own for one test, with an admin and an agent key. */
    public record TestMerchant(UUID id, String slug, String admin, String agent) {}

    protected TestMerchant newMerchant(String policy) {
        String slug = "m-" + UUID.randomUUID().toString().substring(0, 8);
        Merchant m = new Merchant(UUID.randomUUID(), slug, "Test " + slug, policy, java.time.ZoneId.of("UTC"), null, null, "whsec_" + Secrets.random(24),
                new Merchant.Smtp(null, null, null, null, null, false), clock.instant(), 0);
        merchants.insert(m);
        String admin = apiKeys.issue(m.id(), "admin", Caller.Role.ADMIN).key();
        String agent = apiKeys.issue(m.id(), "agent", Caller.Role.AGENT).key();
        return new TestMerchant(m.id(), slug, admin, agent);
    }

    /** How a member of staff signs in to the console. */
    public record StaffLogin(String email, String password) {}

    /** A staff account of the merchant with the role (made on first use: hashing a password takes a while). */
    protected StaffLogin staffAccount(TestMerchant m, Caller.Role role) {
        String r = role.name().toLowerCase(java.util.Locale.ROOT);
        StaffLogin login = new StaffLogin(r + "@" + m.slug() + ".test", "pw-" + m.slug() + "-" + r + "-secret");
        if (!staffAccounts.exists(login.email())) {
            staffAccounts.create(m.id(), login.email(), role, login.password(), "test");
        }
        return login;
    }

    /** Files a claim as an agent and returns the RMA; fails the test on anything but 201. */
    protected JsonNode submit(TestMerchant m, JsonNode claim) {
        Api.Response r = api.post("/api/v1/rmas", claim).key(m.agent()).send();
        if (r.status() != 201) {
            throw new AssertionError("expected 201 filing the claim, got " + r);
        }
        return r.json();
    }

    protected Api.Response act(TestMerchant m, JsonNode rma, String action, Object body) {
        return api.post("/api/v1/rmas/" + rma.get("id").asString() + "/" + action, body).key(m.agent()).ifMatch(rma.get("version").asInt()).send();
    }

    protected JsonNode actOk(TestMerchant m, JsonNode rma, String action, Object body) {
        Api.Response r = act(m, rma, action, body);
        if (r.status() != 200) {
            throw new AssertionError("expected 200 on " + action + ", got " + r);
        }
        return r.json();
    }

    protected static void await(String what, Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

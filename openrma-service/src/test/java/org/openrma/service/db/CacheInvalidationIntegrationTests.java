package org.openrma.service.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openrma.service.access.Secrets;
import org.openrma.service.policy.MerchantPolicies;
import org.openrma.service.support.IntegrationTest;
import org.openrma.service.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The per-instance caches (merchant, API key, a merchant's policy catalog) serve repeated requests without the
 * database, and a change committed through another instance (here: a connection of its own, outside this
 * service's pool) reaches them through the database's notice well within their safety TTL (30 s).
 */
class CacheInvalidationIntegrationTests extends IntegrationTest {

    /** Far below the caches' TTL: passing within it proves the notice invalidated, not the expiry. */
    private static final Duration NOTICE = Duration.ofSeconds(5);
    private static final Path POLICIES = Path.of("").toAbsolutePath().getParent().resolve("policies");

    @Autowired
    MerchantPolicies policies;
    @Autowired
    Invalidations invalidations;

    /** Another instance's write: its own connection to the same database, autocommit. */
    private static void elsewhere(String sql, Object... params) throws Exception {
        try (Connection c = DriverManager.getConnection(TestDatabase.url(), TestDatabase.user(), null);
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void aKeyRevokedThroughAnotherInstanceStopsWorkingWhenTheRevocationCommits() throws Exception {
        await("the invalidation listener", NOTICE, invalidations::listening);
        TestMerchant m = newMerchant("kingdo");
        assertThat(api.get("/api/v1/rmas").key(m.agent()).send().status()).isEqualTo(200);
        // cached: the same authenticated caller comes back without a query
        assertThat(apiKeys.authenticate(m.agent()).orElseThrow()).isSameAs(apiKeys.authenticate(m.agent()).orElseThrow());

        elsewhere("update api_key set revoked_at = now() where key_hash = ?", Secrets.sha256(m.agent()));

        await("the revoked key to be refused", NOTICE, () -> api.get("/api/v1/rmas").key(m.agent()).send().status() == 401);
        assertThat(apiKeys.authenticate(m.agent())).isEmpty();
        assertThat(api.get("/api/v1/rmas").key(m.admin()).send().status()).as("the merchant's other key").isEqualTo(200);
    }

    @Test
    void aKeyRevokedThroughThisInstanceIsRefusedByTheVeryNextRequest() {
        TestMerchant m = newMerchant("kingdo");
        assertThat(api.get("/api/v1/rmas").key(m.agent()).send().status()).isEqualTo(200);
        UUID agentKey = apiKeys.authenticate(m.agent()).orElseThrow().keyId();

        assertThat(api.post("/api/v1/merchant/api-keys/" + agentKey + "/revoke", Map.of()).key(m.admin()).send().status()).isEqualTo(204);

        assertThat(api.get("/api/v1/rmas").key(m.agent()).send().status()).isEqualTo(401);
    }

    @Test
    void aMerchantChangedThroughAnotherInstanceIsReadAgain() throws Exception {
        await("the invalidation listener", NOTICE, invalidations::listening);
        TestMerchant m = newMerchant("kingdo");
        assertThat(merchants.current(m.id())).isSameAs(merchants.current(m.id()));
        assertThat(merchants.current(m.id()).timeZone()).isEqualTo(ZoneId.of("UTC"));

        elsewhere("update merchant set time_zone = 'Europe/Berlin', version = version + 1 where id = ?", m.id());

        await("the new time zone", NOTICE, () -> merchants.current(m.id()).timeZone().equals(ZoneId.of("Europe/Berlin")));
        assertThat(merchants.current(m.id()).version()).isEqualTo(1);
    }

    @Test
    void aPolicyUploadedThroughAnotherInstanceDecidesHereToo() throws Exception {
        await("the invalidation listener", NOTICE, invalidations::listening);
        TestMerchant m = newMerchant("kingdo");
        assertThat(policies.known(m.id(), "brand-new")).isFalse();

        String source = Files.readString(POLICIES.resolve("kst-servos.yaml")).replace("policy: kst-servos", "policy: brand-new");
        elsewhere("""
                insert into policy_version (merchant_id, policy_id, version, effective_from, sha256, file_name, source_text, uploaded_at, uploaded_by)
                values (?, 'brand-new', '1', date '2020-01-01', 'x', 'brand-new.yaml', ?, now(), 'another instance')""", m.id(), source);

        await("the uploaded policy", NOTICE, () -> policies.known(m.id(), "brand-new"));
    }

    @Test
    void nothingIsKeptWhileTheListenerIsNotListening() {
        TestMerchant m = newMerchant("kingdo");
        InvalidatedCache<UUID, String> cache = invalidations.cache("merchant", UUID::fromString, Duration.ofMinutes(1), 10);
        invalidations.stop();
        try {
            assertThat(cache.get(m.id(), () -> java.util.Optional.of("read")).orElseThrow()).isEqualTo("read");
            assertThat(cache.size()).isZero();
        } finally {
            invalidations.start();
        }
        await("the invalidation listener", NOTICE, invalidations::listening);
        cache.get(m.id(), () -> java.util.Optional.of("read"));
        assertThat(cache.size()).isOne();
    }
}

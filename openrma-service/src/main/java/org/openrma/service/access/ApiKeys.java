package org.openrma.service.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openrma.service.db.InvalidatedCache;
import org.openrma.service.db.Invalidations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Merchant API keys: stored as SHA-256 of the key, shown in full only when created. An authenticated key is
 * kept per instance (by its hash) until a change to its row commits through any instance (a revocation:
 * V26's trigger, {@link Invalidations}); an unknown key is never kept, so a new key works at once.
 */
@Repository
public class ApiKeys {

    public static final String PREFIX = "ork_";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final InvalidatedCache<String, Caller.Staff> authenticated;

    public ApiKeys(JdbcClient jdbc, Clock clock, Invalidations invalidations) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.authenticated = invalidations.cache("api_key", hash -> hash, java.time.Duration.ofSeconds(30), 10_000);
    }

    /** A key as listed: never the key itself. */
    public record ApiKey(UUID id, String name, Caller.Role role, String prefix, Instant createdAt, Instant revokedAt) {}

    /** A key just created: the only time {@code key} is visible. */
    public record IssuedKey(UUID id, String name, Caller.Role role, String key) {}

    public IssuedKey issue(UUID merchantId, String name, Caller.Role role) {
        return store(merchantId, name, role, PREFIX + Secrets.random(32));
    }

    /** Stores a key chosen by the caller (demo seeding); it must still be long and random enough to be unguessable in production. */
    public IssuedKey store(UUID merchantId, String name, Caller.Role role, String key) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into api_key (id, merchant_id, name, role, key_hash, key_prefix, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, merchantId, name, role.name().toLowerCase(java.util.Locale.ROOT), Secrets.sha256(key),
                        key.substring(0, Math.min(10, key.length())), Timestamp.from(clock.instant()))
                .update();
        return new IssuedKey(id, name, role, key);
    }

    public Optional<Caller.Staff> authenticate(String key) {
        String hash = Secrets.sha256(key);
        return authenticated.get(hash, () -> jdbc.sql("select id, merchant_id, name, role from api_key where key_hash = ? and revoked_at is null")
                .param(hash)
                .query((rs, n) -> new Caller.Staff(rs.getObject("merchant_id", UUID.class), rs.getObject("id", UUID.class),
                        rs.getString("name"), Caller.Role.valueOf(rs.getString("role").toUpperCase(java.util.Locale.ROOT))))
                .optional());
    }

    public List<ApiKey> list(UUID merchantId) {
        return jdbc.sql("select * from api_key where merchant_id = ? order by created_at, id").param(merchantId)
                .query((rs, n) -> new ApiKey(rs.getObject("id", UUID.class), rs.getString("name"),
                        Caller.Role.valueOf(rs.getString("role").toUpperCase(java.util.Locale.ROOT)), rs.getString("key_prefix"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant()))
                .list();
    }

    public boolean revoke(UUID merchantId, UUID keyId) {
        Optional<String> revoked = jdbc.sql("update api_key set revoked_at = ? where merchant_id = ? and id = ? and revoked_at is null returning key_hash")
                .params(Timestamp.from(clock.instant()), merchantId, keyId).query(String.class).optional();
        revoked.ifPresent(authenticated::invalidate); // this instance at once; the others when the notice arrives at commit
        return revoked.isPresent();
    }
}

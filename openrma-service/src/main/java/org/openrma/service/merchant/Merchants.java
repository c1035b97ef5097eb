package org.openrma.service.merchant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.time.Duration;
import org.openrma.service.db.InvalidatedCache;
import org.openrma.service.db.Invalidations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The merchants table. The webhook secret and SMTP password are stored encrypted ({@link SecretBox}).
 * Requests read the merchant through {@link #current(UUID)}, a per-instance cache invalidated through the
 * database (so the row is neither read nor its secrets decrypted on every request); {@link #get}
 * and {@link #find} always read the row.
 */
@Repository
public class Merchants {

    static final String WEBHOOK_SECRET = "webhook_secret";
    static final String SMTP_PASSWORD = "smtp_password";

    /** How long a cached merchant may serve without a notice; notices are the mechanism, this only bounds a missed one. */
    static final Duration CACHE_TTL = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final InvalidatedCache<UUID, Merchant> cache;

    public Merchants(JdbcClient jdbc, SecretBox box, Invalidations invalidations) {
        this.jdbc = jdbc;
        this.box = box;
        this.cache = invalidations.cache("merchant", UUID::fromString, CACHE_TTL, 10_000);
    }

    /**
     * The merchant as requests see it: from this instance's cache, which a change committed through any
     * instance empties (V26's trigger, {@link Invalidations}); read and decrypted only when not cached.
     */
    public Merchant current(UUID id) {
        return cache.get(id, () -> find(id)).orElseThrow(() -> new IllegalStateException("merchant " + id + " vanished"));
    }

    public Merchant get(UUID id) {
        return find(id).orElseThrow(() -> new IllegalStateException("merchant " + id + " vanished"));
    }

    public Optional<Merchant> find(UUID id) {
        return jdbc.sql("select * from merchant where id = ?").param(id).query(this::map).optional();
    }

    public Optional<Merchant> findBySlug(String slug) {
        return jdbc.sql("select * from merchant where slug = ?").param(slug).query(this::map).optional();
    }

    public void insert(Merchant m) {
        jdbc.sql("""
                insert into merchant (id, slug, name, policy_id, time_zone, support_email, webhook_url, webhook_secret,
                    smtp_host, smtp_port, smtp_username, smtp_password, smtp_from, smtp_starttls, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), m.slug(), m.name(), m.policyId(), m.timeZone().getId(), m.supportEmail(), m.webhookUrl(),
                        box.seal(m.id(), WEBHOOK_SECRET, m.webhookSecret()), m.smtp().host(), m.smtp().port(), m.smtp().username(),
                        box.seal(m.id(), SMTP_PASSWORD, m.smtp().password()), m.smtp().from(), m.smtp().startTls(),
                        java.sql.Timestamp.from(m.createdAt()))
                .update();
        cache.invalidate(m.id());
    }

    /** Saves new settings if nobody changed the merchant since {@code m.version()} was read. */
    public boolean update(Merchant m) {
        cache.invalidate(m.id());
        return jdbc.sql("""
                update merchant set name = ?, policy_id = ?, time_zone = ?, support_email = ?, webhook_url = ?,
                    smtp_host = ?, smtp_port = ?, smtp_username = ?, smtp_password = ?, smtp_from = ?, smtp_starttls = ?,
                    webhook_secret = ?, version = version + 1
                where id = ? and version = ?""")
                .params(m.name(), m.policyId(), m.timeZone().getId(), m.supportEmail(), m.webhookUrl(), m.smtp().host(),
                        m.smtp().port(), m.smtp().username(), box.seal(m.id(), SMTP_PASSWORD, m.smtp().password()), m.smtp().from(),
                        m.smtp().startTls(), box.seal(m.id(), WEBHOOK_SECRET, m.webhookSecret()), m.id(), m.version())
                .update() == 1;
    }

    /**
     * Encrypts the secrets still stored in plain text (written before encryption at rest); run at
     * start-up. Returns how many merchants it changed.
     */
    public int sealPlaintextSecrets() {
        int changed = 0;
        for (var row : jdbc.sql("select id, webhook_secret, smtp_password from merchant "
                        + "where webhook_secret not like 'enc:v1:%' or (smtp_password is not null and smtp_password not like 'enc:v1:%')")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list()) {
            UUID id = UUID.fromString(row[0]);
            changed += jdbc.sql("update merchant set webhook_secret = ?, smtp_password = ? where id = ? and webhook_secret = ? "
                            + "and smtp_password is not distinct from ?")
                    .params(SecretBox.isSealed(row[1]) ? row[1] : box.seal(id, WEBHOOK_SECRET, row[1]),
                            SecretBox.isSealed(row[2]) ? row[2] : box.seal(id, SMTP_PASSWORD, row[2]), id, row[1], row[2])
                    .update();
            cache.invalidate(id);
        }
        return changed;
    }

    private Merchant map(ResultSet rs, int row) throws SQLException {
        Integer port = (Integer) rs.getObject("smtp_port");
        UUID id = rs.getObject("id", UUID.class);
        return new Merchant(id, rs.getString("slug"), rs.getString("name"), rs.getString("policy_id"),
                ZoneId.of(rs.getString("time_zone")), rs.getString("support_email"), rs.getString("webhook_url"),
                box.open(id, WEBHOOK_SECRET, rs.getString("webhook_secret")),
                new Merchant.Smtp(rs.getString("smtp_host"), port, rs.getString("smtp_username"),
                        box.open(id, SMTP_PASSWORD, rs.getString("smtp_password")), rs.getString("smtp_from"), rs.getBoolean("smtp_starttls")),
                rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

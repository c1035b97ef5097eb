package org.openrma.service.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openrma.service.merchant.SecretBox;
import org.openrma.service.web.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A merchant's webhook endpoints. Each has its own URL, event filter and signing secret (sealed
 * with {@link SecretBox}, bound to the merchant and the endpoint). After a rotation the previous
 * secret stays valid until {@code previousSecretExpiresAt}, and deliveries are signed with both.
 * A deleted endpoint keeps its row (deliveries refer to it) but is gone from the API.
 */
@Repository
public class WebhookEndpoints {

    /** The filter word for every event type. */
    public static final String EVERY_EVENT = "*";

    private final JdbcClient jdbc;
    private final SecretBox box;
    /**
     * Each merchant's enabled endpoints, as every event being queued asks for them: kept per instance until a
     * change to the merchant's endpoints commits through any instance (V26's trigger on webhook_endpoint).
     */
    private final org.openrma.service.db.InvalidatedCache<UUID, List<WebhookEndpoint>> enabled;

    public WebhookEndpoints(JdbcClient jdbc, SecretBox box, org.openrma.service.db.Invalidations invalidations) {
        this.jdbc = jdbc;
        this.box = box;
        this.enabled = invalidations.cache("webhook_endpoint", UUID::fromString, java.time.Duration.ofSeconds(30), 10_000);
    }

    public record WebhookEndpoint(UUID id, UUID merchantId, String url, String description, List<String> enabledEvents, boolean enabled,
                                  String secret, String previousSecret, Instant previousSecretExpiresAt, Instant createdAt, Instant updatedAt,
                                  Instant deletedAt) {

        public boolean receives(String eventType) {
            return enabledEvents.contains(EVERY_EVENT) || enabledEvents.contains(eventType);
        }

        /** The secrets a delivery at {@code now} is signed with: the current one, and the previous one while it is valid. */
        public List<String> signingSecrets(Instant now) {
            List<String> secrets = new ArrayList<>(List.of(secret));
            if (previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)) {
                secrets.add(previousSecret);
            }
            return secrets;
        }
    }

    private static String context(UUID endpointId) {
        return "webhook_endpoint:" + endpointId;
    }

    public void insert(WebhookEndpoint e) {
        enabled.invalidate(e.merchantId());
        jdbc.sql("""
                insert into webhook_endpoint (id, merchant_id, url, description, enabled_events, enabled, secret, created_at, updated_at)
                values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)""")
                .params(e.id(), e.merchantId(), e.url(), e.description(), Json.write(e.enabledEvents()), e.enabled(),
                        box.seal(e.merchantId(), context(e.id()), e.secret()), Timestamp.from(e.createdAt()), Timestamp.from(e.updatedAt()))
                .update();
    }

    /** Saves URL, description, filter and enabled; the secrets change only by {@link #rotate}. */
    public boolean update(WebhookEndpoint e) {
        enabled.invalidate(e.merchantId());
        return jdbc.sql("""
                update webhook_endpoint set url = ?, description = ?, enabled_events = cast(? as jsonb), enabled = ?, updated_at = ?
                where merchant_id = ? and id = ? and deleted_at is null""")
                .params(e.url(), e.description(), Json.write(e.enabledEvents()), e.enabled(), Timestamp.from(e.updatedAt()), e.merchantId(), e.id())
                .update() == 1;
    }

    /**
     * A new secret; the current one becomes the previous one, valid until {@code previousValidUntil}.
     * One UPDATE moves the stored (sealed) secret over, so two rotations at once cannot both keep
     * the same previous secret: the second sees the first's new secret as current.
     */
    public boolean rotate(UUID merchantId, UUID id, String newSecret, Instant previousValidUntil, Instant now) {
        enabled.invalidate(merchantId);
        return jdbc.sql("""
                update webhook_endpoint set previous_secret = secret, secret = ?, previous_secret_expires_at = ?, updated_at = ?
                where merchant_id = ? and id = ? and deleted_at is null""")
                .params(box.seal(merchantId, context(id), newSecret), Timestamp.from(previousValidUntil), Timestamp.from(now), merchantId, id)
                .update() == 1;
    }

    /**
     * Deletes the endpoint: it receives nothing more, and its messages still waiting are given up
     * (dead, with the reason), in the same transaction.
     */
    public boolean delete(UUID merchantId, UUID id, Instant now) {
        enabled.invalidate(merchantId);
        boolean deleted = jdbc.sql("update webhook_endpoint set deleted_at = ?, enabled = false where merchant_id = ? and id = ? and deleted_at is null")
                .params(Timestamp.from(now), merchantId, id).update() == 1;
        if (deleted) {
            jdbc.sql("update outbox set status = 'dead', last_error = 'the webhook endpoint was deleted' "
                    + "where merchant_id = ? and endpoint_id = ? and status = 'pending'").params(merchantId, id).update();
        }
        return deleted;
    }

    public Optional<WebhookEndpoint> find(UUID merchantId, UUID id) {
        return jdbc.sql("select * from webhook_endpoint where merchant_id = ? and id = ? and deleted_at is null").params(merchantId, id)
                .query(this::map).optional();
    }

    /** The endpoint a message was queued for, deleted or not (the relay refuses to send to a deleted one). */
    Optional<WebhookEndpoint> findForDelivery(UUID merchantId, UUID id) {
        return jdbc.sql("select * from webhook_endpoint where merchant_id = ? and id = ?").params(merchantId, id).query(this::map).optional();
    }

    /** The merchant's endpoints, newest first. */
    public List<WebhookEndpoint> list(UUID merchantId) {
        return jdbc.sql("select * from webhook_endpoint where merchant_id = ? and deleted_at is null order by created_at desc, id")
                .param(merchantId).query(this::map).list();
    }

    /** The enabled endpoints whose filter takes {@code eventType}. */
    List<WebhookEndpoint> receiving(UUID merchantId, String eventType) {
        return enabled.get(merchantId, () -> Optional.of(jdbc.sql(
                        "select * from webhook_endpoint where merchant_id = ? and enabled and deleted_at is null order by created_at, id")
                        .param(merchantId).query(this::map).list()))
                .orElseThrow().stream().filter(e -> e.enabledEvents().contains("*") || e.enabledEvents().contains(eventType)).toList();
    }

    private WebhookEndpoint map(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID merchantId = rs.getObject("merchant_id", UUID.class);
        List<String> events = new ArrayList<>();
        Json.read(rs.getString("enabled_events")).forEach(e -> events.add(e.asString()));
        return new WebhookEndpoint(id, merchantId, rs.getString("url"), rs.getString("description"), List.copyOf(events),
                rs.getBoolean("enabled"), box.open(merchantId, context(id), rs.getString("secret")),
                box.open(merchantId, context(id), rs.getString("previous_secret")), instant(rs, "previous_secret_expires_at"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "deleted_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

package org.openrma.service.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.web.Json;
import org.openrma.service.web.Cursor;
import org.openrma.service.web.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The transactional outbox. Callers enqueue inside the transaction of the change that caused the
 * message, so a message exists exactly when the change committed; {@link OutboxRelay} delivers.
 */
@Repository
public class Outbox {

    public enum Channel { WEBHOOK, EMAIL }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final EmailTemplates templates;
    private final WebhookEndpoints endpoints;

    public Outbox(JdbcClient jdbc, Clock clock, EmailTemplates templates, WebhookEndpoints endpoints) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.templates = templates;
        this.endpoints = endpoints;
    }

    public record Message(long id, UUID merchantId, Channel channel, UUID eventId, String eventType, String destination,
                          JsonNode payload, String status, int attempts, Instant nextAttemptAt, Instant createdAt,
                          Instant deliveredAt, String lastError, Integer lastStatus,
                          @io.swagger.v3.oas.annotations.media.Schema(description = "the webhook endpoint it goes to; null for the "
                                  + "merchant's own webhook_url and for e-mails") UUID webhookEndpointId) {}

    public record Attempt(Instant at, Integer statusCode, String error, int durationMs) {}

    /**
     * A webhook event, queued once for each endpoint that takes it: the merchant's own
     * {@code webhook_url} (every event) and each enabled webhook endpoint whose filter names the
     * type. Every copy carries the same event id, so a receiver behind two endpoints can
     * deduplicate; each is delivered, retried and signed on its own.
     */
    public void webhook(Merchant merchant, String eventType, Supplier<? extends JsonNode> data) {
        List<WebhookEndpoints.WebhookEndpoint> receiving = endpoints.receiving(merchant.id(), eventType);
        boolean ownUrl = merchant.webhookUrl() != null && !merchant.webhookUrl().isBlank();
        if (!ownUrl && receiving.isEmpty()) {
            return;                                                           // nobody takes it: the data is never written
        }
        UUID eventId = UUID.randomUUID();
        Instant now = clock.instant();
        JsonNode payload = event(merchant, eventId, eventType, now, data.get());
        if (ownUrl) {
            insert(merchant.id(), Channel.WEBHOOK, eventId, eventType, merchant.webhookUrl(), payload, now, null);
        }
        for (WebhookEndpoints.WebhookEndpoint e : receiving) {
            insert(merchant.id(), Channel.WEBHOOK, eventId, eventType, e.url(), payload, now, e.id());
        }
    }

    /** The test event for one endpoint, whatever its filter and even when disabled; returns the queued message. */
    public Message testEvent(Merchant merchant, WebhookEndpoints.WebhookEndpoint endpoint) {
        UUID eventId = UUID.randomUUID();
        Instant now = clock.instant();
        ObjectNode data = Json.object();
        data.put("webhook_endpoint_id", endpoint.id().toString());
        data.put("message", "A test event from OpenRMA: this endpoint receives and checks signed events.");
        insert(merchant.id(), Channel.WEBHOOK, eventId, WebhookEvents.TEST_EVENT, endpoint.url(),
                event(merchant, eventId, WebhookEvents.TEST_EVENT, now, data), now, endpoint.id());
        return jdbc.sql("select * from outbox where event_id = ? and endpoint_id = ?").params(eventId, endpoint.id()).query(Outbox::map).single();
    }

    private static JsonNode event(Merchant merchant, UUID eventId, String eventType, Instant now, JsonNode data) {
        ObjectNode payload = Json.object();
        payload.put("id", eventId.toString());
        payload.put("type", eventType);
        payload.put("occurred_at", now.toString());
        payload.put("merchant", merchant.slug());
        payload.set("data", data);
        return payload;
    }

    /** Whether {@link #email} would queue anything for {@code to} (so a caller can skip gathering the template's values). */
    public boolean emails(Merchant merchant, String to) {
        return merchant.smtp().configured() && to != null && !to.isBlank();
    }

    /** A customer e-mail rendered from a template now, if the merchant set up SMTP and the customer has an address. */
    public void email(Merchant merchant, String to, String template, Map<String, String> values) {
        if (!emails(merchant, to)) {
            return;
        }
        Optional<EmailTemplates.Rendered> rendered = templates.render(template, values);
        if (rendered.isEmpty()) {
            return;
        }
        ObjectNode payload = Json.object();
        payload.put("to", to);
        payload.put("subject", rendered.get().subject());
        payload.put("body", rendered.get().body());
        payload.put("template", template);
        insert(merchant.id(), Channel.EMAIL, UUID.randomUUID(), "email." + template, to, payload, clock.instant(), null);
    }

    private void insert(UUID merchantId, Channel channel, UUID eventId, String type, String destination, JsonNode payload, Instant now,
                        UUID endpointId) {
        jdbc.sql("""
                insert into outbox (merchant_id, channel, event_id, event_type, destination, payload, next_attempt_at, created_at, endpoint_id)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""")
                .params(merchantId, channel.name().toLowerCase(java.util.Locale.ROOT), eventId, type, destination, Json.write(payload),
                        Timestamp.from(now), Timestamp.from(now), endpointId)
                .update();
    }

    public Page<Message> list(UUID merchantId, Channel channel, String status, int page, int size) {
        StringBuilder where = new StringBuilder(" where merchant_id = ?");
        List<Object> params = new ArrayList<>(List.of(merchantId));
        if (channel != null) {
            where.append(" and channel = ?");
            params.add(channel.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (status != null) {
            where.append(" and status = ?");
            params.add(status);
        }
        long total = jdbc.sql("select count(*) from outbox" + where).params(params).query(Long.class).single();
        params.add(size);
        params.add((long) page * size);
        return new Page<>(jdbc.sql("select * from outbox" + where + " order by id desc limit ? offset ?").params(params)
                .query(Outbox::map).list(), page, size, total);
    }

    /** Cursor mode: the deliveries after delivery {@code cursor.startingAfter()}, newest first like pages. */
    public Page<Message> list(UUID merchantId, Channel channel, String status, Cursor cursor) {
        StringBuilder where = new StringBuilder(" where merchant_id = ?");
        List<Object> params = new ArrayList<>(List.of(merchantId));
        if (channel != null) {
            where.append(" and channel = ?");
            params.add(channel.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (status != null) {
            where.append(" and status = ?");
            params.add(status);
        }
        if (cursor.startingAfter() != null) {
            long after = cursor.key(Long::parseLong);
            if (find(merchantId, after).isEmpty()) {
                throw Cursor.unknown(cursor.startingAfter());
            }
            where.append(" and id < ?");
            params.add(after);
        }
        params.add(cursor.limit() + 1);
        return cursor.slice(jdbc.sql("select * from outbox" + where + " order by id desc limit ?").params(params).query(Outbox::map).list());
    }

    public Optional<Message> find(UUID merchantId, long id) {
        return jdbc.sql("select * from outbox where merchant_id = ? and id = ?").params(merchantId, id).query(Outbox::map).optional();
    }

    public List<Attempt> attempts(long outboxId) {
        return jdbc.sql("select * from delivery_attempt where outbox_id = ? order by id").param(outboxId)
                .query((rs, n) -> new Attempt(rs.getTimestamp("at").toInstant(), (Integer) rs.getObject("status_code"),
                        rs.getString("error"), rs.getInt("duration_ms")))
                .list();
    }

    /** Puts a message back in the queue for an immediate attempt (after a merchant fixed their endpoint). */
    public boolean retry(UUID merchantId, long id) {
        return jdbc.sql("update outbox set status = 'pending', next_attempt_at = ? where merchant_id = ? and id = ? and status <> 'delivered'")
                .params(Timestamp.from(clock.instant()), merchantId, id).update() == 1;
    }

    static Message map(ResultSet rs, int n) throws SQLException {
        return new Message(rs.getLong("id"), rs.getObject("merchant_id", UUID.class),
                Channel.valueOf(rs.getString("channel").toUpperCase(java.util.Locale.ROOT)), rs.getObject("event_id", UUID.class),
                rs.getString("event_type"), rs.getString("destination"), Json.read(rs.getString("payload")), rs.getString("status"),
                rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("delivered_at") == null ? null : rs.getTimestamp("delivered_at").toInstant(), rs.getString("last_error"),
                (Integer) rs.getObject("last_status"), rs.getObject("endpoint_id", UUID.class));
    }
}

package org.openrma.service.outbox;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openrma.service.OpenRmaProperties;
import org.openrma.service.access.Secrets;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.merchant.Merchants;
import org.openrma.service.ops.OperationsMetrics;
import org.openrma.service.merchant.WebhookTargets;
import org.openrma.service.web.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due outbox messages in three steps, so that no transaction or row lock is held while a
 * webhook endpoint or SMTP server takes its time: (1) a short transaction claims due messages with
 * {@code FOR UPDATE SKIP LOCKED} and leases them ({@code lease_token}, {@code leased_until}); (2)
 * each is sent outside any transaction; (3) another short transaction records the attempt and, if
 * the lease still holds, the new status. Any number of instances can poll the same table: they
 * take different rows, and a message whose instance died mid-send is due again when its lease
 * runs out. A failed attempt is retried with exponential backoff
 * ({@code firstRetryAfter * 2^(attempt-1)}, capped at {@code maxRetryDelay}) until
 * {@code maxAttempts}, then the message is marked dead (it can be retried by hand through the API).
 *
 * <p>Webhooks are POSTed with {@code OpenRMA-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "t.body" keyed with the merchant's webhook secret>}. Delivery is at-least-once: receivers
 * deduplicate on {@code OpenRMA-Event-Id}.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    public static final String SIGNATURE_HEADER = "OpenRMA-Signature";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Merchants merchants;
    private final OpenRmaProperties.Outbox settings;
    private final HttpClient http;
    private final OperationsMetrics metrics;
    private ScheduledExecutorService poller;

    private final WebhookTargets webhookTargets;
    private final WebhookEndpoints endpoints;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate tx, Clock clock, Merchants merchants, OpenRmaProperties properties,
                       OperationsMetrics metrics, WebhookTargets webhookTargets, WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
        this.metrics = metrics;
        this.webhookTargets = webhookTargets;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.merchants = merchants;
        this.settings = properties.outbox();
        this.http = HttpClient.newBuilder().connectTimeout(settings.httpTimeout()).build();
    }

    /** Delivers every message due now; returns how many attempts were made. */
    public int deliverDue() {
        int attempts = 0;
        for (List<Leased> batch = claimDue(); !batch.isEmpty(); batch = claimDue()) {
            for (Leased leased : batch) {
                record(leased, send(leased));
                attempts++;
            }
        }
        return attempts;
    }

    /** A message this instance claimed: nobody else sends it until {@code leased_until}, and only this lease may record the result. */
    record Leased(Outbox.Message message, UUID token, Instant claimedAt) {}

    /** The outcome of one attempt, measured outside any transaction. */
    record Result(Integer statusCode, String error, int durationMs) {}

    /**
     * Step 1, a short transaction: takes up to {@code batchSize} due messages that no one holds
     * ({@code FOR UPDATE SKIP LOCKED}, so instances polling together take different rows) and
     * leases them until now + {@code leaseTime}. A lease that runs out (the instance died while
     * sending) makes the message due again for any instance.
     */
    List<Leased> claimDue() {
        Instant now = clock.instant();
        List<Leased> leased = tx.execute(s -> {
            List<Outbox.Message> due = jdbc.sql("""
                    select * from outbox where status = 'pending' and next_attempt_at <= ? and (leased_until is null or leased_until <= ?)
                    order by next_attempt_at, id limit ? for update skip locked""")
                    .params(Timestamp.from(now), Timestamp.from(now), settings.batchSize()).query(Outbox::map).list();
            List<Leased> out = new ArrayList<>();
            for (Outbox.Message m : due) {
                UUID token = UUID.randomUUID();
                jdbc.sql("update outbox set lease_token = ?, leased_until = ?, leased_by = ? where id = ?")
                        .params(token, Timestamp.from(now.plus(settings.leaseTime())), INSTANCE, m.id()).update();
                out.add(new Leased(m, token, now));
            }
            return out;
        });
        return leased == null ? List.of() : leased;
    }

    /** Step 2, outside any transaction and holding no lock: one attempt to send. */
    private Result send(Leased leased) {
        Outbox.Message m = leased.message();
        long started = System.nanoTime();
        Integer statusCode = null;
        String error = null;
        try {
            Merchant merchant = merchants.get(m.merchantId());
            if (m.channel() == Outbox.Channel.WEBHOOK) {
                statusCode = postWebhook(merchant, m);
                if (statusCode < 200 || statusCode >= 300) {
                    error = "endpoint answered HTTP " + statusCode;
                }
            } else {
                sendEmail(merchant, m);
            }
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return new Result(statusCode, error, (int) ((System.nanoTime() - started) / 1_000_000));
    }

    /**
     * Step 3, another short transaction: the attempt is recorded, and the message's status moves on
     * only if this lease still holds it (else another instance took it over after the lease ran out,
     * and its own result counts).
     */
    private void record(Leased leased, Result r) {
        Outbox.Message m = leased.message();
        Instant at = leased.claimedAt();
        tx.executeWithoutResult(s -> {
            jdbc.sql("insert into delivery_attempt (outbox_id, at, status_code, error, duration_ms) values (?, ?, ?, ?, ?)")
                    .params(m.id(), Timestamp.from(at), r.statusCode(), r.error(), r.durationMs()).update();
            int attempt = m.attempts() + 1;
            int updated;
            if (r.error() == null) {
                updated = jdbc.sql("""
                        update outbox set status = 'delivered', attempts = ?, delivered_at = ?, last_error = null, last_status = ?,
                            lease_token = null, leased_until = null where id = ? and lease_token = ?""")
                        .params(attempt, Timestamp.from(at), r.statusCode(), m.id(), leased.token()).update();
            } else {
                boolean dead = attempt >= settings.maxAttempts();
                updated = jdbc.sql("""
                        update outbox set status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, last_status = ?,
                            lease_token = null, leased_until = null where id = ? and lease_token = ?""")
                        .params(dead ? "dead" : "pending", attempt, Timestamp.from(at.plus(backoff(attempt))), r.error(), r.statusCode(),
                                m.id(), leased.token())
                        .update();
                log.info("delivery of outbox message {} ({}) failed on attempt {}: {}", m.id(), m.eventType(), attempt, r.error());
                metrics.deliveryFailed(m.eventType(), dead);
            }
            if (updated == 0) {
                log.warn("the lease on outbox message {} ran out before its attempt was recorded; another instance has it now", m.id());
            }
        });
    }

    /** This instance, as named in {@code outbox.leased_by}. */
    private static final String INSTANCE = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();

    /** The wait after the n-th failed attempt: doubling from {@code firstRetryAfter}, capped. */
    Duration backoff(int failedAttempts) {
        Duration d = settings.firstRetryAfter().multipliedBy(1L << Math.min(failedAttempts - 1, 30));
        return d.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : d;
    }

    /**
     * Where a webhook goes and the secrets it is signed with: a webhook endpoint's current URL and
     * its secrets (two during a rotation's overlap), or the merchant's own URL and secret.
     */
    private record Target(String url, List<String> secrets) {}

    private Target target(Merchant merchant, Outbox.Message m) {
        if (m.webhookEndpointId() == null) {
            return new Target(m.destination(), List.of(merchant.webhookSecret()));
        }
        WebhookEndpoints.WebhookEndpoint e = endpoints.findForDelivery(merchant.id(), m.webhookEndpointId())
                .orElseThrow(() -> new IllegalStateException("webhook endpoint " + m.webhookEndpointId() + " is gone"));
        if (e.deletedAt() != null) {
            throw new IllegalStateException("the webhook endpoint was deleted");
        }
        return new Target(e.url(), e.signingSecrets(clock.instant()));
    }

    private int postWebhook(Merchant merchant, Outbox.Message m) throws Exception {
        Target target = target(merchant, m);
        java.util.Optional<String> refused = webhookTargets.problem(target.url());
        if (refused.isPresent()) {
            throw new IllegalStateException("webhook target refused: " + refused.get());
        }
        String body = Json.write(m.payload());
        long t = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.url()))
                .timeout(settings.httpTimeout())
                .header("Content-Type", "application/json")
                .header("OpenRMA-Event-Id", m.eventId().toString())
                .header("OpenRMA-Event-Type", m.eventType())
                .header(SIGNATURE_HEADER, signature(target.secrets(), t, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** {@code t=<seconds>,v1=<hex HMAC-SHA256(secret, "<seconds>.<body>")>}. */
    public static String signature(String secret, long epochSeconds, String body) {
        return signature(List.of(secret), epochSeconds, body);
    }

    /**
     * One {@code v1} per secret, current first (Stripe's scheme while a rolled secret overlaps): a
     * receiver accepts the event when any {@code v1} matches the secret it holds.
     */
    public static String signature(List<String> secrets, long epochSeconds, String body) {
        StringBuilder header = new StringBuilder("t=" + epochSeconds);
        for (String secret : secrets) {
            byte[] mac = Secrets.hmacSha256(secret.getBytes(StandardCharsets.UTF_8),
                    (epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            header.append(",v1=").append(HexFormat.of().formatHex(mac));
        }
        return header.toString();
    }

    private void sendEmail(Merchant merchant, Outbox.Message m) throws Exception {
        Merchant.Smtp smtp = merchant.smtp();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setUsername(smtp.username());
        sender.setPassword(smtp.password());
        Properties p = sender.getJavaMailProperties();
        p.put("mail.smtp.auth", String.valueOf(smtp.username() != null));
        p.put("mail.smtp.starttls.enable", String.valueOf(smtp.startTls()));
        p.put("mail.smtp.connectiontimeout", String.valueOf(settings.httpTimeout().toMillis()));
        p.put("mail.smtp.timeout", String.valueOf(settings.httpTimeout().toMillis()));
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(smtp.from());
        helper.setTo(m.destination());
        helper.setSubject(m.payload().get("subject").asString());
        helper.setText(m.payload().get("body").asString());
        message.setHeader("X-OpenRMA-Event-Id", m.eventId().toString());
        sender.send(message);
    }

    // --- background polling -------------------------------------------------------------

    @Override
    public synchronized void start() {
        if (!settings.pollerEnabled() || poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
        });
        long ms = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(() -> {
            try {
                deliverDue();
            } catch (RuntimeException e) {
                log.warn("outbox relay pass failed", e);
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdown();
            try {
                poller.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            poller = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }
}

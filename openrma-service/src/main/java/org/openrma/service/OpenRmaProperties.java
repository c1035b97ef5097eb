package org.openrma.service;

import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code openrma.*}. Environment variables bind by the usual relaxed rules:
 * {@code OPENRMA_DB_URL} sets {@code openrma.db.url}.
 */
@ConfigurationProperties("openrma")
public record OpenRmaProperties(
        @DefaultValue Db db,
        @DefaultValue Seed seed,
        @DefaultValue CustomerTokens customerTokens,
        @DefaultValue Outbox outbox,
        @DefaultValue Deadlines deadlines,
        @DefaultValue SecretsAtRest secrets,
        @DefaultValue Reads reads) {

    /**
     * The database. When neither {@code url} nor {@code spring.datasource.url} is set, an embedded
     * PostgreSQL is started with its data in {@code embeddedDataDir}, so it survives a restart.
     */
    public record Db(String url, String user, String password,
                     @DefaultValue("./data/pg") String embeddedDataDir,
                     @DefaultValue("0") int embeddedPort) {}

    /** Demo merchants, API keys and orders loaded at start-up; turn off with OPENRMA_SEED_ENABLED=false. */
    public record Seed(@DefaultValue("true") boolean enabled) {}

    public record CustomerTokens(@DefaultValue("30m") Duration ttl) {}

    /** {@code leaseTime}: how long a claimed message is left to its instance before another may send it. */
    public record Outbox(@DefaultValue("true") boolean pollerEnabled,
                         @DefaultValue("1s") Duration pollInterval,
                         @DefaultValue("10s") Duration firstRetryAfter,
                         @DefaultValue("1h") Duration maxRetryDelay,
                         @DefaultValue("8") int maxAttempts,
                         @DefaultValue("5s") Duration httpTimeout,
                         @DefaultValue("60s") Duration leaseTime,
                         @DefaultValue("10") int batchSize) {}

    /** Deadlines run as db-scheduler tasks; {@code evidenceDays} is how long a customer has to send missing evidence. */
    public record Deadlines(@DefaultValue("true") boolean schedulerEnabled,
                            @DefaultValue("10s") Duration pollInterval,
                            @DefaultValue("14") int evidenceDays,
                            @DefaultValue("2") int slaDueSoonDays) {}

    /**
     * The key merchant secrets (webhook secrets, SMTP passwords) are encrypted with (AES-256-GCM):
     * base64 of 32 random bytes, e.g. {@code OPENRMA_SECRETS_KEY=$(openssl rand -base64 32)}.
     * Unset: a key is generated once into the database's {@code service_secret} table, which suits
     * the embedded database; with an external database, set it (and keep it out of the database).
     */
    public record SecretsAtRest(String key) {}

    /**
     * {@code renderedCache}: how much JSON (claims and decisions as the API writes them, counted in characters, about a
     * byte each) an instance keeps to copy into single-RMA reads instead of parsing and writing the stored rows again; the
     * least useful is evicted first. About 9 KB per RMA with its latest decision: 64MB keeps some 7,000 RMAs. 0 keeps none.
     */
    public record Reads(@DefaultValue("64MB") DataSize renderedCache) {
        public Reads {
            if (renderedCache.isNegative()) {
                throw new IllegalArgumentException("openrma.reads.rendered-cache: must be 0 or more, not " + renderedCache);
            }
        }
    }
}

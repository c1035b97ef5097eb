package org.openrma.service.web;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Rate limits, as Bucket4j token buckets held in memory by each instance (so with N instances a
 * client may get up to N times the limit; the limits are set low enough for that). Customer sign-in
 * (API and portal) is limited per order and per client address, the API per key or customer token.
 * Time comes from the service's {@link Clock}. Over a limit: 429 with {@code Retry-After}.
 */
@Component
public class RateLimits {

    /**
     * {@code openrma.rate-limits.*}: attempts allowed per period.
     *
     * @param signInPerOrder customer sign-in attempts for one order number (right or wrong e-mail)
     * @param signInPerClient customer sign-in attempts from one client address
     * @param signInPeriod the period of both sign-in limits
     * @param apiPerKey API requests per API key or customer token
     * @param apiPeriod the period of the API limit
     */
    @ConfigurationProperties("openrma.rate-limits")
    public record Settings(@DefaultValue("10") int signInPerOrder, @DefaultValue("50") int signInPerClient,
                           @DefaultValue("15m") Duration signInPeriod,
                           @DefaultValue("1200") int apiPerKey, @DefaultValue("1m") Duration apiPeriod) {}

    /** A request over a limit; {@code retryAfter} is how long until one more is allowed. */
    public static final class Exceeded extends RuntimeException {
        private final Duration retryAfter;

        Exceeded(String what, Duration retryAfter) {
            super("too many " + what + "; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
            this.retryAfter = retryAfter;
        }

        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private static final int MAX_TRACKED = 100_000;

    private final Settings settings;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED; // the least recently used key goes first, so memory stays bounded
        }
    };

    public RateLimits(Settings settings, Clock clock) {
        this.settings = settings;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** One customer sign-in attempt for {@code orderNumber} at {@code merchant} from {@code client}; throws {@link Exceeded}. */
    public void customerSignIn(String merchant, String orderNumber, String client) {
        take("client:" + client, settings.signInPerClient(), settings.signInPeriod(), "sign-in attempts from your address");
        take("order:" + merchant + ":" + (orderNumber == null ? "" : orderNumber.strip().toLowerCase(java.util.Locale.ROOT)),
                settings.signInPerOrder(), settings.signInPeriod(), "sign-in attempts for this order");
    }

    /** One API request by the caller with {@code scope} (an API key or a customer token's order). */
    public void api(String scope) {
        take("api:" + scope, settings.apiPerKey(), settings.apiPeriod(), "requests with this API key");
    }

    private void take(String key, int capacity, Duration period, String what) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key, k -> Bucket.builder().withCustomTimePrecision(time)
                    .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period)).build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new Exceeded(what, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}

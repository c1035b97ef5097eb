package org.openrma.service.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The domain's events as Prometheus metrics of this instance, counted where they happen (sum them over
 * instances in Prometheus). The state of the whole system, the same on every instance, is in
 * {@link DatabaseGauges}.
 *
 * <ul>
 *   <li>{@code openrma_claims_decided_total{policy, outcome}}: decisions of the engine on filed claims
 *       (a filing and every re-decision: evidence added, item received, inspected); outcome {@code error}
 *       when the engine failed;</li>
 *   <li>{@code openrma_decision_seconds{policy}}: how long the engine took (histogram);</li>
 *   <li>{@code openrma_outbox_delivery_failures_total{event, final}}: failed deliveries of e-mails and
 *       webhooks, {@code final="true"} when the message was given up (dead);</li>
 *   <li>{@code openrma_sla_breaches_total}: open RMAs flagged past their SLA date.</li>
 * </ul>
 */
@Component
public class OperationsMetrics {

    private final MeterRegistry registry;
    private final Counter slaBreaches;

    public OperationsMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.slaBreaches = Counter.builder("openrma.sla.breaches").description("Open RMAs flagged past their SLA date").register(registry);
    }

    /** A decision of the engine on a filed claim; {@code outcome} is its wire name, or null when the engine failed. */
    public void decided(String policyId, String outcome, Duration took) {
        Counter.builder("openrma.claims.decided").description("Claims decided by the engine, by policy and outcome")
                .tag("policy", policyId).tag("outcome", outcome == null ? "error" : outcome)
                .register(registry).increment();
        Timer.builder("openrma.decision").description("Time the engine took to decide a claim")
                .tag("policy", policyId).publishPercentileHistogram()
                .register(registry).record(took);
    }

    public void deliveryFailed(String eventType, boolean givenUp) {
        Counter.builder("openrma.outbox.delivery.failures").description("Failed deliveries of e-mails and webhooks")
                .tag("event", eventType).tag("final", Boolean.toString(givenUp))
                .register(registry).increment();
    }

    public void slaBreached() {
        slaBreaches.increment();
    }
}

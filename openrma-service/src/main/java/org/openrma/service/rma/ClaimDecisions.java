package org.openrma.service.rma;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.openrma.claim.InvalidClaimException;
import org.openrma.decision.Decision;
import org.openrma.service.db.Write;
import org.openrma.service.db.Writes;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.ops.OperationsMetrics;
import org.openrma.service.policy.MerchantPolicies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides an RMA's claim as it stands and stores each decision with the exact claim it was given.
 * If the engine fails, the failure is stored and the claim goes to review: a claim is never lost.
 */
@Component
class ClaimDecisions {

    private static final Logger log = LoggerFactory.getLogger(ClaimDecisions.class);

    private final Rmas rmas;
    private final MerchantPolicies policies;
    private final ClaimUnits units;
    private final Clock clock;
    private final OperationsMetrics metrics;
    private final Writes writes;

    ClaimDecisions(Rmas rmas, MerchantPolicies policies, ClaimUnits units, Clock clock, OperationsMetrics metrics, Writes writes) {
        this.rmas = rmas;
        this.policies = policies;
        this.units = units;
        this.clock = clock;
        this.metrics = metrics;
        this.writes = writes;
    }

    /** Decides the claim after bringing unit history in (a voided serial adds the fact warranty_voided). */
    Decided decide(Merchant merchant, UUID rmaId, String policyId, ClaimDocument claim, String trigger, int seq) {
        units.applyHistory(merchant.id(), claim);
        var parsed = claim.claim();
        Instant now = clock.instant();
        Decision decision = null;
        String error = null;
        long started = System.nanoTime();
        try {
            decision = policies.decide(merchant.id(), policyId, parsed, now);
        } catch (InvalidClaimException e) {
            // a word or attribute the merchant's policy does not declare: the caller's mistake, refused with its field
            throw e;
        } catch (RuntimeException e) {
            log.error("the engine failed to decide RMA {} under {}", rmaId, policyId, e);
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        metrics.decided(policyId, decision == null ? null : decision.outcome().wire(), Duration.ofNanos(System.nanoTime() - started));
        return new Decided(decision == null ? null : decision.outcome(), decision, RenderedDocuments.ShownDecision.written(decision), seq, trigger, now, policyId, claim.json().deepCopy(), error);
    }

    /** The next decision on an existing RMA. */
    Decided decideAgain(Merchant merchant, Rma rma, ClaimDocument claim, String trigger) {
        return decide(merchant, rma.id(), rma.policyId(), claim, trigger, rmas.nextDecisionSeq(rma.id()));
    }

    /** Stores a decision once its RMA row exists. */
    void store(Rma rma, Decided d) {
        if (d != null) {
            writes.one(storing(rma, d));
        }
    }

    /** The decision's row, to be sent with the other rows of the change that made it ({@link Writes#together}). */
    Write storing(Rma rma, Decided d) {
        Decision decision = d.decision();
        return rmas.insertingDecision(rma.merchantId(), rma.id(), d.seq(), d.trigger(), d.at(), d.outcomeWire(), d.policyId(),
                decision == null ? null : decision.policyVersion().version(), decision == null ? null : decision.policyVersion().sha256(),
                d.claim(), d.json(), d.error());
    }

    /** What the latest stored decision settled, or null when the RMA has none. */
    DecidedTerms latestTerms(Rma rma) {
        return DecidedTerms.of(rmas.latestDecision(rma.merchantId(), rma.id()).map(Rmas.StoredDecision::typed).orElse(null));
    }
}

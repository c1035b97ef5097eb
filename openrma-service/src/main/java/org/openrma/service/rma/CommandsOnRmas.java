package org.openrma.service.rma;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openrma.service.access.Caller;
import org.openrma.service.audit.AuditTrail;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.merchant.Merchants;
import org.openrma.service.policy.MerchantPolicies;
import org.openrma.service.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * A command on an RMA, in five steps: check it against {@link RmaLifecycle} and the version the
 * caller saw; record on the claim what happened and decide again where the policy may answer
 * differently; save; audit; announce.
 */
@Component
class CommandsOnRmas {

    private final Rmas rmas;
    private final Merchants merchants;
    private final MerchantPolicies policies;
    private final ClaimDecisions decisions;
    private final ClaimUnits units;
    private final Resolutions resolutions;
    private final AuditTrail audit;
    private final Announcements announcements;
    private final Clock clock;

    private final ClaimableQuantities claimable;

    CommandsOnRmas(Rmas rmas, Merchants merchants, MerchantPolicies policies, ClaimDecisions decisions, ClaimUnits units, Resolutions resolutions,
                AuditTrail audit, Announcements announcements, Clock clock, ClaimableQuantities claimable) {
        this.claimable = claimable;
        this.rmas = rmas;
        this.merchants = merchants;
        this.policies = policies;
        this.decisions = decisions;
        this.units = units;
        this.resolutions = resolutions;
        this.audit = audit;
        this.announcements = announcements;
        this.clock = clock;
    }

    /** What a command did: the RMA as it is to be saved, the decision it led to (or null), and what the audit event adds. */
    private record Handled(Rma next, Decided decided, Map<String, Object> detail) {}

    Rma apply(Caller caller, UUID rmaId, RmaManagement.Versioned expected, RmaCommand command) {
        // 1. check
        Rma rma = rmas.find(caller.merchantId(), rmaId, caller.orderScope()).orElseThrow(() -> new Refusal.NotFound("RMA", rmaId));
        RmaLifecycle.Actor actor = RmaLifecycle.Actor.of(caller);
        if (expected != null && expected.version() != rma.version()) {
            throw stale(rma, expected);
        }
        RmaLifecycle.Transition transition = RmaLifecycle.check(rma.status(), command.action(), actor);
        Merchant merchant = merchants.current(caller.merchantId());
        Map<String, Object> before = Announcements.auditState(rma);
        // 2. handle
        Handled handled = handle(caller, merchant, rma, command, transition, clock.instant());
        Rma next = handled.next();
        // 3. save
        if (!rmas.update(next)) {
            throw stale(rma, expected);
        }
        decisions.store(rma, handled.decided());
        Rma saved = rmas.find(caller.merchantId(), rma.id(), null).orElseThrow();
        // 4. audit
        Map<String, Object> after = Announcements.auditState(saved);
        after.putAll(handled.detail());
        audit.record(caller, "rma." + command.action().wire(), "rma", rma.id(), before, after);
        // 5. announce
        announcements.announce(merchant, saved, rma.status(), handled.decided() == null ? null : handled.decided().decision(), "rma.status_changed");
        return saved;
    }

    /** Records on the claim what the command did; the lifecycle table, never the handler, names the status it leads to. */
    private Handled handle(Caller caller, Merchant merchant, Rma rma, RmaCommand command, RmaLifecycle.Transition transition, Instant now) {
        ClaimDocument claim = ClaimDocument.copyOf(rma.claim());
        Map<String, Object> detail = new LinkedHashMap<>();
        Rma unchanged = rma.changedAt(now);
        return switch (command) {
            case RmaCommand.AddEvidence c -> {
                claim.addWords("evidence", c.evidence());
                claim.addWords("facts", c.facts());
                Decided decided = decisions.decideAgain(merchant, rma, claim, "evidence_added");
                RmaStatus status = transition.target(decided.outcome());
                if (status == RmaStatus.AUTHORIZED) {
                    claim.rmaIssuedAt(now.toString());
                }
                yield new Handled(unchanged.with(status).decided(decided.outcomeWire(), claim.json())
                        .due(status == RmaStatus.AUTHORIZED ? decided.deadline("ship_back_by") : null,
                                status == RmaStatus.NEEDS_EVIDENCE ? rma.evidenceDueBy() : null, decided.slaDueOr(rma.slaDueBy()))
                        .withResolution(rma.resolution()), decided, detail);
            }
            case RmaCommand.Approve c -> {
                claim.rmaIssuedAt(now.toString());
                detail.put("note", c.note());
                yield new Handled(authorized(unchanged, transition.target(), rma, claim), null, detail);
            }
            case RmaCommand.Override c -> {
                if (!rma.status().isOpen()) {
                    claimable.checkRevived(rma, claim.claim());
                }
                claim.rmaIssuedAt(now.toString());
                detail.put("reason", c.reason());
                detail.put("override_of", rma.outcome());
                detail.put("discretion_clauses", discretionClauses(merchant, rma, claim));
                yield new Handled(authorized(unchanged, transition.target(), rma, claim), null, detail);
            }
            case RmaCommand.Reject c -> {
                detail.put("reason", c.reason());
                yield new Handled(moved(unchanged, transition.target(), claim).due(null, null, rma.slaDueBy()), null, detail);
            }
            case RmaCommand.ShipBack c -> {
                claim.shippedBackAt(c.shippedAt() != null ? c.shippedAt() : now);
                if (c.returnShippingCost() != null) {
                    claim.cost("return_shipping", c.returnShippingCost());
                }
                detail.put("carrier", c.carrier());
                detail.put("tracking", c.tracking());
                // the tracking of a prepaid label stays unless the customer reports another parcel
                String reported = c.tracking() == null ? rma.returnTracking() : (c.carrier() == null ? "" : c.carrier() + " ") + c.tracking();
                yield new Handled(moved(unchanged, transition.target(), claim).due(rma.shipBackBy(), null, rma.slaDueBy())
                        .withReturnTracking(reported), null, detail);
            }
            case RmaCommand.Receive c -> {
                claim.receivedAt(c.receivedAt() != null ? c.receivedAt() : now);
                // Decided again: deadlines counted from receipt (processing_by, refund_by) appear now.
                Decided decided = decisions.decideAgain(merchant, rma, claim, "received");
                yield new Handled(redecided(unchanged, transition.target(decided.outcome()), decided, claim, rma), decided, detail);
            }
            case RmaCommand.Inspect c -> {
                claim.inspected(c.finding(), now);
                claim.addWords("facts", c.facts());
                if (c.customs() != null) {
                    claim.cost("customs", c.customs());
                }
                if (c.handling() != null) {
                    claim.cost("handling", c.handling());
                }
                if (c.returnLogistics() != null) {
                    claim.cost("return_logistics", c.returnLogistics());
                }
                c.lines().forEach(claim::assessed);
                detail.put("notes", c.notes());
                units.inspected(merchant.id(), claim, rma.id(), c);
                Decided decided = decisions.decideAgain(merchant, rma, claim, "inspected");
                detail.put("finding", c.finding().wire());
                yield new Handled(redecided(unchanged, transition.target(decided.outcome()), decided, claim, rma), decided, detail);
            }
            case RmaCommand.Resolve c -> {
                detail.putAll(resolutions.resolve(caller, rma, claim, decisions.latestTerms(rma), c));
                yield new Handled(moved(unchanged, transition.target(), claim).due(null, null, rma.slaDueBy())
                        .withResolution(c.resolution() == null ? Resolutions.AMENDMENT : c.resolution().wire()).shippedOut(c.outboundCarrier(), c.outboundTracking()),
                        null, detail);
            }
            case RmaCommand.Consent c -> {
                DecidedTerms decision = decisions.latestTerms(rma);
                if (decision == null || !decision.needsConsent()) {
                    throw new Refusal.Conflict("no-consent-needed", "the decision on RMA " + rma.number() + " offers nothing that needs consent");
                }
                detail.put("note", c.note());
                yield new Handled(moved(unchanged, transition.target(), claim).consentedAt(now), null, detail);
            }
            case RmaCommand.Cancel c -> {
                detail.put("reason", c.reason());
                yield new Handled(moved(unchanged, transition.target(), claim).due(null, null, rma.slaDueBy()), null, detail);
            }
            case RmaCommand.Close c -> new Handled(moved(unchanged, transition.target(), claim).due(null, null, rma.slaDueBy())
                    .withResolution(rma.resolution()), null, detail);
            case RmaCommand.Expire c -> {
                detail.put("deadline", c.deadline());
                yield new Handled(moved(unchanged, transition.target(), claim), null, detail);
            }
        };
    }

    /**
     * The RMA in a new status with the claim as it now stands, its dates kept, and no resolution (a
     * resolution is set only by resolving; closing and new decisions carry it over explicitly).
     */
    private static Rma moved(Rma rma, RmaStatus status, ClaimDocument claim) {
        return rma.with(status).decided(rma.outcome(), claim.json()).withResolution(null);
    }

    /** Authorized by an agent: ship back by the latest decision's date. */
    private Rma authorized(Rma unchanged, RmaStatus status, Rma rma, ClaimDocument claim) {
        DecidedTerms terms = decisions.latestTerms(rma);
        return moved(unchanged, status, claim).due(terms == null ? null : terms.deadline("ship_back_by"), null, rma.slaDueBy());
    }

    /** Decided again on receipt or inspection: the new outcome, and the SLA date the new decision sets. */
    private static Rma redecided(Rma unchanged, RmaStatus status, Decided decided, ClaimDocument claim, Rma rma) {
        return unchanged.with(status).decided(decided.outcomeWire(), claim.json()).due(null, null, decided.slaDueOr(rma.slaDueBy()))
                .withResolution(null);
    }

    /** The policy's discretion clauses ("at our discretion") an override rests on, as cited text. */
    private List<String> discretionClauses(Merchant merchant, Rma rma, ClaimDocument claim) {
        try {
            return policies.catalog(merchant.id()).versionInForce(rma.policyId(), claim.placedAt())
                    .map(p -> p.discretion().stream().map(c -> c.id() + ": " + c.text()).toList())
                    .orElse(List.of());
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static Refusal stale(Rma current, RmaManagement.Versioned expected) {
        return new Refusal.Stale("RMA " + current.number() + " was changed by someone else (you sent version "
                        + (expected == null ? "?" : expected.version()) + "); reload it and try again", expected != null && expected.fromIfMatch());
    }
}

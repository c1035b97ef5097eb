package org.openrma.service.rma;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.openrma.claim.Evidence;
import org.openrma.claim.Fact;
import org.openrma.claim.Finding;
import org.openrma.decision.Resolution;

/** A command on an existing RMA, one record per {@link RmaAction}; the lifecycle table decides whether it is allowed. */
public sealed interface RmaCommand {

    RmaAction action();

    /** Evidence (and facts the customer declares) sent after the engine asked for it; the claim is decided again. */
    record AddEvidence(Set<Evidence> evidence, Set<Fact> facts) implements RmaCommand {
        public RmaAction action() { return RmaAction.ADD_EVIDENCE; }
    }

    record Approve(String note) implements RmaCommand {
        public RmaAction action() { return RmaAction.APPROVE; }
    }

    record Reject(String reason) implements RmaCommand {
        public RmaAction action() { return RmaAction.REJECT; }
    }

    /** The merchant's discretion: authorize a claim the policy rejected. */
    record Override(String reason) implements RmaCommand {
        public RmaAction action() { return RmaAction.OVERRIDE; }
    }

    record ShipBack(Instant shippedAt, String carrier, String tracking, BigDecimal returnShippingCost) implements RmaCommand {
        public RmaAction action() { return RmaAction.SHIP_BACK; }
    }

    record Receive(Instant receivedAt) implements RmaCommand {
        public RmaAction action() { return RmaAction.RECEIVE; }
    }

    /**
     * The inspection's finding and the facts it established; the claim is decided again with them.
     * {@code customs}, {@code handling} and {@code returnLogistics} (the carrier's charges for a
     * refused or returned-to-sender parcel) are costs a policy may deduct. {@code lines} are what
     * consumer law leaves to the inspection, per claimed SKU: the diminished value from handling
     * beyond testing, and a deduction for use where the law allows one.
     */
    record Inspect(Finding finding, Set<Fact> facts, BigDecimal customs, BigDecimal handling, String notes, BigDecimal returnLogistics,
                   List<InspectedLine> lines)
            implements RmaCommand {

        public Inspect {
            lines = lines == null ? List.of() : List.copyOf(lines);
        }

        public Inspect(Finding finding, Set<Fact> facts, BigDecimal customs, BigDecimal handling, String notes) {
            this(finding, facts, customs, handling, notes, null, List.of());
        }

        public RmaAction action() { return RmaAction.INSPECT; }
    }

    /** Consumer law's amounts an inspection sets for one claimed SKU (null: not assessed). */
    record InspectedLine(String sku, BigDecimal diminishedValue, BigDecimal useDeduction) {}

    /**
     * Carries out one resolution. {@code refund} is only accepted when an agent authorized the
     * claim against the engine's decision; otherwise the decided refund is paid (or credited, for
     * store credit). {@code exchange} names the item given in exchange and its price, so the price
     * difference is settled either way. {@code resolution} may be null only for an amendment,
     * which is carried out as described in {@code note}.
     */
    record Resolve(Resolution resolution, BigDecimal refund, String replacementSerial, String outboundCarrier, String outboundTracking,
                   String note, Exchange exchange) implements RmaCommand {

        public Resolve(Resolution resolution, BigDecimal refund, String replacementSerial, String outboundCarrier, String outboundTracking,
                       String note) {
            this(resolution, refund, replacementSerial, outboundCarrier, outboundTracking, note, null);
        }

        public RmaAction action() { return RmaAction.RESOLVE; }
    }

    /** The item given in exchange: its SKU and its price (in the order's currency). */
    record Exchange(String sku, BigDecimal price) {}

    /** The customer agrees to the substitute replacement the decision offers (needs_consent). */
    record Consent(String note) implements RmaCommand {
        public RmaAction action() { return RmaAction.CONSENT; }
    }

    record Cancel(String reason) implements RmaCommand {
        public RmaAction action() { return RmaAction.CANCEL; }
    }

    record Close() implements RmaCommand {
        public RmaAction action() { return RmaAction.CLOSE; }
    }

    /** A deadline passed: {@code deadline} names it (ship_back_by, evidence_due_by). */
    record Expire(String deadline) implements RmaCommand {
        public RmaAction action() { return RmaAction.EXPIRE; }
    }
}

package org.openrma.claim;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openrma.decision.Resolution;

/**
 * What the customer asks, with what is known so far: evidence supplied, facts declared or found,
 * costs incurred, the inspection result and the return shipment's events once they happen.
 */
public record Request(
        ClaimKind kind,
        Instant submittedAt,
        Reason reason,
        List<RequestLine> lines,
        boolean keepsFreeGifts,
        Set<Evidence> evidence,
        Set<Fact> facts,
        Costs costs,
        String protectionPlan,
        Inspection inspection,
        Instant rmaIssuedAt,
        Instant shippedBackAt,
        ShippingMethod returnShippingMethod,
        Resolution preferredResolution) {

    public Request {
        lines = List.copyOf(lines);
        evidence = Set.copyOf(evidence);
        facts = Set.copyOf(facts);
    }

    public Optional<Inspection> inspectionResult() {
        return Optional.ofNullable(inspection);
    }
}

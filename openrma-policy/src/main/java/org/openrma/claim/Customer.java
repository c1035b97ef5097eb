package org.openrma.claim;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The buyer. {@code tier} and {@code attributes} are fixed at purchase (membership level, country,
 * ...); {@code previousReturns} lists when this customer filed earlier returns, for fair-use rules;
 * {@code history} describes earlier claims in full, for counters by kind, resolution and item.
 */
public record Customer(String id, String email, String tier, Map<String, String> attributes, List<Instant> previousReturns,
        List<PastClaim> history) {

    public Customer {
        attributes = Map.copyOf(attributes);
        previousReturns = List.copyOf(previousReturns);
        history = List.copyOf(history);
    }

    public Customer(String id, String email, String tier, Map<String, String> attributes, List<Instant> previousReturns) {
        this(id, email, tier, attributes, previousReturns, List.of());
    }
}

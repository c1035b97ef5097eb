package org.openrma.claim;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The buyer. {@code tier} and {@code attributes} are fixed at purchase (membership level, country,
 * ...); {@code previousReturns} lists when this customer filed earlier returns, for fair-use rules.
 */
public record Customer(String id, String email, String tier, Map<String, String> attributes, List<Instant> previousReturns) {

    public Customer {
        attributes = Map.copyOf(attributes);
        previousReturns = List.copyOf(previousReturns);
    }
}

package org.openrma.claim;

import java.time.Instant;

/**
 * An earlier claim of the same customer, as the shop's history records it, for counters such as
 * "one exchange per mattress" or "no more than 3 returns in 90 days". Words are as written
 * ({@code resolution} is null while the claim is open).
 */
public record PastClaim(String kind, Instant submittedAt, String reason, String resolution, String sku, String category) {}

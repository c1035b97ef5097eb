package org.openrma.claim;

import java.time.Instant;

/** The merchant's inspection of a returned item; {@code receivedAt} is when it reached them. */
public record Inspection(Finding finding, Instant receivedAt) {}

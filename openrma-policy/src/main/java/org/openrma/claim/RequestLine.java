package org.openrma.claim;

/** A line the customer claims: how many units and in what condition (null when not stated). */
public record RequestLine(String sku, int quantity, ItemCondition condition) {}

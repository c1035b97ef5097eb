package org.openrma.decision;

/** A clause of the merchant's own policy text, by its id in the policy file. */
public record Citation(String id, String text) {}

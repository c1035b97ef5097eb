package org.openrma.policy;

import java.util.Collection;

/** A policy id that no loaded policy file declares. */
public final class UnknownPolicyException extends RuntimeException {

    public UnknownPolicyException(String id, Collection<String> known) {
        super("unknown policy '" + id + "'; known policies: " + String.join(", ", known.stream().sorted().toList()));
    }
}

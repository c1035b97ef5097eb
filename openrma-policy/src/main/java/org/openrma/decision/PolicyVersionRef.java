package org.openrma.decision;

import java.time.LocalDate;

/** Identity of the policy version that decided: its id, version label, effective date and content hash. */
public record PolicyVersionRef(String policy, String version, LocalDate effectiveFrom, String sha256) {

    @Override
    public String toString() {
        return policy + "@" + version;
    }
}

package org.openrma.service.rma;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.stream.Stream;
import org.openrma.decision.Decision;
import org.openrma.decision.Outcome;
import tools.jackson.databind.JsonNode;

/**
 * One decision on an RMA's claim, before it is stored: the engine's answer (or its failure), the same written as it is stored
 * and answered, and the exact claim it was given.
 */
record Decided(Outcome outcome, Decision decision, RenderedDocuments.ShownDecision shown, int seq, String trigger, Instant at, String policyId, JsonNode claim,
               String error) {

    /** The decision's JSON as stored and answered; null when the engine failed. */
    String json() {
        return shown == null ? null : shown.body().json();
    }

    String outcomeWire() {
        return outcome == null ? null : outcome.wire();
    }

    LocalDate deadline(String name) {
        return decision == null ? null : decision.deadlines().get(name);
    }

    /** The earliest date by which the merchant must act: processing, refund or exchange. */
    LocalDate slaDue() {
        if (decision == null) {
            return null;
        }
        return Stream.of("processing_by", "refund_by", "exchange_by").map(decision.deadlines()::get).filter(Objects::nonNull)
                .min(LocalDate::compareTo).orElse(null);
    }

    /** The SLA date of this decision, else the one already set. */
    LocalDate slaDueOr(LocalDate current) {
        LocalDate due = slaDue();
        return due != null ? due : current;
    }
}

package org.openrma.service.rma;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openrma.decision.Outcome;

/**
 * What a stored decision settled: the outcome, the remedies offered, the money (as the decimal
 * strings stored, so an amount that does not fit the currency is refused naming its field), whether
 * consent is needed and the deadlines. Taken from the typed stored decision
 * ({@link RmaDocuments.Decision}), which reads every decision shape stored so far; a field an older
 * row lacks reads as absent.
 */
public record DecidedTerms(
        String outcome,
        Set<String> offered,
        String refund,
        Map<String, String> deductions,
        String returnShippingReimbursed,
        boolean needsConsent,
        String returnShippingPaidBy,
        Map<String, LocalDate> deadlines) {

    public static DecidedTerms of(RmaDocuments.Decision decision) {
        if (decision == null) {
            return null;
        }
        Set<String> offered = new TreeSet<>();
        if (decision.resolutions() != null) {
            decision.resolutions().forEach(r -> offered.add(r.wire()));
        }
        Map<String, String> deductions = new LinkedHashMap<>(decision.deductions() == null ? Map.of() : decision.deductions());
        Map<String, LocalDate> deadlines = new LinkedHashMap<>();
        if (decision.deadlines() != null) {
            decision.deadlines().forEach((name, date) -> {
                if (date != null) {
                    deadlines.put(name, date);
                }
            });
        }
        return new DecidedTerms(decision.outcome() == null ? "" : decision.outcome().wire(), Collections.unmodifiableSet(offered),
                decision.refund(), Collections.unmodifiableMap(deductions),
                decision.returnShippingReimbursed() == null ? "0" : decision.returnShippingReimbursed(), decision.needsConsent(),
                decision.returnShippingPaidBy() == null ? null : decision.returnShippingPaidBy().wire(), Collections.unmodifiableMap(deadlines));
    }

    /** The refund decided, as stored ("0" when the row has none). */
    public String refundOrZero() {
        return refund == null ? "0" : refund;
    }

    public boolean approved() {
        return Outcome.APPROVED.wire().equals(outcome);
    }

    /** A deadline the decision set, or null. */
    public LocalDate deadline(String name) {
        return deadlines.get(name);
    }
}

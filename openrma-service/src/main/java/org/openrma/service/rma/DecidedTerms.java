package org.openrma.service.rma;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openrma.decision.Outcome;
import tools.jackson.databind.JsonNode;

/**
 * What a stored decision settled, read once where it is loaded: the outcome, the remedies offered,
 * the money (as the decimal strings stored, so an amount that does not fit the currency is refused
 * naming its field), whether consent is needed and the deadlines. Reads every decision shape stored
 * so far (the {@code DecisionJson} of each release); a field an older row lacks reads as absent.
 */
public record DecidedTerms(
        String outcome,
        Set<String> offered,
        String refund,
        Map<String, String> deductions,
        String returnShippingReimbursed,
        boolean needsConsent,
        String returnShippingPaidBy,
        Map<String, String> deadlines) {

    public static DecidedTerms of(JsonNode decision) {
        if (decision == null || decision.isNull() || decision.isMissingNode()) {
            return null;
        }
        Set<String> offered = new TreeSet<>();
        decision.path("resolutions").values().forEach(r -> offered.add(r.asString()));
        Map<String, String> deductions = new LinkedHashMap<>();
        decision.path("deductions").properties().forEach(e -> deductions.put(e.getKey(), e.getValue().asString()));
        Map<String, String> deadlines = new LinkedHashMap<>();
        decision.path("deadlines").properties().forEach(e -> deadlines.put(e.getKey(), e.getValue().asString(null)));
        return new DecidedTerms(decision.path("outcome").asString(""), Collections.unmodifiableSet(offered), decision.path("refund").asString(null),
                Collections.unmodifiableMap(deductions), decision.path("return_shipping_reimbursed").asString("0"),
                decision.path("needs_consent").asBoolean(false), decision.path("return_shipping_paid_by").asString(null),
                Collections.unmodifiableMap(deadlines));
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
        String d = deadlines.get(name);
        return d == null || d.isEmpty() ? null : LocalDate.parse(d);
    }
}

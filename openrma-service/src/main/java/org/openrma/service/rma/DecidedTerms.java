package org.openrma.service.rma;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openrma.decision.Outcome;

/**
 * What a stored decision settled: the outcome, the remedies offered, the money (as the decimal
 * strings stored, so an amount that does not fit the currency is refused naming its field), whether
 * consent is needed, the deadlines and what consumer law added. Taken from the typed stored decision
 * ({@link RmaDocuments.Decision}), which reads every decision shape stored so far; a field an older
 * row lacks reads as absent ({@code legal} is null on every decision stored before the service composed
 * consumer law, and on every decision no statutory pack applied to).
 */
public record DecidedTerms(
        String outcome,
        Set<String> offered,
        String refund,
        Map<String, String> deductions,
        String returnShippingReimbursed,
        boolean needsConsent,
        String returnShippingPaidBy,
        Map<String, LocalDate> deadlines,
        Legal legal) {

    /**
     * What consumer law added to the decision: the buyer's country and the packs composed, what grants each
     * resolution offered ({@code merchant:S0-01}, {@code statute:DE:§ 312g BGB}), the statutory route recommended,
     * every statutory route with its answer and each merchant rule the law displaced.
     */
    public record Legal(String country, List<String> packs, Map<String, List<String>> basis, String recommended, List<Route> routes,
                        List<Override> overrides) {

        public record Route(String basis, String program, String title, String outcome, String refund) {}

        public record Override(String rule, String provision, String before, String after) {}

        /** The legal block of a stored decision, or null when it has none. */
        public static Legal of(RmaDocuments.Decision decision) {
            RmaDocuments.Statutory statutory = decision == null ? null : decision.statutory();
            if (statutory == null) {
                return null;
            }
            Map<String, List<String>> basis = new LinkedHashMap<>(decision.legalBasis() == null ? Map.of() : decision.legalBasis());
            List<Override> overrides = (decision.overrides() == null ? List.<RmaDocuments.StatutoryOverride>of() : decision.overrides()).stream()
                    .map(o -> new Override(nonNull(o.rule()), o.provision(), nonNull(o.before()), nonNull(o.after()))).toList();
            List<Route> routes = (statutory.routes() == null ? List.<RmaDocuments.StatutoryRoute>of() : statutory.routes()).stream()
                    .map(r -> new Route(nonNull(r.basis()), nonNull(r.program()), r.title(), r.outcome() == null ? "" : r.outcome().wire(),
                            r.refund())).toList();
            return new Legal(statutory.country(), statutory.packs() == null ? List.of() : statutory.packs(),
                    Collections.unmodifiableMap(basis), statutory.recommended(), routes, overrides);
        }

        /** The recommended route, or null. */
        public Route recommendedRoute() {
            return routes.stream().filter(r -> r.basis().equals(recommended)).findFirst().orElse(null);
        }

        private static String nonNull(String s) {
            return s == null ? "" : s;
        }
    }

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
                decision.returnShippingPaidBy() == null ? null : decision.returnShippingPaidBy().wire(), Collections.unmodifiableMap(deadlines),
                Legal.of(decision));
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

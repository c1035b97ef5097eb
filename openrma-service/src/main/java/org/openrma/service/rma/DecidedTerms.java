package org.openrma.service.rma;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openrma.decision.Outcome;
import tools.jackson.databind.JsonNode;

/**
 * What a stored decision settled, read once where it is loaded: the outcome, the remedies offered,
 * the money (as the decimal strings stored, so an amount that does not fit the currency is refused
 * naming its field), whether consent is needed, the deadlines and what consumer law added. Reads every
 * decision shape stored so far (the {@code DecisionJson} of each release); a field an older row lacks
 * reads as absent ({@code legal} is null on every decision stored before the service composed consumer law,
 * and on every decision no statutory pack applied to).
 */
public record DecidedTerms(
        String outcome,
        Set<String> offered,
        String refund,
        Map<String, String> deductions,
        String returnShippingReimbursed,
        boolean needsConsent,
        String returnShippingPaidBy,
        Map<String, String> deadlines,
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
        public static Legal of(JsonNode decision) {
            JsonNode statutory = decision == null ? null : decision.path("statutory");
            if (statutory == null || !statutory.isObject()) {
                return null;
            }
            Map<String, List<String>> basis = new LinkedHashMap<>();
            decision.path("legal_basis").properties().forEach(e -> basis.put(e.getKey(),
                    e.getValue().valueStream().map(b -> b.asString()).toList()));
            List<Override> overrides = decision.path("overrides").valueStream().map(o -> new Override(o.path("rule").asString(""),
                    o.path("provision").asString(null), o.path("before").asString(""), o.path("after").asString(""))).toList();
            List<Route> routes = statutory.path("routes").valueStream().map(r -> new Route(r.path("basis").asString(""),
                    r.path("program").asString(""), r.path("title").asString(null), r.path("outcome").asString(""),
                    r.path("refund").asString(null))).toList();
            return new Legal(statutory.path("country").asString(null), statutory.path("packs").valueStream().map(p -> p.asString()).toList(),
                    Collections.unmodifiableMap(basis), statutory.path("recommended").asString(null), routes, overrides);
        }

        /** The recommended route, or null. */
        public Route recommendedRoute() {
            return routes.stream().filter(r -> r.basis().equals(recommended)).findFirst().orElse(null);
        }
    }

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
                Collections.unmodifiableMap(deadlines), Legal.of(decision));
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

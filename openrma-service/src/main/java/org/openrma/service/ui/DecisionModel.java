package org.openrma.service.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrma.service.rma.DecidedTerms;
import tools.jackson.databind.JsonNode;

/**
 * A decision (the {@code DecisionJson} shape) as the pages show it: the outcome in words, the
 * money with every deduction, who pays what, the evidence still missing, the deadlines, and the
 * explanation step by step with the merchant's clauses quoted.
 */
public record DecisionModel(
        String outcome,
        String outcomeText,
        boolean eligible,
        String summary,
        String program,
        String programTitle,
        List<String> resolutions,
        boolean needsConsent,
        String refund,
        String currency,
        List<Amount> deductions,
        String returnShippingPaidBy,
        String returnShippingReimbursed,
        String outboundShippingPaidBy,
        List<String> missingEvidence,
        List<Amount> deadlines,
        String shipBackBy,
        String policy,
        List<Step> explanation,
        List<Clause> decisiveClauses,
        Legal legal) {

    public record Amount(String name, String value) {}

    /**
     * What consumer law added, when a statutory pack applied (null otherwise, and on every decision stored before
     * the service composed them): the buyer's country and the packs, what grants each option offered, the
     * statutory route recommended, each merchant rule the law displaced, and, for the customer, the right told
     * in plain words with its national section (only where the decision was just made, as in the portal's preview).
     */
    public record Legal(String country, List<String> packs, List<Amount> basis, String recommended, String recommendedTitle,
                        List<Override> overrides, List<String> forTheCustomer) {

        /** The legal basis of an option: {@code statute:DE:§ 312g BGB} → {@code § 312g BGB (DE)}, {@code merchant:S0-01} → {@code policy clause S0-01}. */
        public static String cited(String basis) {
            if (basis == null) {
                return "";
            }
            String[] parts = basis.split(":", 3);
            return parts.length == 3 && parts[0].equals("statute") ? parts[2] + " (" + parts[1] + ")"
                    : parts.length == 2 && parts[0].equals("merchant") ? "policy clause " + parts[1] : basis;
        }

        public boolean statutory(String basis) {
            return basis != null && basis.startsWith("statute:");
        }
    }

    /** A merchant rule the law displaced: the rule and clause, the provision, and what it gave before and after. */
    public record Override(String rule, String provision, String before, String after) {}

    public record Clause(String id, String text) {}

    public record Step(String program, String rule, String line, String result, String says, List<Amount> read, List<Clause> cites) {
        public boolean failed() {
            return "failed".equals(result);
        }
    }

    public static DecisionModel of(JsonNode d, String currency) {
        if (d == null || d.isNull() || d.isMissingNode()) {
            return null;
        }
        String outcome = d.path("outcome").asString("");
        List<Amount> deductions = new ArrayList<>();
        d.path("deductions").properties().forEach(e -> deductions.add(new Amount(words(e.getKey()), e.getValue().asString())));
        List<Amount> deadlines = new ArrayList<>();
        d.path("deadlines").properties().forEach(e -> deadlines.add(new Amount(words(e.getKey()), e.getValue().asString())));
        List<Step> steps = new ArrayList<>();
        for (JsonNode s : d.path("explanation").values()) {
            List<Amount> read = new ArrayList<>();
            s.path("read").properties().forEach(e -> read.add(new Amount(e.getKey(), e.getValue().asString())));
            steps.add(new Step(s.path("program").asString(null), s.path("rule").asString(null), s.path("line").asString(null),
                    s.path("result").asString(""), s.path("says").asString(""), read, clauses(s.path("cites"))));
        }
        List<Clause> decisive = d.has("decisive_citations") ? clauses(d.path("decisive_citations")) : decisiveBeforeTheEngineNamedThem(d, steps);
        String programTitle = null;
        for (JsonNode p : d.path("programs").values()) {
            if (p.path("program").asString("").equals(d.path("program").asString(null))) {
                programTitle = p.path("title").asString(null);
            }
        }
        List<String> resolutions = new ArrayList<>();
        d.path("resolutions").values().forEach(r -> resolutions.add(r.asString()));
        List<String> missing = new ArrayList<>();
        d.path("missing_evidence").values().forEach(e -> missing.add(words(e.asString())));
        return new DecisionModel(outcome, outcomeText(outcome), "approved".equals(outcome), d.path("summary").asString(null),
                d.path("program").asString(null), programTitle, resolutions, d.path("needs_consent").asBoolean(false),
                d.path("refund").asString(null), currency, deductions, d.path("return_shipping_paid_by").asString(null),
                d.path("return_shipping_reimbursed").asString(null), d.path("outbound_shipping_paid_by").asString(null), missing,
                deadlines, d.path("deadlines").path("ship_back_by").asString(null),
                d.path("policy_version").path("policy").asString("") + " " + d.path("policy_version").path("version").asString(""),
                steps, decisive, legal(d));
    }

    /** The same decision with the customer's explanation of their statutory right (paragraphs, in their language). */
    public DecisionModel explainedToTheCustomer(List<String> paragraphs) {
        if (legal == null || paragraphs.isEmpty()) {
            return this;
        }
        Legal l = new Legal(legal.country(), legal.packs(), legal.basis(), legal.recommended(), legal.recommendedTitle(), legal.overrides(),
                List.copyOf(paragraphs));
        return new DecisionModel(outcome, outcomeText, eligible, summary, program, programTitle, resolutions, needsConsent, refund, currency,
                deductions, returnShippingPaidBy, returnShippingReimbursed, outboundShippingPaidBy, missingEvidence, deadlines, shipBackBy, policy,
                explanation, decisiveClauses, l);
    }

    /** The stored legal block ({@link DecidedTerms.Legal}) as the pages show it. */
    private static Legal legal(JsonNode d) {
        DecidedTerms.Legal stored = DecidedTerms.Legal.of(d);
        if (stored == null) {
            return null;
        }
        List<Amount> basis = new ArrayList<>();
        stored.basis().forEach((resolution, bases) -> basis.add(new Amount(words(resolution), String.join("; ",
                bases.stream().map(Legal::cited).toList()))));
        List<Override> overrides = stored.overrides().stream().map(o -> new Override(o.rule(), Legal.cited(o.provision()), o.before(), o.after()))
                .toList();
        DecidedTerms.Legal.Route recommended = stored.recommendedRoute();
        return new Legal(stored.country(), stored.packs(), basis, stored.recommended() == null ? null : Legal.cited(stored.recommended()),
                recommended == null ? null : recommended.title(), overrides, List.of());
    }

    private static List<Clause> clauses(JsonNode cites) {
        List<Clause> out = new ArrayList<>();
        cites.values().forEach(c -> out.add(new Clause(c.path("clause").asString(""), c.path("text").asString(""))));
        return out;
    }

    /**
     * Decisions stored before the engine listed {@code decisive_citations}: the same rule, read from the steps. For an
     * approval, the deciding program's rules that passed on something read from the claim (an {@code if} check that did not
     * apply passes with the engine's fixed sentence, and is left out); otherwise every rule that failed or applied.
     */
    private static List<Clause> decisiveBeforeTheEngineNamedThem(JsonNode d, List<Step> steps) {
        String outcome = d.path("outcome").asString("");
        Map<String, Clause> decisive = new LinkedHashMap<>();
        for (Step step : steps) {
            boolean inProgram = d.path("program").isNull() || step.program() == null || d.path("program").asString("").equals(step.program());
            boolean decides = "approved".equals(outcome)
                    ? "passed".equals(step.result()) && !step.read().isEmpty() && !step.says().equals("Does not apply to this claim.")
                    : step.failed() || "applied".equals(step.result());
            if (decides && inProgram) {
                step.cites().forEach(c -> decisive.putIfAbsent(c.id(), c));
            }
        }
        return List.copyOf(decisive.values());
    }

    public static String outcomeText(String outcome) {
        return switch (outcome) {
            case "approved" -> "Eligible";
            case "rejected" -> "Not eligible";
            case "needs_evidence" -> "Eligible once we have more evidence";
            case "needs_review" -> "Needs a person to review it";
            default -> outcome;
        };
    }

    /** {@code return_shipping} → {@code return shipping}. */
    public static String words(String wire) {
        return wire == null ? "" : wire.replace('_', ' ');
    }
}

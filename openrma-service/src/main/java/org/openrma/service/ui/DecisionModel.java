package org.openrma.service.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        List<Clause> decisiveClauses) {

    public record Amount(String name, String value) {}

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
                steps, decisive);
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

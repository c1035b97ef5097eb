package org.openrma.service.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrma.claim.Vocabulary;
import org.openrma.decision.Outcome;
import org.openrma.decision.StepResult;
import org.openrma.service.rma.RmaDocuments;
import org.openrma.service.rma.DecidedTerms;

/**
 * A decision as the pages show it: the outcome in words, the money with every deduction, who pays
 * what, the evidence still missing, the deadlines, and the explanation step by step with the
 * merchant's clauses quoted. Built from the typed stored decision ({@link RmaDocuments.Decision}),
 * never from its JSON, so a page cannot drift from the stored shape.
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
        List<Amount> lines,
        Legal legal,
        List<Remedy> remedies) {

    public record Amount(String name, String value) {}

    /**
     * A remedy offered with what it is worth, as the engine computed it: {@code value} in the decision's currency (null for an
     * amount an agent sets), {@code bonusPercent} for store credit worth more than the refund (null without a bonus).
     */
    public record Remedy(String resolution, String value, String bonusPercent) {}

    /** The first offered remedy of this resolution, if any. */
    public java.util.Optional<Remedy> remedy(String resolution) {
        return remedies.stream().filter(r -> r.resolution().equals(resolution)).findFirst();
    }

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
            return StepResult.FAILED.wire().equals(result);
        }
    }

    public static DecisionModel of(RmaDocuments.Decision d, String currency) {
        if (d == null) {
            return null;
        }
        String outcome = wire(d.outcome());
        List<Amount> deductions = new ArrayList<>();
        orEmpty(d.deductions()).forEach((kind, amount) -> deductions.add(new Amount(words(kind), amount)));
        List<Amount> deadlines = new ArrayList<>();
        orEmpty(d.deadlines()).forEach((name, date) -> deadlines.add(new Amount(
                name.equals("claim_window_ends") ? "last day to ask" : words(name), String.valueOf(date))));
        List<Step> steps = new ArrayList<>();
        for (RmaDocuments.ExplanationStep s : orEmpty(d.explanation())) {
            List<Amount> read = new ArrayList<>();
            orEmpty(s.read()).forEach((name, value) -> read.add(new Amount(name, value)));
            steps.add(new Step(s.program(), s.rule(), s.line(), s.result() == null ? "" : s.result().wire(), s.says() == null ? "" : s.says(),
                    read, clauses(s.cites())));
        }
        List<Clause> decisive = d.decisiveCitations() != null ? clauses(d.decisiveCitations()) : decisiveBeforeTheEngineNamedThem(d, steps);
        if ("approved".equals(outcome)) {
            decisive = whatEachRuleEncodes(decisive, steps);
        }
        String programTitle = null;
        for (RmaDocuments.ProgramVerdict p : orEmpty(d.programs())) {
            if (p.program() != null && p.program().equals(d.program())) {
                programTitle = p.title();
            }
        }
        List<String> resolutions = new ArrayList<>();
        orEmpty(d.resolutions()).forEach(r -> resolutions.add(r.wire()));
        List<String> missing = new ArrayList<>();
        orEmpty(d.missingEvidence()).forEach(e -> missing.add(words(e)));
        List<Amount> lines = new ArrayList<>();
        orEmpty(d.lines()).forEach(l -> lines.add(new Amount(l.sku() + " × " + l.quantity(), l.price() == null ? "" : l.price())));
        var deadlineDates = orEmpty(d.deadlines());
        RmaDocuments.PolicyVersion version = d.policyVersion();
        return new DecisionModel(outcome, outcomeText(outcome), d.outcome() == Outcome.APPROVED, d.summary(), d.program(), programTitle,
                resolutions, d.needsConsent(), d.refund(), currency, deductions, wire(d.returnShippingPaidBy()), d.returnShippingReimbursed(),
                wire(d.outboundShippingPaidBy()), missing, deadlines,
                deadlineDates.get("ship_back_by") == null ? null : deadlineDates.get("ship_back_by").toString(),
                version == null ? " " : nonNull(version.policy()) + " " + nonNull(version.version()), steps, decisive, lines, legal(d),
                remedies(d));
    }

    private static List<Remedy> remedies(RmaDocuments.Decision d) {
        List<Remedy> out = new ArrayList<>();
        for (RmaDocuments.DecisionRemedy r : orEmpty(d.remedies())) {
            if (r.resolution() != null) {
                out.add(new Remedy(r.resolution().wire(), r.setByAgent() ? null : r.value(), r.bonusPercent()));
            }
        }
        return out;
    }

    public boolean rejected() {
        return "rejected".equals(outcome);
    }

    /** Every other clause the explanation cites (the policy terms that did not decide), in order, for "All policy terms". */
    public List<Clause> otherClauses() {
        Map<String, Clause> others = new LinkedHashMap<>();
        explanation.forEach(s -> s.cites().forEach(c -> others.putIfAbsent(c.id(), c)));
        decisiveClauses.forEach(c -> others.remove(c.id()));
        return List.copyOf(others.values());
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
                explanation, decisiveClauses, lines, l, remedies);
    }

    /** The stored legal block ({@link DecidedTerms.Legal}) as the pages show it. */
    private static Legal legal(RmaDocuments.Decision d) {
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

    /**
     * For an approval, of the clauses the deciding rules cite, the one each rule encodes (its first citation). A rule that
     * passed also cites the wording of its refusal (what the warranty does not cover, what is offered instead), which did
     * not decide an approval; those stay with "All policy terms".
     */
    private static List<Clause> whatEachRuleEncodes(List<Clause> decisive, List<Step> steps) {
        java.util.Set<String> encoded = new java.util.HashSet<>();
        steps.forEach(s -> {
            if (!s.cites().isEmpty()) {
                encoded.add(s.cites().getFirst().id());
            }
        });
        return decisive.stream().filter(c -> encoded.contains(c.id())).toList();
    }

    private static List<Clause> clauses(List<RmaDocuments.Citation> cites) {
        List<Clause> out = new ArrayList<>();
        orEmpty(cites).forEach(c -> out.add(new Clause(nonNull(c.clause()), nonNull(c.text()))));
        return out;
    }

    /**
     * Decisions stored before the engine listed {@code decisive_citations}: the same rule, read from the steps. For an
     * approval, the deciding program's rules that passed on something read from the claim (an {@code if} check that did not
     * apply passes with the engine's fixed sentence, and is left out); otherwise every rule that failed or applied.
     */
    private static List<Clause> decisiveBeforeTheEngineNamedThem(RmaDocuments.Decision d, List<Step> steps) {
        Map<String, Clause> decisive = new LinkedHashMap<>();
        for (Step step : steps) {
            boolean inProgram = d.program() == null || step.program() == null || d.program().equals(step.program());
            boolean decides = d.outcome() == Outcome.APPROVED
                    ? StepResult.PASSED.wire().equals(step.result()) && !step.read().isEmpty() && !step.says().equals("Does not apply to this claim.")
                    : step.failed() || StepResult.APPLIED.wire().equals(step.result());
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

    private static String wire(Vocabulary word) {
        return word == null ? null : word.wire();
    }

    private static String wire(Outcome outcome) {
        return outcome == null ? "" : outcome.wire();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}

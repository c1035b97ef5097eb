package org.openrma.policy.statute;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.money.Money;
import org.openrma.claim.Claim;
import org.openrma.decision.Chooser;
import org.openrma.decision.Citation;
import org.openrma.decision.Decision;
import org.openrma.decision.DeductionKind;
import org.openrma.decision.ExplanationStep;
import org.openrma.decision.LegalAssessment;
import org.openrma.decision.Outcome;
import org.openrma.decision.Payer;
import org.openrma.decision.ProgramVerdict;
import org.openrma.decision.Remedy;
import org.openrma.decision.Resolution;
import org.openrma.decision.StepResult;
import org.openrma.policy.CompiledPolicy;

/**
 * Composes a merchant's decision with the statutory packs that apply. Every program of every pack
 * is evaluated on the claim as the law reads it ({@link StatutoryView}); the claim is granted if the
 * merchant's policy or any statutory program grants it, and each parameter takes the value most
 * favourable to the consumer: the highest refund (with the deductions of the program that gives
 * it), the merchant paying a shipping leg if any granting program says so, the highest
 * reimbursement, the consumer choosing the remedy if any granting program lets them, every remedy
 * offered by any of them, the earliest refund date and the latest ship-back date.
 */
public final class Composer {

    /** Deadlines that bind the merchant: the earliest applies. */
    private static final Set<String> MERCHANT_DEADLINES = Set.of("refund_by", "processing_by", "exchange_by", "remedy_by");
    /** Deadlines that bind the consumer: the latest applies. */
    private static final Set<String> CONSUMER_DEADLINES = Set.of("ship_back_by");

    private Composer() {}

    /** One statutory program evaluated on its own. */
    record Route(CompiledPolicy pack, StatutoryTerms terms, Decision decision) {
        String program() {
            return decision.programs().getFirst().program();
        }

        String title() {
            return decision.programs().getFirst().title();
        }

        boolean serves() {
            return decision.programs().getFirst().served();
        }

        /** {@code statute:<country>:<the provision its first cited rule names>}. */
        String basis() {
            return "statute:" + terms.country() + ":" + firstCitation(decision, program());
        }
    }

    public static Decision compose(Decision merchant, Claim claim, List<CompiledPolicy> packs, StatuteLibrary library, StatutoryTerms merchantTerms,
            Instant now) {
        if (packs.isEmpty()) {
            return merchant;
        }
        Claim viewed = StatutoryView.of(claim, merchantTerms);
        List<Route> routes = new ArrayList<>();
        for (CompiledPolicy pack : packs) {
            StatutoryTerms terms = library.terms(pack);
            for (Decision d : pack.decideEachProgram(viewed, now)) {
                Route r = new Route(pack, terms, d);
                if (r.serves()) {
                    routes.add(r);
                }
            }
        }
        String country = claim.legal().country();
        List<String> packNames = packs.stream().map(p -> p.id() + "@" + p.version()).toList();
        String merchantBasis = "merchant:" + firstCitation(merchant, merchant.program());

        // the granting candidates: the merchant's decision if it approves, and every statutory route that approves
        List<Candidate> candidates = new ArrayList<>();
        if (merchant.outcome() == Outcome.APPROVED) {
            candidates.add(new Candidate(merchantBasis, null, merchant));
        }
        routes.stream().filter(r -> r.decision().outcome() == Outcome.APPROVED).forEach(r -> candidates.add(new Candidate(r.basis(), r, r.decision())));

        List<LegalAssessment.Route> routeViews = routes.stream().map(r -> new LegalAssessment.Route(r.basis(), r.program(), r.title(),
                r.decision().outcome(), r.decision().refund(), r.decision().summary())).toList();
        List<ExplanationStep> explanation = new ArrayList<>(merchant.explanation());
        for (Route r : routes) {
            String prefix = r.terms().country() + "/";
            r.decision().explanation().forEach(s -> explanation.add(new ExplanationStep(prefix + s.program(), prefix + s.rule(), s.line(), s.result(),
                    s.read(), s.says(), s.cites())));
        }
        List<ProgramVerdict> verdicts = new ArrayList<>(merchant.programs());
        routes.forEach(r -> verdicts.add(new ProgramVerdict(r.terms().country() + "/" + r.program(), r.title(), r.decision().outcome(),
                r.decision().programs().getFirst().says())));

        if (candidates.isEmpty()) {
            // nothing grants: the answer best for the consumer among the merchant's and the law's (a statutory
            // route waiting for evidence or a person keeps the claim open even when the merchant rejects it)
            Decision best = merchant;
            Route bestRoute = null;
            for (Route r : routes) {
                if (rank(r.decision().outcome()) < rank(best.outcome())) {
                    best = r.decision();
                    bestRoute = r;
                }
            }
            Map<String, LocalDate> deadlines = deadlines(merchant, routes, List.of());
            String recommended = bestRoute == null ? null : bestRoute.basis();
            LegalAssessment legal = new LegalAssessment(packNames, country, routeViews, recommended, Map.of(), List.of());
            String summary = bestRoute == null ? merchant.summary()
                    : best.summary() + " (statutory route " + bestRoute.basis() + "; the merchant's policy alone: " + merchant.outcome().wire() + ")";
            return new Decision(best.outcome(), bestRoute == null ? merchant.program() : r(bestRoute), best.resolutions(), best.chosenBy(),
                    best.needsConsent(), best.refund(), best.deductions(), best.returnShippingPaidBy(), best.returnShippingReimbursed(),
                    best.outboundShippingPaidBy(), best.missingEvidence(), deadlines, merchant.policyVersion(), verdicts, best.lines(), explanation,
                    summary, best.remedies(), best.decisiveCitations(), legal);
        }

        Candidate recommended = candidates.stream().min(Comparator.comparing((Candidate c) -> c.decision().refund().getAmount()).reversed()
                .thenComparing(c -> c.decision().returnShippingPaidBy() == Payer.MERCHANT ? 0 : 1)
                .thenComparing(c -> c.decision().returnShippingReimbursed() == null ? java.math.BigDecimal.ZERO
                        : c.decision().returnShippingReimbursed().getAmount(), Comparator.reverseOrder())
                .thenComparing(c -> c.decision().deadlines().getOrDefault("refund_by", LocalDate.MAX))
                .thenComparing(c -> c.route() == null ? 1 : 0)).orElseThrow();
        Decision base = recommended.decision();

        Set<Resolution> resolutions = EnumSet.noneOf(Resolution.class);
        Map<Resolution, List<String>> legalBasis = new EnumMap<>(Resolution.class);
        Map<Resolution, Remedy> remedies = new EnumMap<>(Resolution.class);
        Payer returnPayer = base.returnShippingPaidBy();
        Money reimbursed = base.returnShippingReimbursed();
        Payer outboundPayer = base.outboundShippingPaidBy();
        Chooser chooser = base.chosenBy();
        for (Candidate c : candidates) {
            Decision d = c.decision();
            for (Resolution res : d.resolutions()) {
                resolutions.add(res);
                List<String> bases = legalBasis.computeIfAbsent(res, k -> new ArrayList<>());
                if (!bases.contains(c.basis())) {
                    bases.add(c.basis());
                }
            }
            for (Remedy rem : d.remedies()) {
                remedies.merge(rem.resolution(), rem, (a, b) -> value(b).compareTo(value(a)) > 0 ? b : a);
            }
            if (d.returnShippingPaidBy() == Payer.MERCHANT) {
                returnPayer = Payer.MERCHANT;
            }
            if (d.returnShippingReimbursed() != null && (reimbursed == null || d.returnShippingReimbursed().isGreaterThan(reimbursed))) {
                reimbursed = d.returnShippingReimbursed();
            }
            if (d.outboundShippingPaidBy() == Payer.MERCHANT) {
                outboundPayer = Payer.MERCHANT;
            }
            if (d.chosenBy() == Chooser.CUSTOMER) {
                chooser = Chooser.CUSTOMER;
            }
        }
        Outcome outcome = Outcome.APPROVED;
        boolean statuteGrants = candidates.stream().anyMatch(c -> c.route() != null);
        Route pending = routes.stream().filter(r -> r.decision().outcome() == Outcome.NEEDS_REVIEW).findFirst().orElse(null);
        String summary = base.summary();
        if (!statuteGrants && pending != null) {
            // the merchant grants, but a statutory route that may give the consumer more cannot be worked out: a person decides
            outcome = Outcome.NEEDS_REVIEW;
            summary = "Needs review: the merchant's policy approves, but the statutory route " + pending.basis()
                    + " may give the consumer more and cannot be worked out without a person (" + pending.decision().summary() + ")";
        }

        List<LegalAssessment.Override> overrides = overrides(merchant, base, recommended, returnPayer, reimbursed, chooser);
        if (recommended.route() != null) {
            summary = base.summary() + " Legal basis: " + recommended.basis() + ".";
        }
        Map<String, LocalDate> deadlines = deadlines(merchant, routes, candidates);
        LegalAssessment legal = new LegalAssessment(packNames, country, routeViews, recommended.basis(), legalBasis, overrides);
        return new Decision(outcome, recommended.route() == null ? merchant.program() : r(recommended.route()), resolutions, chooser,
                base.needsConsent(), base.refund(), base.deductions(), returnPayer, reimbursed, outboundPayer, base.missingEvidence(), deadlines,
                merchant.policyVersion(), verdicts, base.lines(), explanation, summary, List.copyOf(remedies.values()), base.decisiveCitations(), legal);
    }

    private record Candidate(String basis, Route route, Decision decision) {}

    private static String r(Route route) {
        return route.terms().country() + "/" + route.program();
    }

    private static java.math.BigDecimal value(Remedy r) {
        return r.value() == null ? java.math.BigDecimal.ZERO : r.value().getAmount();
    }

    /** Best for the consumer: approved, then needs_evidence, needs_review, rejected. */
    private static int rank(Outcome o) {
        return switch (o) {
            case APPROVED -> 0;
            case NEEDS_EVIDENCE -> 1;
            case NEEDS_REVIEW -> 2;
            case REJECTED -> 3;
        };
    }

    /**
     * The merchant's time limits as they are, the statutory deadlines of every route that serves the
     * claim (the law's window, liability, presumption, remedy deadlines), the earliest of the dates
     * that bind the merchant among the granting programs and the latest of those that bind the consumer.
     */
    private static Map<String, LocalDate> deadlines(Decision merchant, List<Route> routes, List<Candidate> granting) {
        Map<String, LocalDate> out = new LinkedHashMap<>(merchant.deadlines());
        for (Route r : routes) {
            r.decision().deadlines().forEach((name, day) -> {
                if (name.equals("claim_window_ends") || MERCHANT_DEADLINES.contains(name) || CONSUMER_DEADLINES.contains(name)) {
                    return;
                }
                out.merge(name, day, (a, b) -> a.isAfter(b) ? a : b);
            });
        }
        if (!granting.isEmpty()) {
            MERCHANT_DEADLINES.forEach(out::remove);
            CONSUMER_DEADLINES.forEach(out::remove);
            for (Candidate c : granting) {
                c.decision().deadlines().forEach((name, day) -> {
                    if (MERCHANT_DEADLINES.contains(name)) {
                        out.merge(name, day, (a, b) -> a.isBefore(b) ? a : b);
                    } else if (CONSUMER_DEADLINES.contains(name)) {
                        out.merge(name, day, (a, b) -> a.isAfter(b) ? a : b);
                    }
                });
            }
        }
        return out;
    }

    /**
     * Each merchant rule the statute displaced: a rule that rejected what the law grants, a deduction
     * the law does not allow (or allows less of), a return leg the merchant must pay after all, and a
     * remedy the merchant meant to choose that the consumer chooses.
     */
    private static List<LegalAssessment.Override> overrides(Decision merchant, Decision composed, Candidate recommended, Payer returnPayer,
            Money reimbursed, Chooser chooser) {
        List<LegalAssessment.Override> out = new ArrayList<>();
        if (recommended.route() == null) {
            return out;
        }
        String provision = recommended.basis();
        if (merchant.outcome() != Outcome.APPROVED) {
            Set<String> seen = new LinkedHashSet<>();
            for (ExplanationStep s : merchant.explanation()) {
                if ((s.result() == StepResult.FAILED || s.result() == StepResult.NOT_EVALUATED) && s.program() != null
                        && s.program().equals(merchant.program())) {
                    String rule = "merchant:" + s.cites().stream().map(Citation::id).findFirst().orElse(s.rule()) + " " + ruleName(s.rule());
                    if (seen.add(rule)) {
                        out.add(new LegalAssessment.Override(rule, provision, merchant.outcome().wire(), "approved"));
                    }
                }
            }
        } else {
            for (Map.Entry<DeductionKind, Money> e : merchant.deductions().entrySet()) {
                Money after = composed.deductions().get(e.getKey());
                if (after == null || after.isLessThan(e.getValue())) {
                    out.add(new LegalAssessment.Override("merchant:" + deductionClause(merchant, e.getKey()) + " " + e.getKey().wire(), provision,
                            e.getValue().getAmount().toPlainString(), after == null ? "0" : after.getAmount().toPlainString()));
                }
            }
            if (composed.refund().isGreaterThan(merchant.refund())) {
                out.add(new LegalAssessment.Override("merchant:" + firstCitation(merchant, merchant.program()) + " refund", provision,
                        merchant.refund().getAmount().toPlainString(), composed.refund().getAmount().toPlainString()));
            }
        }
        if (merchant.returnShippingPaidBy() == Payer.CUSTOMER && returnPayer == Payer.MERCHANT) {
            out.add(new LegalAssessment.Override("merchant:return_shipping_paid_by", provision, "customer", "merchant"));
        }
        if (merchant.outcome() == Outcome.APPROVED && reimbursed != null && merchant.returnShippingReimbursed() != null
                && reimbursed.isGreaterThan(merchant.returnShippingReimbursed())) {
            out.add(new LegalAssessment.Override("merchant:return_shipping_reimbursed", provision,
                    merchant.returnShippingReimbursed().getAmount().toPlainString(), reimbursed.getAmount().toPlainString()));
        }
        if (merchant.chosenBy() == Chooser.MERCHANT && chooser == Chooser.CUSTOMER && merchant.outcome() == Outcome.APPROVED) {
            out.add(new LegalAssessment.Override("merchant:" + firstCitation(merchant, merchant.program()) + " chosen_by", provision, "merchant",
                    "customer"));
        }
        return out;
    }

    private static String ruleName(String rule) {
        int dot = rule.indexOf('.');
        return dot < 0 ? rule : rule.substring(dot + 1);
    }

    private static String deductionClause(Decision d, DeductionKind kind) {
        for (ExplanationStep s : d.explanation()) {
            if (s.result() == StepResult.APPLIED && s.says() != null && s.says().contains(kind.wire().replace('_', ' ')) && !s.cites().isEmpty()) {
                return s.cites().getFirst().id();
            }
        }
        for (ExplanationStep s : d.explanation()) {
            if (s.result() == StepResult.APPLIED && s.rule() != null && s.rule().contains(kind.wire()) && !s.cites().isEmpty()) {
                return s.cites().getFirst().id();
            }
        }
        return kind.wire();
    }

    /** The first clause a program's rules cite (a statutory program cites its main provision first, on its window). */
    static String firstCitation(Decision d, String program) {
        for (ExplanationStep s : d.explanation()) {
            if (program != null && program.equals(s.program()) && !s.cites().isEmpty()) {
                return s.cites().getFirst().id();
            }
        }
        return program == null ? "none" : program;
    }
}

package org.openrma.policy.eval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openrma.claim.Claim;
import org.openrma.claim.ClaimedLine;
import org.openrma.claim.Evidence;
import org.openrma.claim.OrderLine;
import org.openrma.decision.Chooser;
import org.openrma.decision.Citation;
import org.openrma.decision.Decision;
import org.openrma.decision.DeductionKind;
import org.openrma.decision.Detail;
import org.openrma.decision.ExplanationStep;
import org.openrma.decision.LineResult;
import org.openrma.decision.Outcome;
import org.openrma.decision.Payer;
import org.openrma.decision.PolicyVersionRef;
import org.openrma.decision.ProgramVerdict;
import org.openrma.decision.Resolution;
import org.openrma.decision.StepResult;
import org.openrma.policy.compile.Condition;
import org.openrma.policy.compile.PolicyModel;
import org.openrma.policy.compile.Program;
import org.openrma.policy.compile.Reads;
import org.openrma.policy.compile.Rules;
import org.openrma.policy.compile.Rules.Check;
import org.openrma.policy.compile.Rules.Deduction;
import org.openrma.policy.compile.Rules.EvidenceRule;
import org.openrma.policy.compile.Rules.ShippingRule;
import org.openrma.policy.compile.Subject;
import org.openrma.policy.compile.Unevaluable;
import org.openrma.policy.compile.Window;

/**
 * Decides a claim under one compiled policy version. A pure function of (policy, claim, now): it
 * reads no clock and keeps no state between calls.
 *
 * <p>Every program is evaluated for every claimed line and every rule's result is kept, so the
 * explanation is complete. Within a program a line's answer is its most severe rule result
 * (rejected, then needs_evidence, needs_review, approved); the program's answer for the claim is
 * the most actionable line answer (needs_evidence, needs_review, approved, rejected). The policy's
 * selection then picks the program that decides.
 */
public final class Evaluator {

    private static final Set<Resolution> REFUNDS = EnumSet.of(Resolution.REFUND, Resolution.PARTIAL_REFUND);
    /** Remedies whose value is the items' price less the policy's deductions (a fee applies to an exchange too). */
    private static final Set<Resolution> VALUED = EnumSet.of(Resolution.REFUND, Resolution.PARTIAL_REFUND, Resolution.STORE_CREDIT,
            Resolution.EXCHANGE);
    /** Remedies that send something back to the customer, so the outbound leg matters. */
    private static final Set<Resolution> SHIPS_OUT = EnumSet.of(Resolution.REPLACEMENT, Resolution.REPAIR, Resolution.PAID_REPAIR,
            Resolution.EXCHANGE, Resolution.RESHIPMENT, Resolution.SPARE_PARTS);

    private Evaluator() {}

    public static Decision decide(PolicyModel policy, PolicyVersionRef version, Claim claim, Instant now) {
        return decide(policy, version, claim, now, Detail.FULL);
    }

    public static Decision decide(PolicyModel policy, PolicyVersionRef version, Claim claim, Instant now, Detail detail) {
        return new Run(policy, version, claim, now, detail == Detail.FULL).decide();
    }

    /** Severity of a rule's answer for one line: the worst one wins. */
    private static int severity(Outcome o) {
        return switch (o) {
            case APPROVED -> 0;
            case NEEDS_REVIEW -> 1;
            case NEEDS_EVIDENCE -> 2;
            case REJECTED -> 3;
        };
    }

    /** Combining lines: what the claim needs next comes first. */
    private static int claimPriority(Outcome o) {
        return switch (o) {
            case NEEDS_EVIDENCE -> 0;
            case NEEDS_REVIEW -> 1;
            case APPROVED -> 2;
            case REJECTED -> 3;
        };
    }

    /** Best for the customer. */
    private static int customerRank(Outcome o) {
        return switch (o) {
            case APPROVED -> 0;
            case NEEDS_EVIDENCE -> 1;
            case NEEDS_REVIEW -> 2;
            case REJECTED -> 3;
        };
    }

    /** One program's answer for one line. */
    private static final class LineVerdict {
        final ClaimedLine line;
        final Rules.WhenRejected whenRejected;
        Outcome outcome = Outcome.APPROVED;
        // most lines pass every rule: these fill only when a rule fails
        List<String> reasons = List.of();
        Set<String> missing = Set.of();
        Set<Resolution> offers = Set.of();
        Window.End windowEnd;
        /** Windows this line missed, by name: a rejection lists every deadline that failed. */
        Map<String, LocalDate> missedWindows = Map.of();

        LineVerdict(ClaimedLine line, Rules.WhenRejected whenRejected) {
            this.line = line;
            this.whenRejected = whenRejected;
        }

        void missed(String name, LocalDate lastDay) {
            if (missedWindows.isEmpty()) {
                missedWindows = new LinkedHashMap<>();
            }
            missedWindows.put(name, lastDay);
        }

        void answer(Outcome o, String reason) {
            if (o == Outcome.REJECTED && whenRejected != null) {
                o = whenRejected.outcome();
            }
            if (severity(o) > severity(outcome)) {
                outcome = o;
            }
            if (reason != null) {
                if (reasons.isEmpty()) {
                    reasons = new ArrayList<>(2);
                }
                reasons.add(reason);
            }
        }

        void missing(List<String> kinds) {
            if (missing.isEmpty()) {
                missing = new LinkedHashSet<>();
            }
            missing.addAll(kinds);
        }

        void offer(Set<Resolution> resolutions) {
            if (!resolutions.isEmpty()) {
                if (offers.isEmpty()) {
                    offers = new LinkedHashSet<>();
                }
                offers.addAll(resolutions);
            }
        }
    }

    private static final class ProgramRun {
        final Program program;
        final int order;
        final List<LineVerdict> lines = new ArrayList<>();
        Outcome outcome;

        ProgramRun(Program program, int order) {
            this.program = program;
            this.order = order;
        }

        boolean served() {
            return outcome != null;
        }
    }

    private static final class Run {
        private final PolicyModel policy;
        private final PolicyVersionRef version;
        private final Claim claim;
        private final Subject subject;
        private final CurrencyUnit currency;
        private final List<ClaimedLine> claimed;
        private final List<ExplanationStep> steps = new ArrayList<>();
        private final boolean explain;

        Run(PolicyModel policy, PolicyVersionRef version, Claim claim, Instant now, boolean explain) {
            this.explain = explain;
            this.policy = policy;
            this.version = version;
            this.claim = claim;
            this.subject = new Subject(claim, null, policy.calendar(), now);
            this.currency = claim.order().currency();
            this.claimed = claim.claimedLines();
        }

        Decision decide() {
            List<ProgramRun> runs = new ArrayList<>();
            for (int i = 0; i < policy.programs().size(); i++) {
                runs.add(evaluate(policy.programs().get(i), i));
            }
            List<ProgramRun> served = new ArrayList<>(runs.size());
            List<ProgramVerdict> verdicts = new ArrayList<>(runs.size());
            for (ProgramRun r : runs) {
                if (r.served()) {
                    served.add(r);
                }
                String says = !explain ? null : r.served() ? String.join("; ", r.lines.stream().flatMap(l -> l.reasons.stream()).distinct().toList())
                        : "does not serve this claim";
                verdicts.add(new ProgramVerdict(r.program.id(), r.program.title(), r.outcome, says));
            }
            if (served.isEmpty()) {
                return fallback(verdicts);
            }
            ProgramRun chosen = served.getFirst();
            boolean allReject = served.stream().allMatch(r -> r.outcome == Outcome.REJECTED);
            if (allReject && policy.selection() != PolicyModel.Selection.FIRST_MATCH) {
                // the claim was meant for the program that names its kind; its refusal is the one to explain
                chosen = served.stream().filter(r -> namesKind(r.program.serves(), claim.request().kind().wire())).findFirst().orElse(chosen);
            }
            for (ProgramRun r : served) {
                boolean better = switch (policy.selection()) {
                    case FIRST_MATCH -> false;
                    case PREFERENCE_ORDER -> chosen.outcome == Outcome.REJECTED && r.outcome != Outcome.REJECTED;
                    // served is in file order, so strictly better keeps ties with the earlier program
                    case BEST_FOR_CUSTOMER -> customerRank(r.outcome) < customerRank(chosen.outcome);
                };
                if (better) {
                    chosen = r;
                }
            }
            if (explain) {
                step(null, "selection", null, StepResult.APPLIED, Map.of("programs_serving", String.valueOf(served.size())),
                        "Program '" + chosen.program.id() + "' decides: " + switch (policy.selection()) {
                            case FIRST_MATCH -> "it is the first program in the policy that serves this claim.";
                            case PREFERENCE_ORDER -> chosen.outcome == Outcome.REJECTED
                                    ? "every program serving this claim rejects it; the refusal shown is the one of the first program that names the claim's kind ("
                                            + claim.request().kind().wire() + "), else the first listed. Every program's reasons are listed under programs."
                                    : "it is the policy's first preference among the programs that do not reject this claim.";
                            case BEST_FOR_CUSTOMER -> allReject
                                    ? "every program serving this claim rejects it; the refusal shown is the one of the first program that names the claim's kind, else the first listed."
                                    : "of the programs serving this claim, it gives the best answer for the customer (ties go to the program listed first).";
                        },
                        List.of());
            }
            return assemble(chosen, served, verdicts);
        }

        // ------------------------------------------------------------ one program

        private ProgramRun evaluate(Program program, int order) {
            ProgramRun run = new ProgramRun(program, order);
            Map<String, String> read = reads();
            List<ClaimedLine> servedLines = new ArrayList<>();
            Map<ClaimedLine, String> undecidable = new java.util.HashMap<>();
            for (ClaimedLine line : claimed) {
                try {
                    if (program.serves().test(subject.forLine(line), read)) {
                        servedLines.add(line);
                    }
                } catch (Unevaluable e) {
                    // whether the program covers the line cannot be told: it may, so a person looks
                    servedLines.add(line);
                    undecidable.put(line, e.getMessage());
                }
            }
            if (servedLines.isEmpty()) {
                if (explain) {
                    step(program.id(), program.id() + ".serves", null, StepResult.NOT_APPLICABLE, read,
                            "'" + program.title() + "' does not serve this claim.", List.of());
                }
                return run;
            }
            if (explain) {
                step(program.id(), program.id() + ".serves", null, StepResult.APPLIED, read, "'" + program.title() + "' serves this claim.", List.of());
            }
            boolean perLine = claimed.size() > 1;
            for (ClaimedLine line : claimed) {
                LineVerdict verdict = new LineVerdict(line, program.whenRejected());
                run.lines.add(verdict);
                if (!servedLines.contains(line)) {
                    verdict.answer(Outcome.REJECTED, "line " + line.line().sku() + " is not covered by '" + program.title() + "'");
                    continue;
                }
                Subject s = subject.forLine(line);
                String label = perLine ? line.line().sku() : null;
                if (undecidable.containsKey(line)) {
                    unevaluable(program.id(), program.id() + ".serves", label, undecidable.get(line), List.of(), verdict);
                }
                if (program.window() != null) {
                    verdict.windowEnd = window(program.id(), program.window(), s, label, verdict);
                }
                for (Window deadline : program.deadlines()) {
                    if (deadline.bounds() != org.openrma.policy.compile.Event.SUBMITTED) {
                        window(program.id(), deadline, s, label, verdict);
                    }
                }
                for (Check check : program.checks()) {
                    check(program.id(), check, s, label, verdict);
                }
                for (EvidenceRule rule : program.evidence()) {
                    evidence(program.id(), rule, s, label, verdict);
                }
                if (program.whenRejected() != null && verdict.outcome == program.whenRejected().outcome() && !verdict.reasons.isEmpty() && explain) {
                    step(program.id(), program.id() + ".when_rejected", label, StepResult.APPLIED, Map.of(),
                            program.whenRejected().says() != null ? program.whenRejected().says()
                                    : "Requests outside this program's conditions are handled case by case.",
                            program.whenRejected().cites());
                }
            }
            Outcome combined = null;
            for (LineVerdict l : run.lines) {
                if (combined == null || claimPriority(l.outcome) < claimPriority(combined)) {
                    combined = l.outcome;
                }
            }
            run.outcome = combined;
            return run;
        }

        private Window.End window(String program, Window w, Subject s, String label, LineVerdict verdict) {
            Map<String, String> read = reads();
            String rule = program + "." + w.name();
            Optional<Window.End> end;
            try {
                if (!w.when().test(s, read)) {
                    return null;
                }
                end = w.span().end(s, read);
            } catch (Unevaluable e) {
                unevaluable(program, rule, label, e.getMessage(), w.cites(), verdict);
                return null;
            }
            if (end.isEmpty()) {
                if (explain) {
                    step(program, rule, label, StepResult.NOT_EVALUATED, read,
                            "The window cannot be counted: the event it starts from has not happened yet.", w.cites());
                }
                verdict.answer(Outcome.NEEDS_REVIEW, "the " + label(w.name()) + " cannot be counted yet");
                return null;
            }
            Window.End e = end.get();
            Optional<Instant> measured = w.bounds().in(s);
            boolean open;
            if (measured.isEmpty() && w.bounds() == org.openrma.policy.compile.Event.SHIPPED_BACK
                    && org.openrma.policy.compile.Event.RECEIVED.in(s).isPresent()) {
                // The item arrived, so it was shipped; without a shipment date there is nothing to hold against it.
                if (explain) {
                    read.put("received", org.openrma.policy.compile.Event.RECEIVED.in(s).get().toString());
                }
                open = true;
            } else if (measured.isPresent()) {
                if (explain) {
                    read.put(w.bounds().wire(), measured.get().toString());
                }
                open = !measured.get().isAfter(e.closes());
            } else {
                if (explain) {
                    read.put("now", s.now().toString());
                }
                open = !s.now().isAfter(e.closes());
            }
            if (explain && !e.isUnlimited()) {
                read.put("last_day", e.lastDay().toString());
            }
            String span = !explain ? "" : e.isUnlimited() ? "no time limit" : e.from() + ", last day " + e.lastDay();
            if (open) {
                if (explain) {
                    step(program, rule, label, StepResult.PASSED, read, (measured.isPresent() ? "Within the window (" : "The window is still open (") + span + ").",
                            w.cites());
                }
            } else {
                String says = w.says() != null ? w.says() : (measured.isPresent() ? "Outside the window (" + span + ")."
                        : "The deadline passed without the " + w.bounds().wire().replace('_', ' ') + " event (" + span + ").");
                if (explain) {
                    step(program, rule, label, StepResult.FAILED, read, says, w.cites());
                }
                verdict.answer(w.otherwise(), !explain ? null : measured.isPresent() ? "outside the " + label(w.name()) + " (" + span + ")"
                        : "the " + label(w.name()) + " passed (" + span + ")");
                if (!e.isUnlimited()) {
                    verdict.missed(w.name(), e.lastDay());
                }
            }
            return e;
        }

        private void check(String program, Check check, Subject s, String label, LineVerdict verdict) {
            Map<String, String> read = reads();
            boolean holds;
            try {
                holds = check.condition().test(s, read);
            } catch (Unevaluable e) {
                unevaluable(program, check.name(), label, e.getMessage(), check.cites(), verdict);
                return;
            }
            boolean fires = check.require() ? !holds : holds;
            if (fires) {
                String says = check.says() != null ? check.says() : describe(check);
                if (explain) {
                    step(program, check.name(), label, check.require() || check.outcome() != Outcome.APPROVED ? StepResult.FAILED : StepResult.APPLIED,
                            read, says, check.cites());
                }
                verdict.answer(check.outcome(), says);
                if (check.outcome() != Outcome.APPROVED) {
                    verdict.offer(check.offers());
                }
            } else {
                if (explain) {
                    step(program, check.name(), label, StepResult.PASSED, read, check.require() ? "Requirement met." : "Does not apply to this claim.",
                            check.cites());
                }
            }
        }

        /** A rule that cannot be evaluated sends the claim to review, with the reason in the explanation; it never "does not apply". */
        private void unevaluable(String program, String rule, String label, String why, List<Citation> cites, LineVerdict verdict) {
            if (explain) {
                step(program, rule, label, StepResult.NOT_EVALUATED, Map.of("error", why),
                        "This rule could not be evaluated (" + why + "); an agent decides.", cites);
            }
            // not through answer(): a program's when_rejected must not turn an error into anything but review
            if (severity(Outcome.NEEDS_REVIEW) > severity(verdict.outcome)) {
                verdict.outcome = Outcome.NEEDS_REVIEW;
            }
            verdict.answer(Outcome.APPROVED, "a rule could not be evaluated: " + why);
        }

        private static String describe(Check check) {
            return switch (check.outcome()) {
                case REJECTED -> "The claim does not meet this requirement.";
                case NEEDS_REVIEW -> "The policy leaves this situation to an agent's judgement.";
                case NEEDS_EVIDENCE -> "More evidence is needed.";
                case APPROVED -> "Approved by this rule.";
            };
        }

        private void evidence(String program, EvidenceRule rule, Subject s, String label, LineVerdict verdict) {
            Map<String, String> read = reads();
            try {
                if (!rule.when().test(s, read)) {
                    if (explain) {
                        step(program, rule.name(), label, StepResult.NOT_APPLICABLE, read, "No evidence of this kind is needed for this claim.", rule.cites());
                    }
                    return;
                }
            } catch (Unevaluable e) {
                unevaluable(program, rule.name(), label, e.getMessage(), rule.cites(), verdict);
                return;
            }
            Set<String> supplied = claim.request().words().evidence();
            if (explain) {
                read.put("evidence", supplied.isEmpty() ? "none" : String.join(",", supplied.stream().sorted().toList()));
            }
            List<String> missing = new ArrayList<>();
            for (String e : rule.allOf()) {
                if (!supplied.contains(e)) {
                    missing.add(e);
                }
            }
            boolean oneOfMissing = !rule.oneOf().isEmpty() && rule.oneOf().stream().noneMatch(supplied::contains);
            if (oneOfMissing) {
                // any one of them will do: every alternative is listed, so the customer can choose
                missing.addAll(rule.oneOf());
            }
            if (missing.isEmpty()) {
                if (explain) {
                    step(program, rule.name(), label, StepResult.PASSED, read, "The evidence needed has been supplied.", rule.cites());
                }
                return;
            }
            List<String> all = missing.stream().filter(e -> !oneOfMissing || !rule.oneOf().contains(e)).map(e -> e.replace('_', ' ')).toList();
            String needed = String.join(", ", all) + (oneOfMissing
                    ? (all.isEmpty() ? "" : ", and ") + (rule.oneOf().size() > 1 ? "one of: " : "")
                            + String.join(", ", rule.oneOf().stream().map(e -> e.replace('_', ' ')).toList()) : "");
            if (explain) {
                step(program, rule.name(), label, StepResult.FAILED, read,
                        rule.says() != null ? rule.says() : "Still needed: " + needed + ".", rule.cites());
            }
            verdict.missing(missing);
            verdict.answer(Outcome.NEEDS_EVIDENCE, "evidence still needed: " + needed);
        }

        // ------------------------------------------------------------ the decision

        private Decision assemble(ProgramRun chosen, List<ProgramRun> served, List<ProgramVerdict> verdicts) {
            Program program = chosen.program;
            Outcome outcome = chosen.outcome;
            List<LineVerdict> kept = new ArrayList<>(chosen.lines.size());
            for (LineVerdict l : chosen.lines) {
                if (l.outcome != Outcome.REJECTED) {
                    kept.add(l);
                }
            }

            Set<Resolution> resolutions = new LinkedHashSet<>();
            List<Rules.Offer> offered = new ArrayList<>();
            boolean needsConsent = false;
            List<String> undecided = new ArrayList<>();
            if (outcome == Outcome.REJECTED) {
                served.stream().filter(r -> r.outcome == Outcome.REJECTED)
                        .forEach(r -> r.lines.forEach(l -> resolutions.addAll(l.offers)));
                if (!resolutions.isEmpty()) {
                    if (explain) {
                        step(program.id(), program.id() + ".offers", null, StepResult.APPLIED, Map.of(),
                                "Still available at the customer's cost: " + words(resolutions) + ".", List.of());
                    }
                }
            } else {
                for (Rules.Offer offer : program.resolutions().offers()) {
                    Map<String, String> read = reads();
                    boolean offers;
                    try {
                        offers = anyLine(offer.when(), kept, read);
                    } catch (Unevaluable e) {
                        undecided.add(e.getMessage());
                        stepUnevaluable(program.id(), program.id() + ".resolutions." + offer.resolution().wire(), e, offer.cites());
                        continue;
                    }
                    if (offers) {
                        offered.add(offer);
                        resolutions.add(offer.resolution());
                        needsConsent |= offer.needsConsent();
                        if (explain) {
                            step(program.id(), program.id() + ".resolutions." + offer.resolution().wire(), null, StepResult.APPLIED, read,
                                    "Offers " + offer.resolution().wire().replace('_', ' ') + (offer.needsConsent() ? " (with the customer's consent)" : "")
                                            + ".", offer.cites());
                        }
                    }
                }
            }

            Money zero = Money.zero(currency);
            Money refund = zero;
            Money net = zero;
            Map<DeductionKind, Money> deductions = new EnumMap<>(DeductionKind.class);
            if (outcome != Outcome.REJECTED && resolutions.stream().anyMatch(VALUED::contains)) {
                Money base = zero;
                for (LineVerdict l : kept) {
                    Money linePrice = l.line.price();
                    if (program.refund().perUnitAmount() != null) {
                        try {
                            Money stated = perUnit(program.refund().perUnitAmount(), subject.forLine(l.line)).multipliedBy(l.line.requested().quantity());
                            linePrice = stated.isLessThan(linePrice) ? stated : linePrice;
                        } catch (Unevaluable e) {
                            undecided.add(e.getMessage());
                            stepUnevaluable(program.id(), program.id() + ".refund", e, program.refund().cites());
                        }
                    }
                    base = base.plus(linePrice);
                }
                if (program.refund().base() == Rules.RefundBase.ITEMS_AND_SHIPPING) {
                    base = base.plus(shippingShare(kept));
                }
                Money deducted = zero;
                for (Deduction d : program.deductions()) {
                    Money amount;
                    try {
                        amount = deduction(program.id(), d, kept);
                    } catch (Unevaluable e) {
                        undecided.add(e.getMessage());
                        stepUnevaluable(program.id(), d.name(), e, d.cites());
                        continue;
                    }
                    if (amount.isPositive()) {
                        deductions.merge(d.kind(), amount, Money::plus);
                        deducted = deducted.plus(amount);
                    }
                }
                net = deducted.isGreaterThan(base) ? zero : base.minus(deducted);
                // money goes back only when a refund is offered; an exchange or store credit carries the same net value
                refund = resolutions.stream().anyMatch(REFUNDS::contains) ? net : zero;
                if (explain && refund.isPositive()) {
                    step(program.id(), program.id() + ".refund", null, StepResult.APPLIED,
                            Map.of("base", base.getAmount().toPlainString(), "deducted", deducted.getAmount().toPlainString()),
                            "Refund " + refund.getAmount().toPlainString() + " " + currency.getCode() + " to the original payment method.",
                            program.refund().cites());
                }
            }

            Payer returnPayer = Payer.CUSTOMER;
            Money reimbursed = zero;
            if (outcome == Outcome.REJECTED) {
                if (explain) {
                    step(program.id(), program.id() + ".return_shipping", null, StepResult.APPLIED, Map.of(),
                            "Nothing is authorized at the merchant's cost: any return shipping is the customer's.", List.of());
                }
            } else {
                if (program.returnShipping().isEmpty() && !hasReturnLeg(claim)) {
                    // nothing is sent back on this kind of claim, and the program says nothing about it
                    returnPayer = null;
                } else try {
                    Optional<ShippingRule> rule = firstShipping(program.id(), program.returnShipping(), kept, "return shipping");
                    if (rule.isPresent()) {
                        returnPayer = rule.get().paidBy();
                        reimbursed = reimbursement(program.id(), rule.get());
                    } else {
                        returnPayer = Payer.UNDETERMINED;
                        if (explain) {
                            step(program.id(), program.id() + ".return_shipping", null, StepResult.NOT_EVALUATED, Map.of(),
                                    "The policy does not say who pays return shipping in this case; an agent decides.", List.of());
                        }
                    }
                } catch (Unevaluable e) {
                    returnPayer = Payer.UNDETERMINED;
                    undecided.add(e.getMessage());
                    stepUnevaluable(program.id(), program.id() + ".return_shipping", e, List.of());
                }
            }
            Payer outboundPayer = null;
            if (outcome != Outcome.REJECTED && resolutions.stream().anyMatch(SHIPS_OUT::contains)) {
                try {
                    outboundPayer = firstShipping(program.id(), program.outboundShipping(), kept, "outbound shipping").map(ShippingRule::paidBy)
                            .orElse(Payer.UNDETERMINED);
                } catch (Unevaluable e) {
                    outboundPayer = Payer.UNDETERMINED;
                    undecided.add(e.getMessage());
                    stepUnevaluable(program.id(), program.id() + ".outbound_shipping", e, List.of());
                }
            }
            if (!undecided.isEmpty() && (outcome == Outcome.APPROVED)) {
                // an amount or a party that cannot be worked out never goes out as an approval
                outcome = Outcome.NEEDS_REVIEW;
            }

            List<String> missing = List.of();
            if (outcome == Outcome.NEEDS_EVIDENCE) {
                Set<String> all = new LinkedHashSet<>();
                chosen.lines.forEach(l -> all.addAll(l.missing));
                missing = List.copyOf(all);
            }

            Map<String, LocalDate> deadlines = new LinkedHashMap<>();
            for (LineVerdict l : chosen.lines) {
                if (l.windowEnd != null && !l.windowEnd.isUnlimited()) {
                    deadlines.put("claim_window_ends", l.windowEnd.lastDay());
                    break;
                }
            }
            if (outcome != Outcome.REJECTED) {
                deadlines(program, kept, deadlines);
                components(program, kept, deadlines);
            } else {
                // a rejection lists every deadline that failed
                chosen.lines.forEach(l -> l.missedWindows.forEach(deadlines::putIfAbsent));
            }
            List<org.openrma.decision.Remedy> remedies = remedies(program.id(), outcome, offered, net);

            List<LineResult> lineResults = new ArrayList<>(chosen.lines.size());
            for (LineVerdict l : chosen.lines) {
                lineResults.add(new LineResult(l.line.line().sku(), l.line.requested().quantity(), l.outcome, l.line.price(), l.reasons));
            }
            Chooser chooser = program.resolutions().chosenBy();
            String summary = !explain ? "" : summary(outcome, program, resolutions, refund, deductions, returnPayer, missing, chosen);
            return new Decision(outcome, program.id(), resolutions, chooser, needsConsent, refund, deductions, returnPayer, reimbursed,
                    outboundPayer, missing, deadlines, version, verdicts, lineResults, steps, summary, remedies);
        }

        /**
         * What each offered remedy is worth: the refund; store credit on the refund with the offer's
         * bonus; an exchange up to the value of the items; a partial refund's ceiling, set by a person.
         */
        private List<org.openrma.decision.Remedy> remedies(String program, Outcome outcome, List<Rules.Offer> offered, Money net) {
            if (outcome == Outcome.REJECTED) {
                return List.of();
            }
            List<org.openrma.decision.Remedy> out = new ArrayList<>();
            for (Rules.Offer offer : offered) {
                Money base = switch (offer.resolution()) {
                    case REFUND, STORE_CREDIT, EXCHANGE -> net;
                    case PARTIAL_REFUND -> offer.upToPercent() != null ? net : null;
                    default -> null;
                };
                Money value = base;
                if (base != null && offer.upToPercent() != null) {
                    value = policy.rounding().round(base.toBigMoney().multipliedBy(offer.upToPercent().movePointLeft(2)));
                }
                if (value != null && offer.bonusPercent() != null) {
                    value = value.plus(policy.rounding().round(value.toBigMoney().multipliedBy(offer.bonusPercent().movePointLeft(2))));
                }
                boolean byAgent = offer.upToPercent() != null || (offer.resolution() == Resolution.PARTIAL_REFUND);
                out.add(new org.openrma.decision.Remedy(offer.resolution(), value, offer.bonusPercent(), byAgent));
                if (explain && (offer.bonusPercent() != null || offer.upToPercent() != null)) {
                    step(program, program + ".remedy." + offer.resolution().wire(), null, StepResult.APPLIED, Map.of(),
                            offer.upToPercent() != null
                                    ? capitalize(offer.resolution().wire().replace('_', ' ')) + " of up to " + offer.upToPercent().toPlainString() + "% ("
                                            + value.getAmount().toPlainString() + " " + currency.getCode() + "): an agent sets the amount."
                                    : capitalize(offer.resolution().wire().replace('_', ' ')) + " worth " + value.getAmount().toPlainString() + " "
                                            + currency.getCode() + " (" + offer.bonusPercent().toPlainString() + "% bonus).",
                            offer.cites());
                }
            }
            return out;
        }

        /** Each coverage component's last day, and whether the claim is still inside it (free) or not (charged). */
        private void components(Program program, List<LineVerdict> kept, Map<String, LocalDate> out) {
            if (program.components().isEmpty() || kept.isEmpty()) {
                return;
            }
            Subject s = subject.forLine(kept.getFirst().line);
            for (Rules.Component c : program.components()) {
                Map<String, String> read = reads();
                Optional<Window.End> end;
                try {
                    end = c.window().span().end(s, read);
                } catch (Unevaluable e) {
                    stepUnevaluable(program.id(), program.id() + ".components." + c.id(), e, c.cites());
                    continue;
                }
                if (end.isEmpty()) {
                    continue;
                }
                boolean covered = end.get().isUnlimited() || !claim.request().submittedAt().isAfter(end.get().closes());
                if (!end.get().isUnlimited()) {
                    out.put(c.id() + "_covered_until", end.get().lastDay());
                }
                if (explain) {
                    step(program.id(), program.id() + ".components." + c.id(), null, covered ? StepResult.PASSED : StepResult.FAILED, read,
                            capitalize(c.id().replace('_', ' ')) + (covered ? ": covered, free of charge" : ": no longer covered, charged to the customer")
                                    + (end.get().isUnlimited() ? " (no time limit)." : " (covered until " + end.get().lastDay() + ")."),
                            c.cites());
                }
            }
        }

        private void stepUnevaluable(String program, String rule, Unevaluable e, List<Citation> cites) {
            if (explain) {
                step(program, rule, null, StepResult.NOT_EVALUATED, Map.of("error", e.getMessage()),
                        "This rule could not be evaluated (" + e.getMessage() + "); an agent decides.", cites);
            }
        }

        private Money deduction(String program, Deduction d, List<LineVerdict> kept) {
            Map<String, String> read = reads();
            Money amount;
            if (d.percent() != null) {
                BigMoney exact = BigMoney.zero(currency);
                for (LineVerdict l : kept) {
                    Subject s = subject.forLine(l.line);
                    if (d.when().test(s, read) && !waived(d, s, read)) {
                        var pct = d.percent().percentFor(s, read);
                        if (explain) {
                            read.put("percent", pct.toPlainString());
                        }
                        exact = exact.plus(l.line.price().toBigMoney().multipliedBy(pct.movePointLeft(2)));
                    }
                }
                amount = policy.rounding().round(exact);
            } else if (d.perUnitAmount() != null) {
                // an amount per unit the claim gives (a bundle discount, a market value), for each kept line it applies to
                Money sum = Money.zero(currency);
                for (LineVerdict l : kept) {
                    Subject s = subject.forLine(l.line);
                    if (d.when().test(s, read) && !waived(d, s, read)) {
                        sum = sum.plus(perUnit(d.perUnitAmount(), s).multipliedBy(l.line.requested().quantity()));
                    }
                }
                amount = sum;
                read.put("amount", d.perUnitAmount().name() + " x units");
            } else if (d.flat() != null && d.per() != Rules.Per.CLAIM) {
                // a flat fee per line or per unit counts the kept lines the deduction applies to
                long count = 0;
                for (LineVerdict l : kept) {
                    if (d.when().test(subject.forLine(l.line), read) && !waived(d, subject.forLine(l.line), read)) {
                        count += d.per() == Rules.Per.UNIT ? l.line.requested().quantity() : 1;
                    }
                }
                amount = policy.rounding().round(BigMoney.of(currency, d.flat()).multipliedBy(count));
                read.put("amount", d.flat().toPlainString() + " x " + count + " " + (d.per() == Rules.Per.UNIT ? "units" : "lines"));
            } else if (anyLine(d.when(), kept, read) && !waived(d, subject, read)) {
                amount = d.flat() != null ? policy.rounding().round(BigMoney.of(currency, d.flat())) : source(d.source(), kept);
                read.put("amount", d.flat() != null ? d.flat().toPlainString() : d.source().word);
            } else {
                amount = Money.zero(currency);
            }
            if (d.min() != null && amount.isPositive()) {
                Money floor = policy.rounding().round(BigMoney.of(currency, d.min()));
                if (amount.isLessThan(floor)) {
                    read.put("raised_to", floor.getAmount().toPlainString());
                    amount = floor;
                }
            }
            if (d.max() != null) {
                Money cap = policy.rounding().round(BigMoney.of(currency, d.max()));
                if (amount.isGreaterThan(cap)) {
                    read.put("capped_at", cap.getAmount().toPlainString());
                    amount = cap;
                }
            }
            if (amount.isPositive()) {
                if (explain) {
                    step(program, d.name(), null, StepResult.APPLIED, read,
                            d.says() != null ? d.says() + " (" + amount.getAmount().toPlainString() + ")"
                                    : "Deducts " + amount.getAmount().toPlainString() + " as " + d.kind().wire().replace('_', ' ') + ".",
                            d.cites());
                }
            } else {
                if (explain) {
                    step(program, d.name(), null, StepResult.NOT_APPLICABLE, read, "Nothing to deduct as " + d.kind().wire().replace('_', ' ') + ".",
                            d.cites());
                }
            }
            return amount;
        }

        /** A declared money attribute of a line, per unit, in the order's currency. */
        private Money perUnit(org.openrma.policy.compile.Field field, Subject s) {
            String word = field.read(s);
            var amount = org.openrma.policy.compile.Declarations.Attribute.decimal(word)
                    .orElseThrow(() -> new Unevaluable(field.name() + " is '" + word + "', not an amount"));
            return policy.rounding().round(BigMoney.of(currency, amount));
        }

        /** A deduction's waiver ({@code unless}) holds for this subject. */
        private boolean waived(Deduction d, Subject s, Map<String, String> read) {
            return d.unless() != null && d.unless().test(s, read);
        }

        private Money source(Rules.AmountSource source, List<LineVerdict> kept) {
            var costs = claim.request().costs();
            return switch (source) {
                case KEPT_FREE_GIFTS -> {
                    Set<String> returned = new LinkedHashSet<>();
                    claimed.forEach(l -> returned.add(l.line().sku()));
                    yield claim.request().keepsFreeGifts()
                            ? claim.order().lines().stream().filter(OrderLine::isFreeGift).filter(l -> !returned.contains(l.sku()))
                                    .map(OrderLine::giftValue).reduce(Money.zero(currency), Money::plus)
                            : Money.zero(currency);
                }
                case CUSTOMS -> costs.customs();
                case HANDLING -> costs.handling();
                case RETURN_LOGISTICS -> costs.returnLogistics();
                case RETURN_SHIPPING -> costs.returnShipping();
                case ORDER_SHIPPING -> shippingShare(kept);
            };
        }

        /** The order's shipping charge in proportion to the value of the lines claimed. */
        private Money shippingShare(List<LineVerdict> kept) {
            Money shipping = claim.order().shipping().amount();
            Money total = claim.order().merchandiseTotal();
            Money claimedValue = kept.stream().map(l -> l.line.price()).reduce(Money.zero(currency), Money::plus);
            if (!shipping.isPositive() || claimedValue.isZero()) {
                return Money.zero(currency);
            }
            if (claimedValue.isEqual(total) || total.isZero()) {
                return shipping;
            }
            // exact to 34 digits, then rounded once with the policy's rounding
            var exact = shipping.getAmount().multiply(claimedValue.getAmount()).divide(total.getAmount(), java.math.MathContext.DECIMAL128);
            return policy.rounding().round(BigMoney.of(currency, exact));
        }

        private Optional<ShippingRule> firstShipping(String program, List<ShippingRule> rules, List<LineVerdict> kept, String leg) {
            for (ShippingRule rule : rules) {
                Map<String, String> read = reads();
                if (anyLine(rule.when(), kept, read)) {
                    String says = rule.says() != null ? rule.says()
                            : "The " + rule.paidBy().wire() + " pays " + leg + (rule.method() != null ? " (" + rule.method().wire().replace('_', ' ') + ")" : "")
                                    + (rule.upgradePaidBy() != null ? "; a faster service is paid by the " + rule.upgradePaidBy().wire() : "") + ".";
                    if (explain) {
                        step(program, rule.name(), null, StepResult.APPLIED, read, says, rule.cites());
                    }
                    return Optional.of(rule);
                }
            }
            return Optional.empty();
        }

        private Money reimbursement(String program, ShippingRule rule) {
            Money zero = Money.zero(currency);
            if (rule.reimburse() != Rules.Reimbursement.RECEIPT) {
                return zero;
            }
            Map<String, String> read = reads();
            Money receipt = claim.request().costs().returnShipping();
            read.put("costs.return_shipping", receipt.getAmount().toPlainString());
            if (rule.requires() != null && !claim.request().evidence().contains(rule.requires())) {
                if (explain) {
                    step(program, rule.name() + ".reimbursement", null, StepResult.NOT_EVALUATED, read,
                            "Return postage is reimbursed on a valid " + rule.requires().wire().replace('_', ' ') + "; none has been supplied.", rule.cites());
                }
                return zero;
            }
            Money amount = receipt;
            if (rule.max() != null) {
                Money cap = policy.rounding().round(BigMoney.of(currency, rule.max()));
                if (amount.isGreaterThan(cap)) {
                    amount = cap;
                    read.put("capped_at", cap.getAmount().toPlainString());
                }
            }
            if (explain) {
                step(program, rule.name() + ".reimbursement", null, amount.isPositive() ? StepResult.APPLIED : StepResult.NOT_APPLICABLE, read,
                        "Reimburses " + amount.getAmount().toPlainString() + " of return postage.", rule.cites());
            }
            return amount;
        }

        private void deadlines(Program program, List<LineVerdict> kept, Map<String, LocalDate> out) {
            List<Window> all = new ArrayList<>(program.deadlines());
            Set<String> own = new LinkedHashSet<>();
            program.deadlines().forEach(w -> own.add(w.name()));
            policy.deadlines().stream().filter(w -> !own.contains(w.name())).forEach(all::add);
            Subject s = kept.isEmpty() ? subject : subject.forLine(kept.getFirst().line);
            Set<String> done = new LinkedHashSet<>();
            for (Window w : all) {
                if (done.contains(w.name())) {
                    continue;
                }
                Map<String, String> read = reads();
                Optional<Window.End> end;
                try {
                    if (!w.when().test(s, read)) {
                        continue;
                    }
                    end = w.span().end(s, read);
                } catch (Unevaluable e) {
                    done.add(w.name());
                    stepUnevaluable(program.id(), program.id() + "." + w.name(), e, w.cites());
                    continue;
                }
                done.add(w.name());
                if (end.isEmpty() || end.get().isUnlimited()) {
                    if (explain) {
                        step(program.id(), program.id() + "." + w.name(), null, StepResult.NOT_EVALUATED, read,
                                "Not due yet: the event it counts from has not happened.", w.cites());
                    }
                    continue;
                }
                out.put(w.name(), end.get().lastDay());
                if (w.span() instanceof Window.FromEvent fe && fe.length() instanceof Window.FixedLength fl && fl.length().isRange()) {
                    LocalDate earliest = policy.calendar().lastDay(fe.opens(s).orElseThrow(), fl.length().atLeast(), fl.length().unit(), fe.counting());
                    out.put(w.name() + "_earliest", earliest);
                }
                if (explain) {
                    step(program.id(), program.id() + "." + w.name(), null, StepResult.APPLIED, read,
                            "Due " + end.get().lastDay() + " (" + end.get().from() + ").", w.cites());
                }
            }
        }

        private boolean anyLine(Condition c, List<LineVerdict> kept, Map<String, String> read) {
            if (!c.readsLine() || kept.isEmpty()) {
                return c.test(subject, read);
            }
            for (LineVerdict l : kept) {
                if (c.test(subject.forLine(l.line), read)) {
                    return true;
                }
            }
            return false;
        }

        private Decision fallback(List<ProgramVerdict> verdicts) {
            PolicyModel.Fallback f = policy.whenNoProgramServes();
            String says = f.says() != null ? f.says() : "No program of this policy covers this claim.";
            if (explain) {
                step(null, "when_no_program_serves", null, StepResult.APPLIED, Map.of("kind", claim.request().kind().wire(),
                        "reason", claim.request().reason().wire()), says, f.cites());
            }
            Money zero = Money.zero(currency);
            List<LineResult> lines = claimed.stream().map(l -> new LineResult(l.line().sku(), l.requested().quantity(), f.outcome(),
                    l.price(), List.of(says))).toList();
            return new Decision(f.outcome(), null, Set.of(), Chooser.MERCHANT, false, zero, Map.of(), Payer.CUSTOMER, zero, null, List.of(),
                    Map.of(), version, verdicts, lines, steps, capitalize(f.outcome().wire().replace('_', ' ')) + ": " + says);
        }

        private String summary(Outcome outcome, Program program, Set<Resolution> resolutions, Money refund, Map<DeductionKind, Money> deductions,
                Payer returnPayer, List<String> missing, ProgramRun chosen) {
            StringBuilder b = new StringBuilder(capitalize(outcome.wire().replace('_', ' '))).append(" under '").append(program.title()).append("'");
            if (outcome == Outcome.REJECTED || outcome == Outcome.NEEDS_REVIEW) {
                String why = String.join("; ", chosen.lines.stream().flatMap(l -> l.reasons.stream()).distinct().toList());
                if (!why.isEmpty()) {
                    b.append(": ").append(why);
                }
            }
            if (outcome == Outcome.NEEDS_EVIDENCE) {
                b.append(": still needed ").append(String.join(", ", missing.stream().map(w -> w.replace('_', ' ')).toList()));
            }
            if (!resolutions.isEmpty()) {
                b.append(". Offered: ").append(words(resolutions));
            }
            if (!refund.isPositive() && !deductions.isEmpty() && outcome != Outcome.REJECTED) {
                b.append(". Charged: ").append(String.join(", ", deductions.entrySet().stream()
                        .map(e -> e.getValue().getAmount().toPlainString() + " " + e.getKey().wire().replace('_', ' ')).toList()));
            }
            if (refund.isPositive()) {
                b.append(". Refund ").append(refund.getAmount().toPlainString()).append(' ').append(currency.getCode());
                if (!deductions.isEmpty()) {
                    b.append(" after deducting ").append(String.join(", ", deductions.entrySet().stream()
                            .map(e -> e.getValue().getAmount().toPlainString() + " " + e.getKey().wire().replace('_', ' ')).toList()));
                }
            }
            if (outcome != Outcome.REJECTED && returnPayer != null) {
                b.append(returnPayer == Payer.UNDETERMINED ? ". Who pays return shipping is left to an agent"
                        : ". Return shipping is paid by the " + returnPayer.wire());
            }
            return b.append('.').toString();
        }

        private Map<String, String> reads() {
            return explain ? new LinkedHashMap<>() : Reads.DISCARD;
        }

        private void step(String program, String rule, String line, StepResult result, Map<String, String> read, String says, List<Citation> cites) {
            steps.add(new ExplanationStep(program, rule, line, result, read, says, cites));
        }
    }

    /** A window's name in words: "claim_window_ends" is the time limit, "ship_back_by" the ship-back deadline. */
    private static String label(String name) {
        return switch (name) {
            case "claim_window_ends" -> "time limit";
            default -> name.replace("_by", "").replace('_', ' ') + " deadline";
        };
    }

    /** Whether the customer has something to send back: a return or warranty claim on a parcel that reached them. */
    private static boolean hasReturnLeg(Claim claim) {
        return claim.request().kind().hasReturnLeg() && claim.order().deliveryStatus() == org.openrma.claim.DeliveryStatus.DELIVERED;
    }

    /** Whether a program's {@code serves} names this kind of claim (not only reasons or channels). */
    private static boolean namesKind(Condition serves, String kind) {
        return switch (serves) {
            case Condition.WordIn w -> w.field().name().equals("kind") && w.words().contains(kind);
            case Condition.All a -> a.parts().stream().anyMatch(p -> namesKind(p, kind));
            default -> false;
        };
    }

    private static String words(java.util.Collection<? extends org.openrma.claim.Vocabulary> words) {
        return String.join(", ", words.stream().map(w -> w.wire().replace('_', ' ')).toList());
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

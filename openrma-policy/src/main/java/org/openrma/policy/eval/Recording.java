package org.openrma.policy.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openrma.decision.Citation;
import org.openrma.decision.DeductionKind;
import org.openrma.decision.ExplanationStep;
import org.openrma.decision.Outcome;
import org.openrma.decision.Payer;
import org.openrma.decision.RenderedOnRead;
import org.openrma.decision.Resolution;
import org.openrma.policy.model.PolicyModel;
import org.openrma.policy.model.Program;
import org.openrma.policy.model.ReadLog;
import org.openrma.policy.model.Rules;
import org.openrma.policy.model.Window;

/**
 * The trace of a decision whose explanation is written when it is read: each event is kept as it happens (the rule and
 * the values it read, no sentence), and the first read of the explanation or of the decisive clauses replays the events,
 * in order, into an {@link Explanation}, so the words are exactly the ones the eager trace writes. What the decision
 * itself carries as text (a line's reasons, each program's verdict, the summary) is written at once, by the same code.
 */
final class Recording implements Trace {

    private final CurrencyUnit currency;
    private final List<Consumer<Explanation>> events = new ArrayList<>(32);  // a decision records 10-40 events
    private Explanation rendered;

    Recording(CurrencyUnit currency) {
        this.currency = currency;
    }

    private synchronized Explanation rendered() {
        if (rendered == null) {
            Explanation e = new Explanation(currency);
            for (Consumer<Explanation> event : events) {
                event.accept(e);
            }
            rendered = e;
        }
        return rendered;
    }

    @Override
    public Map<String, String> reads() {
        return new ReadLog();
    }

    @Override
    public void read(Map<String, String> read, String key, Object value) {
        if (read instanceof ReadLog log) {
            log.add(key, value);
        } else {
            Explanation.format(read, key, value);
        }
    }

    @Override
    public void serves(Program program, boolean serves, Map<String, String> read) {
        events.add(e -> e.serves(program, serves, read));
    }

    @Override
    public void whenRejected(Program program, String line) {
        events.add(e -> e.whenRejected(program, line));
    }

    @Override
    public void unevaluable(String program, String rule, String line, String why, List<Citation> cites) {
        events.add(e -> e.unevaluable(program, rule, line, why, cites));
    }

    @Override
    public void windowUncountable(String program, Window w, String line, Map<String, String> read) {
        events.add(e -> e.windowUncountable(program, w, line, read));
    }

    @Override
    public void windowOpen(String program, Window w, String line, Map<String, String> read, boolean measured, Window.End end) {
        events.add(e -> e.windowOpen(program, w, line, read, measured, end));
    }

    @Override
    public void windowMissed(String program, Window w, String line, Map<String, String> read, boolean measured, Window.End end) {
        events.add(e -> e.windowMissed(program, w, line, read, measured, end));
    }

    @Override
    public String missedWindowReason(Window w, boolean measured, Window.End end) {
        return Explanation.missedReason(w, measured, end);
    }

    @Override
    public void checkFired(String program, Rules.Check check, String line, Map<String, String> read, String says) {
        events.add(e -> e.checkFired(program, check, line, read, says));
    }

    @Override
    public void checkHeld(String program, Rules.Check check, String line, Map<String, String> read) {
        events.add(e -> e.checkHeld(program, check, line, read));
    }

    @Override
    public void evidenceNotNeeded(String program, Rules.EvidenceRule rule, String line, Map<String, String> read) {
        events.add(e -> e.evidenceNotNeeded(program, rule, line, read));
    }

    @Override
    public void evidenceSupplied(String program, Rules.EvidenceRule rule, String line, Map<String, String> read) {
        events.add(e -> e.evidenceSupplied(program, rule, line, read));
    }

    @Override
    public void evidenceMissing(String program, Rules.EvidenceRule rule, String line, Map<String, String> read, String needed) {
        events.add(e -> e.evidenceMissing(program, rule, line, read, needed));
    }

    @Override
    public String programSays(ProgramRun run) {
        return Explanation.says(run);
    }

    @Override
    public void selected(PolicyModel.Selection selection, ProgramRun chosen, int serving, boolean allReject, String kind) {
        events.add(e -> e.selected(selection, chosen, serving, allReject, kind));
    }

    @Override
    public void noProgramServes(PolicyModel.Fallback fallback, String kind, String reason, String says) {
        events.add(e -> e.noProgramServes(fallback, kind, reason, says));
    }

    @Override
    public void stillAvailable(String program, Set<Resolution> resolutions) {
        events.add(e -> e.stillAvailable(program, resolutions));
    }

    @Override
    public void offered(String program, Rules.Offer offer, Map<String, String> read) {
        events.add(e -> e.offered(program, offer, read));
    }

    @Override
    public void remedyValued(String program, Rules.Offer offer, Money value) {
        if (offer.bonusPercent() != null || offer.upToPercent() != null) {
            events.add(e -> e.remedyValued(program, offer, value));
        }
    }

    @Override
    public void deduction(String program, Rules.Deduction d, Map<String, String> read, Money amount) {
        events.add(e -> e.deduction(program, d, read, amount));
    }

    @Override
    public void refunded(String program, Rules.Refund rule, Money base, Money deducted, Money refund) {
        events.add(e -> e.refunded(program, rule, base, deducted, refund));
    }

    @Override
    public void nothingAtMerchantsCost(String program) {
        events.add(e -> e.nothingAtMerchantsCost(program));
    }

    @Override
    public void returnShippingUnsaid(String program) {
        events.add(e -> e.returnShippingUnsaid(program));
    }

    @Override
    public void shippingRule(String program, Rules.ShippingRule rule, Map<String, String> read, String leg) {
        events.add(e -> e.shippingRule(program, rule, read, leg));
    }

    @Override
    public void reimbursementWithoutEvidence(String program, Rules.ShippingRule rule, Map<String, String> read) {
        events.add(e -> e.reimbursementWithoutEvidence(program, rule, read));
    }

    @Override
    public void reimbursed(String program, Rules.ShippingRule rule, Map<String, String> read, Money amount) {
        events.add(e -> e.reimbursed(program, rule, read, amount));
    }

    @Override
    public void notDueYet(String program, Window w, Map<String, String> read) {
        events.add(e -> e.notDueYet(program, w, read));
    }

    @Override
    public void due(String program, Window w, Map<String, String> read, Window.End end) {
        events.add(e -> e.due(program, w, read, end));
    }

    @Override
    public void component(String program, Rules.Component c, Map<String, String> read, boolean covered, Window.End end) {
        events.add(e -> e.component(program, c, read, covered, end));
    }

    @Override
    public String summary(Outcome outcome, Program program, Set<Resolution> resolutions, Money refund, Map<DeductionKind, Money> deductions,
            Payer returnPayer, List<String> missing, ProgramRun chosen) {
        return Explanation.summary(currency, outcome, program, resolutions, refund, deductions, returnPayer, missing, chosen);
    }

    @Override
    public List<ExplanationStep> steps() {
        return new RenderedOnRead<>(() -> rendered().steps());
    }

    @Override
    public List<Citation> decisive(Outcome outcome, String program) {
        return new RenderedOnRead<>(() -> rendered().decisive(outcome, program));
    }
}

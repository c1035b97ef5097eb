package org.openrma.policy.eval;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
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
 * in order, into an {@link Explanation}, so the words are exactly the ones the eager trace writes. The summary is written
 * on first read too, by the eager trace's code; what else the decision carries as text (a line's reasons, each program's
 * verdict) is written at once.
 *
 * <p>Events are kept compactly, since most decisions are never read: each as its kind and its arguments in one growable
 * array (no object per event), and the values every rule read in one {@link ReadLog} shared by the decision's rules
 * (no map per rule), each rule's values found again by where they start and end.
 */
final class Recording implements Trace {

    /** What happened, in the order {@link #rendered} replays it; each kind is followed in {@link #log} by its arguments. */
    private enum Kind {
        SERVES, WHEN_REJECTED, UNEVALUABLE, WINDOW_UNCOUNTABLE, WINDOW_OPEN, WINDOW_MISSED, CHECK_FIRED, CHECK_HELD,
        EVIDENCE_NOT_NEEDED, EVIDENCE_SUPPLIED, EVIDENCE_MISSING, SELECTED, NO_PROGRAM_SERVES, STILL_AVAILABLE, OFFERED,
        REMEDY_VALUED, DEDUCTION, REFUNDED, NOTHING_AT_MERCHANTS_COST, RETURN_SHIPPING_UNSAID, SHIPPING_RULE,
        REIMBURSEMENT_WITHOUT_EVIDENCE, REIMBURSED, NOT_DUE_YET, DUE, COMPONENT
    }

    /** Stands in the log for the values read that {@link #reads} kept: the next start and end in {@link #spans}. */
    private static final Object SHARED_READS = new Object();

    private final CurrencyUnit currency;
    private Object[] log;                                                // a decision records 10-40 events of 2-6 slots
    private int size;
    private final ReadLog reads;                                         // the values of every rule, one rule after the other
    private int[] spans;                                                 // start and end of each rule's values, in event order
    private int spanCount;
    private Explanation rendered;
    private Supplier<String> summary;                                    // how to write the summary, once the decision asked for it

    Recording(CurrencyUnit currency) {
        this(currency, null);
    }

    /** {@code plan}: its policy's decisions so far tell how much room one needs (null: a guess). */
    Recording(CurrencyUnit currency, Plan plan) {
        this.currency = currency;
        Plan.Room room = plan != null ? plan.recordingRoom() : Plan.Room.GUESS;
        this.log = new Object[room.events()];
        this.reads = ReadLog.forRules(room.reads());
        this.spans = new int[room.spans()];
    }

    /** Tells the plan how much room this decision took, so the next one of its policy is made with enough at once. */
    void tell(Plan plan) {
        plan.recorded(size, reads.end(), spanCount);
    }

    private void put(Object value) {
        if (size == log.length) {
            log = java.util.Arrays.copyOf(log, size * 2);
        }
        log[size++] = value;
    }

    private void event(Kind kind, Object a) {
        put(kind);
        put(a);
    }

    private void event(Kind kind, Object a, Object b) {
        event(kind, a);
        put(b);
    }

    private void event(Kind kind, Object a, Object b, Object c) {
        event(kind, a, b);
        put(c);
    }

    private void event(Kind kind, Object a, Object b, Object c, Object d) {
        event(kind, a, b, c);
        put(d);
    }

    private void event(Kind kind, Object a, Object b, Object c, Object d, Object e) {
        event(kind, a, b, c, d);
        put(e);
    }

    private void event(Kind kind, Object a, Object b, Object c, Object d, Object e, Object f) {
        event(kind, a, b, c, d, e);
        put(f);
    }

    /** The values a rule read as the log keeps them: the shared log's current rule by where it starts and ends, else the map. */
    private Object kept(Map<String, String> read) {
        if (read != reads) {
            return read;
        }
        if (spanCount == spans.length) {
            spans = java.util.Arrays.copyOf(spans, spanCount * 2);
        }
        spans[spanCount++] = reads.start();
        spans[spanCount++] = reads.end();
        return SHARED_READS;
    }

    private synchronized Explanation rendered() {
        if (rendered == null) {
            rendered = replay();
        }
        return rendered;
    }

    /** The events, in order, into an explanation (what the eager trace would have written as they happened). */
    @SuppressWarnings("unchecked")
    private Explanation replay() {
        Explanation e = new Explanation(currency);
        Replay r = new Replay();
        while (r.at < size) {
            switch ((Kind) r.next()) {
                case SERVES -> e.serves((Program) r.next(), (Boolean) r.next(), r.read());
                case WHEN_REJECTED -> e.whenRejected((Program) r.next(), (String) r.next());
                case UNEVALUABLE -> e.unevaluable((String) r.next(), (String) r.next(), (String) r.next(), (String) r.next(),
                        (List<Citation>) r.next());
                case WINDOW_UNCOUNTABLE -> e.windowUncountable((String) r.next(), (Window) r.next(), (String) r.next(), r.read());
                case WINDOW_OPEN -> e.windowOpen((String) r.next(), (Window) r.next(), (String) r.next(), r.read(), (Boolean) r.next(),
                        (Window.End) r.next());
                case WINDOW_MISSED -> e.windowMissed((String) r.next(), (Window) r.next(), (String) r.next(), r.read(), (Boolean) r.next(),
                        (Window.End) r.next());
                case CHECK_FIRED -> e.checkFired((String) r.next(), (Rules.Check) r.next(), (String) r.next(), r.read(), (String) r.next());
                case CHECK_HELD -> e.checkHeld((String) r.next(), (Rules.Check) r.next(), (String) r.next(), r.read());
                case EVIDENCE_NOT_NEEDED -> e.evidenceNotNeeded((String) r.next(), (Rules.EvidenceRule) r.next(), (String) r.next(), r.read());
                case EVIDENCE_SUPPLIED -> e.evidenceSupplied((String) r.next(), (Rules.EvidenceRule) r.next(), (String) r.next(), r.read());
                case EVIDENCE_MISSING -> e.evidenceMissing((String) r.next(), (Rules.EvidenceRule) r.next(), (String) r.next(), r.read(),
                        (String) r.next());
                case SELECTED -> e.selected((PolicyModel.Selection) r.next(), (ProgramRun) r.next(), (Integer) r.next(), (Boolean) r.next(),
                        (String) r.next());
                case NO_PROGRAM_SERVES -> e.noProgramServes((PolicyModel.Fallback) r.next(), (String) r.next(), (String) r.next(),
                        (String) r.next());
                case STILL_AVAILABLE -> e.stillAvailable((String) r.next(), (Set<Resolution>) r.next());
                case OFFERED -> e.offered((String) r.next(), (Rules.Offer) r.next(), r.read());
                case REMEDY_VALUED -> e.remedyValued((String) r.next(), (Rules.Offer) r.next(), (Money) r.next());
                case DEDUCTION -> e.deduction((String) r.next(), (Rules.Deduction) r.next(), r.read(), (Money) r.next());
                case REFUNDED -> e.refunded((String) r.next(), (Rules.Refund) r.next(), (Money) r.next(), (Money) r.next(), (Money) r.next());
                case NOTHING_AT_MERCHANTS_COST -> e.nothingAtMerchantsCost((String) r.next());
                case RETURN_SHIPPING_UNSAID -> e.returnShippingUnsaid((String) r.next());
                case SHIPPING_RULE -> e.shippingRule((String) r.next(), (Rules.ShippingRule) r.next(), r.read(), (String) r.next());
                case REIMBURSEMENT_WITHOUT_EVIDENCE -> e.reimbursementWithoutEvidence((String) r.next(), (Rules.ShippingRule) r.next(), r.read());
                case REIMBURSED -> e.reimbursed((String) r.next(), (Rules.ShippingRule) r.next(), r.read(), (Money) r.next());
                case NOT_DUE_YET -> e.notDueYet((String) r.next(), (Window) r.next(), r.read());
                case DUE -> e.due((String) r.next(), (Window) r.next(), r.read(), (Window.End) r.next());
                case COMPONENT -> e.component((String) r.next(), (Rules.Component) r.next(), r.read(), (Boolean) r.next(),
                        (Window.End) r.next());
            }
        }
        return e;
    }

    /** Reads the log back in order (Java evaluates arguments left to right, so each event takes its own slots). */
    private final class Replay {
        int at;
        int span;

        Object next() {
            return log[at++];
        }

        @SuppressWarnings("unchecked")
        Map<String, String> read() {
            Object kept = next();
            if (kept != SHARED_READS) {
                return (Map<String, String>) kept;
            }
            ReadLog values = reads.span(spans[span], spans[span + 1]);
            span += 2;
            return values;
        }
    }

    @Override
    public Map<String, String> reads() {
        reads.restart();
        return reads;
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
        event(Kind.SERVES, program, serves, kept(read));
    }

    @Override
    public void whenRejected(Program program, String line) {
        event(Kind.WHEN_REJECTED, program, line);
    }

    @Override
    public void unevaluable(String program, String rule, String line, String why, List<Citation> cites) {
        event(Kind.UNEVALUABLE, program, rule, line, why, cites);
    }

    @Override
    public void windowUncountable(String program, Window w, String line, Map<String, String> read) {
        event(Kind.WINDOW_UNCOUNTABLE, program, w, line, kept(read));
    }

    @Override
    public void windowOpen(String program, Window w, String line, Map<String, String> read, boolean measured, Window.End end) {
        event(Kind.WINDOW_OPEN, program, w, line, kept(read), measured, end);
    }

    @Override
    public void windowMissed(String program, Window w, String line, Map<String, String> read, boolean measured, Window.End end) {
        event(Kind.WINDOW_MISSED, program, w, line, kept(read), measured, end);
    }

    @Override
    public String missedWindowReason(Window w, boolean measured, Window.End end) {
        return Explanation.missedReason(w, measured, end);
    }

    @Override
    public void checkFired(String program, Rules.Check check, String line, Map<String, String> read, String says) {
        event(Kind.CHECK_FIRED, program, check, line, kept(read), says);
    }

    @Override
    public void checkHeld(String program, Rules.Check check, String line, Map<String, String> read) {
        event(Kind.CHECK_HELD, program, check, line, kept(read));
    }

    @Override
    public void evidenceNotNeeded(String program, Rules.EvidenceRule rule, String line, Map<String, String> read) {
        event(Kind.EVIDENCE_NOT_NEEDED, program, rule, line, kept(read));
    }

    @Override
    public void evidenceSupplied(String program, Rules.EvidenceRule rule, String line, Map<String, String> read) {
        event(Kind.EVIDENCE_SUPPLIED, program, rule, line, kept(read));
    }

    @Override
    public void evidenceMissing(String program, Rules.EvidenceRule rule, String line, Map<String, String> read, String needed) {
        event(Kind.EVIDENCE_MISSING, program, rule, line, kept(read), needed);
    }

    @Override
    public String programSays(ProgramRun run) {
        return Explanation.says(run);
    }

    @Override
    public void selected(PolicyModel.Selection selection, ProgramRun chosen, int serving, boolean allReject, String kind) {
        event(Kind.SELECTED, selection, chosen, serving, allReject, kind);
    }

    @Override
    public void noProgramServes(PolicyModel.Fallback fallback, String kind, String reason, String says) {
        event(Kind.NO_PROGRAM_SERVES, fallback, kind, reason, says);
    }

    @Override
    public void stillAvailable(String program, Set<Resolution> resolutions) {
        event(Kind.STILL_AVAILABLE, program, resolutions);
    }

    @Override
    public void offered(String program, Rules.Offer offer, Map<String, String> read) {
        event(Kind.OFFERED, program, offer, kept(read));
    }

    @Override
    public void remedyValued(String program, Rules.Offer offer, Money value) {
        if (offer.bonusPercent() != null || offer.upToPercent() != null) {
            event(Kind.REMEDY_VALUED, program, offer, value);
        }
    }

    @Override
    public void deduction(String program, Rules.Deduction d, Map<String, String> read, Money amount) {
        event(Kind.DEDUCTION, program, d, kept(read), amount);
    }

    @Override
    public void refunded(String program, Rules.Refund rule, Money base, Money deducted, Money refund) {
        event(Kind.REFUNDED, program, rule, base, deducted, refund);
    }

    @Override
    public void nothingAtMerchantsCost(String program) {
        event(Kind.NOTHING_AT_MERCHANTS_COST, program);
    }

    @Override
    public void returnShippingUnsaid(String program) {
        event(Kind.RETURN_SHIPPING_UNSAID, program);
    }

    @Override
    public void shippingRule(String program, Rules.ShippingRule rule, Map<String, String> read, String leg) {
        event(Kind.SHIPPING_RULE, program, rule, kept(read), leg);
    }

    @Override
    public void reimbursementWithoutEvidence(String program, Rules.ShippingRule rule, Map<String, String> read) {
        event(Kind.REIMBURSEMENT_WITHOUT_EVIDENCE, program, rule, kept(read));
    }

    @Override
    public void reimbursed(String program, Rules.ShippingRule rule, Map<String, String> read, Money amount) {
        event(Kind.REIMBURSED, program, rule, kept(read), amount);
    }

    @Override
    public void notDueYet(String program, Window w, Map<String, String> read) {
        event(Kind.NOT_DUE_YET, program, w, kept(read));
    }

    @Override
    public void due(String program, Window w, Map<String, String> read, Window.End end) {
        event(Kind.DUE, program, w, kept(read), end);
    }

    @Override
    public void component(String program, Rules.Component c, Map<String, String> read, boolean covered, Window.End end) {
        event(Kind.COMPONENT, program, c, kept(read), covered, end);
    }

    /** Null: the summary is written when it is read, with the explanation ({@link #steps}); nothing it reads changes after the decision. */
    @Override
    public String summary(Outcome outcome, Program program, Set<Resolution> resolutions, Money refund, Map<DeductionKind, Money> deductions,
            Payer returnPayer, List<String> missing, ProgramRun chosen) {
        summary = () -> Explanation.summary(currency, outcome, program, resolutions, refund, deductions, returnPayer, missing, chosen);
        return null;
    }

    @Override
    public List<ExplanationStep> steps() {
        return new RenderedOnRead<>(() -> rendered().steps(), summary);
    }

    @Override
    public List<Citation> decisive(Outcome outcome, String program) {
        return new RenderedOnRead<>(() -> rendered().decisive(outcome, program));
    }
}

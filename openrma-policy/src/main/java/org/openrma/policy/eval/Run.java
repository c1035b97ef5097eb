package org.openrma.policy.eval;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openrma.claim.Claim;
import org.openrma.claim.ClaimedLine;
import org.openrma.decision.PolicyVersionRef;
import org.openrma.policy.model.Condition;
import org.openrma.policy.model.PolicyModel;
import org.openrma.policy.model.Subject;

/** What every stage of one decision reads: the policy, the claim, the instant, and the trace that records the explanation. */
record Run(PolicyModel policy, PolicyVersionRef version, Claim claim, Subject subject, CurrencyUnit currency, List<ClaimedLine> claimed,
           Subject[] lineSubjects, Trace trace, Money zero, Plan plan) {

    static Run of(PolicyModel policy, PolicyVersionRef version, Claim claim, Instant now, Trace trace) {
        return of(null, policy, version, claim, now, trace);
    }

    /** {@code plan}: what the policy's decisions share, or null (the reference evaluator works everything out per claim). */
    static Run of(Plan plan, PolicyModel policy, PolicyVersionRef version, Claim claim, Instant now, Trace trace) {
        Subject subject = new Subject(claim, null, policy.calendar(), now);
        List<ClaimedLine> claimed = claim.claimedLines();
        // one subject per claimed line for the whole decision: every stage evaluates its rules against these
        Subject[] lineSubjects = new Subject[claimed.size()];
        for (int i = 0; i < lineSubjects.length; i++) {
            lineSubjects[i] = subject.forLine(claimed.get(i));
        }
        CurrencyUnit currency = claim.order().currency();
        return new Run(policy, version, claim, subject, currency, claimed, lineSubjects, trace, zeroIn(currency), plan);
    }

    /** Zero in each currency seen, made once: Money is immutable (at most one entry per ISO currency). */
    private static final java.util.concurrent.ConcurrentHashMap<CurrencyUnit, Money> ZEROES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The last zero handed out: claims come in one currency far more often than not, and CurrencyUnit instances are unique. */
    private static volatile Money lastZero;

    private static Money zeroIn(CurrencyUnit currency) {
        Money zero = lastZero;
        if (zero != null && zero.getCurrencyUnit() == currency) {
            return zero;
        }
        zero = ZEROES.computeIfAbsent(currency, Money::zero);
        lastZero = zero;
        return zero;
    }

    /** The subject of the claimed line at {@code index} in {@link #claimed}. */
    Subject lineSubject(int index) {
        return lineSubjects[index];
    }

    /** The subject of a claimed line (one of {@link #claimed}). */
    Subject subjectOf(ClaimedLine line) {
        for (int i = 0; i < lineSubjects.length; i++) {
            if (claimed.get(i) == line) {
                return lineSubjects[i];
            }
        }
        return subject.forLine(line);
    }

    /** Whether the decision records an explanation (the stages may then keep things in the order the words need). */
    boolean recording() {
        return trace != Trace.NONE;
    }

    /** An amount the policy states, in the order's currency, with the policy's rounding. */
    Money money(BigDecimal amount) {
        return policy.rounding().round(BigMoney.of(currency, amount));
    }

    /** A fresh map for the values a rule reads, or one that keeps nothing when no explanation is recorded. */
    Map<String, String> reads() {
        return trace.reads();
    }

    /** A condition holds for the claim, or (when it reads the line) for any of the lines kept. */
    boolean anyLine(Condition c, List<LineVerdict> kept, Map<String, String> read) {
        if (!c.readsLine() || kept.isEmpty()) {
            return c.test(subject, read);
        }
        for (int i = 0; i < kept.size(); i++) {
            if (c.test(subjectOf(kept.get(i).line), read)) {
                return true;
            }
        }
        return false;
    }
}

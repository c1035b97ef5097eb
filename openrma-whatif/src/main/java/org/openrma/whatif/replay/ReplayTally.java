package org.openrma.whatif.replay;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openrma.claim.Claim;
import org.openrma.decision.Decision;
import org.openrma.decision.Outcome;

/**
 * The counts and sums of a replay. Each worker fills its own tally for a batch of claims, and the
 * batches are merged into one; nothing here keeps a claim, apart from the few that changed most.
 *
 * <p>Money is summed exactly, in minor units of each currency. What counts: the refund, the fees
 * (all deductions) and the reimbursed return shipping of <em>approved</em> decisions, that is the
 * money that moves; the refund a decision still waiting for evidence or review would pay is kept
 * apart as the pending refund.
 */
public final class ReplayTally {

    static final int MONEY_MEASURES = 4;
    static final int REFUND = 0;
    static final int FEES = 1;
    static final int REIMBURSED = 2;
    static final int PENDING = 3;

    /** How many malformed records are listed with their line numbers (all are counted). */
    static final int PROBLEMS_LISTED = 100;

    /** Delivery-to-request ages the report groups claims by, in days (day 0 is the delivery date, in UTC). */
    static final List<String> AGES = List.of("not delivered yet", "0-7", "8-15", "16-30", "31-60", "61-365", "366-730", "731+");

    private static final int OUTCOMES = Outcome.values().length;

    /** Sums of one group of claims under both policies, in one currency. */
    public static final class Slice {
        long claims;
        long outcomeChanged;
        final long[] baseline = new long[MONEY_MEASURES];
        final long[] candidate = new long[MONEY_MEASURES];

        void add(Slice other) {
            claims += other.claims;
            outcomeChanged += other.outcomeChanged;
            for (int i = 0; i < MONEY_MEASURES; i++) {
                baseline[i] += other.baseline[i];
                candidate[i] += other.candidate[i];
            }
        }
    }

    public record SliceKey(String group, CurrencyUnit currency) implements Comparable<SliceKey> {
        @Override
        public int compareTo(SliceKey o) {
            int c = group.compareTo(o.group);
            return c != 0 ? c : currency.compareTo(o.currency);
        }
    }

    /** Claims of one kind and reason filed at one age after delivery. */
    public record Segment(String kind, String reason, String age) implements Comparable<Segment> {
        @Override
        public int compareTo(Segment o) {
            return Comparator.comparing(Segment::kind).thenComparing(Segment::reason)
                    .thenComparing(s -> AGES.indexOf(s.age())).compare(this, o);
        }
    }

    /** A claim whose decision changed, kept while it is among the top N. */
    public record Change(long line, Claim claim, Decision baseline, Decision candidate, BigDecimal refundDifference,
            boolean outcomeChanged, BigDecimal otherDifference) {

        Change withDecisions(Decision baseline, Decision candidate) {
            return new Change(line, claim, baseline, candidate, refundDifference, outcomeChanged, otherDifference);
        }

        /** Biggest refund difference first, then outcome changes, then fees and shipping, then file order. */
        static final Comparator<Change> MOST_FIRST = Comparator
                .comparing((Change c) -> c.refundDifference().abs()).reversed()
                .thenComparing(Change::outcomeChanged, Comparator.reverseOrder())
                .thenComparing((Change c) -> c.otherDifference().abs(), Comparator.reverseOrder())
                .thenComparingLong(Change::line);
    }

    private final int top;
    long decided;
    long changed;
    long outcomeChanged;
    long malformed;
    long failed;
    final long[][] transitions = new long[OUTCOMES][OUTCOMES];
    final Map<CurrencyUnit, Slice> total = new HashMap<>();
    final Map<SliceKey, Slice> byProgram = new HashMap<>();
    final Map<SliceKey, Slice> byReason = new HashMap<>();
    final Map<SliceKey, Slice> byMonth = new HashMap<>();
    /** By the buyer's country (consumer law differs by it): what statutory rights cost where. */
    final Map<SliceKey, Slice> byCountry = new HashMap<>();
    final Map<Segment, long[]> segments = new HashMap<>();
    final Map<String, Long> baselineVersions = new HashMap<>();
    final Map<String, Long> candidateVersions = new HashMap<>();
    /** The first problems by line number. */
    private final TreeMap<Long, Problem> problems = new TreeMap<>();

    /** The first problems, by line number. */
    public java.util.SortedMap<Long, Problem> problems() {
        return java.util.Collections.unmodifiableSortedMap(problems);
    }
    private final PriorityQueue<Change> changes;

    public ReplayTally(int top) {
        this.top = top;
        this.changes = new PriorityQueue<>(Math.max(1, top + 1), Change.MOST_FIRST.reversed());
    }

    public void add(long line, Claim claim, Decision baseline, Decision candidate) {
        decided++;
        CurrencyUnit currency = claim.order().currency();
        Outcome from = baseline.outcome();
        Outcome to = candidate.outcome();
        transitions[from.ordinal()][to.ordinal()]++;
        long[] b = money(baseline);
        long[] c = money(candidate);
        boolean outcomeDiffers = from != to;
        boolean differs = outcomeDiffers || !baseline.resolutions().equals(candidate.resolutions())
                || !java.util.Arrays.equals(b, c) || !baseline.deductions().equals(candidate.deductions());
        if (differs) {
            changed++;
        }
        if (outcomeDiffers) {
            outcomeChanged++;
        }
        String program = candidate.program() != null ? candidate.program() : "(no program)";
        String month = claim.request().submittedAt().atOffset(ZoneOffset.UTC).toString().substring(0, 7);
        String reason = claim.request().reason().wire();
        count(total.computeIfAbsent(currency, k -> new Slice()), b, c, outcomeDiffers);
        count(byProgram.computeIfAbsent(new SliceKey(program, currency), k -> new Slice()), b, c, outcomeDiffers);
        count(byReason.computeIfAbsent(new SliceKey(reason, currency), k -> new Slice()), b, c, outcomeDiffers);
        count(byMonth.computeIfAbsent(new SliceKey(month, currency), k -> new Slice()), b, c, outcomeDiffers);
        String country = claim.legal().country() != null ? claim.legal().country() : "(not given)";
        count(byCountry.computeIfAbsent(new SliceKey(country, currency), k -> new Slice()), b, c, outcomeDiffers);
        segments.computeIfAbsent(new Segment(claim.request().kind().wire(), reason, age(claim)), k -> new long[OUTCOMES * OUTCOMES])
                [from.ordinal() * OUTCOMES + to.ordinal()]++;
        baselineVersions.merge(version(baseline), 1L, Long::sum);
        candidateVersions.merge(version(candidate), 1L, Long::sum);
        if (differs && top > 0) {
            int scale = currency.getDecimalPlaces();
            BigDecimal refund = BigDecimal.valueOf(c[REFUND] - b[REFUND], scale);
            BigDecimal other = BigDecimal.valueOf(Math.abs(c[FEES] - b[FEES]) + Math.abs(c[REIMBURSED] - b[REIMBURSED]), scale);
            offer(new Change(line, claim, baseline, candidate, refund, outcomeDiffers, other));
        }
    }

    /** A record that could not be replayed: malformed input, or a claim the engine failed on. */
    public record Problem(long line, boolean malformed, String message) {}

    public void malformed(long line, String problem) {
        malformed++;
        note(line, new Problem(line, true, problem));
    }

    public void failed(long line, String problem) {
        failed++;
        note(line, new Problem(line, false, problem));
    }

    private void note(long line, Problem problem) {
        problems.put(line, problem);
        if (problems.size() > PROBLEMS_LISTED) {
            problems.pollLastEntry();
        }
    }

    private void offer(Change change) {
        changes.add(change);
        if (changes.size() > top) {
            changes.poll();
        }
    }

    /** Adds another tally (a finished batch) to this one. */
    public void merge(ReplayTally other) {
        decided += other.decided;
        changed += other.changed;
        outcomeChanged += other.outcomeChanged;
        malformed += other.malformed;
        failed += other.failed;
        for (int i = 0; i < OUTCOMES; i++) {
            for (int j = 0; j < OUTCOMES; j++) {
                transitions[i][j] += other.transitions[i][j];
            }
        }
        other.total.forEach((k, v) -> total.computeIfAbsent(k, x -> new Slice()).add(v));
        other.byProgram.forEach((k, v) -> byProgram.computeIfAbsent(k, x -> new Slice()).add(v));
        other.byReason.forEach((k, v) -> byReason.computeIfAbsent(k, x -> new Slice()).add(v));
        other.byMonth.forEach((k, v) -> byMonth.computeIfAbsent(k, x -> new Slice()).add(v));
        other.byCountry.forEach((k, v) -> byCountry.computeIfAbsent(k, x -> new Slice()).add(v));
        other.segments.forEach((k, v) -> {
            long[] mine = segments.computeIfAbsent(k, x -> new long[OUTCOMES * OUTCOMES]);
            for (int i = 0; i < v.length; i++) {
                mine[i] += v[i];
            }
        });
        other.baselineVersions.forEach((k, v) -> baselineVersions.merge(k, v, Long::sum));
        other.candidateVersions.forEach((k, v) -> candidateVersions.merge(k, v, Long::sum));
        other.problems.forEach(this::note);
        other.changes.forEach(this::offer);
    }

    /** Claims decided under both policies. */
    public long decided() {
        return decided;
    }

    /** Claims whose decision differs in any way (outcome, resolutions, money). */
    public long changed() {
        return changed;
    }

    /** Claims whose outcome differs. */
    public long outcomeChanged() {
        return outcomeChanged;
    }

    /** Per currency, the refunds of approved claims under the candidate minus those under the baseline. */
    public java.util.SortedMap<CurrencyUnit, BigDecimal> refundDifference() {
        java.util.SortedMap<CurrencyUnit, BigDecimal> out = new TreeMap<>();
        total.forEach((currency, slice) -> out.put(currency,
                BigDecimal.valueOf(slice.candidate[REFUND] - slice.baseline[REFUND], currency.getDecimalPlaces())));
        return out;
    }

    /** The claims that changed most, most first. */
    public List<Change> topChanges() {
        List<Change> list = new ArrayList<>(changes);
        list.sort(Change.MOST_FIRST);
        return list;
    }

    /** Transitions from one outcome to another among a segment's claims. */
    public static long transitions(long[] segment, Outcome from, Outcome to) {
        return segment[from.ordinal() * OUTCOMES + to.ordinal()];
    }

    private static void count(Slice slice, long[] b, long[] c, boolean outcomeChanged) {
        slice.claims++;
        if (outcomeChanged) {
            slice.outcomeChanged++;
        }
        for (int i = 0; i < MONEY_MEASURES; i++) {
            slice.baseline[i] += b[i];
            slice.candidate[i] += c[i];
        }
    }

    /** Refund, fees, reimbursed shipping and pending refund of a decision, in minor units. */
    static long[] money(Decision d) {
        long[] m = new long[MONEY_MEASURES];
        switch (d.outcome()) {
            case APPROVED -> {
                m[REFUND] = minor(d.refund());
                for (Money fee : d.deductions().values()) {
                    m[FEES] += minor(fee);
                }
                m[REIMBURSED] = minor(d.returnShippingReimbursed());
            }
            case NEEDS_EVIDENCE, NEEDS_REVIEW -> m[PENDING] = minor(d.refund());
            case REJECTED -> {
                // no money moves
            }
        }
        return m;
    }

    private static long minor(Money m) {
        return m == null ? 0 : m.getAmountMinorLong();
    }

    private static String version(Decision d) {
        return d.policyVersion() == null ? "(none)" : d.policyVersion().policy() + " " + d.policyVersion().version();
    }

    /** How long after delivery the request came, as one of {@link #AGES}. */
    public static String age(Claim claim) {
        if (claim.order().deliveredAt() == null) {
            return AGES.getFirst();
        }
        LocalDate delivered = claim.order().deliveredAt().atOffset(ZoneOffset.UTC).toLocalDate();
        long days = ChronoUnit.DAYS.between(delivered, claim.request().submittedAt().atOffset(ZoneOffset.UTC).toLocalDate());
        return days < 0 ? AGES.getFirst() : days <= 7 ? "0-7" : days <= 15 ? "8-15" : days <= 30 ? "16-30" : days <= 60 ? "31-60"
                : days <= 365 ? "61-365" : days <= 730 ? "366-730" : "731+";
    }
}

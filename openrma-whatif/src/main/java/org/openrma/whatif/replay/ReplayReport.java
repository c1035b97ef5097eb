package org.openrma.whatif.replay;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.joda.money.CurrencyUnit;
import org.openrma.decision.Outcome;

/**
 * A finished replay: what was compared, over which input, the tally, and the claims that changed
 * most with their full decisions. The JSON, HTML and text forms read it.
 */
public record ReplayReport(Side baseline, Side candidate, Input input, ReplayTally tally, List<ReplayTally.Change> topChanges) {

    /** One policy of the comparison. {@code byOrderDate}: a catalog id whose version follows each order's date. */
    public record Side(String source, String policy, boolean byOrderDate) {
        public static Side of(ReplayPolicy p) {
            return new Side(p.label(), p.policyId(), p instanceof ReplayPolicy.FromCatalog || p instanceof ReplayPolicy.WithStatutes
                    || p instanceof ReplayPolicy.AsDeclared);
        }
    }

    public record Input(String file, ClaimRecords.Format format, boolean gzip) {}

    /** The names of the money measures, in the order of {@link ReplayTally#REFUND} and the others. */
    static final List<String> MEASURES = List.of("refund", "fees", "reimbursed_shipping", "pending_refund");

    static final List<String> MEASURE_MEANINGS = List.of(
            "money back to the customer on approved decisions",
            "everything deducted from those refunds (restocking, customs, gifts, ...)",
            "return shipping the merchant pays back on approved decisions",
            "refunds that decisions still waiting for evidence or review would pay");

    public long records() {
        return tally.decided + tally.malformed + tally.failed;
    }

    /** The currency most claims are in, used for the charts. */
    public CurrencyUnit mainCurrency() {
        return tally.total.entrySet().stream().max(Comparator.comparingLong((Map.Entry<CurrencyUnit, ReplayTally.Slice> e) -> e.getValue().claims)
                .thenComparing(e -> e.getKey().getCode(), Comparator.reverseOrder())).map(Map.Entry::getKey).orElse(CurrencyUnit.USD);
    }

    public static BigDecimal amount(long minor, CurrencyUnit currency) {
        return BigDecimal.valueOf(minor, currency.getDecimalPlaces());
    }

    public static String signed(long minor, CurrencyUnit currency) {
        String plain = amount(minor, currency).toPlainString();
        return minor > 0 ? "+" + plain : plain;
    }

    public static double share(long count, long of) {
        return of == 0 ? 0 : count / (double) of;
    }

    public static String wire(Outcome o) {
        return o.wire();
    }

    /** A few lines for the terminal. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        long decided = tally.decided;
        lines.add(String.format(Locale.ROOT, "%,d claims replayed: baseline %s, candidate %s", decided, baseline.source(), candidate.source()));
        if (tally.malformed + tally.failed > 0) {
            lines.add(String.format(Locale.ROOT, "%,d records skipped (%,d malformed, %,d the engine failed on); first at line %d",
                    tally.malformed + tally.failed, tally.malformed, tally.failed, tally.problems().firstKey()));
        }
        lines.add(String.format(Locale.ROOT, "%,d decisions changed, %,d of them in outcome (%.1f%%)", tally.changed, tally.outcomeChanged,
                100 * share(tally.outcomeChanged, decided)));
        List<long[]> moves = new ArrayList<>();
        for (Outcome from : Outcome.values()) {
            for (Outcome to : Outcome.values()) {
                long n = tally.transitions[from.ordinal()][to.ordinal()];
                if (from != to && n > 0) {
                    moves.add(new long[] {n, from.ordinal(), to.ordinal()});
                }
            }
        }
        moves.sort(Comparator.comparingLong((long[] m) -> m[0]).reversed());
        for (long[] m : moves.subList(0, Math.min(5, moves.size()))) {
            lines.add(String.format(Locale.ROOT, "  %-14s -> %-14s %,10d", Outcome.values()[(int) m[1]].wire(),
                    Outcome.values()[(int) m[2]].wire(), m[0]));
        }
        tally.total.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            CurrencyUnit cur = e.getKey();
            ReplayTally.Slice s = e.getValue();
            for (int i = 0; i < 3; i++) {
                lines.add(String.format(Locale.ROOT, "%-20s %s %14s -> %14s  (%s)", MEASURES.get(i).replace('_', ' '), cur.getCode(),
                        amount(s.baseline[i], cur).toPlainString(), amount(s.candidate[i], cur).toPlainString(),
                        signed(s.candidate[i] - s.baseline[i], cur)));
            }
        });
        return lines;
    }
}

package org.openrma.policy.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openrma.claim.Evidence;
import org.openrma.claim.ShippingMethod;
import org.openrma.decision.Chooser;
import org.openrma.decision.Citation;
import org.openrma.decision.DeductionKind;
import org.openrma.decision.Outcome;
import org.openrma.decision.Payer;
import org.openrma.decision.Resolution;

/** The rule kinds a program is made of. */
public final class Rules {

    private Rules() {}

    /**
     * A condition with an outcome. A {@code require} check fails when its condition does not hold;
     * an {@code if} check fails when it does; a check with neither always applies its outcome
     * (a clause that leaves every such claim to review). {@code offers} are remedies still open
     * when the check decides against the claim (a paid repair, spare parts).
     */
    public record Check(String name, Condition condition, boolean require, Outcome outcome, Set<Resolution> offers,
            List<Citation> cites, String says) {}

    /** Evidence that must be supplied (all of {@code allOf}, and one of {@code oneOf}) when {@code when} holds. */
    public record EvidenceRule(String name, Condition when, List<String> allOf, List<String> oneOf, List<Citation> cites, String says) {}

    /**
     * A remedy offered under a condition. {@code bonusPercent} adds to its value (store credit worth
     * 110%); {@code upToPercent} makes it a maximum whose amount a person sets ("up to 50%").
     */
    public record Offer(Resolution resolution, Condition when, boolean needsConsent, List<Citation> cites, BigDecimal bonusPercent,
            BigDecimal upToPercent) {
        public Offer(Resolution resolution, Condition when, boolean needsConsent, List<Citation> cites) {
            this(resolution, when, needsConsent, cites, null, null);
        }
    }

    /**
     * A program's answer for requests "outside the conditions above": any rule of the program that
     * would reject (a window, a check) answers this instead, citing the clause that says so.
     */
    public record WhenRejected(Outcome outcome, String says, List<Citation> cites) {}

    /** A part of a coverage with its own window: parts covered 5 years, labour 1 year. */
    public record Component(String id, Window window, List<Citation> cites) {}

    /** What a flat deduction is counted per: once for the claim, per claimed line, or per claimed unit. */
    public enum Per { CLAIM, LINE, UNIT }

    public record Resolutions(List<Offer> offers, Chooser chosenBy) {
        public static final Resolutions NONE = new Resolutions(List.of(), Chooser.CUSTOMER);
    }

    /** What a refund is counted from: the claimed lines' prices, with or without the order's shipping charge. */
    public enum RefundBase { ITEMS, ITEMS_AND_SHIPPING }

    /**
     * What is refunded: the claimed lines' prices (with the order's shipping charge, prorated), or
     * an amount per unit the claim gives in a declared money attribute (a lowest recent price, a
     * current market value), never more than the line's price.
     */
    public record Refund(RefundBase base, List<Citation> cites, Field perUnitAmount) {
        public static final Refund ITEMS_ONLY = new Refund(RefundBase.ITEMS, List.of(), null);
    }

    /** Where a deduction's amount comes from when it is not a percentage. */
    public enum AmountSource {
        KEPT_FREE_GIFTS("kept_free_gifts"),
        CUSTOMS("costs.customs"),
        HANDLING("costs.handling"),
        RETURN_LOGISTICS("costs.return_logistics"),
        RETURN_SHIPPING("costs.return_shipping"),
        ORDER_SHIPPING("order.shipping");

        public final String word;

        AmountSource(String word) {
            this.word = word;
        }
    }

    /** A percentage: fixed, by a word of the claim, or by days elapsed since an event. */
    public sealed interface Percent {
        BigDecimal percentFor(Subject s, Map<String, String> read);
    }

    public record FixedPercent(BigDecimal percent) implements Percent {
        public BigDecimal percentFor(Subject s, Map<String, String> read) {
            return percent;
        }
    }

    public record PercentByField(Field field, Map<String, BigDecimal> table, BigDecimal otherwise) implements Percent {
        public BigDecimal percentFor(Subject s, Map<String, String> read) {
            String word = field.read(s);
            read.put(field.name(), word);
            return table.getOrDefault(word, otherwise);
        }
    }

    /**
     * Bands of days elapsed from one event to another (to the submission by default, or to the
     * parcel's shipment back or its arrival): the first band whose {@code upToDays} is not exceeded applies.
     */
    public record PercentByElapsedDays(Event since, Event until, TreeMap<Integer, BigDecimal> upToDays, BigDecimal beyond) implements Percent {
        public BigDecimal percentFor(Subject s, Map<String, String> read) {
            var start = since.in(s);
            if (start.isEmpty()) {
                return beyond;
            }
            var end = until.in(s).orElseThrow(() -> new Unevaluable("the elapsed time is measured to " + until.wire().replace('_', ' ')
                    + ", which has not happened yet"));
            long days = java.time.temporal.ChronoUnit.DAYS.between(s.calendar().dateOf(start.get()), s.calendar().dateOf(end));
            read.put("days_since_" + since.wire(), String.valueOf(days));
            var band = upToDays.ceilingEntry((int) Math.min(days, Integer.MAX_VALUE));
            return band == null ? beyond : band.getValue();
        }
    }

    /**
     * An amount deducted from a refund: a percentage of the claimed lines' prices (per line, so a
     * table by condition or category can differ), a flat amount, or an amount incurred on the claim.
     * Amounts in a policy file are in the order's currency. Capped by {@code max} when given.
     */
    public record Deduction(String name, DeductionKind kind, Percent percent, BigDecimal flat, AmountSource source, Condition when,
            BigDecimal max, List<Citation> cites, String says, Per per, Condition unless, Field perUnitAmount, BigDecimal min) {}

    /** How return postage reaches the merchant's account. */
    public enum Reimbursement { NONE, RECEIPT, LABEL }

    /**
     * Who pays a shipping leg, under a condition. The first rule whose condition holds applies.
     * {@code reimburse: receipt} pays back the customer's receipt amount (needs {@code requires}
     * evidence, capped by {@code max}); {@code label} means the merchant sends a prepaid label.
     */
    public record ShippingRule(String name, Payer paidBy, Condition when, Reimbursement reimburse, Evidence requires, BigDecimal max,
            ShippingMethod method, Payer upgradePaidBy, List<Citation> cites, String says) {}
}

package org.openrma.policy.eval;

import java.math.MathContext;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.money.BigMoney;
import org.joda.money.Money;
import org.openrma.claim.ClaimedLine;
import org.openrma.claim.OrderLine;
import org.openrma.decision.DeductionKind;
import org.openrma.decision.Outcome;
import org.openrma.decision.Resolution;
import org.openrma.policy.model.Declarations;
import org.openrma.policy.model.Field;
import org.openrma.policy.model.Program;
import org.openrma.policy.model.Rules;
import org.openrma.policy.model.Rules.Deduction;
import org.openrma.policy.model.Reads;
import org.openrma.policy.model.Subject;
import org.openrma.policy.model.Unevaluable;

/**
 * Stage 4: the money. The base is the kept lines' prices (or the per-unit amount the policy names,
 * when lower), plus the order's shipping when the policy refunds it; each deduction is worked out
 * and rounded once; the net is what a refund, an exchange or store credit is worth.
 */
final class Refunds {

    private static final int REFUNDS = Offers.bits(Resolution.REFUND, Resolution.PARTIAL_REFUND);
    /** Remedies whose value is the items' price less the policy's deductions (a fee applies to an exchange too). */
    private static final int VALUED = Offers.bits(Resolution.REFUND, Resolution.PARTIAL_REFUND, Resolution.STORE_CREDIT, Resolution.EXCHANGE);

    private Refunds() {}

    /**
     * The net value of the remedy: the items' price less the policy's deductions, zero for a rejection or a remedy that has
     * no amount. The deductions, by kind, go to the run ({@link Run#deductions}): a record of the two would be one more
     * object per decision.
     */
    static Money net(Run run, Program program, Outcome outcome, Offers.Offered offered, List<LineVerdict> kept) {
        Money zero = run.zero();
        if (outcome == Outcome.REJECTED || !offered.anyOf(VALUED)) {
            return zero;
        }
        // most refunds have no deduction, nearly all others one or two kinds: their kinds and amounts in locals, a map only
        // for a third kind
        DeductionKind firstKind = null;
        Money firstAmount = null;
        DeductionKind secondKind = null;
        Money secondAmount = null;
        Map<DeductionKind, Money> more = null;
        Money base = base(run, program, kept);
        long deducted = 0;                                                  // in minor units: no Money per step
        List<Deduction> stated = program.deductions();
        for (int i = 0; i < stated.size(); i++) {
            Deduction d = stated.get(i);
            Money amount;
            try {
                amount = deduction(run, program.id(), d, kept);
            } catch (Unevaluable e) {
                run.markUndecided();
                run.trace().unevaluable(program.id(), d.name(), null, e.getMessage(), d.cites());
                continue;
            }
            if (positive(amount)) {
                DeductionKind kind = d.kind();
                if (more != null) {
                    more.merge(kind, amount, Money::plus);
                } else if (firstKind == null || firstKind == kind) {
                    firstAmount = firstKind == null ? amount : firstAmount.plus(amount);
                    firstKind = kind;
                } else if (secondKind == null || secondKind == kind) {
                    secondAmount = secondKind == null ? amount : secondAmount.plus(amount);
                    secondKind = kind;
                } else {
                    more = inKindsOrder(firstKind, firstAmount, secondKind, secondAmount);
                    more.merge(kind, amount, Money::plus);
                }
                deducted = Math.addExact(deducted, minorIn(run, amount));
            }
        }
        long baseMinor = base.getAmountMinorLong();
        Money net = deducted > baseMinor ? zero : deducted == 0 ? base : Money.ofMinor(run.currency(), baseMinor - deducted);
        // money goes back only when a refund is offered; an exchange or store credit carries the same net value
        Money refund = refunded(offered, net, zero);
        if (run.recording() && refund.isPositive()) {                        // the amount deducted as Money only for the words
            run.trace().refunded(program.id(), program.refund(), base, Money.ofMinor(run.currency(), deducted), refund);
        }
        // one or two kinds: the immutable map the Decision keeps as it is; with words, or more kinds, in the kinds' order for the
        // summary (an EnumMap, copied by the Decision)
        if (more != null) {
            run.deducted(more);
        } else if (secondKind != null) {
            run.deducted(run.recording() ? inKindsOrder(firstKind, firstAmount, secondKind, secondAmount)
                    : Map.of(firstKind, firstAmount, secondKind, secondAmount));
        } else if (firstKind != null) {
            run.deducted(Map.of(firstKind, firstAmount));
        }
        return net;
    }

    private static Map<DeductionKind, Money> inKindsOrder(DeductionKind firstKind, Money firstAmount, DeductionKind secondKind, Money secondAmount) {
        Map<DeductionKind, Money> both = new EnumMap<>(DeductionKind.class);
        both.put(firstKind, firstAmount);
        both.put(secondKind, secondAmount);
        return both;
    }

    /** Money back: the net value when a refund is offered (a rejection's or an amountless remedy's net is zero), else zero. */
    static Money refunded(Offers.Offered offered, Money net, Money zero) {
        return offered.anyOf(REFUNDS) ? net : zero;
    }

    private static Money base(Run run, Program program, List<LineVerdict> kept) {
        if (program.refund().perUnitAmount() == null) {
            // the usual case: the lines' prices and the shipping share, summed exactly in minor units, one Money made
            long items = claimedMinor(run, kept);
            if (program.refund().base() == Rules.RefundBase.ITEMS_AND_SHIPPING) {
                items = Math.addExact(items, minorIn(run, shippingShare(run, kept)));
            }
            if (kept.size() == 1 && kept.getFirst().line.requested().quantity() == 1) {
                // the usual claim, one unit of one line with nothing added: its price is the base, and Money is immutable
                Money unitPrice = kept.getFirst().line.line().unitPrice();
                if (unitPrice.getAmountMinorLong() == items && unitPrice.getCurrencyUnit().equals(run.currency())) {
                    return unitPrice;
                }
            }
            return Money.ofMinor(run.currency(), items);
        }
        Money base = run.zero();
        for (int at = 0; at < kept.size(); at++) {
            LineVerdict l = kept.get(at);
            Money linePrice = l.line.price();
            if (program.refund().perUnitAmount() != null) {
                try {
                    Money stated = perUnit(run, program.refund().perUnitAmount(), run.subjectOf(l.line)).multipliedBy(l.line.requested().quantity());
                    linePrice = stated.isLessThan(linePrice) ? stated : linePrice;
                } catch (Unevaluable e) {
                    run.markUndecided();
                    run.trace().unevaluable(program.id(), program.id() + ".refund", null, e.getMessage(), program.refund().cites());
                }
            }
            base = base.plus(linePrice);
        }
        if (program.refund().base() == Rules.RefundBase.ITEMS_AND_SHIPPING) {
            base = base.plus(shippingShare(run, kept));
        }
        return base;
    }

    private static Money deduction(Run run, String program, Deduction d, List<LineVerdict> kept) {
        Map<String, String> read = run.reads();
        Money amount;
        if (d.percent() != null) {
            // sum of price x percent / 100 over the lines it applies to, rounded once: whole percents (the usual "20%") as
            // minor units times the percent in a long, any other percent (or a product past a long) exactly as BigMoney
            long wholePercentsOfMinor = 0;
            BigMoney exact = null;
            for (int at = 0; at < kept.size(); at++) {
                LineVerdict l = kept.get(at);
                Subject s = run.subjectOf(l.line);
                if (d.when().test(s, read) && !waived(d, s, read)) {
                    var pct = d.percent().percentFor(s, read);
                    run.trace().read(read, "percent", pct);
                    boolean inLongs = false;
                    if (pct.scale() == 0 && pct.precision() <= 18) {
                        try {
                            wholePercentsOfMinor = Math.addExact(wholePercentsOfMinor, Math.multiplyExact(priceMinor(run, l.line), pct.longValue()));
                            inLongs = true;
                        } catch (ArithmeticException beyondLong) {
                            // this line's share exactly, below
                        }
                    }
                    if (!inLongs) {
                        BigMoney share = l.line.price().toBigMoney().multipliedBy(pct.movePointLeft(2));
                        exact = exact == null ? share : exact.plus(share);
                    }
                }
            }
            if (exact == null && wholePercentsOfMinor >= 0) {
                amount = wholePercentsOfMinor == 0 ? run.zero()
                        : Money.ofMinor(run.currency(), run.policy().rounding().divide(wholePercentsOfMinor, 100));
            } else {
                BigMoney inLongs = BigMoney.ofScale(run.currency(), wholePercentsOfMinor, 2 + run.currency().getDecimalPlaces());
                exact = exact == null ? inLongs : exact.plus(inLongs);
                amount = run.policy().rounding().round(exact);
            }
        } else if (d.perUnitAmount() != null) {
            // an amount per unit the claim gives (a bundle discount, a market value), for each kept line it applies to
            Money sum = run.zero();
            for (int at = 0; at < kept.size(); at++) {
                LineVerdict l = kept.get(at);
                Subject s = run.subjectOf(l.line);
                if (d.when().test(s, read) && !waived(d, s, read)) {
                    sum = sum.plus(perUnit(run, d.perUnitAmount(), s).multipliedBy(l.line.requested().quantity()));
                }
            }
            amount = sum;
            if (Reads.recording(read)) {
                read.put("amount", d.perUnitAmount().name() + " x units");
            }
        } else if (d.flat() != null && d.per() != Rules.Per.CLAIM) {
            // a flat fee per line or per unit counts the kept lines the deduction applies to
            long count = 0;
            for (int at = 0; at < kept.size(); at++) {
                LineVerdict l = kept.get(at);
                if (d.when().test(run.subjectOf(l.line), read) && !waived(d, run.subjectOf(l.line), read)) {
                    count += d.per() == Rules.Per.UNIT ? l.line.requested().quantity() : 1;
                }
            }
            amount = run.policy().rounding().round(BigMoney.of(run.currency(), d.flat()).multipliedBy(count));
            if (Reads.recording(read)) {                                    // the words only when something keeps them
                read.put("amount", d.flat().toPlainString() + " x " + count + " " + (d.per() == Rules.Per.UNIT ? "units" : "lines"));
            }
        } else if (run.anyLine(d.when(), kept, read) && !waivedForClaim(run, d, read)) {
            amount = d.flat() != null ? run.money(d.flat()) : source(run, d.source(), kept);
            run.trace().read(read, "amount", d.flat() != null ? d.flat() : d.source().word);
        } else {
            amount = run.zero();
        }
        if (d.min() != null && amount.isPositive()) {
            Money floor = run.money(d.min());
            if (amount.isLessThan(floor)) {
                run.trace().read(read, "raised_to", floor.getAmount());
                amount = floor;
            }
        }
        if (d.max() != null) {
            Money cap = run.money(d.max());
            if (amount.isGreaterThan(cap)) {
                run.trace().read(read, "capped_at", cap.getAmount());
                amount = cap;
            }
        }
        run.trace().deduction(program, d, read, amount);
        return amount;
    }

    /** A declared money attribute of a line, per unit, in the order's currency. */
    private static Money perUnit(Run run, Field field, Subject s) {
        String word = field.read(s);
        var amount = Declarations.Attribute.decimal(word).orElseThrow(() -> new Unevaluable(field.name() + " is '" + word + "', not an amount"));
        return run.money(amount);
    }

    /** An amount in the order's currency, in its minor units (another currency cannot be added to it: Money's own exception). */
    private static long minorIn(Run run, Money amount) {
        if (!amount.getCurrencyUnit().equals(run.currency())) {
            throw new org.joda.money.CurrencyMismatchException(run.currency(), amount.getCurrencyUnit());
        }
        return amount.getAmountMinorLong();
    }

    /** A deduction's waiver ({@code unless}) holds for this subject. */
    private static boolean waived(Deduction d, Subject s, Map<String, String> read) {
        return d.unless() != null && d.unless().test(s, read);
    }

    /** A deduction's waiver ({@code unless}) holds for the claim as a whole. */
    private static boolean waivedForClaim(Run run, Deduction d, Map<String, String> read) {
        return d.unless() != null && run.holdsForClaim(d.unless(), read);
    }

    private static Money source(Run run, Rules.AmountSource source, List<LineVerdict> kept) {
        var claim = run.claim();
        var costs = claim.request().costs();
        return switch (source) {
            case KEPT_FREE_GIFTS -> {
                Set<String> returned = new LinkedHashSet<>();
                run.claimed().forEach(l -> returned.add(l.line().sku()));
                yield claim.request().keepsFreeGifts()
                        ? claim.order().lines().stream().filter(OrderLine::isFreeGift).filter(l -> !returned.contains(l.sku()))
                                .map(OrderLine::giftValue).reduce(run.zero(), Money::plus)
                        : run.zero();
            }
            case CUSTOMS -> costs.customs();
            case HANDLING -> costs.handling();
            case RETURN_LOGISTICS -> costs.returnLogistics();
            case RETURN_SHIPPING -> costs.returnShipping();
            case ORDER_SHIPPING -> shippingShare(run, kept);
        };
    }

    /** What the kept lines cost, in the currency's minor units: {@code ClaimedLine.price()} summed without a Money per step. */
    private static long claimedMinor(Run run, List<LineVerdict> kept) {
        long sum = 0;
        for (int i = 0, n = kept.size(); i < n; i++) {
            sum = Math.addExact(sum, priceMinor(run, kept.get(i).line));
        }
        return sum;
    }

    /** {@code ClaimedLine.price()} in the order's minor units, without the Money (a price in another currency throws, as Money's sum did). */
    private static long priceMinor(Run run, ClaimedLine line) {
        return Math.multiplyExact(minorIn(run, line.line().unitPrice()), (long) line.requested().quantity());
    }

    /** The order's shipping charge in proportion to the value of the lines claimed. */
    private static Money shippingShare(Run run, List<LineVerdict> kept) {
        Money shipping = run.claim().order().shipping().amount();
        if (!positive(shipping)) {
            return run.zero();                                              // free shipping: no order total to sum
        }
        long claimed = claimedMinor(run, kept);
        if (claimed == 0) {
            return run.zero();
        }
        long total = run.claim().order().merchandiseTotalMinor();
        if (claimed == total || total == 0) {
            return shipping;
        }
        if (claimed > 0 && total > 0 && shipping.getCurrencyUnit().equals(run.currency())) {
            try {
                // in minor units, rounded once with the policy's rounding: the usual case, with no BigDecimal
                return Money.ofMinor(run.currency(), run.policy().rounding().divide(Math.multiplyExact(shipping.getAmountMinorLong(), claimed), total));
            } catch (ArithmeticException beyondLong) {
                // amounts too large for a long product: exactly as below
            }
        }
        // exact to 34 digits, then rounded once with the policy's rounding
        var exact = shipping.getAmount().multiply(Money.ofMinor(run.currency(), claimed).getAmount())
                .divide(Money.ofMinor(run.currency(), total).getAmount(), MathContext.DECIMAL128);
        return run.money(exact);
    }

    /** {@code amount.isPositive()} from the amount's sign alone: Money's own compares a BigDecimal with zero. */
    private static boolean positive(Money amount) {
        return amount.getAmount().signum() > 0;
    }
}

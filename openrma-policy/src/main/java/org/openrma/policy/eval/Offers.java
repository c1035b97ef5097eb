package org.openrma.policy.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.money.Money;
import org.openrma.decision.MappedOnRead;
import org.openrma.decision.Outcome;
import org.openrma.decision.Remedy;
import org.openrma.decision.Resolution;
import org.openrma.money.Rounding;
import org.openrma.policy.model.Program;
import org.openrma.policy.model.Rules;
import org.openrma.policy.model.Unevaluable;

/**
 * Stage 3: the remedies offered. An approved claim gets the program's offers whose conditions hold;
 * a rejected one keeps the paid remedies that rejecting checks still offer. What each remedy is worth
 * is worked out after the refund ({@link #remedies}).
 */
final class Offers {

    /**
     * The remedies offered, the offers that made them, and whether one waits for the customer's consent; {@code bits}: the
     * remedies as a bit set of the enum's ordinals, which the later stages test ({@link #bits(Resolution...)}).
     */
    record Offered(Set<Resolution> resolutions, List<Rules.Offer> offers, boolean needsConsent, int bits) {
        Offered(Set<Resolution> resolutions, List<Rules.Offer> offers, boolean needsConsent) {
            this(resolutions, offers, needsConsent, Offers.bits(resolutions.toArray(Resolution[]::new)));
        }

        /** Whether any of the remedies offered is one of {@code these} (a {@link #bits(Resolution...)} set). */
        boolean anyOf(int these) {
            return (bits & these) != 0;
        }
    }

    /** Remedies as a bit set of the enum's ordinals. */
    static int bits(Resolution... resolutions) {
        int bits = 0;
        for (Resolution r : resolutions) {
            bits |= 1 << r.ordinal();
        }
        return bits;
    }

    private Offers() {}

    /** Of every program's run, the rejecting ones among those that serve keep their paid remedies on offer. */
    static Offered offer(Run run, ProgramRun chosen, List<LineVerdict> kept) {
        Program program = chosen.program;
        // the explanation's words list remedies in the order offered (the reference evaluator, without a plan, keeps its
        // LinkedHashSet: the agreement tests hold the two against each other); without words order does not matter (the
        // Decision's set has none), so the remedies are bits of the enum's ordinals and the set is one of SETS
        Set<Resolution> inOrder = !run.recording() ? null : run.plan() != null ? new RemediesInOrder() : new LinkedHashSet<>();
        int bits = 0;
        List<Rules.Offer> offered = List.of();                              // a list is made for the first offer
        boolean needsConsent = false;
        if (chosen.outcome == Outcome.REJECTED) {
            for (int i = run.nextServing(0); i >= 0; i = run.nextServing(i + 1)) {
                ProgramRun r = run.programRun(i);
                if (r.outcome == Outcome.REJECTED) {
                    for (int at = 0; at < r.lines().size(); at++) {
                        LineVerdict l = r.lines().get(at);
                        if (inOrder != null) {
                            inOrder.addAll(l.offers);
                        } else {
                            bits |= l.offerBits();
                        }
                    }
                }
            }
            Set<Resolution> resolutions = inOrder != null ? inOrder : SETS[bits];
            if (!resolutions.isEmpty()) {
                run.trace().stillAvailable(program.id(), resolutions);
            }
            return inOrder != null ? new Offered(resolutions, offered, false) : STILL_AVAILABLE[bits];
        }
        List<Rules.Offer> candidates = program.resolutions().offers();
        // without words, what the offers that hold add up to is the same for every claim they hold for: the plan has it made for
        // each combination of a program's offers, so the loop only notes which hold, by their index in the program's list
        boolean planned = inOrder == null && run.plan() != null && candidates.size() <= MOST_PLANNED_OFFERS;
        int holding = 0;
        for (int i = 0; i < candidates.size(); i++) {
            Rules.Offer offer = candidates.get(i);
            Map<String, String> read = run.reads();
            boolean offers;
            try {
                offers = run.anyLine(offer.when(), kept, read);
            } catch (Unevaluable e) {
                run.markUndecided();
                run.trace().unevaluable(program.id(), program.id() + ".resolutions." + offer.resolution().wire(), null, e.getMessage(), offer.cites());
                continue;
            }
            if (offers) {
                if (planned) {
                    holding |= 1 << i;                                  // the remedies and consent are the plan's
                } else {
                    if (offered.isEmpty()) {
                        offered = new ArrayList<>(candidates.size());
                    }
                    offered.add(offer);
                    if (inOrder != null) {
                        inOrder.add(offer.resolution());
                    } else {
                        bits |= 1 << offer.resolution().ordinal();
                    }
                    needsConsent |= offer.needsConsent();
                }
                run.trace().offered(program.id(), offer, read);
            }
        }
        if (planned) {
            return run.plan().offered(run.indexOf(chosen), holding);
        }
        return new Offered(inOrder != null ? inOrder : SETS[bits], offered, needsConsent);
    }

    /** Programs of more offers than this are offered without the plan's table (2^n entries a program). */
    static final int MOST_PLANNED_OFFERS = 8;

    /**
     * By a bit set of the program's offers (bit i: its i-th offer holds): what an approved claim without words is offered,
     * the offers in the program's order (no words: the remedies are one of {@link #SETS}); made with the plan, null for a
     * program of more than {@link #MOST_PLANNED_OFFERS} offers.
     */
    static Offered[] everyOffer(Program program) {
        List<Rules.Offer> candidates = program.resolutions().offers();
        if (candidates.size() > MOST_PLANNED_OFFERS) {
            return null;
        }
        Offered[] byHolding = new Offered[1 << candidates.size()];
        for (int holding = 0; holding < byHolding.length; holding++) {
            List<Rules.Offer> offers = new ArrayList<>();
            int bits = 0;
            boolean needsConsent = false;
            for (int i = 0; i < candidates.size(); i++) {
                if ((holding & 1 << i) != 0) {
                    Rules.Offer offer = candidates.get(i);
                    offers.add(offer);
                    bits |= 1 << offer.resolution().ordinal();
                    needsConsent |= offer.needsConsent();
                }
            }
            byHolding[holding] = new Offered(SETS[bits], List.copyOf(offers), needsConsent);
        }
        return byHolding;
    }

    /**
     * Every set of remedies, by bit set of the enum's ordinals, as the immutable set the Decision keeps as it is: a decision
     * made without words takes its remedies from here rather than making a set (the explanation's words need the order offered).
     */
    @SuppressWarnings("unchecked")
    private static final Set<Resolution>[] SETS = new Set[1 << Resolution.values().length];

    /** By the same bits: what a rejection without words offers (the remedies still available, no offer of the program's). */
    private static final Offered[] STILL_AVAILABLE = new Offered[SETS.length];

    static {
        Resolution[] all = Resolution.values();
        for (int bits = 0; bits < SETS.length; bits++) {
            List<Resolution> members = new ArrayList<>();
            for (Resolution r : all) {
                if ((bits & 1 << r.ordinal()) != 0) {
                    members.add(r);
                }
            }
            SETS[bits] = Set.copyOf(members);
            STILL_AVAILABLE[bits] = new Offered(SETS[bits], List.of(), false);
        }
    }

    /**
     * What each offered remedy is worth: the refund; store credit on the refund with the offer's
     * bonus; an exchange up to the value of the items; a partial refund's ceiling, set by a person.
     */
    static List<Remedy> remedies(Run run, String program, Outcome outcome, List<Rules.Offer> offered, Money net) {
        if (outcome == Outcome.REJECTED) {
            return List.of();
        }
        if (offered.isEmpty()) {
            return List.of();
        }
        if (!run.recording() && run.plan() != null && anyValued(offered)) {
            // without words nothing is told as it is valued, so the remedies are a view of the offers valued when read (a
            // replay seldom reads them): one 32-byte view instead of a Remedy per offer (32 B each) and the list that holds them
            return MappedOnRead.of(offered, net, run.plan().remedyValuer());
        }
        // one or two remedies (nearly every decision) go straight into List.of's own small list, with no array
        Rounding rounding = run.policy().rounding();
        return switch (offered.size()) {
            case 1 -> List.of(told(run, program, offered.getFirst(), net, rounding));
            case 2 -> {
                Remedy first = told(run, program, offered.getFirst(), net, rounding);
                yield List.of(first, told(run, program, offered.get(1), net, rounding));
            }
            case 3 -> {
                // three remedies into List.of's own array, with none copied
                Remedy first = told(run, program, offered.getFirst(), net, rounding);
                Remedy second = told(run, program, offered.get(1), net, rounding);
                yield List.of(first, second, told(run, program, offered.get(2), net, rounding));
            }
            default -> {
                Remedy[] out = new Remedy[offered.size()];
                for (int at = 0; at < offered.size(); at++) {
                    out[at] = told(run, program, offered.get(at), net, rounding);
                }
                yield List.of(out);
            }
        };
    }

    /** The remedy an offer gives, as the trace is told it is valued. */
    private static Remedy told(Run run, String program, Rules.Offer offer, Money net, Rounding rounding) {
        Remedy remedy = remedy(offer, net, rounding);
        run.trace().remedyValued(program, offer, remedy.value());
        return remedy;
    }

    /** Whether an offer's remedy carries an amount or a bonus, and so is made per claim (the others are {@link #MOVING_GOODS}). */
    private static boolean anyValued(List<Rules.Offer> offered) {
        for (int at = 0; at < offered.size(); at++) {
            Rules.Offer offer = offered.get(at);
            if (hasAmount(offer) || offer.bonusPercent() != null) {
                return true;
            }
        }
        return false;
    }

    /** Whether the remedy is valued on the claim's net value (the others, a repair or a replacement, have no amount). */
    private static boolean hasAmount(Rules.Offer offer) {
        return switch (offer.resolution()) {
            case REFUND, STORE_CREDIT, EXCHANGE -> true;
            case PARTIAL_REFUND -> offer.upToPercent() != null;
            default -> false;
        };
    }

    /** The remedy {@code offer} gives on {@code net}, with the policy's rounding: a function of its arguments alone. */
    static Remedy remedy(Rules.Offer offer, Money net, Rounding rounding) {
        Money base = hasAmount(offer) ? net : null;
        Money value = base;
        if (base != null && offer.upToPercent() != null) {
            value = rounding.round(base.toBigMoney().multipliedBy(offer.upToPercent().movePointLeft(2)));
        }
        if (value != null && offer.bonusPercent() != null) {
            value = value.plus(rounding.round(value.toBigMoney().multipliedBy(offer.bonusPercent().movePointLeft(2))));
        }
        boolean byAgent = offer.upToPercent() != null || (offer.resolution() == Resolution.PARTIAL_REFUND);
        if (value == null && offer.bonusPercent() == null) {
            return MOVING_GOODS[offer.resolution().ordinal()][byAgent ? 1 : 0];
        }
        return new Remedy(offer.resolution(), value, offer.bonusPercent(), byAgent);
    }

    /** A remedy worth no amount (a repair, a replacement), by resolution and whether an agent sets it: the same for every claim. */
    private static final Remedy[][] MOVING_GOODS = new Remedy[Resolution.values().length][2];

    static {
        for (Resolution r : Resolution.values()) {
            MOVING_GOODS[r.ordinal()][0] = new Remedy(r, null, null, false);
            MOVING_GOODS[r.ordinal()][1] = new Remedy(r, null, null, true);
        }
    }
}

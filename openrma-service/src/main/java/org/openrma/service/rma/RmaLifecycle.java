package org.openrma.service.rma;

import static org.openrma.service.rma.RmaStatus.AUTHORIZED;
import static org.openrma.service.rma.RmaStatus.NEEDS_EVIDENCE;
import static org.openrma.service.rma.RmaStatus.CANCELLED;
import static org.openrma.service.rma.RmaStatus.CLOSED;
import static org.openrma.service.rma.RmaStatus.EXPIRED;
import static org.openrma.service.rma.RmaStatus.INSPECTED;
import static org.openrma.service.rma.RmaStatus.UNDER_REVIEW;
import static org.openrma.service.rma.RmaStatus.IN_TRANSIT;
import static org.openrma.service.rma.RmaStatus.RECEIVED;
import static org.openrma.service.rma.RmaStatus.REJECTED;
import static org.openrma.service.rma.RmaStatus.RESOLVED;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.openrma.decision.Outcome;
import org.openrma.service.access.Caller;

/**
 * The RMA state machine, in one table. A row says: from this status, this action leads to one of
 * these statuses, and may be taken by these actors. Where a row has several targets the engine's
 * decision picks one ({@link #afterDecision}); every other move is fixed. Anything not in the
 * table is refused with 409. {@link #markdown()} prints the table for the docs.
 */
public final class RmaLifecycle {

    /** Who may act. An admin key can do everything an agent key can. */
    public enum Actor {
        CUSTOMER, AGENT, SYSTEM;

        public static Actor of(Caller caller) {
            return switch (caller) {
                case Caller.Customer c -> CUSTOMER;
                case Caller.Staff s -> AGENT;
                case Caller.Automation a -> SYSTEM;
            };
        }
    }

    public record Transition(RmaStatus from, RmaAction action, Set<RmaStatus> to, Set<Actor> by) {

        /** The status this move leads to, when the row has one target. */
        public RmaStatus target() {
            if (to.size() != 1) {
                throw new IllegalStateException(action.wire() + " from " + from + " leads where the decision says: use target(outcome)");
            }
            return to.iterator().next();
        }

        /** The status this move leads to after a fresh decision: the row's one target, or the one the outcome picks among several. */
        public RmaStatus target(Outcome decided) {
            RmaStatus status = to.size() == 1 ? to.iterator().next() : afterDecision(decided);
            if (!to.contains(status)) {
                throw new IllegalStateException("lifecycle table does not allow " + from + " -" + action.wire() + "-> " + status);
            }
            return status;
        }
    }

    private static final Set<RmaStatus> DECIDED = EnumSet.of(AUTHORIZED, NEEDS_EVIDENCE, UNDER_REVIEW, REJECTED);

    public static final List<Transition> TABLE = List.of(
            //  from               action                    to                    by
            row(null,              RmaAction.SUBMIT,         DECIDED,              Actor.CUSTOMER, Actor.AGENT),
            row(NEEDS_EVIDENCE, RmaAction.ADD_EVIDENCE,   DECIDED,              Actor.CUSTOMER, Actor.AGENT),
            row(NEEDS_EVIDENCE, RmaAction.EXPIRE,         EnumSet.of(EXPIRED),   Actor.SYSTEM),
            row(NEEDS_EVIDENCE, RmaAction.CANCEL,         EnumSet.of(CANCELLED), Actor.CUSTOMER, Actor.AGENT),
            row(UNDER_REVIEW,         RmaAction.APPROVE,        EnumSet.of(AUTHORIZED), Actor.AGENT),
            row(UNDER_REVIEW,         RmaAction.REJECT,         EnumSet.of(REJECTED),  Actor.AGENT),
            row(UNDER_REVIEW,         RmaAction.CANCEL,         EnumSet.of(CANCELLED), Actor.CUSTOMER, Actor.AGENT),
            row(REJECTED,          RmaAction.OVERRIDE,       EnumSet.of(AUTHORIZED), Actor.AGENT),
            row(AUTHORIZED,        RmaAction.SHIP_BACK,      EnumSet.of(IN_TRANSIT), Actor.CUSTOMER, Actor.AGENT),
            row(AUTHORIZED,        RmaAction.RECEIVE,        EnumSet.of(RECEIVED),  Actor.AGENT),
            row(AUTHORIZED,        RmaAction.CONSENT,        EnumSet.of(AUTHORIZED), Actor.CUSTOMER),
            row(AUTHORIZED,        RmaAction.RESOLVE,        EnumSet.of(RESOLVED),  Actor.AGENT),
            row(AUTHORIZED,        RmaAction.EXPIRE,         EnumSet.of(EXPIRED),   Actor.SYSTEM),
            row(AUTHORIZED,        RmaAction.CANCEL,         EnumSet.of(CANCELLED), Actor.CUSTOMER, Actor.AGENT),
            row(IN_TRANSIT,        RmaAction.RECEIVE,        EnumSet.of(RECEIVED),  Actor.AGENT),
            row(RECEIVED,          RmaAction.INSPECT,        EnumSet.of(INSPECTED), Actor.AGENT),
            row(INSPECTED,         RmaAction.CONSENT,        EnumSet.of(INSPECTED), Actor.CUSTOMER),
            row(INSPECTED,         RmaAction.RESOLVE,        EnumSet.of(RESOLVED),  Actor.AGENT),
            row(INSPECTED,         RmaAction.REJECT,         EnumSet.of(REJECTED),  Actor.AGENT),
            row(RESOLVED,          RmaAction.CLOSE,          EnumSet.of(CLOSED),    Actor.AGENT, Actor.SYSTEM),
            row(REJECTED,          RmaAction.CLOSE,          EnumSet.of(CLOSED),    Actor.AGENT, Actor.SYSTEM));

    private RmaLifecycle() {}

    private static Transition row(RmaStatus from, RmaAction action, Set<RmaStatus> to, Actor... by) {
        return new Transition(from, action, Set.copyOf(to), Set.of(by));
    }

    /** A move the table does not have (the API answers 409). */
    public static final class IllegalTransition extends RuntimeException {
        public IllegalTransition(String message) {
            super(message);
        }
    }

    /** A move that exists, but not for this actor (the API answers 403). */
    public static final class NotPermitted extends RuntimeException {
        public NotPermitted(String message) {
            super(message);
        }
    }

    /** The row for this move; {@link IllegalTransition} if there is none, {@link NotPermitted} if this actor may not make it. */
    public static Transition check(RmaStatus from, RmaAction action, Actor actor) {
        Transition t = TABLE.stream().filter(r -> r.from() == from && r.action() == action).findFirst()
                .orElseThrow(() -> new IllegalTransition("cannot " + action.wire() + " an RMA that is " + (from == null ? "new" : from.wire())
                        + "; " + whatIsAllowed(from, actor)));
        if (!t.by().contains(actor)) {
            throw new NotPermitted(actor.name().toLowerCase(Locale.ROOT) + " may not " + action.wire() + " an RMA");
        }
        return t;
    }

    /** The actions this actor may take now. */
    /** The moves this actor may make now, in words: "allowed now: ship-back, cancel", or that there are none (a closed RMA's). */
    private static String whatIsAllowed(RmaStatus from, Actor actor) {
        List<RmaAction> allowed = allowed(from, actor);
        return allowed.isEmpty() ? "no action is allowed now" + (actor == Actor.AGENT ? "" : " for the " + actor.name().toLowerCase(Locale.ROOT))
                : "allowed now: " + allowed.stream().map(RmaAction::wire).collect(Collectors.joining(", "));
    }

    public static List<RmaAction> allowed(RmaStatus from, Actor actor) {
        return TABLE.stream().filter(r -> r.from() == from && r.by().contains(actor) && r.from() != null)
                .map(Transition::action).toList();
    }

    /** The row for this move, whoever makes it (see {@link #check}). */
    public static Transition transition(RmaStatus from, RmaAction action) {
        return TABLE.stream().filter(r -> r.from() == from && r.action() == action).findFirst()
                .orElseThrow(() -> new IllegalTransition("cannot " + action.wire() + " an RMA that is " + (from == null ? "new" : from.wire())));
    }

    /** The status a fresh decision puts an RMA in; a claim the engine could not decide goes to review. */
    public static RmaStatus afterDecision(Outcome outcome) {
        if (outcome == null) {
            return UNDER_REVIEW;
        }
        return switch (outcome) {
            case APPROVED -> AUTHORIZED;
            case NEEDS_EVIDENCE -> NEEDS_EVIDENCE;
            case NEEDS_REVIEW -> UNDER_REVIEW;
            case REJECTED -> REJECTED;
        };
    }

    /** The table as Markdown, for the README. */
    public static String markdown() {
        StringBuilder b = new StringBuilder("| from | action | to | by |\n|---|---|---|---|\n");
        for (Transition t : TABLE) {
            b.append("| ").append(t.from() == null ? "(new)" : t.from().wire())
                    .append(" | ").append(t.action().wire())
                    .append(" | ").append(t.to().stream().sorted().map(RmaStatus::wire).collect(Collectors.joining(" / ")))
                    .append(" | ").append(t.by().stream().map(a -> a.name().toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        return b.toString();
    }
}

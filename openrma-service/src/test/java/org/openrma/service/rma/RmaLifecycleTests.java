package org.openrma.service.rma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openrma.decision.Outcome;
import org.openrma.service.rma.RmaLifecycle.Actor;

/** The transition table itself. */
class RmaLifecycleTests {

    @Test
    void everyStatusIsReachableFromASubmittedClaim() {
        Set<RmaStatus> reached = new HashSet<>();
        Set<RmaStatus> frontier = EnumSet.copyOf(RmaLifecycle.TABLE.getFirst().to());
        while (!frontier.isEmpty()) {
            reached.addAll(frontier);
            Set<RmaStatus> next = EnumSet.noneOf(RmaStatus.class);
            RmaLifecycle.TABLE.stream().filter(t -> frontier.contains(t.from())).forEach(t -> next.addAll(t.to()));
            next.removeAll(reached);
            frontier.clear();
            frontier.addAll(next);
        }
        assertThat(reached).containsExactlyInAnyOrder(RmaStatus.values());
    }

    @Test
    void eachStatusActionPairAppearsOnce() {
        Set<String> pairs = new HashSet<>();
        RmaLifecycle.TABLE.forEach(t -> assertThat(pairs.add(t.from() + "/" + t.action())).as(t.toString()).isTrue());
    }

    @Test
    void closedStatesAllowNothingButClose() {
        for (RmaStatus s : RmaStatus.values()) {
            if (!s.isOpen()) {
                assertThat(RmaLifecycle.allowed(s, Actor.AGENT)).isSubsetOf(RmaAction.CLOSE, RmaAction.OVERRIDE);
            }
        }
        assertThat(RmaLifecycle.allowed(RmaStatus.CLOSED, Actor.AGENT)).isEmpty();
    }

    @Test
    void anIllegalMoveIsAConflictAndAMoveByTheWrongActorIsForbidden() {
        assertThatThrownBy(() -> RmaLifecycle.check(RmaStatus.CLOSED, RmaAction.RESOLVE, Actor.AGENT))
                .isInstanceOf(RmaLifecycle.IllegalTransition.class).hasMessage("cannot resolve an RMA that is closed; no action is allowed now");
        assertThatThrownBy(() -> RmaLifecycle.check(RmaStatus.IN_TRANSIT, RmaAction.CANCEL, Actor.CUSTOMER))
                .hasMessage("cannot cancel an RMA that is in_transit; no action is allowed now for the customer");
        assertThatThrownBy(() -> RmaLifecycle.check(RmaStatus.AUTHORIZED, RmaAction.INSPECT, Actor.AGENT))
                .hasMessage("cannot inspect an RMA that is authorized; allowed now: ship-back, receive, resolve, cancel");
        assertThatThrownBy(() -> RmaLifecycle.check(RmaStatus.UNDER_REVIEW, RmaAction.APPROVE, Actor.CUSTOMER))
                .isInstanceOf(RmaLifecycle.NotPermitted.class);
        assertThatThrownBy(() -> RmaLifecycle.check(RmaStatus.AUTHORIZED, RmaAction.EXPIRE, Actor.AGENT))
                .isInstanceOf(RmaLifecycle.NotPermitted.class);
    }

    @Test
    void eachOutcomeLeadsToTheStatusItNames() {
        assertThat(RmaLifecycle.afterDecision(Outcome.APPROVED)).isEqualTo(RmaStatus.AUTHORIZED);
        assertThat(RmaLifecycle.afterDecision(Outcome.NEEDS_EVIDENCE)).isEqualTo(RmaStatus.NEEDS_EVIDENCE);
        assertThat(RmaLifecycle.afterDecision(Outcome.NEEDS_REVIEW)).isEqualTo(RmaStatus.UNDER_REVIEW);
        assertThat(RmaLifecycle.afterDecision(Outcome.REJECTED)).isEqualTo(RmaStatus.REJECTED);
        assertThat(RmaLifecycle.afterDecision(null)).isEqualTo(RmaStatus.UNDER_REVIEW);
    }

    @Test
    void theTablePrintsAsMarkdownWithOneRowPerTransition() {
        String md = RmaLifecycle.markdown();
        assertThat(md.lines().count()).isEqualTo(RmaLifecycle.TABLE.size() + 2);
        assertThat(md).contains("| (new) | submit | needs_evidence / under_review / authorized / rejected | agent, customer |");
    }

    @Test
    void everyPairOutsideTheTableIsAnIllegalTransitionForEveryActor() {
        int checked = 0;
        for (RmaStatus from : RmaStatus.values()) {
            for (RmaAction action : RmaAction.values()) {
                boolean inTable = RmaLifecycle.TABLE.stream().anyMatch(t -> t.from() == from && t.action() == action);
                if (inTable) {
                    continue;
                }
                for (Actor actor : Actor.values()) {
                    assertThatThrownBy(() -> RmaLifecycle.check(from, action, actor)).isInstanceOf(RmaLifecycle.IllegalTransition.class);
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(3 * (RmaStatus.values().length * RmaAction.values().length - (RmaLifecycle.TABLE.size() - 1)));
    }

    @Test
    void theTableChoosesTheStatusAfterEvidenceFromTheNewDecision() {
        RmaLifecycle.Transition addEvidence = RmaLifecycle.transition(RmaStatus.NEEDS_EVIDENCE, RmaAction.ADD_EVIDENCE);

        assertThat(addEvidence.target(Outcome.APPROVED)).isEqualTo(RmaStatus.AUTHORIZED);
        assertThat(addEvidence.target(Outcome.NEEDS_EVIDENCE)).isEqualTo(RmaStatus.NEEDS_EVIDENCE);
        assertThat(addEvidence.target(Outcome.REJECTED)).isEqualTo(RmaStatus.REJECTED);
        // the engine failed: a person looks
        assertThat(addEvidence.target((Outcome) null)).isEqualTo(RmaStatus.UNDER_REVIEW);
        assertThatThrownBy(addEvidence::target).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRowWithOneTargetLeadsThereWhateverTheDecision() {
        RmaLifecycle.Transition inspect = RmaLifecycle.transition(RmaStatus.RECEIVED, RmaAction.INSPECT);

        assertThat(inspect.target()).isEqualTo(RmaStatus.INSPECTED);
        assertThat(inspect.target(Outcome.REJECTED)).isEqualTo(RmaStatus.INSPECTED);
        assertThat(RmaLifecycle.transition(RmaStatus.AUTHORIZED, RmaAction.CONSENT).target()).isEqualTo(RmaStatus.AUTHORIZED);
    }

    @Test
    void theOpenStatusesTheQueriesUseAreTheEnumsOpenOnes() {
        assertThat(Rmas.OPEN_STATUSES).isEqualTo("('NEEDS_EVIDENCE', 'UNDER_REVIEW', 'AUTHORIZED', 'IN_TRANSIT', 'RECEIVED', 'INSPECTED')");
    }
}

package org.openrma.service.rma;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.openrma.service.access.Caller;
import org.openrma.service.audit.AuditTrail;
import org.openrma.service.refusal.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who works an RMA: a member of staff takes it ("assign to me") or lets it go. Not a lifecycle move (any open or
 * closed RMA can be assigned, and its version stays), but every change is in the audit trail as {@code rma.assign}
 * with the assignee before and after.
 */
@Service
public class Assignments {

    private final Rmas rmas;
    private final AuditTrail audit;
    private final Clock clock;

    public Assignments(Rmas rmas, AuditTrail audit, Clock clock) {
        this.rmas = rmas;
        this.audit = audit;
        this.clock = clock;
    }

    /** The caller takes the RMA; taking one already theirs changes nothing and records nothing. */
    @Transactional
    public Rma assignToMe(Caller.Staff caller, UUID rmaId) {
        return change(caller, rmaId, new Rma.Assignee(caller.keyId(), caller.keyName()));
    }

    /** Nobody works the RMA any more (whoever had it: a lead frees an absent agent's RMAs). */
    @Transactional
    public Rma unassign(Caller.Staff caller, UUID rmaId) {
        return change(caller, rmaId, null);
    }

    private Rma change(Caller.Staff caller, UUID rmaId, Rma.Assignee next) {
        Rma rma = rmas.find(caller.merchantId(), rmaId, null).orElseThrow(() -> new Refusal.NotFound("rma", rmaId));
        Rma.Assignee before = rma.assignee();
        if (Objects.equals(before == null ? null : before.id(), next == null ? null : next.id())) {
            return rma;
        }
        rmas.assign(caller.merchantId(), rmaId, next, clock.instant());
        audit.record(caller, "rma.assign", "rma", rmaId, assigneeState(before), assigneeState(next));
        return rmas.find(caller.merchantId(), rmaId, null).orElseThrow();
    }

    private static Map<String, Object> assigneeState(Rma.Assignee a) {
        java.util.Map<String, Object> state = new java.util.LinkedHashMap<>();
        state.put("assignee", a == null ? null : a.name());
        return state;
    }
}

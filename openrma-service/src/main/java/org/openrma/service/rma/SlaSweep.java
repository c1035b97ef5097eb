package org.openrma.service.rma;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openrma.service.access.Caller;
import org.openrma.service.audit.AuditTrail;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.merchant.Merchants;
import org.openrma.service.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * The SLA sweep the deadline task runs: marks an open RMA whose resolution date passed, and sends
 * the "SLA due soon" notice once per RMA and SLA date. (The {@code sla_due_soon} flag itself is
 * derived whenever an RMA is read.)
 */
@Component
class SlaSweep {

    private final Rmas rmas;
    private final Merchants merchants;
    private final AuditTrail audit;
    private final Announcements announcements;
    private final Clock clock;

    SlaSweep(Rmas rmas, Merchants merchants, AuditTrail audit, Announcements announcements, Clock clock) {
        this.rmas = rmas;
        this.merchants = merchants;
        this.audit = audit;
        this.announcements = announcements;
        this.clock = clock;
    }

    void breach(Caller.Automation system, UUID rmaId, LocalDate due) {
        Optional<Rma> found = rmas.find(system.merchantId(), rmaId, null);
        if (found.isEmpty() || !found.get().status().isOpen() || found.get().slaBreached() || !due.equals(found.get().slaDueBy())) {
            return;
        }
        Rma rma = found.get();
        if (!rmas.update(rma.breached().changedAt(clock.instant()))) {
            throw new Refusal.Stale("RMA " + rmaId + " changed while its SLA breach was recorded; the next sweep retries", false);
        }
        Rma saved = rmas.find(system.merchantId(), rmaId, null).orElseThrow();
        audit.record(system, "rma.sla_breached", "rma", rmaId, Announcements.auditState(rma), Announcements.auditState(saved));
        announcements.webhook(merchants.get(system.merchantId()), saved, "rma.sla_breached");
    }

    /** RMAs due for a due-soon notice. */
    List<Rmas.DueSoon> dueSoonWithoutNotice(int limit) {
        return rmas.dueSoonWithoutNotice(limit);
    }

    void noticeDueSoon(Caller.Automation system, UUID rmaId, LocalDate due) {
        Optional<Rma> found = rmas.find(system.merchantId(), rmaId, null);
        Merchant merchant = merchants.get(system.merchantId());
        LocalDate until = rmas.dueSoonUntil(merchant.timeZone());
        if (found.isEmpty() || !due.equals(found.get().slaDueBy()) || !RmaView.dueSoon(found.get(), until)) {
            return;
        }
        if (!rmas.recordSlaNotice(rmaId, due, "due_soon", clock.instant())) {
            return;
        }
        Rma rma = found.get();
        audit.record(system, "rma.sla_due_soon", "rma", rmaId, null, Announcements.auditState(rma));
        announcements.webhook(merchant, rma, "rma.sla_due_soon");
    }
}

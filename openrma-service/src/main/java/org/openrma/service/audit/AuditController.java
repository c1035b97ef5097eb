package org.openrma.service.audit;

import org.openrma.service.access.Caller;
import org.openrma.service.web.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading the audit trail (staff only). */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {

    private final AuditTrail trail;

    public AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    public Page<AuditTrail.AuditEvent> list(Caller caller,
                                            @RequestParam(name = "entity_type", required = false) String entityType,
                                            @RequestParam(name = "entity_id", required = false) String entityId,
                                            @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "50") int size) {
        Page.check(page, size);
        return trail.list(caller.requireStaff().merchantId(), entityType, entityId, page, size);
    }
}

package org.openrma.service.audit;

import org.openrma.service.access.Caller;
import org.openrma.service.web.Cursor;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
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
            @Parameter(description = "Page mode: the page, from 0 (default 0)") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page mode: items per page, 1 to 100 (default 50)") @RequestParam(required = false) Integer size,
            @Parameter(description = Cursor.STARTING_AFTER_DESCRIPTION) @RequestParam(name = "starting_after", required = false) String startingAfter,
            @Parameter(description = Cursor.LIMIT_DESCRIPTION, schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(required = false) Integer limit) {
        java.util.UUID merchant = caller.requireStaff().merchantId();
        return Cursor.of(page, size, startingAfter, limit).map(c -> trail.list(merchant, entityType, entityId, c))
                .orElseGet(() -> {
                    Page.check(page == null ? 0 : page, size == null ? 50 : size);
                    return trail.list(merchant, entityType, entityId, page == null ? 0 : page, size == null ? 50 : size);
                });
    }
}

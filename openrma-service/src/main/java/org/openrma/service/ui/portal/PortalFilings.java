package org.openrma.service.ui.portal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openrma.claim.Evidence;
import org.openrma.service.access.Caller;
import org.openrma.service.audit.AuditTrail;
import org.openrma.service.rma.Rma;
import org.openrma.service.rma.RmaCommand;
import org.openrma.service.rma.RmaManagement;
import org.openrma.service.ui.EvidenceFiles;
import org.openrma.service.rma.RmaRequests;
import org.openrma.service.web.Wire;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Filing from the portal: the RMA, its audit event for the uploaded files and the files' move
 * into the RMA's folder happen in one transaction. If anything fails the RMA is not stored and
 * the caller discards the staged files, so nothing is kept half-way.
 */
@Component
public class PortalFilings {

    private final RmaManagement management;
    private final AuditTrail audit;
    private final EvidenceFiles files;

    public PortalFilings(RmaManagement management, AuditTrail audit, EvidenceFiles files) {
        this.management = management;
        this.audit = audit;
        this.files = files;
    }

    @Transactional
    public Rma file(Caller.Customer customer, ObjectNode request, ObjectNode buyer, List<EvidenceFiles.Checked> uploads, Path staging) {
        // the portal builds the body as JSON; filing reads it through the same record the API binds
        Rma rma = management.submit(customer, new RmaRequests.FileClaim(null, null, Wire.read(request, RmaRequests.ClaimRequest.class), null,
                Wire.read(buyer, RmaRequests.Buyer.class)));
        recordFiles(customer, rma, uploads, staging);
        return rma;
    }

    @Transactional
    public Rma addEvidence(Caller.Customer customer, Rma rma, int version, Set<Evidence> evidence, List<EvidenceFiles.Checked> uploads,
                           Path staging) {
        Rma next = management.apply(customer, rma.id(), new RmaManagement.Versioned(version, false),
                new RmaCommand.AddEvidence(evidence, Set.of()));
        recordFiles(customer, next, uploads, staging);
        return next;
    }

    private void recordFiles(Caller.Customer customer, Rma rma, List<EvidenceFiles.Checked> uploads, Path staging) {
        if (uploads.isEmpty()) {
            return;
        }
        audit.record(customer, "rma.evidence_uploaded", "rma", rma.id(), null, Map.of("files",
                uploads.stream().map(u -> Map.of("name", u.name(), "type", u.kind().mediaType, "bytes", u.file().getSize())).toList()));
        files.commit(staging, rma.merchantId(), rma.id());
    }
}

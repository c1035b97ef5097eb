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

    private final org.openrma.service.rma.CustomerChoices choices;

    public PortalFilings(RmaManagement management, AuditTrail audit, EvidenceFiles files, org.openrma.service.rma.CustomerChoices choices) {
        this.choices = choices;
        this.management = management;
        this.audit = audit;
        this.files = files;
    }

    @Transactional
    public Rma file(Caller.Customer customer, ObjectNode request, ObjectNode buyer, org.openrma.service.rma.CustomerChoice choice,
                    List<EvidenceFiles.Stored> uploads, Path staging) {
        // the portal builds the body as JSON; filing reads it through the same record the API binds
        Rma rma = management.submit(customer, new RmaRequests.FileClaim(null, null, Wire.read(request, RmaRequests.ClaimRequest.class), null,
                Wire.read(buyer, RmaRequests.Buyer.class)));
        if (choice != null) {
            choices.save(rma.merchantId(), rma.id(), choice);
        }
        recordStaged(customer, rma, uploads, staging);
        return rma;
    }

    /** The files staged for a new request (uploaded now, or kept from an earlier attempt), recorded by name and moved into place. */
    private void recordStaged(Caller.Customer customer, Rma rma, List<EvidenceFiles.Stored> uploads, Path staging) {
        if (uploads.isEmpty()) {
            return;
        }
        audit.record(customer, "rma.evidence_uploaded", "rma", rma.id(), null, Map.of("files",
                uploads.stream().map(u -> Map.of("name", u.name(), "type", u.kind().mediaType, "bytes", u.size())).toList()));
        files.commit(staging, rma.merchantId(), rma.id());
    }

    @Transactional
    public Rma addEvidence(Caller.Customer customer, Rma rma, int version, Set<Evidence> evidence, List<EvidenceFiles.Checked> uploads,
                           Path staging) {
        Rma next = management.apply(customer, rma.id(), new RmaManagement.Versioned(version, false),
                new RmaCommand.AddEvidence(evidence, Set.of()));
        recordStaged(customer, next, uploads.stream().map(u -> new EvidenceFiles.Stored(u.name(), u.kind(), u.file().getSize())).toList(), staging);
        return next;
    }
}

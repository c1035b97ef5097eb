package org.openrma.service.policy;

import org.openrma.service.web.Input;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.openrma.service.access.Caller;
import org.openrma.service.audit.AuditTrail;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Listing policies and uploading new versions (compiled first; refused with diagnostics). */
@RestController
@RequestMapping("/api/v1/policies")
public class PolicyController {

    private final MerchantPolicies policies;
    private final AuditTrail audit;

    public PolicyController(MerchantPolicies policies, AuditTrail audit) {
        this.policies = policies;
        this.audit = audit;
    }

    @Input

    public record PolicyUpload(@Schema(example = "my-shop-2026.yaml", description = "defaults to uploaded.yaml") String fileName,
                               @NotBlank @Schema(description = "the policy YAML") String source) {}

    @GetMapping
    public List<MerchantPolicies.VersionInfo> list(Caller caller) {
        return policies.list(caller.requireStaff().merchantId());
    }

    @GetMapping("/{policy}/versions/{version}")
    public MerchantPolicies.VersionInfo version(Caller caller, @PathVariable String policy, @PathVariable String version) {
        return policies.version(caller.requireStaff().merchantId(), policy, version);
    }

    /** Body: {@code {"file_name": "mine.yaml", "source": "<policy YAML>"}}. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public MerchantPolicies.Uploaded upload(Caller caller, @RequestBody @Valid PolicyUpload body) {
        Caller.Staff admin = caller.requireAdmin();
        String fileName = body.fileName() == null || body.fileName().isBlank() ? null : body.fileName().strip();
        String source = body.source();
        MerchantPolicies.Uploaded uploaded = policies.upload(admin, fileName == null ? "uploaded.yaml" : fileName, source);
        MerchantPolicies.VersionInfo info = uploaded.version();
        audit.record(admin, "policy.uploaded", "policy_version", info.policy() + "@" + info.version(), null, info);
        return uploaded;
    }
}

package org.openrma.service.merchant;

import org.openrma.service.web.Input;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openrma.service.access.ApiKeys;
import org.openrma.service.access.Caller;
import org.openrma.service.access.Secrets;
import org.openrma.service.audit.AuditTrail;
import org.openrma.service.policy.MerchantPolicies;
import org.openrma.service.web.ApiProblem;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.openrma.service.web.Json;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own merchant: settings (admin), API keys (admin). */
@RestController
@RequestMapping("/api/v1/merchant")
public class MerchantController {

    private final Merchants merchants;
    private final ApiKeys apiKeys;
    private final MerchantPolicies policies;
    private final AuditTrail audit;
    private final WebhookTargets webhookTargets;

    public MerchantController(Merchants merchants, ApiKeys apiKeys, MerchantPolicies policies, AuditTrail audit,
                              WebhookTargets webhookTargets) {
        this.webhookTargets = webhookTargets;
        this.merchants = merchants;
        this.apiKeys = apiKeys;
        this.policies = policies;
        this.audit = audit;
    }

    /**
     * Settings as shown. Secrets are never shown: {@code webhookSecretSet} / {@code smtpPasswordSet}
     * say whether one is stored. The one exception is {@code webhookSecret} in the response to the
     * PUT with {@code rotate_webhook_secret: true} that generated it, the only time it is visible
     * (like an API key). Merchants may instead choose their own secret ({@code webhook_secret}, write-only).
     */
    public record Settings(String slug, String name, String policy, String timeZone, String supportEmail, String webhookUrl,
                           String webhookSecret, boolean webhookSecretSet, String smtpHost, Integer smtpPort, String smtpUsername,
                           boolean smtpPasswordSet, String smtpFrom, boolean smtpStarttls, int version) {
        static Settings of(Merchant m, String generatedSecret) {
            return new Settings(m.slug(), m.name(), m.policyId(), m.timeZone().getId(), m.supportEmail(), m.webhookUrl(),
                    generatedSecret, m.webhookSecret() != null && !m.webhookSecret().isBlank(), m.smtp().host(), m.smtp().port(),
                    m.smtp().username(), m.smtp().password() != null, m.smtp().from(), m.smtp().startTls(), m.version());
        }
    }

    /** Any of the settings; absent fields are left as they are. Secrets are write-only. */
    @Schema(description = "Any of the settings; the PUT needs the merchant's version (If-Match or 'version'). Secrets are write-only.")
    @Input
    public record SettingsUpdate(Integer version, @Size(min = 1) String name, String policy,
                                 @Schema(example = "Europe/Berlin") String timeZone,
                                 String supportEmail,
                                 @Schema(example = "https://example.org/hooks/openrma") String webhookUrl,
                                 @Size(min = 24, message = "must be at least 24 characters; or send rotate_webhook_secret: true to have one generated")
                                 @Schema(description = "write-only; at least 24 characters", writeOnly = true) String webhookSecret,
                                 @Schema(description = "generate a new webhook secret, shown once in this response") Boolean rotateWebhookSecret,
                                 String smtpHost,
                                 @Min(value = 1, message = "must be from 1 to 65535") @Max(value = 65535, message = "must be from 1 to 65535") Integer smtpPort,
                                 String smtpUsername,
                                 @Schema(description = "write-only, stored encrypted", writeOnly = true) String smtpPassword,
                                 String smtpFrom, Boolean smtpStarttls) {}

    @Input

    public record NewApiKey(@NotBlank @Schema(example = "helpdesk") String name, @NotNull Caller.Role role) {}

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @GetMapping
    public ResponseEntity<Settings> get(Caller caller) {
        Caller.Staff staff = caller.requireStaff();
        Merchant m = merchants.get(staff.merchantId());
        return ResponseEntity.ok().eTag("\"" + m.version() + "\"").body(Settings.of(m, null));
    }

    /** Changes any of the settings given; needs the merchant's version (If-Match or "version"). */
    @PutMapping
    @Transactional
    public ResponseEntity<Settings> update(Caller caller, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                           @RequestBody @Valid SettingsUpdate body) {
        Caller.Staff admin = caller.requireAdmin();
        Merchant m = merchants.get(admin.merchantId());
        int version = org.openrma.service.web.IfMatch.versionActedOn(ifMatch, body.version(), "the merchant's");
        List<ApiProblem.FieldError> problems = new java.util.ArrayList<>();
        String name = body.name() != null ? body.name().strip() : m.name();
        String policy = body.policy() != null ? body.policy().strip() : m.policyId();
        if (policy != null && !policies.known(m.id(), policy)) {
            problems.add(new ApiProblem.FieldError("policy", "unknown policy '" + policy + "'"));
        }
        ZoneId zone = m.timeZone();
        if (body.timeZone() != null) {
            try {
                zone = ZoneId.of(body.timeZone().strip());
            } catch (DateTimeException e) {
                problems.add(new ApiProblem.FieldError("time_zone", "'" + body.timeZone() + "' is not a time zone such as Europe/Berlin or UTC"));
            }
        }
        String webhookUrl = body.webhookUrl() != null ? blankToNull(body.webhookUrl()) : m.webhookUrl();
        if (webhookUrl != null && body.webhookUrl() != null) {
            webhookTargets.problem(webhookUrl).ifPresent(problem -> problems.add(new ApiProblem.FieldError("webhook_url", problem)));
        }
        Integer port = body.smtpPort() != null ? body.smtpPort() : m.smtp().port();
        Boolean rotate = body.rotateWebhookSecret();
        Merchant.Smtp smtp = new Merchant.Smtp(
                body.smtpHost() != null ? blankToNull(body.smtpHost()) : m.smtp().host(), port,
                body.smtpUsername() != null ? blankToNull(body.smtpUsername()) : m.smtp().username(),
                body.smtpPassword() != null ? blankToNull(body.smtpPassword()) : m.smtp().password(),
                body.smtpFrom() != null ? blankToNull(body.smtpFrom()) : m.smtp().from(),
                body.smtpStarttls() != null ? body.smtpStarttls() : m.smtp().startTls());
        String support = body.supportEmail() != null ? blankToNull(body.supportEmail()) : m.supportEmail();
        String chosenSecret = blankToNull(body.webhookSecret());
        if (chosenSecret != null && Boolean.TRUE.equals(rotate)) {
            problems.add(new ApiProblem.FieldError("rotate_webhook_secret", "give either webhook_secret or rotate_webhook_secret, not both"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        String generated = Boolean.TRUE.equals(rotate) ? "whsec_" + Secrets.random(24) : null;
        Merchant next = new Merchant(m.id(), m.slug(), name, policy, zone, support, webhookUrl,
                generated != null ? generated : chosenSecret != null ? chosenSecret : m.webhookSecret(), smtp, m.createdAt(), version);
        if (!merchants.update(next)) {
            throw new ApiProblem(ifMatch != null ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT, "stale-version",
                    "the merchant's settings were changed by someone else (you sent version " + version + ")");
        }
        Merchant saved = merchants.get(m.id());
        Map<String, Object> after = new LinkedHashMap<>(Json.MAPPER.convertValue(Settings.of(saved, null), Map.class));
        after.put("webhook_secret_changed", generated != null || chosenSecret != null);
        after.put("smtp_password_changed", body.smtpPassword() != null);
        audit.record(admin, "merchant.updated", "merchant", m.id(), Settings.of(m, null), after);
        return ResponseEntity.ok().eTag("\"" + saved.version() + "\"").body(Settings.of(saved, generated));
    }


    @GetMapping("/api-keys")
    public List<ApiKeys.ApiKey> keys(Caller caller) {
        return apiKeys.list(caller.requireAdmin().merchantId());
    }

    /** Body: {@code {"name": "helpdesk", "role": "agent"}}; the key is in the response, and only there. */
    @PostMapping("/api-keys")
    @Transactional
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "the new key, shown only here", useReturnTypeSchema = true)
    public ResponseEntity<ApiKeys.IssuedKey> issue(Caller caller, @RequestBody @Valid NewApiKey body) {
        Caller.Staff admin = caller.requireAdmin();
        String name = body.name().strip();
        Caller.Role r = body.role();
        String role = r.name().toLowerCase(java.util.Locale.ROOT);
        ApiKeys.IssuedKey key = apiKeys.issue(admin.merchantId(), name, r);
        audit.record(admin, "api_key.issued", "api_key", key.id(), null, java.util.Map.of("name", name, "role", role));
        return ResponseEntity.status(HttpStatus.CREATED).body(key);
    }

    @PostMapping("/api-keys/{id}/revoke")
    @Transactional
    public ResponseEntity<Void> revoke(Caller caller, @PathVariable UUID id) {
        Caller.Staff admin = caller.requireAdmin();
        if (!apiKeys.revoke(admin.merchantId(), id)) {
            throw ApiProblem.notFound("active API key", id);
        }
        audit.record(admin, "api_key.revoked", "api_key", id, null, null);
        return ResponseEntity.noContent().build();
    }
}

package org.openrma.service.merchant;

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
import org.openrma.service.web.Body;
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
import tools.jackson.databind.JsonNode;

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
                                           @RequestBody JsonNode body) {
        Caller.Staff admin = caller.requireAdmin();
        Merchant m = merchants.get(admin.merchantId());
        Body b = Body.of(body, "version", "name", "policy", "time_zone", "support_email", "webhook_url", "smtp_host", "smtp_port",
                "smtp_username", "smtp_password", "smtp_from", "smtp_starttls", "rotate_webhook_secret", "webhook_secret");
        Integer version = ifMatch != null ? parseVersion(ifMatch) : b.integer("version", false);
        if (version == null) {
            b.done();
            throw new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "version-required",
                    "send the merchant's version, as If-Match: \"<version>\" or \"version\" in the body");
        }
        String name = b.has("name") ? b.text("name", true) : m.name();
        String policy = b.has("policy") ? b.text("policy", true) : m.policyId();
        if (policy != null && !policies.known(m.id(), policy)) {
            b.problem("policy", "unknown policy '" + policy + "'");
        }
        ZoneId zone = m.timeZone();
        if (b.has("time_zone")) {
            String z = b.text("time_zone", true);
            try {
                zone = z == null ? zone : ZoneId.of(z);
            } catch (DateTimeException e) {
                b.problem("time_zone", "'" + z + "' is not a time zone such as Europe/Berlin or UTC");
            }
        }
        String webhookUrl = b.has("webhook_url") ? b.text("webhook_url", false) : m.webhookUrl();
        if (webhookUrl != null && b.has("webhook_url")) {
            webhookTargets.problem(webhookUrl).ifPresent(problem -> b.problem("webhook_url", problem));
        }
        Integer port = b.has("smtp_port") ? b.integer("smtp_port", false) : m.smtp().port();
        if (port != null && (port < 1 || port > 65535)) {
            b.problem("smtp_port", "must be from 1 to 65535");
        }
        Boolean startTls = b.bool("smtp_starttls");
        Boolean rotate = b.bool("rotate_webhook_secret");
        Merchant.Smtp smtp = new Merchant.Smtp(
                b.has("smtp_host") ? b.text("smtp_host", false) : m.smtp().host(), port,
                b.has("smtp_username") ? b.text("smtp_username", false) : m.smtp().username(),
                b.has("smtp_password") ? b.text("smtp_password", false) : m.smtp().password(),
                b.has("smtp_from") ? b.text("smtp_from", false) : m.smtp().from(),
                startTls != null ? startTls : m.smtp().startTls());
        String support = b.has("support_email") ? b.text("support_email", false) : m.supportEmail();
        String chosenSecret = b.text("webhook_secret", false);
        if (chosenSecret != null && chosenSecret.length() < 24) {
            b.problem("webhook_secret", "must be at least 24 characters; or send rotate_webhook_secret: true to have one generated");
        }
        if (chosenSecret != null && Boolean.TRUE.equals(rotate)) {
            b.problem("rotate_webhook_secret", "give either webhook_secret or rotate_webhook_secret, not both");
        }
        b.done();
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
        after.put("smtp_password_changed", b.has("smtp_password"));
        audit.record(admin, "merchant.updated", "merchant", m.id(), Settings.of(m, null), after);
        return ResponseEntity.ok().eTag("\"" + saved.version() + "\"").body(Settings.of(saved, generated));
    }

    private static Integer parseVersion(String ifMatch) {
        try {
            return Integer.parseInt(ifMatch.strip().replace("W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("If-Match", "'" + ifMatch + "' is not a version such as \"3\"");
        }
    }

    @GetMapping("/api-keys")
    public List<ApiKeys.ApiKey> keys(Caller caller) {
        return apiKeys.list(caller.requireAdmin().merchantId());
    }

    /** Body: {@code {"name": "helpdesk", "role": "agent"}}; the key is in the response, and only there. */
    @PostMapping("/api-keys")
    @Transactional
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "the new key, shown only here", useReturnTypeSchema = true)
    public ResponseEntity<ApiKeys.IssuedKey> issue(Caller caller, @RequestBody JsonNode body) {
        Caller.Staff admin = caller.requireAdmin();
        Body b = Body.of(body, "name", "role");
        String name = b.text("name", true);
        String role = b.text("role", true);
        Caller.Role r = null;
        if (role != null) {
            try {
                r = Caller.Role.valueOf(role.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                b.problem("role", "unknown value '" + role + "'; expected one of agent, admin");
            }
        }
        b.done();
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

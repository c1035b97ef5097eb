package org.openrma.service.outbox;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openrma.service.access.Caller;
import org.openrma.service.access.Secrets;
import org.openrma.service.audit.AuditTrail;
import org.openrma.service.merchant.Merchants;
import org.openrma.service.merchant.WebhookTargets;
import org.openrma.service.web.ApiProblem;
import org.openrma.service.web.Input;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook endpoints as a resource (admin only): several per merchant, each with its URL, the event
 * types it takes, and its own signing secret, shown once when it is created or rotated. Rotating
 * keeps the previous secret valid for an overlap, during which every delivery carries a signature
 * with each secret, so a receiver can switch secrets without missing or refusing an event.
 */
@RestController
@RequestMapping("/api/v1/webhook-endpoints")
public class WebhookEndpointController {

    /** How long the previous secret stays valid after a rotation unless the request says otherwise. */
    static final int DEFAULT_OVERLAP_HOURS = 24;
    static final int MAX_OVERLAP_HOURS = 168;

    private final WebhookEndpoints endpoints;
    private final Outbox outbox;
    private final Merchants merchants;
    private final WebhookTargets targets;
    private final AuditTrail audit;
    private final Clock clock;

    public WebhookEndpointController(WebhookEndpoints endpoints, Outbox outbox, Merchants merchants, WebhookTargets targets, AuditTrail audit,
                                     Clock clock) {
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.merchants = merchants;
        this.targets = targets;
        this.audit = audit;
        this.clock = clock;
    }

    @Schema(description = "A webhook endpoint: where events go, which types, and whether it is on. The secret is shown only in the "
            + "answer that created it (create, rotate-secret).")
    public record WebhookEndpointView(
            @jakarta.validation.constraints.NotNull UUID id,
            @jakarta.validation.constraints.NotNull @Schema(example = "https://example.org/hooks/openrma") String url,
            String description,
            @jakarta.validation.constraints.NotNull @Schema(description = "the event types it receives; \"*\" is every type")
            List<String> enabledEvents,
            @Schema(description = "false: it receives no new events (a test event is still sent)") boolean enabled,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            @Schema(description = "the signing secret; only in the answer to create and rotate-secret", example = "whsec_6mQ0Yc1xk0b3c1mF1r9V2qz8WJpQ")
            String secret,
            @Schema(description = "until when the secret before the last rotation still signs deliveries (each delivery then carries "
                    + "two v1 signatures); null when there is none") Instant previousSecretExpiresAt,
            @jakarta.validation.constraints.NotNull Instant createdAt,
            @jakarta.validation.constraints.NotNull Instant updatedAt) {

        static WebhookEndpointView of(WebhookEndpoints.WebhookEndpoint e, String shownSecret, Instant now) {
            Instant overlap = e.previousSecretExpiresAt() != null && now.isBefore(e.previousSecretExpiresAt()) ? e.previousSecretExpiresAt() : null;
            return new WebhookEndpointView(e.id(), e.url(), e.description(), e.enabledEvents(), e.enabled(), shownSecret, overlap,
                    e.createdAt(), e.updatedAt());
        }
    }

    @Input
    @Schema(description = "A new webhook endpoint")
    public record NewWebhookEndpoint(
            @NotBlank @Schema(example = "https://example.org/hooks/openrma") String url,
            @Schema(example = "refunds to the ERP") String description,
            @NotEmpty @ArraySchema(schema = @Schema(description = "an event type, or \"*\" for every type", example = "rma.status_changed"))
            List<@NotBlank String> enabledEvents,
            @Schema(description = "default true") Boolean enabled) {}

    @Input
    @Schema(description = "Any of the endpoint's settings; absent fields keep their value")
    public record WebhookEndpointUpdate(
            @Schema(example = "https://example.org/hooks/openrma-v2") String url,
            String description,
            @ArraySchema(schema = @Schema(description = "an event type, or \"*\" for every type", example = "rma.created"))
            List<@NotBlank String> enabledEvents,
            Boolean enabled) {}

    @Input
    @Schema(description = "How long the current secret keeps signing deliveries beside the new one")
    public record SecretRotation(
            @Min(0) @Max(MAX_OVERLAP_HOURS) @Schema(description = "hours the previous secret stays valid, 0 to 168 (default 24); "
                    + "0 ends it at once", example = "24") Integer previousSecretValidHours) {}

    @PostMapping
    @Transactional
    public ResponseEntity<WebhookEndpointView> create(Caller caller, @RequestBody @Valid NewWebhookEndpoint body) {
        Caller.Staff admin = caller.requireAdmin();
        List<ApiProblem.FieldError> problems = new ArrayList<>();
        String url = checkedUrl(body.url(), problems);
        List<String> events = checkedEvents(body.enabledEvents(), problems);
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        Instant now = clock.instant();
        String secret = "whsec_" + Secrets.random(24);
        var endpoint = new WebhookEndpoints.WebhookEndpoint(UUID.randomUUID(), admin.merchantId(), url, blankToNull(body.description()), events,
                body.enabled() == null || body.enabled(), secret, null, null, now, now, null);
        endpoints.insert(endpoint);
        audit.record(admin, "webhook_endpoint.created", "webhook_endpoint", endpoint.id(), null, auditState(endpoint));
        return ResponseEntity.created(URI.create("/api/v1/webhook-endpoints/" + endpoint.id())).body(WebhookEndpointView.of(endpoint, secret, now));
    }

    @GetMapping
    public List<WebhookEndpointView> list(Caller caller) {
        Instant now = clock.instant();
        return endpoints.list(caller.requireAdmin().merchantId()).stream().map(e -> WebhookEndpointView.of(e, null, now)).toList();
    }

    @GetMapping("/{id}")
    public WebhookEndpointView get(Caller caller, @PathVariable UUID id) {
        return WebhookEndpointView.of(find(caller.requireAdmin(), id), null, clock.instant());
    }

    @PutMapping("/{id}")
    @Transactional
    public WebhookEndpointView update(Caller caller, @PathVariable UUID id, @RequestBody @Valid WebhookEndpointUpdate body) {
        Caller.Staff admin = caller.requireAdmin();
        var current = find(admin, id);
        List<ApiProblem.FieldError> problems = new ArrayList<>();
        String url = body.url() == null ? current.url() : checkedUrl(body.url(), problems);
        List<String> events = body.enabledEvents() == null ? current.enabledEvents() : checkedEvents(body.enabledEvents(), problems);
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        Instant now = clock.instant();
        var next = new WebhookEndpoints.WebhookEndpoint(id, admin.merchantId(), url,
                body.description() == null ? current.description() : blankToNull(body.description()), events,
                body.enabled() == null ? current.enabled() : body.enabled(), current.secret(), current.previousSecret(),
                current.previousSecretExpiresAt(), current.createdAt(), now, null);
        if (!endpoints.update(next)) {
            throw ApiProblem.notFound("webhook endpoint", id);
        }
        audit.record(admin, "webhook_endpoint.updated", "webhook_endpoint", id, auditState(current), auditState(next));
        return WebhookEndpointView.of(next, null, now);
    }

    @DeleteMapping("/{id}")
    @Transactional
    public ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
        Caller.Staff admin = caller.requireAdmin();
        var current = find(admin, id);
        endpoints.delete(admin.merchantId(), id, clock.instant());
        audit.record(admin, "webhook_endpoint.deleted", "webhook_endpoint", id, auditState(current), null);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/rotate-secret")
    @Transactional
    public WebhookEndpointView rotateSecret(Caller caller, @PathVariable UUID id, @RequestBody(required = false) @Valid SecretRotation body) {
        Caller.Staff admin = caller.requireAdmin();
        find(admin, id);
        int hours = body == null || body.previousSecretValidHours() == null ? DEFAULT_OVERLAP_HOURS : body.previousSecretValidHours();
        Instant now = clock.instant();
        String secret = "whsec_" + Secrets.random(24);
        endpoints.rotate(admin.merchantId(), id, secret, now.plus(Duration.ofHours(hours)), now);
        var rotated = find(admin, id);
        Map<String, Object> after = new LinkedHashMap<>(auditState(rotated));
        after.put("previous_secret_valid_until", now.plus(Duration.ofHours(hours)).toString());
        audit.record(admin, "webhook_endpoint.secret_rotated", "webhook_endpoint", id, null, after);
        return WebhookEndpointView.of(rotated, secret, now);
    }

    @PostMapping("/{id}/test")
    @Transactional
    public ResponseEntity<DeliveryController.DeliveryDetail> sendTestEvent(Caller caller, @PathVariable UUID id) {
        Caller.Staff admin = caller.requireAdmin();
        var endpoint = find(admin, id);
        Outbox.Message queued = outbox.testEvent(merchants.get(admin.merchantId()), endpoint);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/deliveries/" + queued.id()))
                .body(new DeliveryController.DeliveryDetail(queued, List.of()));
    }

    private WebhookEndpoints.WebhookEndpoint find(Caller.Staff admin, UUID id) {
        return endpoints.find(admin.merchantId(), id).orElseThrow(() -> ApiProblem.notFound("webhook endpoint", id));
    }

    private String checkedUrl(String url, List<ApiProblem.FieldError> problems) {
        String u = url.strip();
        targets.problem(u).ifPresent(p -> problems.add(new ApiProblem.FieldError("url", p)));
        return u;
    }

    /** The filter as given, each type known (or "*"), without repeats. */
    private static List<String> checkedEvents(List<String> given, List<ApiProblem.FieldError> problems) {
        if (given.isEmpty()) {
            problems.add(new ApiProblem.FieldError("enabled_events", "name at least one event type, or \"*\" for every type"));
        }
        LinkedHashSet<String> events = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String e = given.get(i).strip();
            if (!e.equals(WebhookEndpoints.EVERY_EVENT) && !WebhookEvents.EVENTS.containsKey(e)) {
                problems.add(new ApiProblem.FieldError("enabled_events[" + i + "]", "unknown event type '" + e + "'; expected \"*\" or one of "
                        + String.join(", ", WebhookEvents.EVENTS.keySet())));
            }
            events.add(e);
        }
        return List.copyOf(events);
    }

    private static Map<String, Object> auditState(WebhookEndpoints.WebhookEndpoint e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", e.url());
        m.put("description", e.description());
        m.put("enabled_events", e.enabledEvents());
        m.put("enabled", e.enabled());
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

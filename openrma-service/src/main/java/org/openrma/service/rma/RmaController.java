package org.openrma.service.rma;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openrma.service.access.Caller;
import org.openrma.service.audit.AuditTrail;
import org.openrma.service.ledger.EntryView;
import org.openrma.service.ledger.RefundLedger;
import org.openrma.service.merchant.Merchants;
import org.openrma.service.web.ApiProblem;
import org.openrma.service.web.Wire;
import org.openrma.service.web.BeanChecks;
import jakarta.validation.Valid;
import org.openrma.service.web.Page;
import org.openrma.service.web.Cursor;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * RMAs. Every command takes the RMA's version, as {@code If-Match: "<version>"} or {@code "version"}
 * in the body: of two agents acting on the same version, one succeeds and one gets 409 (412 with If-Match).
 */
@RestController
@RequestMapping("/api/v1")
public class RmaController {

    private final RmaManagement management;
    private final Rmas rmas;
    private final AuditTrail audit;
    private final RefundLedger ledger;
    private final Merchants merchants;
    private final BeanChecks beanChecks;
    private final CustomerChoices choices;
    private final ShownRmas shownRmas;

    public RmaController(RmaManagement management, Rmas rmas, AuditTrail audit, RefundLedger ledger, Merchants merchants,
                         BeanChecks beanChecks, CustomerChoices choices, ShownRmas shownRmas) {
        this.shownRmas = shownRmas;
        this.choices = choices;
        this.beanChecks = beanChecks;
        this.management = management;
        this.rmas = rmas;
        this.audit = audit;
        this.ledger = ledger;
        this.merchants = merchants;
    }

    /** The state machine: every allowed (status, action) pair, and the same as a Markdown table. */
    public record Lifecycle(List<RmaLifecycle.Transition> transitions, String markdown) {}

    @GetMapping("/rma-lifecycle")
    public Lifecycle lifecycle() {
        return new Lifecycle(RmaLifecycle.TABLE, RmaLifecycle.markdown());
    }

    @PostMapping("/rmas")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "created; Location names it", useReturnTypeSchema = true)
    @Operation(summary = "File a claim; the engine decides it at once",
            description = "Staff send the order ('order', imported if new) or 'order_number', the 'request' of the claim format and "
                    + "optionally 'policy'. A customer (token) sends only 'request'. submitted_at defaults to now.")
    public ResponseEntity<RmaView> submit(Caller caller, @RequestBody @Valid RmaRequests.FileClaim body) {
        RmaManagement.Filed filed = management.file(caller, body);
        Rma rma = filed.rma();
        // answered from what was just written: its decision as stored, and no customer choice (a new RMA has none yet)
        return ResponseEntity.created(URI.create("/api/v1/rmas/" + rma.id())).eTag(etag(rma))
                .body(RmaView.of(rma, RmaLifecycle.Actor.of(caller), filed.decision(), filed.claim(),
                        dueSoonUntil(caller), null));
    }

    /** What a list item may embed beyond its own fields (Stripe's expand). */
    static final List<String> EXPANSIONS = List.of("decision");

    @GetMapping("/rmas")
    public Page<RmaView> list(Caller caller,
                              @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = RmaStatus.class))
                              @RequestParam(required = false) String status,
                              @RequestParam(name = "sla_breached", required = false) Boolean slaBreached,
                              @RequestParam(name = "created_from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant createdFrom,
                              @RequestParam(name = "created_to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant createdTo,
                              @RequestParam(name = "customer_email", required = false) String customerEmail,
                              @RequestParam(name = "order_number", required = false) String orderNumber,
                              @RequestParam(name = "sla_due_soon", required = false) Boolean slaDueSoon,
                              @RequestParam(name = "sla_due_from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate slaDueFrom,
                              @RequestParam(name = "sla_due_to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate slaDueTo,
                              @Parameter(description = "Page mode: the page, from 0 (default 0)") @RequestParam(required = false) Integer page,
                              @Parameter(description = "Page mode: items per page, 1 to 100 (default 20)") @RequestParam(required = false) Integer size,
                              @Parameter(description = Cursor.STARTING_AFTER_DESCRIPTION, schema = @Schema(format = "uuid"))
                              @RequestParam(name = "starting_after", required = false) String startingAfter,
                              @Parameter(description = Cursor.LIMIT_DESCRIPTION, schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
                              @RequestParam(required = false) Integer limit,
                              @Parameter(description = "Embed in each item what is named: `decision`, the latest decision "
                                      + "(as on a single RMA). Without it, list items carry no decision.",
                                      array = @ArraySchema(schema = @Schema(allowableValues = {"decision"})))
                              @RequestParam(required = false) List<String> expand) {
        RmaStatus s = null;
        if (status != null) {
            try {
                s = RmaStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("status", "unknown value '" + status + "'; expected one of "
                        + String.join(", ", java.util.Arrays.stream(RmaStatus.values()).map(RmaStatus::wire).toList()));
            }
        }
        boolean withDecisions = expand(expand);
        Rmas.Filter filter = new Rmas.Filter(s, slaBreached, createdFrom, createdTo, customerEmail, orderNumber, slaDueSoon, slaDueFrom, slaDueTo);
        Page<Rma> found = Cursor.of(page, size, startingAfter, limit)
                .map(cursor -> rmas.list(caller.merchantId(), caller.orderScope(), filter, cursor))
                .orElseGet(() -> {
                    Page.check(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
                    return rmas.list(caller.merchantId(), caller.orderScope(), filter, page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
                });
        Map<UUID, RmaDocuments.Decision> decisions = withDecisions
                ? rmas.latestDecisions(caller.merchantId(), found.contents().stream().map(Rma::id).toList()) : Map.of();
        RmaLifecycle.Actor actor = RmaLifecycle.Actor.of(caller);
        LocalDate dueSoonUntil = dueSoonUntil(caller);
        return found.map(r -> RmaView.of(r, actor, decisions.get(r.id()), false, dueSoonUntil));
    }

    private static final int DEFAULT_SIZE = 20;

    /** Whether the list embeds decisions; any other expansion is a 400 naming {@code expand}. */
    private static boolean expand(List<String> expand) {
        if (expand == null) {
            return false;
        }
        for (String e : expand) {
            if (!EXPANSIONS.contains(e.strip())) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "expand: '" + e + "' cannot be expanded; expected one of "
                        + String.join(", ", EXPANSIONS), List.of(new ApiProblem.FieldError("expand", "'" + e + "' cannot be expanded; "
                        + "expected one of " + String.join(", ", EXPANSIONS))));
            }
        }
        return !expand.isEmpty();
    }

    @GetMapping("/rmas/{id}")
    public ResponseEntity<RmaView> get(Caller caller, @PathVariable UUID id) {
        // one query for the RMA, its latest decision's seq and the customer's choice; the claim and decision are fetched,
        // parsed and written only when this instance has not shown them yet (ShownRmas, RenderedDocuments)
        ShownRmas.Shown shown = shownRmas.find(caller.merchantId(), id, caller.orderScope()).orElseThrow(() -> ApiProblem.notFound("RMA", id));
        Rma rma = shown.rma();
        return ResponseEntity.ok().eTag(etag(rma))
                .body(RmaView.of(rma, RmaLifecycle.Actor.of(caller), shown.decision(), shown.claim(), dueSoonUntil(caller), shown.choice()));
    }

    @GetMapping("/rmas/{id}/decisions")
    public List<RmaDocuments.StoredDecision> decisions(Caller caller, @PathVariable UUID id) {
        Rma rma = find(caller, id);
        return rmas.decisions(caller.merchantId(), rma.id()).stream().map(RmaDocuments.StoredDecision::of).toList();
    }

    @GetMapping("/rmas/{id}/history")
    public Page<AuditTrail.AuditEvent> history(Caller caller, @PathVariable UUID id,
            @Parameter(description = "Page mode: the page, from 0 (default 0)") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page mode: items per page, 1 to 100 (default 50)") @RequestParam(required = false) Integer size,
            @Parameter(description = Cursor.STARTING_AFTER_DESCRIPTION) @RequestParam(name = "starting_after", required = false) String startingAfter,
            @Parameter(description = Cursor.LIMIT_DESCRIPTION, schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(required = false) Integer limit) {
        Rma rma = find(caller.requireStaff(), id);
        return Cursor.of(page, size, startingAfter, limit).map(c -> audit.list(caller.merchantId(), "rma", rma.id().toString(), c))
                .orElseGet(() -> {
                    Page.check(page == null ? 0 : page, size == null ? 50 : size);
                    return audit.list(caller.merchantId(), "rma", rma.id().toString(), page == null ? 0 : page, size == null ? 50 : size);
                });
    }

    @GetMapping("/rmas/{id}/refunds")
    public List<EntryView> refunds(Caller caller, @PathVariable UUID id) {
        Rma rma = find(caller, id);
        return ledger.entries(caller.merchantId(), rma.orderId(), rma.id()).stream().map(EntryView::of).toList();
    }

    @PostMapping("/rmas/{id}/add-evidence")
    public ResponseEntity<RmaView> addEvidence(Caller caller, @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) RmaRequests.AddEvidenceRequest body) {
        return act(caller, id, ifMatch, body == null ? new RmaRequests.AddEvidenceRequest(null, null, null) : body);
    }

    @PostMapping("/rmas/{id}/approve")
    public ResponseEntity<RmaView> approve(Caller caller, @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) RmaRequests.ApproveRequest body) {
        return act(caller, id, ifMatch, body == null ? new RmaRequests.ApproveRequest(null, null) : body);
    }

    @PostMapping("/rmas/{id}/reject")
    public ResponseEntity<RmaView> reject(Caller caller, @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) RmaRequests.RejectRequest body) {
        return act(caller, id, ifMatch, body == null ? new RmaRequests.RejectRequest(null, null) : body);
    }

    @PostMapping("/rmas/{id}/override")
    public ResponseEntity<RmaView> override(Caller caller, @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) RmaRequests.OverrideRequest body) {
        return act(caller, id, ifMatch, body == null ? new RmaRequests.OverrideRequest(null, null) : body);
    }

    @PostMapping("/rmas/{id}/ship-back")
    public ResponseEntity<RmaView> shipBack(Caller caller, @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) RmaRequests.ShipBackRequest body) {
        return act(caller, id, ifMatch, body == null ? new RmaRequests.ShipBackRequest(null, null, null, null, null) : body);
    }

    @PostMapping("/rmas/{id}/receive")
    public ResponseEntity<RmaView> receive(Caller caller, @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) RmaRequests.ReceiveRequest body) {
        return act(caller, id, ifMatch, body == null ? new RmaRequests.ReceiveRequest(null, null) : body);
    }

    @PostMapping("/rmas/{id}/inspect")
    public ResponseEntity<RmaView> inspect(Caller caller, @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) RmaRequests.InspectRequest body) {
        return act(caller, id, ifMatch, body == null ? new RmaRequests.InspectRequest(null, null, null, null, null, null, null, null) : body);
    }

    @PostMapping("/rmas/{id}/resolve")
    public ResponseEntity<RmaView> resolve(Caller caller, @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) RmaRequests.ResolveRequest body) {
        return act(caller, id, ifMatch, body == null ? new RmaRequests.ResolveRequest(null, null, null, null, null, null, null, null, null) : body);
    }

    @PostMapping("/rmas/{id}/consent")
    public ResponseEntity<RmaView> consent(Caller caller, @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) RmaRequests.ConsentRequest body) {
        return act(caller, id, ifMatch, body == null ? new RmaRequests.ConsentRequest(null, null) : body);
    }

    @PostMapping("/rmas/{id}/cancel")
    public ResponseEntity<RmaView> cancel(Caller caller, @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) RmaRequests.CancelRequest body) {
        return act(caller, id, ifMatch, body == null ? new RmaRequests.CancelRequest(null, null) : body);
    }

    @PostMapping("/rmas/{id}/close")
    public ResponseEntity<RmaView> close(Caller caller, @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) RmaRequests.CloseRequest body) {
        return act(caller, id, ifMatch, body == null ? new RmaRequests.CloseRequest(null) : body);
    }

    private ResponseEntity<RmaView> act(Caller caller, UUID id, String ifMatch, RmaRequests.CommandBody body) {
        RmaCommand command = beanChecks.check(body).command();
        if (command instanceof RmaCommand.AddEvidence add && add.evidence().isEmpty() && add.facts().isEmpty()) {
            throw ApiProblem.invalid("evidence", "give at least one item of evidence (or a fact)");
        }
        RmaManagement.Versioned expected = version(ifMatch, body.version());
        Rma rma = management.apply(caller, id, expected, command);
        return ResponseEntity.ok().eTag(etag(rma)).body(view(caller, rma));
    }

    /** The version the caller acted on: If-Match wins over the body; one of them is required (428 otherwise). */
    private static RmaManagement.Versioned version(String ifMatch, Integer bodyVersion) {
        if (ifMatch != null) {
            String v = ifMatch.strip();
            if (v.startsWith("W/")) {
                v = v.substring(2);
            }
            v = v.replace("\"", "");
            try {
                return new RmaManagement.Versioned(Integer.parseInt(v), true);
            } catch (NumberFormatException e) {
                throw ApiProblem.invalid("If-Match", "'" + ifMatch + "' is not an RMA version such as \"3\"");
            }
        }
        if (bodyVersion == null) {
            throw new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "version-required",
                    "send the RMA's version you acted on, as If-Match: \"<version>\" or \"version\" in the body");
        }
        return new RmaManagement.Versioned(bodyVersion, false);
    }

    private Rma find(Caller caller, UUID id) {
        return rmas.find(caller.merchantId(), id, caller.orderScope()).orElseThrow(() -> ApiProblem.notFound("RMA", id));
    }

    /**
     * The RMA as a command left it. Rendered afresh, not kept: the command's transaction may still roll back (an idempotent
     * request's answer is stored in it), and then another command could make a different claim of the same version.
     */
    private RmaView view(Caller caller, Rma rma) {
        RmaDocuments.Decision decision = rmas.latestDecision(rma.merchantId(), rma.id()).map(Rmas.StoredDecision::typed).orElse(null);
        return RmaView.of(rma, RmaLifecycle.Actor.of(caller), RenderedDocuments.ShownDecision.typed(decision),
                Rendered.typed(RmaDocuments.claim(rma.claim())), dueSoonUntil(caller), choices.find(rma.merchantId(), rma.id()).orElse(null));
    }

    private LocalDate dueSoonUntil(Caller caller) {
        return rmas.dueSoonUntil(merchants.current(caller.merchantId()).timeZone());
    }

    private static String etag(Rma rma) {
        return "\"" + rma.version() + "\"";
    }

}

package org.openrma.service.ui.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openrma.claim.InvalidClaimException;
import org.openrma.service.access.Caller;
import org.openrma.service.access.CustomerTokens;
import org.openrma.service.audit.AuditTrail;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.merchant.Merchants;
import org.openrma.service.order.Orders;
import org.openrma.service.order.StoredOrder;
import org.openrma.service.rma.Rma;
import org.openrma.service.rma.RmaAction;
import org.openrma.service.rma.RmaCommand;
import org.openrma.service.rma.RmaLifecycle;
import org.openrma.service.rma.RmaManagement;
import org.openrma.service.rma.RmaStatus;
import org.openrma.service.rma.Rmas;
import org.openrma.service.shipping.ReturnLabelStore;
import org.openrma.service.shipping.ReturnLabels;
import org.openrma.service.shipping.ReturnShipping;
import org.openrma.service.ui.EvidenceFiles;
import org.openrma.service.ui.RmaModel;
import org.openrma.service.ui.UiErrors;
import org.openrma.service.ui.UiMessages;
import org.openrma.service.refusal.Refusal;
import org.openrma.service.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.openrma.service.web.RateLimits;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The customer return portal of one merchant, {@code /portal/<slug>} (a merchant id redirects to
 * the slug). A customer proves who they are with the order number and e-mail and gets the service's
 * short-lived customer token in an HttpOnly cookie limited to this merchant's portal; every action
 * then runs as that customer, through the same {@link RmaManagement} the API uses.
 */
@Controller
@RequestMapping("/portal/{store}")
public class PortalController {

    static final String COOKIE = "openrma_customer";

    private final Merchants merchants;
    private final Orders orders;
    private final CustomerTokens tokens;
    private final Rmas rmas;
    private final RmaManagement management;
    private final AuditTrail audit;
    private final ClaimDrafts drafts;
    private final PortalFilings filings;
    private final EvidenceFiles files;
    private final Clock clock;
    private final RateLimits rateLimits;
    private final ReturnShipping returnShipping;
    private final PortalAccess access;
    private final UiMessages text;
    private final org.openrma.service.rma.CustomerChoices choices;

    public PortalController(UiMessages text, PortalAccess access, Merchants merchants, Orders orders, CustomerTokens tokens, Rmas rmas, RmaManagement management,
                            AuditTrail audit, ClaimDrafts drafts, PortalFilings filings, EvidenceFiles files, Clock clock,
                            RateLimits rateLimits, ReturnShipping returnShipping, org.openrma.service.rma.CustomerChoices choices) {
        this.text = text;
        this.choices = choices;
        this.returnShipping = returnShipping;
        this.rateLimits = rateLimits;
        this.access = access;
        this.merchants = merchants;
        this.orders = orders;
        this.tokens = tokens;
        this.rmas = rmas;
        this.management = management;
        this.audit = audit;
        this.drafts = drafts;
        this.filings = filings;
        this.files = files;
        this.clock = clock;
    }

    /** No valid customer cookie for this portal; {@code expired} when there was one that timed out. */
    static final class NoSession extends RuntimeException {
        final Merchant merchant;
        final boolean expired;

        NoSession(Merchant merchant, boolean expired) {
            super(expired ? "Your session has expired. Look up your order again to continue." : "Look up your order to continue.");
            this.merchant = merchant;
            this.expired = expired;
        }
    }

    @ExceptionHandler(NoSession.class)
    String noSession(NoSession e, Model model, HttpServletResponse response) {
        clearCookie(response, e.merchant);
        if (!e.expired) {
            return "redirect:/portal/" + e.merchant.slug();
        }
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        model.addAttribute("merchant", e.merchant);
        model.addAttribute("error", text.get("portal.error.session-expired"));
        return "portal/lookup";
    }

    // --- signing in -----------------------------------------------------------------------------

    @GetMapping
    String lookup(@PathVariable String store, HttpServletRequest request, Model model) {
        Merchant m = merchant(store);
        if (!m.slug().equals(store)) {
            return "redirect:/portal/" + m.slug();
        }
        if (token(request).isPresent()) {
            try {
                customer(m, request);
                return "redirect:/portal/" + m.slug() + "/order";
            } catch (NoSession e) {
                if (e.expired) {
                    throw e;
                }
            }
        }
        model.addAttribute("merchant", m);
        return "portal/lookup";
    }

    @PostMapping("/session")
    String signIn(@PathVariable String store, @RequestParam(name = "order_number", required = false) String number,
                  @RequestParam(required = false) String email, HttpServletRequest request, HttpServletResponse response, Model model) {
        Merchant m = merchant(store);
        model.addAttribute("merchant", m);
        model.addAttribute("orderNumber", number);
        model.addAttribute("email", email);
        List<String> problems = new ArrayList<>();
        if (number == null || number.isBlank()) {
            problems.add(text.get("portal.error.order-number"));
        }
        if (email == null || email.isBlank()) {
            problems.add(text.get("portal.error.email"));
        } else if (!email.contains("@")) {
            problems.add(text.get("portal.error.email-format"));
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("error", String.join(" ", problems));
            return "portal/lookup";
        }
        try {
            rateLimits.customerSignIn(m.slug(), number, request.getRemoteAddr());
        } catch (RateLimits.Exceeded e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            model.addAttribute("error", text.get("portal.error.too-many", e.retryAfterSeconds() / 60));
            return "portal/lookup";
        }
        Optional<StoredOrder> order = orders.forCustomer(m.id(), number.strip(), email.strip());
        if (order.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("error", text.get("portal.error.no-order", number.strip(), m.name()));
            return "portal/lookup";
        }
        CustomerTokens.Token token = tokens.issue(m.id(), order.get().id(), order.get().customerEmail());
        long maxAge = Math.max(1, Duration.between(clock.instant(), token.expiresAt()).toSeconds());
        response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, token.token()).httpOnly(true).sameSite("Lax").secure(request.isSecure())
                .path("/portal/" + m.slug()).maxAge(maxAge).build().toString());
        return "redirect:/portal/" + m.slug() + "/order";
    }

    @PostMapping("/signout")
    String signOut(@PathVariable String store, HttpServletResponse response) {
        Merchant m = merchant(store);
        clearCookie(response, m);
        return "redirect:/portal/" + m.slug();
    }

    // --- the order and a new request ------------------------------------------------------------

    @GetMapping("/order")
    String order(@PathVariable String store, @RequestParam MultiValueMap<String, String> query, HttpServletRequest request, Model model) {
        Merchant m = merchant(store);
        Caller.Customer c = customer(m, request);
        StoredOrder order = order(c);
        Draft draft = Draft.empty(query.getFirst("kind"));
        ClaimDrafts.Preview preview = null;
        if (query.containsKey("reason")) {
            // a way forward after a refusal links here with the request filled in: show it, and what the policy says of it
            draft = draft(m, order, query);
            preview = drafts.preview(m, order, draft, java.util.Set.of());
            draft = draft.withoutProblems();
        }
        orderPage(model, m, c, order, draft, preview, List.of());
        return "portal/order";
    }

    @PostMapping("/preview")
    String preview(@PathVariable String store, @RequestParam MultiValueMap<String, String> form,
                   @RequestParam(name = "files", required = false) List<MultipartFile> uploads, HttpServletRequest request, Model model) {
        Merchant m = merchant(store);
        Caller.Customer c = customer(m, request);
        StoredOrder order = order(c);
        Draft draft = draft(m, order, form);
        EvidenceFiles.Check check = files.check(uploads);
        List<EvidenceFiles.Held> held = files.held(order.id(), form.get("held"));
        model.addAttribute("preview", drafts.preview(m, order, draft, evidence(check, held)));
        model.addAttribute("fileProblems", check.problems());
        model.addAttribute("merchant", m);
        return "portal/order :: preview";
    }

    @PostMapping("/requests")
    String submit(@PathVariable String store, @RequestParam MultiValueMap<String, String> form,
                  @RequestParam(name = "files", required = false) List<MultipartFile> uploads, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        Merchant m = merchant(store);
        Caller.Customer c = customer(m, request);
        StoredOrder order = order(c);
        Draft draft = draft(m, order, form);
        EvidenceFiles.Check check = files.check(uploads);
        List<EvidenceFiles.Held> held = files.held(order.id(), form.get("held"));
        java.util.Set<org.openrma.claim.Evidence> evidence = evidence(check, held);
        List<String> errors = new ArrayList<>(DraftProblems.inWords(draft, OrderModel.of(order), text));
        errors.addAll(check.problems());
        ClaimDrafts.Preview preview = drafts.preview(m, order, draft, evidence);
        org.openrma.service.rma.CustomerChoice choice = null;
        if (errors.isEmpty() && preview.choices() != null) {
            Optional<String> problem = preview.choices().problem(draft, text);
            if (problem.isPresent()) {
                errors.add(problem.get());
            } else {
                choice = preview.choices().choice();
            }
        }
        if (errors.isEmpty() && preview.unitsHeld()) {
            errors.addAll(preview.problems());   // another tab may have sent the same units since this form was shown
        }
        if (errors.isEmpty()) {
            Path staging = null;
            try {
                staging = files.stage(check.accepted(), order.id(), held);
                List<EvidenceFiles.Stored> sent = new ArrayList<>(check.accepted().stream()
                        .map(u -> new EvidenceFiles.Stored(u.name(), u.kind(), u.file().getSize())).toList());
                held.forEach(h -> sent.add(h.stored()));
                Rma rma = filings.file(c, drafts.request(draft, evidence), draft.law().customer(), choice, sent, staging);
                files.release(order.id(), held);
                return "redirect:/portal/" + m.slug() + "/rmas/" + rma.id() + "?filed";
            } catch (ApiProblem | Refusal refused) {
                ApiProblem e = ApiProblem.of(refused);
                errors.add(e.getMessage());
                // the customer reads the words; the API's field paths (request.lines[0].quantity) are for developers
                e.errors().forEach(fe -> errors.add(fe.message()));
            } catch (InvalidClaimException e) {
                e.problems().forEach(p -> errors.add(p.message()));
            } catch (RmaLifecycle.IllegalTransition | RmaLifecycle.NotPermitted | java.io.UncheckedIOException e) {
                errors.add(e.getMessage());
            } finally {
                files.discard(staging);
            }
        }
        // the files chosen stay with the form: kept for this order and listed, so the customer need not choose them again
        List<EvidenceFiles.Held> kept = new ArrayList<>(held);
        kept.addAll(files.hold(order.id(), check.accepted()));
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        orderPage(model, m, c, order, draft, preview, errors);
        model.addAttribute("heldFiles", kept);
        return "portal/order";
    }

    /** The form as a draft: the reasons and item conditions the merchant's policy offers for this order. */
    private Draft draft(Merchant m, StoredOrder order, MultiValueMap<String, String> form) {
        OrderModel om = OrderModel.of(order);
        ClaimDrafts.FormOptions options = drafts.options(m, order);
        return Draft.read(form, om.skus(), om.quantities(), options.conditions().keySet()).offeredOnly(options.reasonKinds());
    }

    /** What the files show: photos, videos (uploaded now or kept from an earlier attempt). */
    private static java.util.Set<org.openrma.claim.Evidence> evidence(EvidenceFiles.Check check, List<EvidenceFiles.Held> held) {
        java.util.Set<org.openrma.claim.Evidence> evidence = java.util.EnumSet.noneOf(org.openrma.claim.Evidence.class);
        evidence.addAll(check.evidence());
        held.forEach(h -> evidence.add(h.kind().evidence));
        return evidence;
    }

    private void orderPage(Model model, Merchant m, Caller.Customer c, StoredOrder order, Draft draft, ClaimDrafts.Preview preview,
                           List<String> errors) {
        model.addAttribute("merchant", m);
        model.addAttribute("order", drafts.orderModel(m, order));
        model.addAttribute("draft", draft);
        model.addAttribute("kinds", Draft.KINDS);
        ClaimDrafts.FormOptions options = drafts.options(m, order);
        model.addAttribute("reasons", Draft.REASONS);
        model.addAttribute("reasonKinds", options.reasonKinds());
        model.addAttribute("conditions", options.conditions());
        model.addAttribute("heldFiles", List.of());
        model.addAttribute("law", drafts.consumerLaw(m, order));
        model.addAttribute("remedies", ConsumerStatement.REMEDIES);
        model.addAttribute("limits", files.limits());
        model.addAttribute("preview", preview);
        model.addAttribute("errors", errors);
        model.addAttribute("rmas", rmas.forOrder(m.id(), order.id()).stream()
                .map(r -> RmaModel.of(r, null, List.of(), true, m.timeZone())).toList());
    }

    // --- an RMA: status, timeline and the customer's actions ---------------------------------

    @GetMapping("/rmas/{id}")
    String rma(@PathVariable String store, @PathVariable String id, @RequestParam(required = false) String filed,
               @RequestParam(required = false) String done, HttpServletRequest request, Model model) {
        Merchant m = merchant(store);
        Caller.Customer c = customer(m, request);
        Rma rma = rma(c, id);
        rmaPage(model, m, rma, filed != null ? filedMessage(rma) : done, null);
        return "portal/rma";
    }

    @PostMapping("/rmas/{id}/{action}")
    String act(@PathVariable String store, @PathVariable String id, @PathVariable String action,
               @RequestParam MultiValueMap<String, String> form, @RequestParam(name = "files", required = false) List<MultipartFile> uploads,
               HttpServletRequest request, HttpServletResponse response, Model model) {
        Merchant m = merchant(store);
        Caller.Customer c = customer(m, request);
        Rma rma = rma(c, id);
        int version;
        try {
            version = Integer.parseInt(String.valueOf(form.getFirst("version")));
        } catch (NumberFormatException e) {
            version = -1;
        }
        RmaManagement.Versioned expected = new RmaManagement.Versioned(version, false);
        String error;
        try {
            String done = switch (action) {
                case "cancel" -> {
                    management.apply(c, rma.id(), expected, new RmaCommand.Cancel(blank(form.getFirst("reason"))));
                    yield text.get("portal.done.cancelled");
                }
                case "consent" -> {
                    management.apply(c, rma.id(), expected, new RmaCommand.Consent(blank(form.getFirst("note"))));
                    yield text.get("portal.done.consent");
                }
                case "ship-back" -> {
                    String tracking = blank(form.getFirst("tracking"));
                    if (tracking == null) {
                        throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", text.get("portal.error.tracking"));
                    }
                    management.apply(c, rma.id(), expected, new RmaCommand.ShipBack(null, blank(form.getFirst("carrier")), tracking, null));
                    yield text.get("portal.done.tracking");
                }
                case "return-label" -> {
                    ReturnLabelStore.StoredLabel label;
                    try {
                        label = returnShipping.buyLabel(c, rma.id(), ReturnShippingModel.address(form, text));
                    } catch (Refusal.Upstream e) {
                        String carrier = e.getCause() instanceof ReturnLabels.CarrierRefused said ? said.getMessage() : e.getMessage();
                        throw new ApiProblem(HttpStatus.BAD_GATEWAY, e.type(), text.get("portal.error.carrier-refused", carrier));
                    }
                    yield label.tracking() == null ? text.get("portal.done.address-label")
                            : text.get("portal.done.label", label.carrier(), label.tracking());
                }
                case "add-evidence" -> {
                    EvidenceFiles.Check check = files.check(uploads);
                    if (!check.problems().isEmpty()) {
                        throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", String.join(" ", check.problems()));
                    }
                    if (check.accepted().isEmpty()) {
                        throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", text.get("portal.error.no-files"));
                    }
                    Path staging = files.stage(check.accepted());
                    try {
                        filings.addEvidence(c, rma, version, check.evidence(), check.accepted(), staging);
                    } finally {
                        files.discard(staging);
                    }
                    yield text.get("portal.done.evidence");
                }
                default -> throw new UiErrors.NotFound("There is no action '" + action + "'.");
            };
            return "redirect:/portal/" + m.slug() + "/rmas/" + rma.id() + "?done=" + java.net.URLEncoder.encode(done,
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (ApiProblem | Refusal refused) {
            ApiProblem e = ApiProblem.of(refused);
            // a customer is not told of versions: the shop (or another tab) changed the request meanwhile
            error = "stale-version".equals(e.type()) ? "Your request " + rma.number() + " was updated while you had this page open, so "
                    + "nothing was changed. The page now shows it as it is; please check it and try again." : e.getMessage();
            response.setStatus(e.status().value());
        } catch (RmaLifecycle.IllegalTransition | RmaLifecycle.NotPermitted e) {
            error = text.get("portal.error.transition", e.getMessage());
            response.setStatus(HttpStatus.CONFLICT.value());
        }
        rmaPage(model, m, rmas.find(m.id(), rma.id(), c.orderId()).orElseThrow(), null, error);
        return "portal/rma";
    }

    private void rmaPage(Model model, Merchant m, Rma rma, String message, String error) {
        var decision = rmas.latestDecision(m.id(), rma.id()).map(Rmas.StoredDecision::typed).orElse(null);
        RmaModel view = RmaModel.of(rma, decision, audit.list(m.id(), "rma", rma.id().toString(), 0, 100).items(), true, m.timeZone());
        List<RmaAction> allowed = RmaLifecycle.allowed(rma.status(), RmaLifecycle.Actor.CUSTOMER);
        model.addAttribute("merchant", m);
        model.addAttribute("rma", view);
        model.addAttribute("choice", choices.find(m.id(), rma.id()).orElse(null));
        model.addAttribute("canCancel", allowed.contains(RmaAction.CANCEL));
        model.addAttribute("canShip", allowed.contains(RmaAction.SHIP_BACK));
        model.addAttribute("canAddEvidence", allowed.contains(RmaAction.ADD_EVIDENCE));
        model.addAttribute("canConsent", allowed.contains(RmaAction.CONSENT) && view.decision() != null && view.decision().needsConsent()
                && !view.consentGiven());
        model.addAttribute("message", message);
        model.addAttribute("error", error);
        model.addAttribute("limits", files.limits());
        model.addAttribute("fileCount", files.list(m.id(), rma.id()).size());
        model.addAttribute("help", rma.status() == org.openrma.service.rma.RmaStatus.REJECTED ? waysForward(m, rma) : null);
        boolean underWay = rma.status() == RmaStatus.AUTHORIZED || rma.status() == RmaStatus.IN_TRANSIT;
        model.addAttribute("shipping", underWay ? ReturnShippingModel.of(returnShipping.plan(rma), m, rma) : null);
    }

    /** For a refused request: the same request decided again as a draft, for why in words and what the customer can still do. */
    private WaysForward.Help waysForward(Merchant m, Rma rma) {
        StoredOrder order = orders.byId(m.id(), rma.orderId()).orElse(null);
        if (order == null) {
            return null;
        }
        OrderModel om = OrderModel.of(order);
        var requested = org.openrma.service.rma.ClaimDocument.reading(rma.claim()).requested();
        org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("kind", requested.kind());
        form.add("reason", requested.reason());
        if (requested.description() != null) {
            form.add("description", requested.description());
        }
        for (var line : requested.lines()) {
            int i = om.skus().indexOf(line.sku());
            if (i >= 0) {
                form.add("pick_" + i, "1");
                form.add("qty_" + i, Integer.toString(line.quantity()));
                if (line.condition() != null) {
                    form.add("cond_" + i, line.condition());
                }
            }
        }
        return drafts.preview(m, order, draft(m, order, form), java.util.Set.of()).help();
    }

    /** What the customer is told on filing, in the tone of the outcome: a refused request was received, not granted. */
    private String filedMessage(Rma rma) {
        return switch (rma.status()) {
            case REJECTED -> text.get("portal.filed.rejected", rma.number());
            case UNDER_REVIEW -> text.get("portal.filed.review", rma.number());
            default -> text.get("portal.filed.sent", rma.number());
        };
    }

    // --- helpers --------------------------------------------------------------------------------

    private Merchant merchant(String store) {
        return access.merchant(store);
    }

    private Caller.Customer customer(Merchant m, HttpServletRequest request) {
        return access.customer(m, request);
    }

    private StoredOrder order(Caller.Customer c) {
        return access.order(c);
    }

    Rma rma(Caller.Customer c, String id) {
        try {
            return rmas.find(c.merchantId(), UUID.fromString(id), c.orderId())
                    .orElseThrow(() -> new UiErrors.NotFound(text.get("portal.error.no-request")));
        } catch (IllegalArgumentException e) {
            throw new UiErrors.NotFound(text.get("portal.error.no-request"));
        }
    }

    private static Optional<String> token(HttpServletRequest request) {
        return PortalAccess.token(request);
    }

    private static void clearCookie(HttpServletResponse response, Merchant m) {
        PortalAccess.clearCookie(response, m);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Map<String, String> kinds() {
        return Draft.KINDS;
    }
}

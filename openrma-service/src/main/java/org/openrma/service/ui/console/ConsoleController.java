package org.openrma.service.ui.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openrma.claim.Fact;
import org.openrma.claim.Finding;
import org.openrma.claim.InvalidClaimException;
import org.openrma.claim.Vocabulary;
import org.openrma.decision.Resolution;
import org.openrma.service.access.Caller;
import org.openrma.service.audit.AuditTrail;
import org.openrma.service.ledger.EntryView;
import org.openrma.service.ledger.RefundLedger;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.merchant.Merchants;
import org.openrma.service.order.Orders;
import org.openrma.service.rma.ClaimDocument;
import org.openrma.service.rma.Rma;
import org.openrma.service.rma.RmaAction;
import org.openrma.service.rma.Assignments;
import org.openrma.service.rma.RmaCommand;
import org.openrma.service.rma.RmaLifecycle;
import org.openrma.service.rma.RmaManagement;
import org.openrma.service.rma.Rmas;
import org.openrma.service.ui.DecisionModel;
import org.openrma.service.ui.EvidenceFiles;
import org.openrma.service.ui.RmaModel;
import org.openrma.service.ui.StaffSessions;
import org.openrma.service.ui.UiErrors;
import org.openrma.service.ui.UiFormats;
import org.openrma.service.refusal.Refusal;
import org.openrma.service.web.ApiProblem;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The agent console: sign in with an API key, work the RMA queue, act on one RMA with only the
 * actions {@link RmaLifecycle} allows in its status, and a dashboard. Every action goes through
 * {@link RmaManagement#apply} with the version the page showed, so a concurrent change is
 * reported instead of overwritten.
 */
@Controller
@RequestMapping("/console")
public class ConsoleController {

    private final StaffSessions sessions;
    private final Merchants merchants;
    private final ConsoleQueries queries;
    private final Rmas rmas;
    private final Orders orders;
    private final RmaManagement management;
    private final AuditTrail audit;
    private final RefundLedger ledger;
    private final EvidenceFiles files;
    private final Clock clock;
    private final org.openrma.service.shipping.ReturnLabelStore returnLabels;
    private final Assignments assignments;
    private final MessageSource messages;

    private final org.springframework.beans.factory.ObjectProvider<org.springframework.security.oauth2.client.registration.ClientRegistrationRepository>
            singleSignOn;

    private final org.openrma.service.rma.CustomerChoices choices;

    public ConsoleController(org.springframework.beans.factory.ObjectProvider<
                                     org.springframework.security.oauth2.client.registration.ClientRegistrationRepository> singleSignOn,
                             StaffSessions sessions, Merchants merchants, ConsoleQueries queries, Rmas rmas, Orders orders,
                             RmaManagement management, AuditTrail audit, RefundLedger ledger, EvidenceFiles files, Clock clock,
                             org.openrma.service.shipping.ReturnLabelStore returnLabels, Assignments assignments, MessageSource messages,
                             org.openrma.service.rma.CustomerChoices choices) {
        this.choices = choices;
        this.singleSignOn = singleSignOn;
        this.assignments = assignments;
        this.messages = messages;
        this.returnLabels = returnLabels;
        this.sessions = sessions;
        this.merchants = merchants;
        this.queries = queries;
        this.rmas = rmas;
        this.orders = orders;
        this.management = management;
        this.audit = audit;
        this.ledger = ledger;
        this.files = files;
        this.clock = clock;
    }

    // --- signing in -----------------------------------------------------------------------------

    /** The sign-in form; Spring Security receives the POST (see SecurityConfiguration). */
    @GetMapping("/login")
    String login(@RequestParam(required = false) String next, @RequestParam(required = false) String message,
                 @RequestParam(required = false) String error, @RequestParam(name = "signed_out", required = false) String signedOut,
                 @RequestParam(required = false) String invited, HttpServletResponse response, Model model) {
        model.addAttribute("next", safeNext(next));
        java.util.List<java.util.Map<String, String>> providers = new java.util.ArrayList<>();
        if (singleSignOn.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object r : registrations) {
                var registration = (org.springframework.security.oauth2.client.registration.ClientRegistration) r;
                providers.add(java.util.Map.of("name", registration.getClientName(), "url", "/oauth2/authorization/" + registration.getRegistrationId()));
            }
        }
        model.addAttribute("providers", providers);
        model.addAttribute("message", signedOut != null ? text("console.login.signed-out") : invited != null ? text("console.login.password-set")
                : message);
        if (error != null) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("error", text("console.login.no-match"));
        }
        return "console/login";
    }

    // --- the queue ------------------------------------------------------------------------------

    /** Rows per queue page. */
    static final int PAGE_SIZE = 50;

    @GetMapping
    String queue(@RequestParam(required = false) String status, @RequestParam(required = false) String sla,
                 @RequestParam(required = false) String reason, @RequestParam(required = false) String program,
                 @RequestParam(required = false) String q, @RequestParam(required = false) String mine,
                 @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                 @RequestParam(required = false) String page, HttpServletRequest request, Model model) {
        Caller.Staff staff = sessions.require(request);
        Merchant m = merchants.get(staff.merchantId());
        LocalDate today = LocalDate.ofInstant(clock.instant(), m.timeZone());
        String shown = status == null || status.isBlank() ? ConsoleQueries.OPEN
                : RmaModel.statuses().contains(status) || ConsoleQueries.ALL.equals(status) ? status : ConsoleQueries.OPEN;
        boolean onlyMine = "1".equals(mine) || "true".equals(mine);
        var filter = new ConsoleQueries.Filter(shown, blank(sla), blank(reason), blank(program), blank(q), onlyMine ? staff.keyId() : null);
        QueueLinks.Order order = QueueLinks.Order.of(sort, dir);
        long total = queries.count(m.id(), filter, today);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(pages, Math.max(1, parsePage(page)));
        List<ConsoleQueries.Row> rows = queries.queue(m.id(), filter, today, order.sort(), order.descending(), (current - 1) * PAGE_SIZE, PAGE_SIZE);
        List<Map<String, Object>> view = new ArrayList<>();
        for (ConsoleQueries.Row r : rows) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("row", r);
            v.put("status", RmaModel.statusText(r.status().wire()));
            Long left = r.slaDueBy() == null || !r.status().isOpen() ? null : ChronoUnit.DAYS.between(today, r.slaDueBy());
            v.put("sla", left == null ? "—" : r.slaBreached() || left < 0 ? "overdue by " + Math.abs(left) + " d"
                    : left == 0 ? "due today" : left + " d left");
            v.put("filed", new UiFormats(LocaleContextHolder.getLocale()).dateTime(r.createdAt(), m.timeZone()));
            // for the page to say in its language: the wire status, and the days left (negative: overdue)
            v.put("statusCode", r.status().wire());
            v.put("slaState", left == null ? null : r.slaBreached() || left < 0 ? "overdue" : left == 0 ? "today" : "left");
            v.put("slaDays", left == null ? null : Math.abs(left));
            v.put("slaClass", left == null ? "" : r.slaBreached() || left < 0 ? "bad" : left <= 2 ? "warn" : "ok");
            v.put("amount", money(r.amount(), r.currency()));
            view.add(v);
        }
        QueueLinks links = new QueueLinks(filter, onlyMine, order);
        page(model, staff, m, "queue");
        model.addAttribute("rows", view);
        model.addAttribute("total", total);
        model.addAttribute("filter", filter);
        model.addAttribute("mine", onlyMine);
        model.addAttribute("links", links);
        model.addAttribute("order", order);
        model.addAttribute("pageNumber", current);
        model.addAttribute("pages", links.pages(current, pages));
        model.addAttribute("previous", current > 1 ? links.page(current - 1) : null);
        model.addAttribute("next", current < pages ? links.page(current + 1) : null);
        model.addAttribute("pageCount", pages);
        model.addAttribute("back", links.page(current));
        model.addAttribute("counts", queries.countsByStatus(m.id()));
        model.addAttribute("slaCounts", queries.slaCounts(m.id(), today));
        model.addAttribute("statuses", RmaModel.statuses());
        model.addAttribute("reasons", org.openrma.service.ui.portal.Draft.REASONS.keySet());
        model.addAttribute("programs", queries.programs(m.id()));
        return "console/queue";
    }

    private static int parsePage(String page) {
        try {
            return page == null ? 1 : Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** An exact amount in its currency as the page's language writes it ("$189.00", "189,00 $"; UiFormats); "—" without one. */
    static String money(BigDecimal amount, String currency) {
        if (amount == null || currency == null) {
            return "—";
        }
        return new UiFormats(LocaleContextHolder.getLocale()).money(amount, currency);
    }

    // --- assignment -----------------------------------------------------------------------------

    /** "Assign to me" ({@code to=me}) or unassign ({@code to=nobody}); back to the queue page it came from, else to the RMA. */
    @PostMapping("/rmas/{id}/assign")
    String assign(@PathVariable String id, @RequestParam(required = false) String to, @RequestParam(required = false) String back,
                  HttpServletRequest request) {
        Caller.Staff staff = sessions.require(request);
        Merchant m = merchants.get(staff.merchantId());
        Rma rma = find(m, id);
        Rma after = "nobody".equals(to) ? assignments.unassign(staff, rma.id()) : assignments.assignToMe(staff, rma.id());
        // Only back into the console: a path of this site, never another host or a header-breaking character.
        if (back != null && back.startsWith("/console") && !back.contains("\\") && back.chars().noneMatch(Character::isISOControl)) {
            return "redirect:" + back;
        }
        String done = after.assignee() == null ? text("console.assign.done-nobody", after.number())
                : text("console.assign.done-me", after.number());
        return "redirect:/console/rmas/" + rma.id() + "?done=" + URLEncoder.encode(done, StandardCharsets.UTF_8);
    }

    // --- one RMA --------------------------------------------------------------------------------

    @GetMapping("/rmas/{id}")
    String rma(@PathVariable String id, @RequestParam(required = false) String done, HttpServletRequest request, Model model) {
        Caller.Staff staff = sessions.require(request);
        Merchant m = merchants.get(staff.merchantId());
        rmaPage(model, staff, m, find(m, id), done, null, null);
        return "console/rma";
    }

    /** The actions that cannot be undone by the agent and so ask "are you sure?" first (a second form, no JavaScript needed). */
    static final Set<String> CONFIRMED = Set.of("reject", "cancel");

    @PostMapping("/rmas/{id}/act")
    String act(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, HttpServletRequest request,
               HttpServletResponse response, Model model) {
        Caller.Staff staff = sessions.require(request);
        Merchant m = merchants.get(staff.merchantId());
        Rma rma = find(m, id);
        String action = String.valueOf(form.getFirst("action"));
        String error;
        try {
            int version = Integer.parseInt(String.valueOf(form.getFirst("version")));
            RmaCommand command = command(action, form);
            if (CONFIRMED.contains(action) && !"yes".equals(form.getFirst("confirm"))) {
                // Checked and asked: the same form again with confirm=yes, and nothing applied yet.
                rmaPage(model, staff, m, rma, null, null, action);
                model.addAttribute("confirm", new Confirmation(action, version, blank(form.getFirst("reason"))));
                return "console/rma";
            }
            Rma next = management.apply(staff, rma.id(), new RmaManagement.Versioned(version, false), command);
            String done = text("console.done", text("console.action." + action), next.number(), text("common.status." + next.status().wire()));
            return "redirect:/console/rmas/" + rma.id() + "?done=" + URLEncoder.encode(done, StandardCharsets.UTF_8);
        } catch (NumberFormatException e) {
            error = text("console.error.no-version");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } catch (ApiProblem | Refusal refused) {
            ApiProblem e = ApiProblem.of(refused);
            error = "stale-version".equals(e.type()) ? text("console.error.stale", rma.number()) : inWords(e, action);
            response.setStatus(e.status().value());
        } catch (RmaLifecycle.IllegalTransition | RmaLifecycle.NotPermitted e) {
            error = text("console.error.not-allowed", e.getMessage());
            response.setStatus(HttpStatus.CONFLICT.value());
        } catch (InvalidClaimException e) {
            error = text("console.error.invalid-claim", String.join(" ", e.problems().stream().map(InvalidClaimException.FieldProblem::message).toList()));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        rmaPage(model, staff, m, find(m, id), null, error, action);
        return "console/rma";
    }

    /** The "are you sure?" step of a reject or cancel: the action, the version it acts on and the reason given. */
    public record Confirmation(String action, int version, String reason) {}

    /**
     * A refusal as the agent reads it, once: each invalid field named by its label on the page ("Tracking number: …"),
     * else the sentence alone. The API's field ids stay in the API.
     */
    private String inWords(ApiProblem e, String action) {
        if (e.errors().isEmpty()) {
            return e.getMessage();
        }
        List<String> sentences = new ArrayList<>();
        for (ApiProblem.FieldError f : e.errors()) {
            sentences.add(label(f.field(), action) + ": " + f.message());
        }
        return String.join(" ", sentences);
    }

    /** A field's label as the form shows it: {@code console.field.<action>.<field>}, then {@code console.field.<field>}, then its words. */
    private String label(String field, String action) {
        int colon = field.indexOf(':');
        String base = colon < 0 ? field : field.substring(0, colon);
        String sku = colon < 0 ? null : field.substring(colon + 1);
        var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        String words = messages.getMessage("console.field." + action + "." + base, new Object[] {sku}, null, locale);
        if (words == null) {
            words = messages.getMessage("console.field." + base, new Object[] {sku}, null, locale);
        }
        if (words == null) {
            String plain = DecisionModel.words(base);
            words = plain.isEmpty() ? field : Character.toUpperCase(plain.charAt(0)) + plain.substring(1) + (sku == null ? "" : " " + sku);
        }
        return words;
    }

    /** A message of the console in the request's language. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    /** The refund breakdown a resolution would pay, shown before the agent confirms it. */
    @PostMapping("/rmas/{id}/resolve-preview")
    String resolvePreview(@PathVariable String id, @RequestParam(required = false) String resolution,
                          @RequestParam(required = false) String refund, HttpServletRequest request, Model model) {
        Caller.Staff staff = sessions.require(request);
        Merchant m = merchants.get(staff.merchantId());
        Rma rma = find(m, id);
        model.addAttribute("breakdown", breakdown(m, rma, resolution, refund));
        return "console/rma :: breakdown";
    }

    @GetMapping("/rmas/{id}/files/{name}")
    ResponseEntity<FileSystemResource> file(@PathVariable String id, @PathVariable String name, HttpServletRequest request) {
        Caller.Staff staff = sessions.require(request);
        Merchant m = merchants.get(staff.merchantId());
        Rma rma = find(m, id);
        EvidenceFiles.Stored stored = files.find(m.id(), rma.id(), name).orElseThrow(() -> new UiErrors.NotFound("No file " + name));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(stored.kind().mediaType))
                .cacheControl(CacheControl.noCache().cachePrivate()).header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(files.path(m.id(), rma.id(), stored)));
    }

    /** The forms the RMA page shows: the actions the lifecycle table allows an agent now. */
    public record AgentActions(boolean any, boolean approve, boolean reject, boolean override, boolean shipBack, boolean receive,
                               boolean inspect, boolean resolve, boolean cancel, boolean close) {
        static AgentActions of(List<RmaAction> allowed) {
            return new AgentActions(!allowed.isEmpty(), allowed.contains(RmaAction.APPROVE), allowed.contains(RmaAction.REJECT),
                    allowed.contains(RmaAction.OVERRIDE), allowed.contains(RmaAction.SHIP_BACK), allowed.contains(RmaAction.RECEIVE),
                    allowed.contains(RmaAction.INSPECT), allowed.contains(RmaAction.RESOLVE), allowed.contains(RmaAction.CANCEL),
                    allowed.contains(RmaAction.CLOSE));
        }
    }

    private void rmaPage(Model model, Caller.Staff staff, Merchant m, Rma rma, String message, String error, String failedAction) {
        var decision = rmas.latestDecision(m.id(), rma.id()).map(Rmas.StoredDecision::typed).orElse(null);
        RmaModel view = RmaModel.of(rma, decision, audit.list(m.id(), "rma", rma.id().toString(), 0, 100).items(), false, m.timeZone());
        page(model, staff, m, "queue");
        model.addAttribute("rma", view);
        var choice = choices.find(m.id(), rma.id()).orElse(null);
        model.addAttribute("choice", choice);
        model.addAttribute("can", AgentActions.of(RmaLifecycle.allowed(rma.status(), RmaLifecycle.Actor.AGENT)));
        model.addAttribute("files", files.list(m.id(), rma.id()));
        model.addAttribute("message", message);
        model.addAttribute("error", error);
        // The form an error came from stays open, with the error beside it.
        model.addAttribute("failed", error == null ? null : failedAction);
        model.addAttribute("findings", wires(Finding.class));
        model.addAttribute("facts", wires(Fact.class));
        List<String> offered = view.decision() == null ? List.of() : view.decision().resolutions();
        model.addAttribute("resolutions", offered.isEmpty() ? wires(Resolution.class) : offered);
        // the resolve form starts from what the customer chose, where the policy offers it
        String preselected = choice != null && offered.contains(choice.resolution().wire()) ? choice.resolution().wire()
                : offered.isEmpty() ? null : offered.getFirst();
        model.addAttribute("preselected", preselected);
        model.addAttribute("decidedApproved", view.decision() != null && view.decision().eligible());
        model.addAttribute("breakdown", breakdown(m, rma, preselected, null));
        model.addAttribute("refunds", ledger.entries(m.id(), rma.orderId(), rma.id()).stream().map(EntryView::of).toList());
        model.addAttribute("returnLabel", returnLabels.find(m.id(), rma.id()).orElse(null));
        model.addAttribute("assignee", rma.assignee() == null ? null : rma.assignee().name());
        model.addAttribute("assignedToMe", rma.assignee() != null && rma.assignee().id().equals(staff.keyId()));
        List<Map<String, String>> others = new ArrayList<>();
        for (ConsoleQueries.Sibling o : queries.otherRmasOfTheOrder(m.id(), rma.orderId(), rma.id())) {
            others.add(Map.of("id", o.id().toString(), "number", o.number(), "status", RmaModel.statusText(o.status().wire()),
                    "statusCode", o.status().wire(),
                    "filed", new UiFormats(LocaleContextHolder.getLocale()).date(o.createdAt().atZone(m.timeZone()).toLocalDate())));
        }
        model.addAttribute("others", others);
        ConsoleQueries.History history = queries.history(m.id(), rma.customerEmail(), rma.createdAt());
        model.addAttribute("earlierRmas", history.earlierRmas());
        model.addAttribute("refundedToCustomer", history.refunded().entrySet().stream().map(e -> money(e.getValue(), e.getKey())).toList());
    }

    /** What resolving would pay: the decided refund and its deductions, or the agent's amount, against what the order has left. */
    public record Breakdown(String resolution, boolean refunds, boolean decided, String refund, String currency, List<DecisionModel.Amount> lines,
                            List<DecisionModel.Amount> deductions, String reimbursed, String paid, String alreadyRefunded, String refundable,
                            String note) {}

    private Breakdown breakdown(Merchant m, Rma rma, String resolution, String agentAmount) {
        String currency = ClaimDocument.reading(rma.claim()).requested().currency();
        DecisionModel d = DecisionModel.of(rmas.latestDecision(m.id(), rma.id()).map(Rmas.StoredDecision::typed).orElse(null), currency);
        boolean decided = d != null && d.eligible();
        boolean refunds = "refund".equals(resolution) || "partial_refund".equals(resolution);
        List<DecisionModel.Amount> lines = d == null ? List.of() : d.lines();
        var order = orders.byId(m.id(), rma.orderId()).orElseThrow();
        RefundLedger.OrderLedger ol = ledger.forOrder(m.id(), order);
        String refund = decided ? d.refund() : blank(agentAmount);
        String note = !refunds ? "This resolution pays no refund." : decided ? "The refund is the one the policy decided."
                : "The policy did not approve this claim, so you state the amount (at most what was paid for the claimed lines).";
        return new Breakdown(resolution, refunds, decided, refund, currency, lines, decided ? d.deductions() : List.of(),
                decided ? d.returnShippingReimbursed() : null, ol.paid(), ol.refunded(), ol.refundable(), note);
    }

    private RmaCommand command(String action, MultiValueMap<String, String> form) {
        String note = blank(form.getFirst("note"));
        String reason = blank(form.getFirst("reason"));
        return switch (action) {
            case "approve" -> new RmaCommand.Approve(note);
            case "reject" -> new RmaCommand.Reject(required(reason, "reason", "Give the reason for rejecting; the customer sees it."));
            case "override" -> new RmaCommand.Override(required(reason, "reason", "Give the reason for overriding the policy; it goes into the audit trail."));
            case "ship-back" -> new RmaCommand.ShipBack(null, blank(form.getFirst("carrier")),
                    required(blank(form.getFirst("tracking")), "tracking", "Enter the tracking number."), null);
            case "receive" -> new RmaCommand.Receive(null);
            case "inspect" -> {
                Finding finding = Vocabulary.parse(Finding.class, form.getFirst("finding"))
                        .orElseThrow(() -> ApiProblem.invalid("finding", "Choose the inspection finding."));
                Set<Fact> facts = EnumSet.noneOf(Fact.class);
                List<String> given = form.get("facts");
                if (given != null) {
                    given.forEach(f -> Vocabulary.parse(Fact.class, f).ifPresent(facts::add));
                }
                yield new RmaCommand.Inspect(finding, facts, amount(form.getFirst("customs"), "customs"),
                        amount(form.getFirst("handling"), "handling"), blank(form.getFirst("notes")), null, assessedLines(form));
            }
            case "resolve" -> {
                Resolution r = Vocabulary.parse(Resolution.class, form.getFirst("resolution"))
                        .orElseThrow(() -> ApiProblem.invalid("resolution", "Choose how to resolve the RMA."));
                yield new RmaCommand.Resolve(r, amount(form.getFirst("refund"), "refund"), blank(form.getFirst("replacement_serial")),
                        blank(form.getFirst("outbound_carrier")), blank(form.getFirst("outbound_tracking")), note);
            }
            case "cancel" -> new RmaCommand.Cancel(reason);
            case "close" -> new RmaCommand.Close();
            default -> throw ApiProblem.invalid("action", "Unknown action '" + action + "'.");
        };
    }

    // --- helpers --------------------------------------------------------------------------------

    private void page(Model model, Caller.Staff staff, Merchant m, String nav) {
        model.addAttribute("merchant", m);
        model.addAttribute("staff", staff);
        model.addAttribute("nav", nav);
    }

    private Rma find(Merchant m, String id) {
        try {
            return rmas.find(m.id(), UUID.fromString(id), null).orElseThrow(() -> new UiErrors.NotFound("No RMA " + id + " at " + m.name() + "."));
        } catch (IllegalArgumentException e) {
            throw new UiErrors.NotFound("No RMA " + id + " at " + m.name() + ".");
        }
    }

    private static <E extends Enum<E> & Vocabulary> List<String> wires(Class<E> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(Vocabulary::wire).toList();
    }

    private static BigDecimal amount(String text, String field) {
        String t = blank(text);
        if (t == null) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(t);
            if (v.signum() < 0) {
                throw ApiProblem.invalid(field, "The " + field + " amount cannot be negative.");
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid(field, "'" + t + "' is not an amount; write it like 12.50.");
        }
    }

    private static String required(String value, String field, String message) {
        if (value == null) {
            throw ApiProblem.invalid(field, message);
        }
        return value;
    }

    private static String safeNext(String next) {
        return next != null && (next.startsWith("/console") || next.startsWith("/studio")) && !next.startsWith("//") ? next : "/console";
    }

    /** Consumer law's amounts per claimed line ({@code diminished_value:<sku>}, {@code use_deduction:<sku>}); empty fields are not assessed. */
    private static List<RmaCommand.InspectedLine> assessedLines(MultiValueMap<String, String> form) {
        java.util.Map<String, BigDecimal[]> bySku = new java.util.TreeMap<>();
        form.forEach((name, values) -> {
            int colon = name.indexOf(':');
            String kind = colon < 0 ? "" : name.substring(0, colon);
            if ((kind.equals("diminished_value") || kind.equals("use_deduction")) && !values.isEmpty()) {
                BigDecimal value = amount(values.getFirst(), name);
                if (value != null) {
                    bySku.computeIfAbsent(name.substring(colon + 1), k -> new BigDecimal[2])[kind.equals("diminished_value") ? 0 : 1] = value;
                }
            }
        });
        return bySku.entrySet().stream().map(e -> new RmaCommand.InspectedLine(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

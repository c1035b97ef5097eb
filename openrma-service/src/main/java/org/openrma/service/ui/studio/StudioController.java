package org.openrma.service.ui.studio;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Set;
import org.openrma.claim.Claim;
import org.openrma.service.order.Orders;
import org.openrma.service.order.StoredOrder;
import org.openrma.service.ui.portal.ClaimDrafts;
import org.openrma.service.ui.portal.Draft;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ResponseBody;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.openrma.claim.ClaimReader;
import org.openrma.claim.InvalidClaimException;
import org.openrma.service.rma.RmaDocuments;
import org.openrma.policy.CompiledPolicy;
import org.openrma.policy.statute.StatutoryDecider;
import org.openrma.policy.statute.StatutoryTerms;
import org.openrma.policy.Diagnostic;
import org.openrma.policy.PolicyCompiler;
import org.openrma.service.access.Caller;
import org.openrma.service.audit.AuditTrail;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.merchant.Merchants;
import org.openrma.service.policy.MerchantPolicies;
import org.openrma.service.ui.DecisionModel;
import org.openrma.service.ui.StaffSessions;
import org.openrma.service.refusal.Refusal;
import org.openrma.service.web.ApiProblem;
import org.openrma.service.web.Json;
import org.openrma.service.whatif.DraftReplays;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The policy studio, for admins: the merchant's policy versions; a draft edited in the browser (the editor bundle
 * marks the linter's diagnostics, {@code /studio/lint.json}, and completes from the policy schema) and in a form view of
 * its common settings ({@link CommonSettings}); a claim built from a stored order and tried against the draft; the
 * what-if replay of the draft against stored claims ({@link DraftReplays}); and publishing after a review
 * ({@link PublishReview}: diff against the version in force, what-if summary, a new label, confirmation) through
 * {@link MerchantPolicies#upload}, the same path as {@code POST /api/v1/policies}.
 */
@Controller
@RequestMapping("/studio")
public class StudioController {

    private static final Pattern EFFECTIVE = Pattern.compile("(?m)^effective_from:.*$");
    private static final Pattern VERSION = Pattern.compile("(?m)^version:.*$");
    private static final int MAX_SOURCE = 512 * 1024;

    private final StaffSessions sessions;
    private final Merchants merchants;
    private final MerchantPolicies policies;
    private final DraftReplays replays;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Orders orders;
    private final ClaimDrafts claimDrafts;

    public StudioController(StaffSessions sessions, Merchants merchants, MerchantPolicies policies, DraftReplays replays, AuditTrail audit,
                            JdbcClient jdbc, TransactionTemplate tx, Clock clock, Orders orders, ClaimDrafts claimDrafts) {
        this.orders = orders;
        this.claimDrafts = claimDrafts;
        this.sessions = sessions;
        this.merchants = merchants;
        this.policies = policies;
        this.replays = replays;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** One source line with the diagnostics reported at it. */
    public record SourceLine(int number, String text, List<Diagnostic> diagnostics) {
        public String severity() {
            return diagnostics.stream().anyMatch(Diagnostic::isError) ? "error" : diagnostics.isEmpty() ? "" : "warning";
        }
    }

    /** The linter's report on a draft. */
    public record Lint(int errors, int warnings, List<Diagnostic> fileLevel, List<SourceLine> lines, String policyId, String version,
                       String effectiveFrom) {}

    /** One diagnostic as the editor marks it (1-based line and column; 0 for the file as a whole). */
    public record EditorDiagnostic(int line, int column, String severity, String message) {}

    /** The linter's report for the editor. */
    public record EditorLint(int errors, int warnings, List<EditorDiagnostic> diagnostics) {}

    @GetMapping
    String studio(@RequestParam(required = false) String policy, @RequestParam(required = false) String version,
                  HttpServletRequest request, Model model) {
        Caller.Staff admin = sessions.requireAdmin(request);
        Merchant m = merchants.get(admin.merchantId());
        String source = "";
        String chosenPolicy = policy != null ? policy : m.policyId();
        List<MerchantPolicies.VersionInfo> versions = policies.list(m.id());
        String chosenVersion = version != null ? version : versions.stream().filter(v -> v.policy().equals(chosenPolicy))
                .max(Comparator.comparing(MerchantPolicies.VersionInfo::effectiveFrom)).map(MerchantPolicies.VersionInfo::version).orElse(null);
        if (chosenVersion != null) {
            try {
                source = policies.version(m.id(), chosenPolicy, chosenVersion).source();
            } catch (ApiProblem | Refusal refused) {
                ApiProblem e = ApiProblem.of(refused);
                model.addAttribute("error", e.getMessage());
            }
        }
        page(model, admin, m, versions, source);
        model.addAttribute("editing", chosenPolicy + " " + (chosenVersion == null ? "" : chosenVersion));
        return "studio/studio";
    }

    /** The JSON Schema of policy files, from the engine jar (the one {@code schema/policy.schema.json}), for the editor. */
    @GetMapping(value = "/policy.schema.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<byte[]> schema(HttpServletRequest request) {
        sessions.requireAdmin(request);
        try (InputStream in = PolicyCompiler.class.getResourceAsStream("/openrma/policy.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("policy.schema.json is missing from the engine jar");
            }
            return ResponseEntity.ok().header("Cache-Control", "private, max-age=3600").body(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/lint")
    String lintFragment(@RequestParam(required = false) String source, HttpServletRequest request, Model model) {
        sessions.requireAdmin(request);
        model.addAttribute("lint", lint(source == null ? "" : source));
        return "studio/studio :: lint";
    }

    /** Every diagnostic of the draft as JSON, for the editor's inline markers. */
    @PostMapping(value = "/lint.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    EditorLint lintJson(@RequestParam(required = false) String source, HttpServletRequest request) {
        sessions.requireAdmin(request);
        PolicyCompiler.Result result = PolicyCompiler.compile("draft.yaml", source == null ? "" : source);
        List<EditorDiagnostic> out = result.diagnostics().stream()
                .map(d -> new EditorDiagnostic(d.line(), d.column(), d.severity().name().toLowerCase(java.util.Locale.ROOT), d.message())).toList();
        int errors = (int) result.diagnostics().stream().filter(Diagnostic::isError).count();
        return new EditorLint(errors, out.size() - errors, out);
    }

    /** The form view of the draft as it is now (after edits in the editor). */
    @PostMapping("/settings/form")
    String settingsFragment(@RequestParam(required = false) String source, HttpServletRequest request, Model model) {
        sessions.requireAdmin(request);
        model.addAttribute("settings", CommonSettings.of(source).form());
        return "studio/studio :: settings";
    }

    /**
     * Writes the form view's values into the draft and shows the studio with the new text, linted. Only values changed on
     * the form are written ({@code o:path} carries the value the form showed), so an edit made in the editor meanwhile stays.
     */
    @PostMapping("/settings")
    String applySettings(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request, HttpServletResponse response,
                         Model model) {
        Caller.Staff admin = sessions.requireAdmin(request);
        Merchant m = merchants.get(admin.merchantId());
        String source = form.getFirst("source") == null ? "" : form.getFirst("source");
        Map<String, String> changed = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("f:") && !values.isEmpty()) {
                String path = name.substring(2);
                String shown = form.getFirst("o:" + path);
                String value = values.getFirst() == null ? "" : values.getFirst().strip();
                if (shown == null || !shown.strip().equals(value)) {
                    changed.put(path, value);
                }
            }
        });
        CommonSettings.Applied applied = CommonSettings.of(source).apply(changed);
        if (!applied.rejected().isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("settingsProblems", applied.rejected());
        } else {
            model.addAttribute("message", applied.changed() == 0 ? "No setting was changed."
                    : "Wrote " + applied.changed() + " setting(s) into the draft; check the diagnostics, then review and publish.");
        }
        page(model, admin, m, policies.list(m.id()), applied.source());
        keepPublishFields(model, form);
        model.addAttribute("editing", "draft");
        model.addAttribute("view", "form");
        return "studio/studio";
    }

    /** The lines of a stored order with quantity and condition pickers, for trying a claim on it. */
    @GetMapping("/try/order")
    String tryOrderFragment(@RequestParam(name = "order_number", required = false) String number, HttpServletRequest request, Model model) {
        Caller.Staff admin = sessions.requireAdmin(request);
        Merchant m = merchants.get(admin.merchantId());
        model.addAttribute("orderNumbers", orderNumbers(m));
        trial(model, m, number == null ? null : orders.byNumber(m.id(), number.strip()).orElse(null));
        return "studio/studio :: try-order";
    }

    @PostMapping("/try")
    String tryClaim(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request, Model model) {
        Caller.Staff admin = sessions.requireAdmin(request);
        Merchant m = merchants.get(admin.merchantId());
        String source = form.getFirst("source");
        String claim = form.getFirst("claim");
        boolean advanced = "json".equals(form.getFirst("try_mode"));
        List<String> problems = new ArrayList<>();
        PolicyCompiler.Result compiled = PolicyCompiler.compile("draft.yaml", source == null ? "" : source);
        if (compiled.policy().isEmpty() || !compiled.errors().isEmpty()) {
            problems.add("The draft has " + compiled.errors().size() + " error(s); fix them first (see the diagnostics).");
        }
        Claim parsed = null;
        String currency = null;
        // a claim tried on an order is decided as it would have been when submitted (deadlines run from then)
        Instant decidedAt = clock.instant();
        if (advanced) {
            if (claim == null || claim.isBlank()) {
                problems.add("Paste a claim: a JSON object with \"order\" and \"request\".");
            } else {
                try {
                    parsed = ClaimReader.fromTree(Json.read(claim));
                } catch (InvalidClaimException e) {
                    e.problems().forEach(pr -> problems.add(pr.field() + ": " + pr.message()));
                } catch (tools.jackson.core.JacksonException e) {
                    problems.add("The claim is not valid JSON: " + e.getOriginalMessage());
                }
            }
        } else {
            String number = form.getFirst("order_number");
            StoredOrder order = number == null || number.isBlank() ? null : orders.byNumber(m.id(), number.strip()).orElse(null);
            if (order == null) {
                problems.add("Choose one of your stored orders (order number).");
            } else {
                Draft draft = Draft.read(form, order.lines().stream().map(StoredOrder.Line::sku).toList(),
                        order.lines().stream().map(StoredOrder.Line::quantity).toList());
                Instant submitted = submittedAt(form.getFirst("submitted_on"), m, order, problems);
                problems.addAll(draft.problems().values());
                if (problems.isEmpty()) {
                    try {
                        parsed = claimDrafts.claim(m, order, draft, Set.of(), submitted);
                        decidedAt = submitted;
                    } catch (InvalidClaimException e) {
                        e.problems().forEach(pr -> problems.add(pr.field() + ": " + pr.message()));
                    }
                }
            }
        }
        if (problems.isEmpty() && parsed != null) {
            try {
                CompiledPolicy p = compiled.policy().get();
                // decided as filing would decide it: composed with the consumer law of the markets the draft declares
                var decision = StatutoryDecider.decideByVersion(p, StatutoryTerms.of(p), policies.statutes(), parsed, decidedAt);
                currency = parsed.order().currency().getCode();
                model.addAttribute("decision", DecisionModel.of(RmaDocuments.asStored(decision), currency));
            } catch (RuntimeException e) {
                problems.add("The engine could not decide the claim: " + e.getMessage());
            }
        }
        model.addAttribute("tryProblems", problems);
        return "studio/studio :: tried";
    }

    /** The day the tried claim is submitted: as chosen, at noon in the merchant's zone; refused when it is not a date. */
    private Instant submittedAt(String chosen, Merchant m, StoredOrder order, List<String> problems) {
        if (chosen == null || chosen.isBlank()) {
            return defaultSubmission(m, order).atTime(12, 0).atZone(m.timeZone()).toInstant();
        }
        try {
            return LocalDate.parse(chosen.strip()).atTime(12, 0).atZone(m.timeZone()).toInstant();
        } catch (java.time.DateTimeException e) {
            problems.add("Submitted on: '" + chosen + "' is not a date (YYYY-MM-DD).");
            return clock.instant();
        }
    }

    /** A week after delivery (a typical request), or today when that is still ahead or the order was not delivered. */
    private LocalDate defaultSubmission(Merchant m, StoredOrder order) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), m.timeZone());
        String delivered = order == null ? null : order.deliveredAtAsWritten();
        if (delivered == null) {
            return today;
        }
        try {
            LocalDate weekAfter = LocalDate.ofInstant(Instant.parse(delivered), m.timeZone()).plusDays(7);
            return weekAfter.isBefore(today) ? weekAfter : today;
        } catch (java.time.DateTimeException e) {
            return today;
        }
    }

    @PostMapping("/replay")
    String replay(@RequestParam(required = false) String source, HttpServletRequest request, Model model) {
        Caller.Staff admin = sessions.requireAdmin(request);
        try {
            DraftReplays.Report report = replays.replay(admin.merchantId(), source == null ? "" : source);
            model.addAttribute("reportHtml", report.html());
        } catch (ApiProblem | Refusal refused) {
            ApiProblem e = ApiProblem.of(refused);
            model.addAttribute("replayError", e.getMessage());
        }
        return "studio/studio :: replayed";
    }

    /**
     * Before publishing: the draft with its new label and date written in, its diff against the version in force, the
     * what-if summary, and what stands in the way. Nothing is stored.
     */
    @PostMapping("/review")
    String review(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request, HttpServletResponse response, Model model) {
        Caller.Staff admin = sessions.requireAdmin(request);
        Merchant m = merchants.get(admin.merchantId());
        Prepared prepared = prepare(m, form, true);
        if (prepared.error() != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("error", prepared.error());
        } else {
            model.addAttribute("review", prepared.review());
        }
        page(model, admin, m, policies.list(m.id()), prepared.text());
        keepPublishFields(model, form);
        model.addAttribute("editing", "draft");
        return "studio/studio";
    }

    @PostMapping("/publish")
    String publish(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request, HttpServletResponse response, Model model) {
        Caller.Staff admin = sessions.requireAdmin(request);
        Merchant m = merchants.get(admin.merchantId());
        // the what-if replays every stored claim: it is worked out only when the review is shown again, not for a publish that succeeds
        Prepared prepared = prepare(m, form, false);
        String error = prepared.error();
        PublishReview review = prepared.review();
        if (error == null && !review.publishable()) {
            error = "Not published: " + (review.sameDay() != null ? "a version already comes into force that day (see below)."
                    : String.join(" ", review.problems().values()));
        } else if (error == null && !"yes".equals(form.getFirst("confirm"))) {
            error = "Not published: tick \"I have read the changes\" to confirm.";
        }
        if (error == null) {
            String name = fileName(form.getFirst("file_name"));
            try {
                MerchantPolicies.Uploaded uploaded = tx.execute(s -> {
                    MerchantPolicies.Uploaded u = policies.upload(admin, name, prepared.text());
                    audit.record(admin, "policy.uploaded", "policy_version", u.version().policy() + "@" + u.version().version(), null, u.version());
                    return u;
                });
                model.addAttribute("message", "Published " + uploaded.version().policy() + " " + uploaded.version().version() + ", in force for orders placed from "
                        + uploaded.version().effectiveFrom() + (uploaded.warnings().isEmpty() ? "." : " (" + uploaded.warnings().size() + " warning(s))."));
                review = null;
            } catch (ApiProblem | Refusal refused) {
                ApiProblem e = ApiProblem.of(refused);
                error = "Not published: " + e.getMessage();
                response.setStatus(e.status().value());
            }
        } else {
            response.setStatus(review != null && review.sameDay() != null ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        if (review != null) {
            review = prepare(m, form, true).review();
        }
        model.addAttribute("error", error);
        model.addAttribute("review", review);
        page(model, admin, m, policies.list(m.id()), prepared.text());
        if (review != null) {
            keepPublishFields(model, form);
        }
        model.addAttribute("editing", "draft");
        return "studio/studio";
    }

    /** The draft with the label and date written in, and its review; or why it cannot be reviewed at all. */
    private record Prepared(String text, PublishReview review, String error) {}

    private Prepared prepare(Merchant m, MultiValueMap<String, String> form, boolean withWhatIf) {
        String text = form.getFirst("source") == null ? "" : form.getFirst("source");
        String effectiveFrom = form.getFirst("effective_from");
        String label = form.getFirst("version_label") == null ? "" : form.getFirst("version_label").strip();
        if (text.isBlank()) {
            return new Prepared(text, null, "The draft is empty; write or load a policy first.");
        }
        if (text.length() > MAX_SOURCE) {
            return new Prepared(text, null, "The draft is " + text.length() / 1024 + " KB; the limit is " + MAX_SOURCE / 1024 + " KB.");
        }
        Map<String, String> problems = new LinkedHashMap<>();
        LocalDate date = null;
        if (effectiveFrom != null && !effectiveFrom.isBlank()) {
            try {
                date = LocalDate.parse(effectiveFrom.strip());
                text = EFFECTIVE.matcher(text).find() ? EFFECTIVE.matcher(text).replaceFirst("effective_from: " + date)
                        : "effective_from: " + date + "\n" + text;
            } catch (java.time.DateTimeException e) {
                return new Prepared(text, null, "The effective date '" + effectiveFrom + "' is not a date (YYYY-MM-DD).");
            }
        }
        if (label.isEmpty()) {
            problems.put("version_label", "New version label: give this version a label of its own, such as " + LocalDate.ofInstant(clock.instant(), m.timeZone()).toString().substring(0, 7) + "-b.");
        } else if (!PublishReview.LABEL.matcher(label).matches()) {
            problems.put("version_label", "New version label: use up to 40 letters, digits, spaces, dots, dashes or underscores.");
        } else {
            text = VERSION.matcher(text).find() ? VERSION.matcher(text).replaceFirst("version: \"" + label + "\"")
                    : "version: \"" + label + "\"\n" + text;
        }
        PolicyCompiler.Result compiled = PolicyCompiler.compile("draft.yaml", text);
        if (compiled.policy().isEmpty() || !compiled.errors().isEmpty()) {
            List<Diagnostic> errors = compiled.errors();
            return new Prepared(text, null, "Not published: " + errors.size() + " error(s) in the draft; first: "
                    + (errors.isEmpty() ? "no policy" : errors.getFirst()) + ". Fix them in the editor (see the diagnostics).");
        }
        CompiledPolicy draft = compiled.policy().get();
        date = draft.effectiveFrom();
        if (!label.isEmpty() && !problems.containsKey("version_label")) {
            policies.labelled(m.id(), draft.id(), label).ifPresent(v -> problems.put("version_label", "New version label: policy "
                    + draft.id() + " already has a version labelled '" + label + "' (in force from " + v.effectiveFrom() + "); choose another label."));
        }
        PublishReview.SameDay sameDay = policies.startingOn(m.id(), draft.id(), date)
                .map(v -> new PublishReview.SameDay(v.version(), v.effectiveFrom(), v.effectiveFrom().plusDays(1))).orElse(null);
        MerchantPolicies.VersionInfo inForce = policies.inForce(m.id(), draft.id(), clock.instant()).orElse(null);
        DraftDiff diff = DraftDiff.of(inForce == null ? "" : inForce.source(), text);
        DraftReplays.Summary whatIf = null;
        String whatIfProblem = null;
        try {
            whatIf = withWhatIf ? replays.replay(m.id(), text).summary() : null;
        } catch (ApiProblem | Refusal refused) {
            whatIfProblem = ApiProblem.of(refused).getMessage();
        }
        return new Prepared(text, new PublishReview(draft.id(), label, date, inForce, diff, whatIf, whatIfProblem, problems, sameDay), null);
    }

    private static String fileName(String given) {
        return given == null || given.isBlank() ? "studio.yaml" : given.strip().replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void keepPublishFields(Model model, MultiValueMap<String, String> form) {
        model.addAttribute("effectiveFrom", form.getFirst("effective_from"));
        model.addAttribute("versionLabel", form.getFirst("version_label"));
        model.addAttribute("fileName", form.getFirst("file_name"));
    }

    private void page(Model model, Caller.Staff admin, Merchant m, List<MerchantPolicies.VersionInfo> versions, String source) {
        model.addAttribute("merchant", m);
        model.addAttribute("staff", admin);
        model.addAttribute("nav", "studio");
        List<MerchantPolicies.VersionInfo> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(MerchantPolicies.VersionInfo::policy).thenComparing(MerchantPolicies.VersionInfo::effectiveFrom).reversed());
        model.addAttribute("versions", sorted);
        model.addAttribute("source", source);
        model.addAttribute("lint", lint(source));
        model.addAttribute("settings", CommonSettings.of(source).form());
        model.addAttribute("claim", sampleClaim(m));
        model.addAttribute("today", LocalDate.ofInstant(clock.instant(), m.timeZone()).plusDays(1).toString());
        List<String> numbers = orderNumbers(m);
        model.addAttribute("orderNumbers", numbers);
        trial(model, m, numbers.isEmpty() ? null : orders.byNumber(m.id(), numbers.getFirst()).orElse(null));
    }

    /** The merchant's 50 latest orders, to try a claim on. */
    private List<String> orderNumbers(Merchant m) {
        return jdbc.sql("select number from customer_order where merchant_id = ? order by placed_at desc, id limit 50")
                .param(m.id()).query(String.class).list();
    }

    /** The order a claim is tried on, with the choices of the request form (as the portal offers them). */
    private void trial(Model model, Merchant m, StoredOrder order) {
        model.addAttribute("trialOrder", order);
        model.addAttribute("trialLines", order == null ? List.of() : order.lines());
        model.addAttribute("trialSubmitted", defaultSubmission(m, order).toString());
        model.addAttribute("kinds", Draft.KINDS);
        model.addAttribute("reasons", Draft.REASONS);
        model.addAttribute("conditions", Draft.CONDITIONS);
    }

    static Lint lint(String source) {
        PolicyCompiler.Result result = PolicyCompiler.compile("draft.yaml", source);
        Map<Integer, List<Diagnostic>> byLine = new TreeMap<>();
        List<Diagnostic> fileLevel = new ArrayList<>();
        String[] text = source.split("\n", -1);
        for (Diagnostic d : result.diagnostics()) {
            if (d.line() < 1 || d.line() > text.length) {
                fileLevel.add(d);
            } else {
                byLine.computeIfAbsent(d.line(), k -> new ArrayList<>()).add(d);
            }
        }
        List<SourceLine> lines = new ArrayList<>();
        for (int i = 0; i < text.length; i++) {
            lines.add(new SourceLine(i + 1, text[i], byLine.getOrDefault(i + 1, List.of())));
        }
        int errors = (int) result.diagnostics().stream().filter(Diagnostic::isError).count();
        return new Lint(errors, result.diagnostics().size() - errors, fileLevel, lines,
                result.policy().map(CompiledPolicy::id).orElse(null), result.policy().map(CompiledPolicy::version).orElse(null),
                result.policy().map(p -> p.effectiveFrom().toString()).orElse(null));
    }

    /** The merchant's latest stored claim, for the advanced (JSON) trial; a template when there is none. */
    private String sampleClaim(Merchant m) {
        return jdbc.sql("select claim::text from rma where merchant_id = ? order by created_at desc limit 1").param(m.id()).query(String.class)
                .optional().map(c -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.read(c)))
                .orElse("""
                        {
                          "order": {"number": "TRY-1", "channel": "official_store", "placed_at": "2025-05-01T10:00:00Z",
                                    "delivered_at": "2025-05-05T10:00:00Z", "currency": "USD",
                                    "lines": [{"sku": "SKU-1", "category": "device", "unit_price": "100.00", "quantity": 1}]},
                          "request": {"kind": "return", "submitted_at": "2025-05-10T10:00:00Z", "reason": "changed_mind",
                                      "lines": [{"sku": "SKU-1", "quantity": 1, "condition": "unopened"}]}
                        }""");
    }

}

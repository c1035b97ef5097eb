package org.openrma.service.ui.studio;

import jakarta.servlet.http.HttpServletRequest;
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
 * The policy studio, for admins: the merchant's policy versions; a draft edited in the browser
 * with the linter's diagnostics shown at their lines; a claim tried against the draft; the what-if
 * replay of the draft against stored claims ({@link DraftReplays}); and publishing with an
 * effective date through {@link MerchantPolicies#upload}, the same path as {@code POST /api/v1/policies}.
 */
@Controller
@RequestMapping("/studio")
public class StudioController {

    private static final Pattern EFFECTIVE = Pattern.compile("(?m)^effective_from:.*$");
    private static final int MAX_SOURCE = 512 * 1024;

    private final StaffSessions sessions;
    private final Merchants merchants;
    private final MerchantPolicies policies;
    private final DraftReplays replays;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public StudioController(StaffSessions sessions, Merchants merchants, MerchantPolicies policies, DraftReplays replays, AuditTrail audit,
                            JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
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
        page(model, admin, m, versions, source, sampleClaim(m));
        model.addAttribute("lint", lint(source));
        model.addAttribute("editing", chosenPolicy + " " + (chosenVersion == null ? "" : chosenVersion));
        return "studio/studio";
    }

    @PostMapping("/lint")
    String lintFragment(@RequestParam(required = false) String source, HttpServletRequest request, Model model) {
        sessions.requireAdmin(request);
        model.addAttribute("lint", lint(source == null ? "" : source));
        return "studio/studio :: lint";
    }

    @PostMapping("/try")
    String tryClaim(@RequestParam(required = false) String source, @RequestParam(required = false) String claim,
                    HttpServletRequest request, Model model) {
        sessions.requireAdmin(request);
        List<String> problems = new ArrayList<>();
        PolicyCompiler.Result compiled = PolicyCompiler.compile("draft.yaml", source == null ? "" : source);
        if (compiled.policy().isEmpty() || !compiled.errors().isEmpty()) {
            problems.add("The draft has " + compiled.errors().size() + " error(s); fix them first (see the diagnostics).");
        }
        if (claim == null || claim.isBlank()) {
            problems.add("Paste a claim: a JSON object with \"order\" and \"request\".");
        }
        if (problems.isEmpty()) {
            try {
                var tree = Json.read(claim);
                CompiledPolicy p = compiled.policy().get();
                var parsed = ClaimReader.fromTree(tree);
                // decided as filing would decide it: composed with the consumer law of the markets the draft declares
                var decision = StatutoryDecider.decideByVersion(p, StatutoryTerms.of(p), policies.statutes(), parsed, clock.instant());
                String currency = parsed.order().currency().getCode();
                model.addAttribute("decision", DecisionModel.of(RmaDocuments.asStored(decision), currency));
            } catch (InvalidClaimException e) {
                e.problems().forEach(pr -> problems.add(pr.field() + ": " + pr.message()));
            } catch (tools.jackson.core.JacksonException e) {
                problems.add("The claim is not valid JSON: " + e.getOriginalMessage());
            } catch (RuntimeException e) {
                problems.add("The engine could not decide the claim: " + e.getMessage());
            }
        }
        model.addAttribute("tryProblems", problems);
        return "studio/studio :: tried";
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

    @PostMapping("/publish")
    String publish(@RequestParam(required = false) String source, @RequestParam(name = "effective_from", required = false) String effectiveFrom,
                   @RequestParam(name = "file_name", required = false) String fileName, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        Caller.Staff admin = sessions.requireAdmin(request);
        Merchant m = merchants.get(admin.merchantId());
        String text = source == null ? "" : source;
        String error = null;
        if (text.isBlank()) {
            error = "The draft is empty; write or load a policy first.";
        } else if (text.length() > MAX_SOURCE) {
            error = "The draft is " + text.length() / 1024 + " KB; the limit is " + MAX_SOURCE / 1024 + " KB.";
        } else if (effectiveFrom != null && !effectiveFrom.isBlank()) {
            try {
                LocalDate date = LocalDate.parse(effectiveFrom.strip());
                text = EFFECTIVE.matcher(text).find() ? EFFECTIVE.matcher(text).replaceFirst("effective_from: " + date)
                        : "effective_from: " + date + "\n" + text;
            } catch (java.time.DateTimeException e) {
                error = "The effective date '" + effectiveFrom + "' is not a date (YYYY-MM-DD).";
            }
        }
        if (error == null) {
            String name = fileName == null || fileName.isBlank() ? "studio.yaml" : fileName.strip().replaceAll("[^A-Za-z0-9._-]", "_");
            String finalText = text;
            try {
                MerchantPolicies.Uploaded uploaded = tx.execute(s -> {
                    MerchantPolicies.Uploaded u = policies.upload(admin, name, finalText);
                    audit.record(admin, "policy.uploaded", "policy_version", u.version().policy() + "@" + u.version().version(), null, u.version());
                    return u;
                });
                model.addAttribute("message", "Published " + uploaded.version().policy() + " " + uploaded.version().version() + ", in force for orders placed from "
                        + uploaded.version().effectiveFrom() + (uploaded.warnings().isEmpty() ? "." : " (" + uploaded.warnings().size() + " warning(s))."));
            } catch (ApiProblem | Refusal refused) {
                ApiProblem e = ApiProblem.of(refused);
                error = "Not published: " + e.getMessage();
                response.setStatus(e.status().value());
            }
        } else {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        model.addAttribute("error", error);
        page(model, admin, m, policies.list(m.id()), text, sampleClaim(m));
        model.addAttribute("lint", lint(text));
        model.addAttribute("editing", "draft");
        model.addAttribute("effectiveFrom", effectiveFrom);
        return "studio/studio";
    }

    private void page(Model model, Caller.Staff admin, Merchant m, List<MerchantPolicies.VersionInfo> versions, String source, String claim) {
        model.addAttribute("merchant", m);
        model.addAttribute("staff", admin);
        model.addAttribute("nav", "studio");
        List<MerchantPolicies.VersionInfo> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(MerchantPolicies.VersionInfo::policy).thenComparing(MerchantPolicies.VersionInfo::effectiveFrom).reversed());
        model.addAttribute("versions", sorted);
        model.addAttribute("source", source);
        model.addAttribute("claim", claim);
        model.addAttribute("today", LocalDate.ofInstant(clock.instant(), m.timeZone()).plusDays(1).toString());
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

    /** The merchant's latest stored claim, to try against the draft; a template when there is none. */
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

package org.openrma.policy.compile;

import org.openrma.policy.model.Condition;
import org.openrma.policy.model.Declarations;
import org.openrma.policy.model.PolicyModel;
import org.openrma.policy.model.Program;
import org.openrma.policy.model.Rules;
import org.openrma.policy.model.Window;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openrma.calendar.BusinessCalendar;
import org.openrma.calendar.Counting;
import org.openrma.claim.Evidence;
import org.openrma.claim.Vocabulary;
import org.openrma.decision.Citation;
import org.openrma.decision.Outcome;
import org.openrma.decision.Resolution;
import org.openrma.money.Rounding;
import org.openrma.policy.Diagnostic;
import org.openrma.policy.model.Rules.Check;
import org.openrma.policy.model.Rules.Deduction;
import org.openrma.policy.model.Rules.EvidenceRule;
import org.openrma.policy.model.Rules.Refund;
import org.openrma.policy.model.Rules.ShippingRule;
import org.openrma.policy.source.Node;

/**
 * Turns a policy file's node tree into a {@link PolicyModel}: resolves every word, length, amount,
 * clause reference and CEL expression, and reports each problem at its line and column instead of
 * stopping at the first. This class reads the policy and its programs, the table of contents; each
 * concept has its own reader on the same {@link Reading}: {@link DeclarationReader}, {@link Clauses},
 * {@link ConditionReader}, {@link WindowReader} and {@link MoneyRuleReader}.
 */
public final class Binder extends Reading {

    private final Clauses clauses;
    private ConditionReader conditions;
    private WindowReader windows;
    private MoneyRuleReader money;
    /** The condition of the section whose programs are being read (jurisdictions), or null. */
    private Condition section;

    private Binder(String file) {
        super(new Sink(file));
        this.clauses = new Clauses(sink);
    }

    /** The model, when the file has no errors, with every diagnostic found and the clause ids the rules cite. */
    public record Bound(Optional<PolicyModel> model, List<Diagnostic> diagnostics, Set<String> citedClauses) {}

    public static Bound bind(String file, Node root) {
        Binder b = new Binder(file);
        PolicyModel model = b.policy(root);
        boolean failed = b.sink.diagnostics.stream().anyMatch(Diagnostic::isError);
        if (!failed) {
            b.conditions.compile();                                         // only a policy that will decide claims needs its code
        }
        return new Bound(failed ? Optional.empty() : Optional.of(model), b.sink.diagnostics, b.clauses.cited);
    }

    // ---------------------------------------------------------------- the parts other readers own

    private Condition condition(Node node) {
        return conditions.condition(node);
    }

    private Window window(Node node, boolean named) {
        return windows.window(node, named);
    }

    private List<Citation> cites(Node.Mapping m) {
        return clauses.cites(m);
    }

    private <E extends Enum<E> & Vocabulary> Set<String> openWords(Node value, Class<E> type, Declarations.Vocabularies v) {
        return conditions.openWords(value, type, v);
    }

    // ---------------------------------------------------------------- policy

    private PolicyModel policy(Node root) {
        Node.Mapping m = mapping(root, "the policy file");
        if (m == null) {
            return null;
        }
        known(m, "the policy", "policy", "version", "title", "effective_from", "source", "calendar", "rounding", "selection",
                "when_no_program_serves", "discretion", "clauses", "outside_engine", "deadlines", "programs", "attributes", "vocabulary",
                "counting", "sections",
                // read by the statutory layer (org.openrma.policy.statute), not by the rules here
                "markets", "statutory_info", "statute");
        DeclarationReader declared = new DeclarationReader(sink);
        Declarations declarations = declared.declarations(m.entries().get("attributes"), m.entries().get("vocabulary"));
        conditions = new ConditionReader(sink, declarations);
        windows = new WindowReader(sink, declarations, conditions, clauses);
        money = new MoneyRuleReader(sink, declarations, conditions, clauses);
        windows.counting = m.get("counting").map(n -> windows.counting(n, Counting.DEFAULT)).orElse(Counting.DEFAULT);
        String id = text(m, "policy", true);
        if (id != null && !id.matches("[a-z0-9][a-z0-9-]*")) {
            error(m.entries().get("policy"), "policy id '" + id + "' must be lower-case letters, digits and dashes");
        }
        String version = text(m, "version", true);
        String title = Optional.ofNullable(text(m, "title", false)).orElse(id);
        LocalDate effectiveFrom = date(m, "effective_from", true);
        BusinessCalendar calendar = declared.calendar(m.entries().get("calendar"));
        Rounding rounding = word(m, "rounding", Rounding.class).orElse(Rounding.HALF_UP);
        PolicyModel.Selection selection = m.get("selection").map(n -> switch (java.util.Objects.requireNonNullElse(scalarText(n), "")) {
            case "best_for_customer" -> PolicyModel.Selection.BEST_FOR_CUSTOMER;
            case "first_match" -> PolicyModel.Selection.FIRST_MATCH;
            case "preference_order" -> PolicyModel.Selection.PREFERENCE_ORDER;
            default -> {
                error(n, "selection must be preference_order, best_for_customer or first_match");
                yield ERROR_SELECTION;
            }
        }).orElse(PolicyModel.Selection.BEST_FOR_CUSTOMER);

        clauses.clauses(m.entries().get("clauses"));
        m.get("outside_engine").ifPresent(clauses::outsideEngine);
        List<Citation> discretion = m.get("discretion").map(clauses::cites).orElse(List.of());
        PolicyModel.Fallback fallback = m.get("when_no_program_serves").map(this::fallback)
                .orElse(new PolicyModel.Fallback(Outcome.NEEDS_REVIEW, List.of(), "No program of this policy covers this claim; an agent decides."));
        List<Window> deadlines = list(m.entries().get("deadlines"), "deadlines", n -> window(n, true));
        // programs keep the file's order, whether top-level or in sections, since preference follows it
        List<Program> programs = new ArrayList<>();
        for (String key : m.entries().keySet()) {
            if (key.equals("programs")) {
                programs.addAll(list(m.entries().get("programs"), "programs", this::program));
            } else if (key.equals("sections")) {
                list(m.entries().get("sections"), "sections", this::section).forEach(programs::addAll);
            }
        }
        if (m.entries().get("programs") == null && m.entries().get("sections") == null) {
            error(m, "a policy needs 'programs': at least one");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Program p : programs) {
            if (p != null && !ids.add(p.id())) {
                error(m.entries().get("programs"), "two programs have the id '" + p.id() + "'");
            }
        }
        return new PolicyModel(id, version, title, effectiveFrom, calendar, rounding, selection, fallback,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(clauses.clauses)), discretion,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(clauses.outsideEngine)), programs, deadlines, declarations);
    }

    /** Programs that apply only where the section's condition holds (a country, a region, a channel). */
    private List<Program> section(Node node) {
        Node.Mapping m = mapping(node, "a section");
        if (m == null) {
            return null;
        }
        known(m, "a section", "id", "title", "when", "programs");
        if (!m.entries().containsKey("when")) {
            error(m, "a section needs 'when': where its programs apply, e.g. { order.attributes.country: [DE, FR] }");
        }
        if (!m.entries().containsKey("programs")) {
            error(m, "a section needs 'programs'");
        }
        Condition outer = section;
        section = m.get("when").map(conditions::tree).orElse(Condition.ALWAYS);      // compiled with each program's serves
        try {
            return list(m.entries().get("programs"), "programs", this::program);
        } finally {
            section = outer;
        }
    }

    private PolicyModel.Fallback fallback(Node node) {
        Node.Mapping m = mapping(node, "when_no_program_serves");
        if (m == null) {
            return null;
        }
        known(m, "when_no_program_serves", "outcome", "cites", "says");
        Outcome outcome = outcome(m, "outcome").orElse(Outcome.NEEDS_REVIEW);
        return new PolicyModel.Fallback(outcome, m.get("cites").map(clauses::cites).orElse(List.of()), text(m, "says", false));
    }

    // ---------------------------------------------------------------- programs

    private Program program(Node node) {
        Node.Mapping m = mapping(node, "a program");
        if (m == null) {
            return null;
        }
        known(m, "a program", "id", "title", "serves", "window", "checks", "evidence", "resolutions", "refund", "deductions",
                "return_shipping", "outbound_shipping", "deadlines", "components", "when_rejected");
        String id = text(m, "id", true);
        if (id == null) {
            return null;
        }
        String title = Optional.ofNullable(text(m, "title", false)).orElse(id);
        Condition serves = m.get("serves").map(conditions::tree).orElse(Condition.ALWAYS);
        serves = conditions.compiled(section != null ? new Condition.All(List.of(section, serves)) : serves);
        Window window = m.get("window").map(n -> window(n, false)).orElse(null);
        List<Check> checks = indexed(m.entries().get("checks"), id + ".checks", this::check);
        List<EvidenceRule> evidence = indexed(m.entries().get("evidence"), id + ".evidence", this::evidence);
        Rules.Resolutions resolutions = m.get("resolutions").map(money::resolutions).orElse(Rules.Resolutions.NONE);
        Refund refund = m.get("refund").map(money::refund).orElse(Refund.ITEMS_ONLY);
        List<Deduction> deductions = indexed(m.entries().get("deductions"), id + ".deductions", money::deduction);
        List<ShippingRule> returnShipping = indexed(m.entries().get("return_shipping"), id + ".return_shipping", money::shipping);
        List<ShippingRule> outbound = indexed(m.entries().get("outbound_shipping"), id + ".outbound_shipping", money::shipping);
        List<Window> deadlines = list(m.entries().get("deadlines"), id + ".deadlines", n -> window(n, true));
        List<Rules.Component> components = list(m.entries().get("components"), id + ".components", n -> {
            Node.Mapping cm = mapping(n, "a component");
            if (cm == null) {
                return null;
            }
            known(cm, "a component", "id", "window", "cites");
            String componentId = text(cm, "id", true);
            if (!cm.entries().containsKey("window")) {
                error(cm, "a component needs 'window': how long this part is covered");
                return null;
            }
            Window w = window(cm.entries().get("window"), false);
            return componentId == null || w == null ? null : new Rules.Component(componentId, w, cites(cm));
        });
        Rules.WhenRejected whenRejected = m.get("when_rejected").map(n -> {
            Node.Mapping wm = mapping(n, "when_rejected");
            if (wm == null) {
                return null;
            }
            known(wm, "when_rejected", "outcome", "says", "cites");
            Outcome o = outcome(wm, "outcome").orElse(Outcome.NEEDS_REVIEW);
            if (o == Outcome.APPROVED) {
                error(wm.entries().get("outcome"), "when_rejected cannot approve: use needs_review for requests handled case by case");
            }
            if (!wm.entries().containsKey("cites")) {
                error(wm, "when_rejected needs 'cites': the clause that handles requests outside the conditions");
            }
            return new Rules.WhenRejected(o, text(wm, "says", false), cites(wm));
        }).orElse(null);
        return new Program(id, title, serves, window, checks, evidence, resolutions, refund, deductions, returnShipping, outbound, deadlines,
                components, whenRejected, conditions.group(Program.lineRuleConditions(window, deadlines, checks, evidence)));
    }

    private Check check(Node node, String defaultName) {
        Node.Mapping m = mapping(node, "a check");
        if (m == null) {
            return null;
        }
        known(m, "a check", "id", "require", "otherwise", "if", "then", "offer", "cites", "says");
        String name = Optional.ofNullable(text(m, "id", false)).orElse(defaultName);
        boolean hasRequire = m.entries().containsKey("require");
        boolean hasIf = m.entries().containsKey("if");
        if (hasRequire && hasIf) {
            error(m, "a check has either 'require' (with 'otherwise') or 'if' (with 'then'), not both");
        }
        Condition condition;
        Outcome outcome;
        if (hasRequire) {
            condition = condition(m.entries().get("require"));
            outcome = outcome(m, "otherwise").orElse(Outcome.REJECTED);
            if (m.entries().containsKey("then")) {
                error(m.entries().get("then"), "'then' goes with 'if'; a 'require' check says 'otherwise'");
            }
        } else {
            condition = hasIf ? condition(m.entries().get("if")) : Condition.ALWAYS;
            Optional<Outcome> then = outcome(m, "then");
            if (then.isEmpty()) {
                error(m, "a check needs 'require' + 'otherwise', 'if' + 'then', or an unconditional 'then'");
            }
            outcome = then.orElse(Outcome.REJECTED);
            if (m.entries().containsKey("otherwise")) {
                error(m.entries().get("otherwise"), "'otherwise' goes with 'require'; an 'if' check says 'then'");
            }
        }
        Set<Resolution> offers = new LinkedHashSet<>(wordList(m.entries().get("offer"), Resolution.class, "offer"));
        return new Check(name, condition, hasRequire, outcome, offers, cites(m), text(m, "says", false));
    }

    private EvidenceRule evidence(Node node, String defaultName) {
        Node.Mapping m = mapping(node, "an evidence rule");
        if (m == null) {
            return null;
        }
        known(m, "an evidence rule", "id", "all_of", "one_of", "when", "cites", "says");
        List<String> all = m.get("all_of").map(n -> List.copyOf(openWords(n, Evidence.class, Declarations.Vocabularies.EVIDENCE))).orElse(List.of());
        List<String> one = m.get("one_of").map(n -> List.copyOf(openWords(n, Evidence.class, Declarations.Vocabularies.EVIDENCE))).orElse(List.of());
        if (all.isEmpty() && one.isEmpty()) {
            error(m, "an evidence rule needs 'all_of' or 'one_of'");
        }
        Condition when = m.get("when").map(this::condition).orElse(Condition.ALWAYS);
        return new EvidenceRule(Optional.ofNullable(text(m, "id", false)).orElse(defaultName), when, all, one, cites(m), text(m, "says", false));
    }
}

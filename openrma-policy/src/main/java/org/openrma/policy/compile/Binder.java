package org.openrma.policy.compile;

import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.openrma.calendar.BusinessCalendar;
import org.openrma.calendar.Counting;
import org.openrma.calendar.Length;
import org.openrma.claim.Channel;
import org.openrma.claim.ClaimKind;
import org.openrma.claim.DeliveryStatus;
import org.openrma.claim.Evidence;
import org.openrma.claim.Fact;
import org.openrma.claim.Finding;
import org.openrma.claim.ItemCondition;
import org.openrma.claim.Reason;
import org.openrma.claim.ShippingMethod;
import org.openrma.claim.Vocabulary;
import org.openrma.decision.Chooser;
import org.openrma.decision.Citation;
import org.openrma.decision.DeductionKind;
import org.openrma.decision.Outcome;
import org.openrma.decision.Payer;
import org.openrma.decision.Resolution;
import org.openrma.money.Rounding;
import org.openrma.policy.Diagnostic;
import org.openrma.policy.compile.Rules.AmountSource;
import org.openrma.policy.compile.Rules.Check;
import org.openrma.policy.compile.Rules.Deduction;
import org.openrma.policy.compile.Rules.EvidenceRule;
import org.openrma.policy.compile.Rules.Offer;
import org.openrma.policy.compile.Rules.Refund;
import org.openrma.policy.compile.Rules.RefundBase;
import org.openrma.policy.compile.Rules.Reimbursement;
import org.openrma.policy.compile.Rules.ShippingRule;
import org.openrma.policy.source.Node;

/**
 * Turns a policy file's node tree into a {@link PolicyModel}: resolves every word, length, amount,
 * clause reference and CEL expression, and reports each problem at its line and column instead of
 * stopping at the first.
 */
public final class Binder {

    private static final CelRuntime CEL_RUNTIME = CelRuntimeFactory.plannerRuntimeBuilder().build();

    private final String file;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<String, Citation> clauses = new LinkedHashMap<>();
    private final Set<String> cited = new LinkedHashSet<>();
    private final Map<String, String> outsideEngine = new LinkedHashMap<>();
    private Declarations declarations = Declarations.NONE;
    private Counting counting = Counting.DEFAULT;
    private CelVariables celVariables = new CelVariables(Declarations.NONE);
    private CelCompiler celCompiler = celCompiler(celVariables);
    /** The condition of the section whose programs are being read (jurisdictions), or null. */
    private Condition section;

    private Binder(String file) {
        this.file = file;
    }

    /** The model, when the file has no errors, with every diagnostic found and the clause ids the rules cite. */
    public record Bound(Optional<PolicyModel> model, List<Diagnostic> diagnostics, Set<String> citedClauses) {}

    public static Bound bind(String file, Node root) {
        Binder b = new Binder(file);
        PolicyModel model = b.policy(root);
        boolean failed = b.diagnostics.stream().anyMatch(Diagnostic::isError);
        return new Bound(failed ? Optional.empty() : Optional.of(model), b.diagnostics, b.cited);
    }

    private static CelCompiler celCompiler(CelVariables variables) {
        var builder = CelCompilerFactory.standardCelCompilerBuilder().setStandardMacros(dev.cel.parser.CelStandardMacro.STANDARD_MACROS);
        variables.types().forEach(builder::addVar);
        return builder.build();
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
        declarations = declarations(m.entries().get("attributes"), m.entries().get("vocabulary"));
        celVariables = new CelVariables(declarations);
        celCompiler = celCompiler(celVariables);
        counting = m.get("counting").map(n -> counting(n, Counting.DEFAULT)).orElse(Counting.DEFAULT);
        String id = text(m, "policy", true);
        if (id != null && !id.matches("[a-z0-9][a-z0-9-]*")) {
            error(m.entries().get("policy"), "policy id '" + id + "' must be lower-case letters, digits and dashes");
        }
        String version = text(m, "version", true);
        String title = Optional.ofNullable(text(m, "title", false)).orElse(id);
        LocalDate effectiveFrom = date(m, "effective_from", true);
        BusinessCalendar calendar = calendar(m.entries().get("calendar"));
        Rounding rounding = word(m, "rounding", Rounding.class).orElse(Rounding.HALF_UP);
        PolicyModel.Selection selection = m.get("selection").map(n -> switch (java.util.Objects.requireNonNullElse(scalarText(n), "")) {
            case "best_for_customer" -> PolicyModel.Selection.BEST_FOR_CUSTOMER;
            case "first_match" -> PolicyModel.Selection.FIRST_MATCH;
            case "preference_order" -> PolicyModel.Selection.PREFERENCE_ORDER;
            default -> {
                error(n, "selection must be preference_order, best_for_customer or first_match");
                yield PolicyModel.Selection.BEST_FOR_CUSTOMER;
            }
        }).orElse(PolicyModel.Selection.BEST_FOR_CUSTOMER);

        clauses(m.entries().get("clauses"));
        m.get("outside_engine").ifPresent(this::outsideEngine);
        List<Citation> discretion = m.get("discretion").map(this::cites).orElse(List.of());
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
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(clauses)), discretion,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outsideEngine)), programs, deadlines, declarations);
    }

    // ---------------------------------------------------------------- declarations

    private Declarations declarations(Node attributesNode, Node vocabularyNode) {
        Map<String, Declarations.Attribute> attributes = new LinkedHashMap<>();
        if (attributesNode != null) {
            Node.Mapping am = mapping(attributesNode, "attributes");
            if (am != null) {
                am.entries().forEach((path, value) -> {
                    if (Field.attributeName(path).isEmpty()) {
                        error(am.keys().get(path), am, "attribute '" + path + "' must be named <scope>.attributes.<name>, with scope "
                                + String.join(", ", Declarations.SCOPES) + " (e.g. order.attributes.payment_method)");
                        return;
                    }
                    Node.Mapping d = mapping(value, "attribute " + path);
                    if (d == null) {
                        return;
                    }
                    known(d, "attribute " + path, "type", "values", "default", "note");
                    String typeWord = text(d, "type", true);
                    Declarations.Type type = null;
                    for (Declarations.Type t : Declarations.Type.values()) {
                        if (t.word().equals(typeWord)) {
                            type = t;
                        }
                    }
                    if (typeWord != null && type == null) {
                        error(d.entries().get("type"), "unknown attribute type '" + typeWord + "'; types are text, enum, number, integer, money, date, boolean");
                        return;
                    }
                    List<String> values = d.get("values").map(v -> strings(v, "values")).orElse(List.of());
                    if (type == Declarations.Type.ENUM && values.isEmpty()) {
                        error(d, "an enum attribute needs 'values': the words a claim may give");
                    }
                    if (type != Declarations.Type.ENUM && !values.isEmpty()) {
                        error(d.entries().get("values"), "only an enum attribute lists 'values'");
                    }
                    String dflt = text(d, "default", false);
                    if (type == null) {
                        return;
                    }
                    Declarations.Attribute a = new Declarations.Attribute(path, type, values, dflt);
                    if (dflt != null) {
                        a.problemWith(dflt).ifPresent(problem -> error(d.entries().get("default"), "default of " + path + ": " + problem));
                    }
                    attributes.put(path, a);
                });
            }
        }
        Map<Declarations.Vocabularies, Set<String>> words = new java.util.EnumMap<>(Declarations.Vocabularies.class);
        if (vocabularyNode != null) {
            Node.Mapping vm = mapping(vocabularyNode, "vocabulary");
            if (vm != null) {
                known(vm, "vocabulary", "reasons", "facts", "evidence", "conditions");
                for (Declarations.Vocabularies v : Declarations.Vocabularies.values()) {
                    vm.get(v.key).ifPresent(n -> {
                        Set<String> declared = new LinkedHashSet<>();
                        for (String w : strings(n, "vocabulary." + v.key)) {
                            if (!w.matches("[a-z][a-z0-9_]{0,63}")) {
                                error(n, "'" + w + "' is not a word: use lower-case letters, digits and underscores");
                            } else {
                                declared.add(w);
                            }
                        }
                        words.put(v, declared);
                    });
                }
            }
        }
        return new Declarations(attributes, words);
    }

    private Counting counting(Node node, Counting base) {
        Node.Mapping m = mapping(node, "counting");
        if (m == null) {
            return base;
        }
        known(m, "counting", "event_day", "years", "leap_day");
        return countingKeys(m, base);
    }

    /** The counting keys of a policy's {@code counting} or of one window, over a base convention. */
    private Counting countingKeys(Node.Mapping m, Counting base) {
        Counting.EventDay eventDay = m.get("event_day").map(n -> switch (String.valueOf(scalarText(n))) {
            case "day_0" -> Counting.EventDay.DAY_0;
            case "day_1" -> Counting.EventDay.DAY_1;
            default -> {
                error(n, "event_day is day_0 (the event's date is day 0: \"within 30 days\" ends 30 days later) or day_1 (the event's date is the first day)");
                yield base.eventDay();
            }
        }).orElse(base.eventDay());
        Counting.Years years = m.get("years").map(n -> switch (String.valueOf(scalarText(n))) {
            case "anniversary" -> Counting.Years.ANNIVERSARY;
            case "365_days" -> Counting.Years.DAYS_365;
            default -> {
                error(n, "years is anniversary or 365_days");
                yield base.years();
            }
        }).orElse(base.years());
        Counting.LeapDay leap = m.get("leap_day").map(n -> switch (String.valueOf(scalarText(n))) {
            case "feb_28" -> Counting.LeapDay.FEB_28;
            case "mar_1" -> Counting.LeapDay.MAR_1;
            default -> {
                error(n, "leap_day is feb_28 or mar_1 (where an anniversary of 29 February lands)");
                yield base.leapDay();
            }
        }).orElse(base.leapDay());
        return new Counting(eventDay, years, leap);
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
        section = m.get("when").map(this::condition).orElse(Condition.ALWAYS);
        try {
            return list(m.entries().get("programs"), "programs", this::program);
        } finally {
            section = outer;
        }
    }

    private BusinessCalendar calendar(Node node) {
        if (node == null) {
            return BusinessCalendar.weekendsOnly(ZoneId.of("UTC"));
        }
        Node.Mapping m = mapping(node, "calendar");
        if (m == null) {
            return BusinessCalendar.weekendsOnly(ZoneId.of("UTC"));
        }
        known(m, "calendar", "time_zone", "holidays");
        ZoneId zone = ZoneId.of("UTC");
        String zoneText = text(m, "time_zone", false);
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                error(m.entries().get("time_zone"), "unknown time zone '" + zoneText + "'; use an IANA name such as Europe/Berlin or UTC");
            }
        }
        String holidays = text(m, "holidays", false);
        if (holidays == null || holidays.equals("none")) {
            return BusinessCalendar.weekendsOnly(zone);
        }
        if (!BusinessCalendar.knowsRegion(holidays)) {
            error(m.entries().get("holidays"), "unknown holiday region '" + holidays + "'; use a country code such as US or DE (jollyday), or none");
            return BusinessCalendar.weekendsOnly(zone);
        }
        return BusinessCalendar.withHolidays(zone, holidays);
    }

    private void clauses(Node node) {
        if (node == null) {
            return;
        }
        Node.Mapping m = mapping(node, "clauses");
        if (m == null) {
            return;
        }
        m.entries().forEach((id, value) -> {
            String text = switch (value) {
                case Node.Scalar s when s.value() instanceof String t -> t;
                case Node.Mapping cm -> {
                    known(cm, "clause " + id, "text", "note");
                    yield text(cm, "text", true);
                }
                default -> {
                    error(value, "clause " + id + " must be its text, or {text, note}");
                    yield null;
                }
            };
            if (text != null) {
                clauses.put(id, new Citation(id, text.strip()));
            }
        });
    }

    private void outsideEngine(Node node) {
        Node.Mapping m = mapping(node, "outside_engine");
        if (m == null) {
            return;
        }
        m.entries().forEach((id, value) -> {
            resolveClause(id, value);
            Node.Mapping entry = mapping(value, "outside_engine." + id);
            if (entry != null) {
                known(entry, "outside_engine." + id, "by", "note");
                String by = text(entry, "by", true);
                if (by != null && !List.of("workflow", "intake", "human", "agent_override", "informative").contains(by)) {
                    error(entry.entries().get("by"), "'by' must be workflow, intake, human, agent_override or informative");
                }
                String note = text(entry, "note", false);
                outsideEngine.put(id, by + (note == null ? "" : ": " + note));
            }
        });
    }

    private PolicyModel.Fallback fallback(Node node) {
        Node.Mapping m = mapping(node, "when_no_program_serves");
        if (m == null) {
            return null;
        }
        known(m, "when_no_program_serves", "outcome", "cites", "says");
        Outcome outcome = outcome(m, "outcome").orElse(Outcome.NEEDS_REVIEW);
        return new PolicyModel.Fallback(outcome, m.get("cites").map(this::cites).orElse(List.of()), text(m, "says", false));
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
        Condition serves = m.get("serves").map(this::condition).orElse(Condition.ALWAYS);
        if (section != null) {
            serves = new Condition.All(List.of(section, serves));
        }
        Window window = m.get("window").map(n -> window(n, false)).orElse(null);
        List<Check> checks = indexed(m.entries().get("checks"), id + ".checks", this::check);
        List<EvidenceRule> evidence = indexed(m.entries().get("evidence"), id + ".evidence", this::evidence);
        Rules.Resolutions resolutions = m.get("resolutions").map(this::resolutions).orElse(Rules.Resolutions.NONE);
        Refund refund = m.get("refund").map(this::refund).orElse(Refund.ITEMS_ONLY);
        List<Deduction> deductions = indexed(m.entries().get("deductions"), id + ".deductions", this::deduction);
        List<ShippingRule> returnShipping = indexed(m.entries().get("return_shipping"), id + ".return_shipping", this::shipping);
        List<ShippingRule> outbound = indexed(m.entries().get("outbound_shipping"), id + ".outbound_shipping", this::shipping);
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
                components, whenRejected);
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

    private Rules.Resolutions resolutions(Node node) {
        Node.Mapping m = mapping(node, "resolutions");
        if (m == null) {
            return Rules.Resolutions.NONE;
        }
        known(m, "resolutions", "offer", "chosen_by");
        Chooser chooser = word(m, "chosen_by", Chooser.class).orElse(Chooser.CUSTOMER);
        List<Offer> offers = list(m.entries().get("offer"), "offer", n -> switch (n) {
            case Node.Scalar s -> vocabulary(s, Resolution.class).map(r -> new Offer(r, Condition.ALWAYS, false, List.of())).orElse(null);
            case Node.Mapping om -> {
                known(om, "an offer", "resolution", "when", "needs_consent", "cites", "bonus_percent", "up_to_percent");
                Optional<Resolution> r = word(om, "resolution", Resolution.class);
                if (r.isEmpty()) {
                    error(om, "an offer needs 'resolution'");
                    yield null;
                }
                BigDecimal bonus = om.get("bonus_percent").map(x -> decimal(x, "bonus_percent")).orElse(null);
                BigDecimal upTo = om.get("up_to_percent").map(x -> decimal(x, "up_to_percent")).orElse(null);
                if (upTo != null && upTo.compareTo(BigDecimal.valueOf(100)) > 0) {
                    error(om.entries().get("up_to_percent"), "up_to_percent is at most 100");
                }
                yield new Offer(r.get(), om.get("when").map(this::condition).orElse(Condition.ALWAYS),
                        bool(om, "needs_consent").orElse(false), cites(om), bonus, upTo);
            }
            default -> {
                error(n, "an offer is a resolution word or {resolution, when, needs_consent, cites}");
                yield null;
            }
        });
        return new Rules.Resolutions(offers, chooser);
    }

    private Refund refund(Node node) {
        Node.Mapping m = mapping(node, "refund");
        if (m == null) {
            return Refund.ITEMS_ONLY;
        }
        known(m, "refund", "of", "cites");
        String of = Optional.ofNullable(text(m, "of", false)).orElse("items");
        if (Field.attributeName(of).isPresent()) {
            return new Refund(RefundBase.ITEMS, cites(m), moneyAttribute(m.entries().get("of")));
        }
        RefundBase base = switch (of) {
            case "items" -> RefundBase.ITEMS;
            case "items_and_shipping" -> RefundBase.ITEMS_AND_SHIPPING;
            default -> {
                error(m.entries().get("of"), "refund 'of' must be items, items_and_shipping or a declared money attribute (an amount per unit)");
                yield RefundBase.ITEMS;
            }
        };
        return new Refund(base, cites(m), null);
    }

    private Deduction deduction(Node node, String defaultName) {
        Node.Mapping m = mapping(node, "a deduction");
        if (m == null) {
            return null;
        }
        known(m, "a deduction", "id", "kind", "percent", "of", "amount", "when", "unless", "per", "max", "min", "cites", "says");
        Optional<DeductionKind> kind = word(m, "kind", DeductionKind.class);
        if (kind.isEmpty() && !m.entries().containsKey("kind")) {
            error(m, "a deduction needs 'kind' (" + Vocabulary.allowed(DeductionKind.class) + ")");
        }
        Rules.Percent percent = m.get("percent").map(this::percent).orElse(null);
        BigDecimal flat = null;
        AmountSource source = null;
        Node amount = m.entries().get("amount");
        Field perUnitAmount = null;
        if (amount instanceof Node.Scalar s && s.value() != null && Field.attributeName(s.text()).isPresent()) {
            perUnitAmount = moneyAttribute(s);
        } else if (amount instanceof Node.Scalar s && s.value() != null) {
            Optional<AmountSource> named = java.util.Arrays.stream(AmountSource.values()).filter(a -> a.word.equals(s.text())).findFirst();
            if (named.isPresent()) {
                source = named.get();
            } else {
                flat = decimal(s, "amount");
            }
        } else if (amount != null) {
            error(amount, "amount is a decimal such as \"5.00\" or one of " + String.join(", ",
                    java.util.Arrays.stream(AmountSource.values()).map(a -> a.word).toList()));
        }
        if ((percent == null ? 0 : 1) + (amount == null ? 0 : 1) != 1) {
            error(m, "a deduction needs exactly one of 'percent' or 'amount'");
        }
        String of = text(m, "of", false);
        if (of != null && !of.equals("items")) {
            error(m.entries().get("of"), "a percentage is taken 'of: items' (the claimed lines' prices)");
        }
        Condition when = m.get("when").map(this::condition).orElse(Condition.ALWAYS);
        BigDecimal max = m.get("max").map(n -> decimal(n, "max")).orElse(null);
        Rules.Per per = Optional.ofNullable(text(m, "per", false)).map(p -> switch (p) {
            case "claim" -> Rules.Per.CLAIM;
            case "line" -> Rules.Per.LINE;
            case "unit" -> Rules.Per.UNIT;
            default -> {
                error(m.entries().get("per"), "per is claim, line or unit");
                yield Rules.Per.CLAIM;
            }
        }).orElse(Rules.Per.CLAIM);
        if (m.entries().containsKey("per") && flat == null) {
            error(m.entries().get("per"), "'per' goes with a flat amount such as \"45.00\"");
        }
        Condition unless = m.get("unless").map(this::condition).orElse(null);
        return new Deduction(Optional.ofNullable(text(m, "id", false)).orElse(defaultName), kind.orElse(DeductionKind.HANDLING), percent,
                flat, source, when, max, cites(m), text(m, "says", false), per, unless, perUnitAmount,
                m.get("min").map(n -> decimal(n, "min")).orElse(null));
    }

    /** A declared money attribute named as an amount: read per unit from the claim. */
    private Field moneyAttribute(Node at) {
        String name = scalarText(at);
        Optional<Declarations.Attribute> a = declarations.attribute(name);
        if (a.isEmpty() || a.get().type() != Declarations.Type.MONEY) {
            error(at, "'" + name + "' is not a declared money attribute; declare it under attributes with type: money");
            return null;
        }
        return Field.of(name, declarations);
    }

    private Rules.Percent percent(Node node) {
        if (node instanceof Node.Scalar s) {
            BigDecimal p = decimal(s, "percent");
            if (p != null && (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0)) {
                error(s, "a percentage is between 0 and 100 (got " + p.toPlainString() + ")");
            }
            return new Rules.FixedPercent(p == null ? BigDecimal.ZERO : p);
        }
        Node.Mapping m = mapping(node, "percent");
        if (m == null) {
            return new Rules.FixedPercent(BigDecimal.ZERO);
        }
        known(m, "percent", "by", "values", "default", "since", "until", "bands", "beyond");
        BigDecimal otherwise = m.get("default").or(() -> m.get("beyond")).map(n -> decimal(n, "default")).orElse(BigDecimal.ZERO);
        if (m.entries().containsKey("since")) {
            Event since = event(m.entries().get("since")).orElse(Event.DELIVERED);
            TreeMap<Integer, BigDecimal> bands = new TreeMap<>();
            list(m.entries().get("bands"), "bands", n -> {
                Node.Mapping b = mapping(n, "a band");
                if (b != null) {
                    known(b, "a band", "up_to_days", "percent");
                    Long upTo = b.get("up_to_days").map(x -> x instanceof Node.Scalar bs && bs.value() instanceof Long l ? l : null).orElse(null);
                    BigDecimal p = b.get("percent").map(x -> decimal(x, "percent")).orElse(null);
                    if (upTo == null || p == null) {
                        error(b, "a band is {up_to_days: N, percent: P}");
                    } else {
                        bands.put(upTo.intValue(), p);
                    }
                }
                return null;
            });
            Event until = m.get("until").flatMap(this::event).orElse(Event.SUBMITTED);
            if (m.entries().containsKey("until") && !List.of(Event.SUBMITTED, Event.SHIPPED_BACK, Event.RECEIVED).contains(until)) {
                error(m.entries().get("until"), "elapsed time is measured until submitted, shipped_back or received");
            }
            if (bands.isEmpty()) {
                error(m, "a percentage by elapsed days needs 'bands': at least one {up_to_days, percent}");
            }
            return new Rules.PercentByElapsedDays(since, until, bands, otherwise);
        }
        Field field = field(m.entries().get("by"));
        Map<String, BigDecimal> table = new LinkedHashMap<>();
        Node values = m.entries().get("values");
        if (values instanceof Node.Mapping vm) {
            vm.entries().forEach((k, v) -> table.put(k, decimal(v, "values." + k)));
            if (vm.entries().isEmpty()) {
                error(vm, "a percentage table has no 'values': list at least one word with its percentage");
            }
        } else {
            error(m, "a percentage table needs 'values': a map of words to percentages");
        }
        return new Rules.PercentByField(field, table, otherwise);
    }

    private ShippingRule shipping(Node node, String defaultName) {
        Node.Mapping m = mapping(node, "a shipping rule");
        if (m == null) {
            return null;
        }
        known(m, "a shipping rule", "id", "paid_by", "when", "reimburse", "requires", "max", "method", "upgrade_paid_by", "cites", "says");
        Optional<Payer> payer = word(m, "paid_by", Payer.class);
        if (payer.isEmpty() && !m.entries().containsKey("paid_by")) {
            error(m, "a shipping rule needs 'paid_by' (customer or merchant)");
        }
        Reimbursement reimburse = Optional.ofNullable(text(m, "reimburse", false)).map(r -> switch (r) {
            case "none" -> Reimbursement.NONE;
            case "receipt" -> Reimbursement.RECEIPT;
            case "label" -> Reimbursement.LABEL;
            default -> {
                error(m.entries().get("reimburse"), "reimburse must be none, receipt or label");
                yield Reimbursement.NONE;
            }
        }).orElse(Reimbursement.NONE);
        Evidence requires = word(m, "requires", Evidence.class).orElse(null);
        return new ShippingRule(Optional.ofNullable(text(m, "id", false)).orElse(defaultName), payer.orElse(Payer.CUSTOMER),
                m.get("when").map(this::condition).orElse(Condition.ALWAYS), reimburse, requires,
                m.get("max").map(n -> decimal(n, "max")).orElse(null), word(m, "method", ShippingMethod.class).orElse(null),
                word(m, "upgrade_paid_by", Payer.class).orElse(null), cites(m), text(m, "says", false));
    }

    // ---------------------------------------------------------------- windows

    private Window window(Node node, boolean named) {
        Node.Mapping m = mapping(node, named ? "a deadline" : "a window");
        if (m == null) {
            return null;
        }
        known(m, named ? "a deadline" : "a window", "name", "from", "offset", "within", "until", "later_of", "earlier_of", "bounds", "otherwise",
                "when", "cites", "says", "event_day", "years", "leap_day");
        String name = text(m, "name", named);
        if (!named && name != null) {
            error(m.entries().get("name"), "the program's window is named claim_window_ends; only deadlines take a 'name'");
        }
        Window.Span span = span(m);
        if (span == null) {
            cites(m); // still report what else is wrong with it
            return null;
        }
        Event bounds = m.get("bounds").flatMap(this::event).orElse(Event.SUBMITTED);
        if (m.entries().containsKey("bounds") && !List.of(Event.SUBMITTED, Event.SHIPPED_BACK, Event.RECEIVED).contains(bounds)) {
            error(m.entries().get("bounds"), "a window bounds submitted, shipped_back or received");
        }
        Outcome otherwise = outcome(m, "otherwise").orElse(Outcome.REJECTED);
        Condition when = m.get("when").map(this::condition).orElse(Condition.ALWAYS);
        return new Window(named ? name : "claim_window_ends", span, bounds, otherwise, when, cites(m), text(m, "says", false));
    }

    private Window.Span span(Node.Mapping m) {
        int forms = (m.entries().containsKey("from") || m.entries().containsKey("within") ? 1 : 0) + (m.entries().containsKey("until") ? 1 : 0)
                + (m.entries().containsKey("later_of") ? 1 : 0) + (m.entries().containsKey("earlier_of") ? 1 : 0);
        if (forms != 1) {
            error(m, "a window is one of: 'from' + 'within', 'until' (a date), 'later_of' or 'earlier_of' (a list of windows)");
            return null;
        }
        if (m.entries().containsKey("until")) {
            LocalDate until = date(m, "until", true);
            return until == null ? null : new Window.Until(until);
        }
        if (m.entries().containsKey("later_of") || m.entries().containsKey("earlier_of")) {
            boolean later = m.entries().containsKey("later_of");
            List<Window.Span> spans = list(m.entries().get(later ? "later_of" : "earlier_of"), later ? "later_of" : "earlier_of", n -> {
                Node.Mapping inner = mapping(n, "a window");
                if (inner == null) {
                    return null;
                }
                known(inner, "a window", "from", "offset", "within", "until", "later_of", "earlier_of", "event_day", "years", "leap_day");
                return span(inner);
            });
            if (spans.size() < 2) {
                error(m, (later ? "later_of" : "earlier_of") + " needs at least two windows");
            }
            return new Window.Combined(later, spans);
        }
        Optional<DateSource> from = m.get("from").flatMap(this::dateSource);
        if (!m.entries().containsKey("from")) {
            error(m, "a window needs 'from': the event it counts from (" + Vocabulary.allowed(Event.class) + ") or a date attribute");
        }
        Node within = m.entries().get("within");
        if (within == null) {
            error(m, "a window needs 'within': a length such as \"7 days\", \"14 business days\", \"2 years\" or unlimited");
            return null;
        }
        Length offset = m.get("offset").map(this::length).orElse(null);
        Window.LengthRule length = lengthRule(within);
        Counting windowCounting = countingKeys(m, counting);
        return from.map(f -> (Window.Span) new Window.FromEvent(f, offset, length, windowCounting)).orElse(null);
    }

    private Window.LengthRule lengthRule(Node node) {
        if (node instanceof Node.Scalar s) {
            return new Window.FixedLength(length(s));
        }
        Node.Mapping m = mapping(node, "within");
        if (m == null) {
            return new Window.FixedLength(Length.UNLIMITED);
        }
        known(m, "within", "by", "values", "default");
        Field field = field(m.entries().get("by"));
        Map<String, Length> table = new LinkedHashMap<>();
        m.get("values").ifPresent(v -> {
            Node.Mapping vm = mapping(v, "values");
            if (vm != null) {
                vm.entries().forEach((k, len) -> table.put(k, length(len)));
                if (vm.entries().isEmpty()) {
                    error(vm, "a length table has no 'values': list at least one word with its length, or leave 'values' out to read the length from the field");
                }
            }
        });
        Node dflt = m.entries().get("default");
        if (dflt == null) {
            error(m, "a length table needs 'default' for claims whose " + (field == null ? "field" : field.name()) + " is not listed");
        }
        return new Window.LengthByField(field, table, dflt == null ? Length.UNLIMITED : length(dflt));
    }

    private Length length(Node node) {
        String t = scalarText(node);
        Optional<Length> parsed = t == null ? Optional.empty() : Length.parse(t);
        if (parsed.isEmpty()) {
            error(node, "'" + t + "' is not a length; write e.g. \"7 days\", \"3 hours\", \"14 business days\", \"12 months\", \"2 years\", \"3-5 business days\" or unlimited");
            return Length.UNLIMITED;
        }
        return parsed.get();
    }

    /** An event, or a declared date attribute ({@code line.attributes.manufactured_on}). */
    private Optional<DateSource> dateSource(Node node) {
        String t = scalarText(node);
        if (t != null && Field.attributeName(t).isPresent()) {
            Optional<Declarations.Attribute> a = declarations.attribute(t);
            if (a.isEmpty() || a.get().type() != Declarations.Type.DATE) {
                error(node, "'" + t + "' is not a declared date attribute; declare it under attributes with type: date");
                return Optional.empty();
            }
            return Optional.of(new DateSource.OfAttribute(Field.of(t, declarations)));
        }
        return event(node).map(DateSource.OfEvent::new);
    }

    private Optional<Event> event(Node node) {
        String t = scalarText(node);
        Optional<Event> e = t == null ? Optional.empty() : Vocabulary.parse(Event.class, t);
        if (e.isEmpty()) {
            error(node, "unknown event '" + t + "'" + suggestion(t, Event.class) + "; events are " + Vocabulary.allowed(Event.class));
        }
        return e;
    }

    // ---------------------------------------------------------------- conditions

    private Condition condition(Node node) {
        if (node instanceof Node.Scalar s && Boolean.TRUE.equals(s.value())) {
            return Condition.ALWAYS;
        }
        Node.Mapping m = mapping(node, "a condition");
        if (m == null) {
            return Condition.ALWAYS;
        }
        List<Condition> parts = new ArrayList<>();
        m.entries().forEach((key, value) -> {
            Condition c = conditionEntry(m, key, value);
            if (c != null) {
                parts.add(c);
            }
        });
        return parts.size() == 1 ? parts.getFirst() : new Condition.All(parts);
    }

    private Condition conditionEntry(Node.Mapping m, String key, Node value) {
        switch (key) {
            case "not":
                return new Condition.Not(condition(value));
            case "any":
                return new Condition.Any(list(value, "any", this::condition));
            case "all":
                return new Condition.All(list(value, "all", this::condition));
            case "tags":
                return new Condition.HasAny(Condition.Marks.TAGS, Set.copyOf(strings(value, "tags")));
            case "facts":
                return new Condition.HasAny(Condition.Marks.FACTS, openWords(value, Fact.class, Declarations.Vocabularies.FACTS));
            case "evidence":
                return new Condition.HasAny(Condition.Marks.EVIDENCE, openWords(value, Evidence.class, Declarations.Vocabularies.EVIDENCE));
            case "history":
                return history(value);
            case "keeps_free_gifts":
                return bool(m, key).map(Condition.KeepsFreeGifts::new).orElse(null);
            case "order_value": {
                Node.Mapping vm = mapping(value, "order_value");
                if (vm == null) {
                    return null;
                }
                known(vm, "order_value", "at_least", "below");
                return new Condition.OrderValue(vm.get("at_least").map(n -> decimal(n, "at_least")).orElse(null),
                        vm.get("below").map(n -> decimal(n, "below")).orElse(null));
            }
            case "previous_returns": {
                Node.Mapping vm = mapping(value, "previous_returns");
                if (vm == null) {
                    return null;
                }
                known(vm, "previous_returns", "within", "at_least");
                Length within = vm.get("within").map(this::length).orElse(Length.of(365, org.openrma.calendar.TimeUnit.DAYS));
                long atLeast = vm.get("at_least").map(n -> n instanceof Node.Scalar s && s.value() instanceof Long l ? l : null).orElse(-1L);
                if (atLeast < 1) {
                    error(vm, "previous_returns needs 'at_least': a whole number from 1");
                }
                return new Condition.PreviousReturns(within, (int) Math.max(atLeast, 1));
            }
            case "cel":
                return cel(value);
            default:
                break;
        }
        Optional<Event> event = Vocabulary.parse(Event.class, key).filter(e -> e.wire().equals(key));
        if (event.isPresent()) {
            return onDate(new DateSource.OfEvent(event.get()), value);
        }
        Optional<Declarations.Attribute> declared = declarations.attribute(key);
        if (declared.isPresent()) {
            Field f = Field.of(key, declarations);
            switch (declared.get().type()) {
                case DATE:
                    return onDate(new DateSource.OfAttribute(f), value);
                case NUMBER, INTEGER, MONEY:
                    return compare(f, value);
                case BOOLEAN:
                    if (value instanceof Node.Scalar b && b.value() instanceof Boolean expected) {
                        return new Condition.Flag(f, expected);
                    }
                    error(value, key + " is a boolean attribute: write true or false");
                    return null;
                case ENUM: {
                    List<String> words = strings(value, key);
                    for (String w : words) {
                        if (!declared.get().values().contains(w) && !w.equals("none")) {
                            error(value, "unknown " + key + " '" + w + "'" + nearest(w, declared.get().values()) + "; the policy declares "
                                    + String.join(", ", declared.get().values()));
                        }
                    }
                    return new Condition.WordIn(f, Set.copyOf(words));
                }
                default:
                    return new Condition.WordIn(f, Set.copyOf(strings(value, key)));
            }
        }
        String fieldName = Field.aliases(key).orElse(key);
        if (!Field.isKnown(fieldName)) {
            error(m.keys().get(key), value, "unknown condition '" + key + "'" + nearest(key, conditionKeys())
                    + "; conditions are " + String.join(", ", conditionKeys()) + ", not, any, all, cel");
            return null;
        }
        List<String> words = strings(value, key);
        checkWords(value, fieldName, words);
        return new Condition.WordIn(field(fieldName, value), Set.copyOf(words));
    }

    /** Standard words of a vocabulary, or words the policy declares in its {@code vocabulary} section. */
    private <E extends Enum<E> & Vocabulary> Set<String> openWords(Node value, Class<E> type, Declarations.Vocabularies v) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : strings(value, v.key)) {
            if (Vocabulary.parse(type, w).isPresent()) {
                out.add(Vocabulary.parse(type, w).get().wire());
            } else if (declarations.declared(v).contains(w)) {
                out.add(w);
            } else {
                List<String> allowed = new ArrayList<>(wires(List.of(type.getEnumConstants())));
                allowed.addAll(declarations.declared(v));
                error(value, "unknown " + v.key + " word '" + w + "'" + nearest(w, allowed) + "; expected one of " + String.join(", ", allowed)
                        + " or a word declared under vocabulary." + v.key);
            }
        }
        return out;
    }

    private Condition onDate(DateSource source, Node value) {
        Node.Mapping m = mapping(value, source.label() + " (a date test)");
        if (m == null) {
            return null;
        }
        known(m, "a date test", "between", "before", "after", "on_or_before", "on_or_after", "months", "day_of_month");
        LocalDate onOrAfter = null;
        LocalDate onOrBefore = null;
        java.time.MonthDay yearlyFrom = null;
        java.time.MonthDay yearlyTo = null;
        Node between = m.entries().get("between");
        if (between != null) {
            List<String> ends = strings(between, "between");
            if (ends.size() != 2) {
                error(between, "between takes two dates: [2026-11-01, 2026-12-24], or two days of any year: [\"11-01\", \"12-24\"]");
            } else if (ends.get(0).matches("\\d{2}-\\d{2}") && ends.get(1).matches("\\d{2}-\\d{2}")) {
                yearlyFrom = monthDay(between, ends.get(0));
                yearlyTo = monthDay(between, ends.get(1));
            } else {
                onOrAfter = parseDate(between, ends.get(0));
                onOrBefore = parseDate(between, ends.get(1));
                if (onOrAfter != null && onOrBefore != null && onOrBefore.isBefore(onOrAfter)) {
                    error(between, "between ends before it starts");
                }
            }
        }
        if (m.entries().containsKey("on_or_after")) {
            onOrAfter = date(m, "on_or_after", true);
        }
        if (m.entries().containsKey("after")) {
            LocalDate d = date(m, "after", true);
            onOrAfter = d == null ? null : d.plusDays(1);
        }
        if (m.entries().containsKey("on_or_before")) {
            onOrBefore = date(m, "on_or_before", true);
        }
        if (m.entries().containsKey("before")) {
            LocalDate d = date(m, "before", true);
            onOrBefore = d == null ? null : d.minusDays(1);
        }
        Set<Integer> months = new LinkedHashSet<>();
        m.get("months").ifPresent(n -> {
            for (String t : strings(n, "months")) {
                Integer month = monthNumber(t);
                if (month == null) {
                    error(n, "'" + t + "' is not a month: write 1-12 or january ... december");
                } else {
                    months.add(month);
                }
            }
        });
        Integer dayAtLeast = null;
        Integer dayAtMost = null;
        Node dom = m.entries().get("day_of_month");
        if (dom != null) {
            Node.Mapping dm = mapping(dom, "day_of_month");
            if (dm != null) {
                known(dm, "day_of_month", "at_least", "at_most", "above", "below");
                dayAtLeast = dm.get("at_least").map(n -> dayNumber(n)).orElse(dm.get("above").map(n -> dayNumber(n) + 1).orElse(null));
                dayAtMost = dm.get("at_most").map(n -> dayNumber(n)).orElse(dm.get("below").map(n -> dayNumber(n) - 1).orElse(null));
            }
        }
        if (m.entries().isEmpty()) {
            error(m, "a date test needs between, before, after, on_or_before, on_or_after, months or day_of_month");
        }
        return new Condition.OnDate(source, new DateTest(onOrAfter, onOrBefore, yearlyFrom, yearlyTo, months, dayAtLeast, dayAtMost));
    }

    private int dayNumber(Node n) {
        if (n instanceof Node.Scalar s && s.value() instanceof Long l && l >= 0 && l <= 32) {
            return l.intValue();
        }
        error(n, "a day of the month is a whole number from 1 to 31");
        return 1;
    }

    private static Integer monthNumber(String t) {
        if (t.matches("\\d{1,2}")) {
            int n = Integer.parseInt(t);
            return n >= 1 && n <= 12 ? n : null;
        }
        for (java.time.Month month : java.time.Month.values()) {
            if (month.name().equalsIgnoreCase(t)) {
                return month.getValue();
            }
        }
        return null;
    }

    private java.time.MonthDay monthDay(Node at, String t) {
        try {
            return java.time.MonthDay.parse("--" + t);
        } catch (DateTimeException e) {
            error(at, "'" + t + "' is not a day of the year; write MM-DD such as \"12-24\"");
            return null;
        }
    }

    private LocalDate parseDate(Node at, String t) {
        try {
            return LocalDate.parse(t);
        } catch (DateTimeException e) {
            error(at, "'" + t + "' is not a date; write YYYY-MM-DD, or MM-DD for a day of every year");
            return null;
        }
    }

    private Condition compare(Field f, Node value) {
        Node.Mapping m = mapping(value, f.name() + " (a number test)");
        if (m == null) {
            return null;
        }
        known(m, "a number test", "at_least", "at_most", "above", "below");
        if (m.entries().isEmpty()) {
            error(m, "a number test needs at_least, at_most, above or below");
        }
        java.util.function.Function<String, BigDecimal> bound = k -> m.get(k).map(n -> signedDecimal(n, k)).orElse(null);
        return new Condition.Compare(f, bound.apply("at_least"), bound.apply("at_most"), bound.apply("above"), bound.apply("below"));
    }

    private BigDecimal signedDecimal(Node n, String what) {
        if (n instanceof Node.Scalar s && s.value() != null) {
            try {
                return new BigDecimal(s.text().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        error(n, what + " must be a decimal number such as 20 or \"5.00\"");
        return null;
    }

    private Condition history(Node value) {
        Node.Mapping m = mapping(value, "history");
        if (m == null) {
            return null;
        }
        known(m, "history", "kind", "resolution", "reason", "same", "within", "at_least");
        Set<String> kinds = new LinkedHashSet<>(m.get("kind").map(n -> strings(n, "kind")).orElse(List.of()));
        kinds.forEach(k -> {
            if (Vocabulary.parse(ClaimKind.class, k).isEmpty()) {
                error(m.entries().get("kind"), "unknown kind '" + k + "'; expected one of " + Vocabulary.allowed(ClaimKind.class));
            }
        });
        Set<String> resolutions = new LinkedHashSet<>(wires(wordList(m.entries().get("resolution"), Resolution.class, "resolution")));
        Set<String> reasons = new LinkedHashSet<>(m.get("reason").map(n -> strings(n, "reason")).orElse(List.of()));
        String same = text(m, "same", false);
        if (same != null && !same.equals("sku") && !same.equals("category")) {
            error(m.entries().get("same"), "same is sku or category: count earlier claims for the same item or the same category");
        }
        Length within = m.get("within").map(this::length).orElse(null);
        long atLeast = m.get("at_least").map(n -> n instanceof Node.Scalar s && s.value() instanceof Long l ? l : null).orElse(-1L);
        if (atLeast < 1) {
            error(m, "history needs 'at_least': a whole number from 1 (how many earlier claims make the condition hold)");
        }
        return new Condition.History(kinds, resolutions, reasons, same, within, (int) Math.max(atLeast, 1));
    }

    private static List<String> conditionKeys() {
        return List.of("kind", "reason", "channel", "delivery_status", "shipping_method", "return_shipping_method", "finding",
                "protection_plan", "preferred_resolution", "customer_tier", "condition", "category", "sku", "tags", "facts", "evidence",
                "keeps_free_gifts", "order_value", "previous_returns", "history", "order_placed", "shipped", "delivered", "submitted",
                "rma_issued", "shipped_back", "received", "<scope>.attributes.<name>");
    }

    private void checkWords(Node at, String field, List<String> words) {
        Class<? extends Enum<?>> vocabulary = switch (field) {
            case "kind" -> ClaimKind.class;
            case "reason" -> Reason.class;
            case "channel" -> Channel.class;
            case "delivery_status" -> DeliveryStatus.class;
            case "shipping_method", "return_shipping_method" -> ShippingMethod.class;
            case "finding" -> Finding.class;
            case "line.condition" -> ItemCondition.class;
            case "preferred_resolution" -> Resolution.class;
            default -> null;
        };
        if (vocabulary == null) {
            return;
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (Enum<?> e : vocabulary.getEnumConstants()) {
            allowed.add(((Vocabulary) e).wire());
        }
        if (field.equals("reason")) {
            allowed.addAll(declarations.declared(Declarations.Vocabularies.REASONS));
        } else if (field.equals("line.condition")) {
            allowed.addAll(declarations.declared(Declarations.Vocabularies.CONDITIONS));
        }
        allowed.add("none");
        for (String w : words) {
            if (!allowed.contains(w)) {
                error(at, "unknown " + field + " '" + w + "'" + nearest(w, List.copyOf(allowed)) + "; expected one of " + String.join(", ", allowed));
            }
        }
    }

    private Condition cel(Node node) {
        String expression = scalarText(node);
        if (expression == null) {
            error(node, "cel is an expression in quotes");
            return null;
        }
        try {
            var ast = celCompiler.compile(expression).getAst();
            if (!ast.getResultType().equals(SimpleType.BOOL) && !ast.getResultType().equals(SimpleType.DYN)) {
                error(node, "the CEL expression must be true or false; it gives " + ast.getResultType().name());
                return null;
            }
            return new Condition.Cel(expression, CEL_RUNTIME.createProgram(ast), celVariables, expression.contains("line."));
        } catch (CelValidationException e) {
            String detail = e.getErrors().isEmpty() ? e.getMessage() : e.getErrors().getFirst().getMessage();
            error(node, "CEL expression does not compile: " + detail
                    + "; expressions read the claim's fields by their names (line.category, order.placed_at, ...: docs/claim-reference.md) and the attributes the policy declares");
        } catch (CelEvaluationException e) {
            error(node, "CEL expression cannot run: " + e.getMessage());
        }
        return null;
    }

    private Field field(Node node) {
        String name = node == null ? null : scalarText(node);
        if (name == null) {
            error(node, "a table needs 'by': the field it is keyed by, such as customer.tier, line.category or line.attributes.warranty");
            return Field.of("kind");
        }
        String resolved = Field.aliases(name).orElse(name);
        if (!Field.isKnown(resolved)) {
            error(node, "unknown field '" + name + "'; fields are " + String.join(", ", Field.NAMED) + ", line.attributes.<name>, customer.attributes.<name>");
        }
        return field(resolved, node);
    }

    // ---------------------------------------------------------------- clause references

    private List<Citation> cites(Node.Mapping m) {
        return m.get("cites").map(this::cites).orElse(List.of());
    }

    private List<Citation> cites(Node node) {
        List<Citation> out = new ArrayList<>();
        List<Node> refs = node instanceof Node.Sequence s ? s.items() : List.of(node);
        for (Node ref : refs) {
            String id = scalarText(ref);
            if (id == null) {
                error(ref, "a citation is a clause id");
                continue;
            }
            Citation c = resolveClause(id, ref);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private Citation resolveClause(String id, Node at) {
        Citation c = clauses.get(id);
        if (c == null) {
            error(at, "cites clause '" + id + "', which the clauses table does not define" + nearest(id, List.copyOf(clauses.keySet())));
            return null;
        }
        cited.add(id);
        return c;
    }

    // ---------------------------------------------------------------- scalars and helpers

    private Optional<Outcome> outcome(Node.Mapping m, String key) {
        return word(m, key, Outcome.class);
    }

    private <E extends Enum<E> & Vocabulary> Optional<E> word(Node.Mapping m, String key, Class<E> type) {
        Node n = m.entries().get(key);
        return n == null ? Optional.empty() : vocabulary(n, type);
    }

    private <E extends Enum<E> & Vocabulary> Optional<E> vocabulary(Node n, Class<E> type) {
        String t = scalarText(n);
        Optional<E> e = t == null ? Optional.empty() : Vocabulary.parse(type, t);
        if (e.isEmpty()) {
            error(n, "unknown value '" + t + "'" + suggestion(t, type) + "; expected one of " + Vocabulary.allowed(type));
        }
        return e;
    }

    private <E extends Enum<E> & Vocabulary> List<E> wordList(Node node, Class<E> type, String what) {
        if (node == null) {
            return List.of();
        }
        List<Node> items = node instanceof Node.Sequence s ? s.items() : List.of(node);
        List<E> out = new ArrayList<>();
        for (Node item : items) {
            vocabulary(item, type).ifPresent(out::add);
        }
        return out;
    }

    private static Set<String> wires(List<? extends Vocabulary> words) {
        Set<String> out = new LinkedHashSet<>();
        words.forEach(w -> out.add(w.wire()));
        return out;
    }

    private List<String> strings(Node node, String what) {
        List<Node> items = node instanceof Node.Sequence s ? s.items() : List.of(node);
        List<String> out = new ArrayList<>();
        for (Node item : items) {
            String t = scalarText(item);
            if (t == null) {
                error(item, what + " takes a word or a list of words");
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private <T> List<T> list(Node node, String what, Function<Node, T> item) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof Node.Sequence s)) {
            error(node, what + " must be a list");
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (Node n : s.items()) {
            T t = item.apply(n);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private <T> List<T> indexed(Node node, String prefix, java.util.function.BiFunction<Node, String, T> item) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof Node.Sequence s)) {
            error(node, prefix + " must be a list");
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < s.items().size(); i++) {
            T t = item.apply(s.items().get(i), prefix + "[" + i + "]");
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private Node.Mapping mapping(Node node, String what) {
        if (node instanceof Node.Mapping m) {
            return m;
        }
        error(node, what + " must be a mapping of keys to values");
        return null;
    }

    private void known(Node.Mapping m, String what, String... keys) {
        List<String> allowed = List.of(keys);
        m.entries().keySet().forEach(k -> {
            if (!allowed.contains(k)) {
                error(m.keys().get(k), m, "unknown key '" + k + "' in " + what + nearest(k, allowed) + "; expected " + String.join(", ", allowed));
            }
        });
    }

    private String text(Node.Mapping m, String key, boolean required) {
        Node n = m.entries().get(key);
        if (n == null || (n instanceof Node.Scalar s && s.isNull())) {
            if (required) {
                error(m, "'" + key + "' is required");
            }
            return null;
        }
        String t = scalarText(n);
        if (t == null) {
            error(n, "'" + key + "' must be text");
        }
        return t;
    }

    private static String scalarText(Node n) {
        return n instanceof Node.Scalar s && s.value() != null ? s.text() : null;
    }

    private Optional<Boolean> bool(Node.Mapping m, String key) {
        Node n = m.entries().get(key);
        if (n == null) {
            return Optional.empty();
        }
        if (n instanceof Node.Scalar s && s.value() instanceof Boolean b) {
            return Optional.of(b);
        }
        error(n, "'" + key + "' must be true or false");
        return Optional.empty();
    }

    private LocalDate date(Node.Mapping m, String key, boolean required) {
        String t = text(m, key, required);
        if (t == null) {
            return null;
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeException e) {
            error(m.entries().get(key), "'" + t + "' is not a date; write YYYY-MM-DD");
            return null;
        }
    }

    private BigDecimal decimal(Node n, String what) {
        BigDecimal d = signedDecimal(n, what);
        if (d != null && d.signum() < 0) {
            error(n, what + " must not be negative");
        }
        return d;
    }

    private <E extends Enum<E> & Vocabulary> String suggestion(String word, Class<E> type) {
        List<String> all = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            all.add(e.wire());
        }
        return nearest(word, all);
    }

    /** ", did you mean 'x'?" when a known word is one or two edits away. */
    private static String nearest(String word, List<String> candidates) {
        if (word == null) {
            return "";
        }
        String best = null;
        int bestDistance = 3;
        for (String c : candidates) {
            int d = distance(word, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best == null || best.equals(word) ? "" : " (did you mean '" + best + "'?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private final Set<String> undeclaredWarned = new LinkedHashSet<>();

    /** A field read from an attribute the policy does not declare: it still works, but untyped and unchecked. */
    private Field field(String name, Node at) {
        Field f = Field.of(name, declarations);
        if (f.declared() == null && Field.attributeName(f.name()).isPresent() && undeclaredWarned.add(f.name())) {
            Node.Location l = at == null ? new Node.Location(1, 1) : at.at();
            diagnostics.add(new Diagnostic(Diagnostic.Severity.WARNING, file, l.line(), l.column(), "attribute " + f.name()
                    + " is not declared: declare it under 'attributes' with its type, so claims are checked against it and a claim without it goes to review"));
        }
        return f;
    }

    private void error(Node at, String message) {
        Node.Location l = at == null ? new Node.Location(1, 1) : at.at();
        diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, file, l.line(), l.column(), message));
    }

    private void error(Node.Location key, Node fallback, String message) {
        Node.Location l = key != null ? key : fallback.at();
        diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, file, l.line(), l.column(), message));
    }
}

package org.openrma.policy.statute;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.openrma.calendar.Length;
import org.openrma.calendar.TimeUnit;
import org.openrma.policy.CompiledPolicy;
import org.openrma.policy.Diagnostic;
import org.openrma.policy.source.Node;
import org.openrma.policy.source.YamlSource;

/**
 * Warns, rule by rule, where consumer law of the markets a merchant sells to will override its
 * policy, so the merchant learns it before a consumer does: a return window shorter than the
 * statutory one, condition gates (unopened, unused), fees on a return, outbound delivery not
 * refunded, "cannot cancel once shipped", category exclusions that are not statutory exceptions,
 * warranty postage charged to the customer, a remedy the merchant alone chooses, a warranty shorter
 * than the legal guarantee, "void if opened", refunds slower than the law's deadline and missing
 * withdrawal information.
 *
 * <p>What a market requires comes from its pack, never from code: a pack with a change-of-mind
 * program (ids {@code withdrawal*} or {@code cancellation*}) brings the withdrawal rules and its
 * window's length; a pack with a guarantee program ({@code guarantee*}, {@code short-term-reject},
 * {@code repair-or-replacement*}, {@code final-reject*}) brings the guarantee rules.
 */
public final class MarketLint {

    /** Tags the statutory exceptions are tied to (a category exclusion on any other tag is overridden). */
    private static final Set<String> EXCEPTION_TAGS = Set.of("personalised", "perishable", "hygiene_sealed", "sealed_media", "market_priced",
            "periodical");
    private static final Set<String> FEES = Set.of("restocking_fee", "handling", "depreciation", "shipping", "return_logistics");
    private static final Set<String> VOIDING_FACTS = Set.of("disassembled", "firmware_modified", "parts_modified", "warranty_voided");
    private static final Pattern CANNOT_CANCEL = Pattern.compile("(cannot|can't|can not|not eligible for|unable to) (be )?(cancel|canceled|cancelled|cancellation)",
            Pattern.CASE_INSENSITIVE);
    private MarketLint() {}

    /** What the packs of the markets require, and where. */
    private record Floor(Set<String> withdrawal, int withdrawalDays, Set<String> guarantee, Set<String> fixedGuarantee, int guaranteeMonths,
            Map<String, String> basis) {}

    public static List<Diagnostic> lint(CompiledPolicy merchant, Collection<String> markets, StatuteLibrary library) {
        return lint(merchant.fileName(), merchant.sourceText(), markets, library);
    }

    public static List<Diagnostic> lint(String file, String text, Collection<String> markets, StatuteLibrary library) {
        Optional<Node> root = YamlSource.parse(file, text).root();
        List<Diagnostic> out = new ArrayList<>();
        if (root.isEmpty() || !(root.get() instanceof Node.Mapping top) || markets.isEmpty()) {
            return out;
        }
        if (top.entries().containsKey("statute")) {
            return out; // a pack is the law itself
        }
        Floor floor = floor(markets, library);
        List<String> unknown = markets.stream().filter(m -> !library.countries().contains(m)).toList();
        if (!unknown.isEmpty()) {
            out.add(warn(file, top.at(), "no statutory pack for " + String.join(", ", unknown) + ": consumer law there is not checked"));
        }
        Map<String, String> clauses = clauseTexts(top);
        if (!floor.withdrawal().isEmpty() && !(top.entries().get("statutory_info") instanceof Node.Mapping)) {
            out.add(warn(file, top.at(), "no statutory_info: the policy does not say it gave consumers in " + markets(floor.withdrawal())
                    + " the withdrawal information, so their withdrawal period runs 12 months longer and they owe no diminished value ("
                    + basis(floor, floor.withdrawal(), "ext") + "); declare statutory_info: { withdrawal_info_given: true, return_cost_info_given: true } once the shop shows it"));
        }
        for (Node.Mapping program : programs(top)) {
            Set<String> kinds = words(path(program, "serves", "kind"));
            boolean returns = kinds.isEmpty() || kinds.contains("return");
            boolean warranty = kinds.contains("warranty");
            boolean cancellation = kinds.contains("cancellation");
            String id = scalar(program.entries().get("id")).orElse("?");
            if (!floor.withdrawal().isEmpty() && returns && !warranty) {
                withdrawalRules(file, program, id, floor, clauses, out);
            }
            if (!floor.withdrawal().isEmpty() && cancellation) {
                cancellationRules(file, program, id, floor, clauses, out);
            }
            if (!floor.guarantee().isEmpty() && warranty) {
                guaranteeRules(file, program, id, floor, clauses, out);
            }
        }
        if (!floor.withdrawal().isEmpty()) {
            for (Node.Mapping deadline : deadlines(top)) {
                slowRefund(file, deadline, "the policy", floor, clauses, out);
            }
        }
        // a rule shared by several programs (a YAML anchor) is reported once
        Set<String> seen = new LinkedHashSet<>();
        out.removeIf(d -> !seen.add(d.line() + ":" + d.column() + ":" + d.message()));
        return out;
    }

    private static void withdrawalRules(String file, Node.Mapping p, String id, Floor floor, Map<String, String> clauses, List<Diagnostic> out) {
        String where = markets(floor.withdrawal());
        Node window = p.entries().get("window");
        if (window instanceof Node.Mapping w) {
            Optional<Integer> days = days(w.entries().get("within"));
            if (days.isPresent() && days.get() < floor.withdrawalDays()) {
                out.add(warn(file, w.at(), cited(w, clauses) + "a " + days.get() + "-day return window is shorter than the " + floor.withdrawalDays()
                        + "-day right of withdrawal of consumers in " + where + " (" + basis(floor, floor.withdrawal(), "right")
                        + "): for them the statute's window applies, from receipt of the last good"));
            }
        }
        for (Node.Mapping check : list(p.entries().get("checks"))) {
            Node cond = check.entries().containsKey("require") ? check.entries().get("require") : check.entries().get("if");
            boolean rejects = check.entries().containsKey("require") || "rejected".equals(scalar(check.entries().get("then")).orElse(""));
            if (cond == null || !rejects) {
                continue;
            }
            if (mentions(cond, "condition")) {
                out.add(warn(file, check.at(), cited(check, clauses) + "a condition gate (unopened, unused, original packaging) does not deny a withdrawal in "
                        + where + ": the statute only lets the merchant deduct a diminished value set by inspection (" + basis(floor, floor.withdrawal(), "costs") + ")"));
            } else if (check.entries().containsKey("if") && (mentions(cond, "category") || mentions(cond, "tags"))) {
                Set<String> tags = new LinkedHashSet<>();
                collect(cond, "tags", tags);
                if (mentions(cond, "category") || tags.stream().anyMatch(t -> !EXCEPTION_TAGS.contains(t))) {
                    out.add(warn(file, check.at(), cited(check, clauses) + "a category exclusion is not a statutory exception in " + where
                            + ": only personalised, perishable, hygiene-sealed goods unsealed after delivery, sealed media unsealed and goods mixed inseparably are ("
                            + basis(floor, floor.withdrawal(), "exc") + "); tag the goods (personalised, hygiene_sealed, ...) instead"));
                }
            }
        }
        for (Node.Mapping d : list(p.entries().get("deductions"))) {
            String kind = scalar(d.entries().get("kind")).orElse("");
            if (FEES.contains(kind)) {
                out.add(warn(file, d.at(), cited(d, clauses) + "a deduction for " + kind.replace('_', ' ') + " cannot be taken from a withdrawal refund in " + where
                        + " (" + basis(floor, floor.withdrawal(), "right") + "): the consumer bears only the direct cost of return"));
            }
        }
        Node refund = p.entries().get("refund");
        String of = refund instanceof Node.Mapping r ? scalar(r.entries().get("of")).orElse("items") : "items";
        if (!of.equals("items_and_shipping")) {
            out.add(warn(file, refund != null ? refund.at() : p.at(), (refund instanceof Node.Mapping r ? cited(r, clauses) : "program " + id + ": ")
                    + "the outbound delivery is not refunded; on a withdrawal in " + where + " it is, up to the cheapest standard delivery ("
                    + basis(floor, floor.withdrawal(), "refund") + ")"));
        }
        for (Node.Mapping deadline : list(p.entries().get("deadlines"))) {
            slowRefund(file, deadline, "program " + id, floor, clauses, out);
        }
    }

    private static void cancellationRules(String file, Node.Mapping p, String id, Floor floor, Map<String, String> clauses, List<Diagnostic> out) {
        Set<String> cited = new LinkedHashSet<>();
        collect(p, "cites", cited);
        for (String c : cited) {
            String text = clauses.get(c);
            if (text != null && CANNOT_CANCEL.matcher(text).find()) {
                out.add(warn(file, p.at(), "clause " + c + " (\"" + abbreviate(text) + "\"): a consumer in " + markets(floor.withdrawal())
                        + " may still withdraw once the order has shipped, and then refuse or return the parcel (" + basis(floor, floor.withdrawal(), "right") + ")"));
            }
        }
    }

    private static void guaranteeRules(String file, Node.Mapping p, String id, Floor floor, Map<String, String> clauses, List<Diagnostic> out) {
        String where = markets(floor.guarantee());
        for (Node.Mapping rule : list(p.entries().get("return_shipping"))) {
            if ("customer".equals(scalar(rule.entries().get("paid_by")).orElse("")) && !rule.entries().containsKey("when")) {
                out.add(warn(file, rule.at(), cited(rule, clauses) + "the customer pays postage for a warranty repair; under the legal guarantee in " + where
                        + " the seller bears it, postage included (" + basis(floor, floor.guarantee(), "g_choice") + ")"));
            }
        }
        Node res = p.entries().get("resolutions");
        if (res instanceof Node.Mapping r && "merchant".equals(scalar(r.entries().get("chosen_by")).orElse(""))) {
            out.add(warn(file, r.at(), cited(r, clauses) + "the merchant alone chooses the remedy; under the legal guarantee in " + where
                    + " the consumer chooses repair or replacement unless the choice is impossible or disproportionate (" + basis(floor, floor.guarantee(), "g_choice") + ")"));
        }
        if (p.entries().get("window") instanceof Node.Mapping w && !floor.fixedGuarantee().isEmpty()
                && scalar(length(w.entries().get("within"))).filter(t -> t.contains("month") || t.contains("year")).isPresent()) {
            Optional<Integer> months = months(w.entries().get("within"));
            if (months.isPresent() && months.get() < floor.guaranteeMonths()) {
                out.add(warn(file, w.at(), cited(w, clauses) + "a " + months.get() + "-month warranty is shorter than the legal guarantee in "
                        + markets(floor.fixedGuarantee()) + " (at least " + floor.guaranteeMonths() + " months, " + basis(floor, floor.fixedGuarantee(), "g_right")
                        + "): both run, and the text should say statutory rights are unaffected"));
            }
        }
        for (Node.Mapping check : list(p.entries().get("checks"))) {
            Set<String> facts = new LinkedHashSet<>();
            if (check.entries().get("if") != null) {
                collect(check.entries().get("if"), "facts", facts);
            }
            if ("rejected".equals(scalar(check.entries().get("then")).orElse("")) && facts.stream().anyMatch(VOIDING_FACTS::contains)) {
                out.add(warn(file, check.at(), cited(check, clauses) + "\"void if opened or modified\" does not end the legal guarantee in " + where
                        + ": only a defect the act caused is excluded, so such claims go to review there"));
            }
        }
    }

    private static void slowRefund(String file, Node.Mapping deadline, String where, Floor floor, Map<String, String> clauses, List<Diagnostic> out) {
        if (!"refund_by".equals(scalar(deadline.entries().get("name")).orElse(""))) {
            return;
        }
        Optional<String> within = scalar(deadline.entries().get("within"));
        if (within.isEmpty()) {
            return;
        }
        Length length = Length.parse(within.get()).orElse(null);
        if (length != null && !length.isUnlimited()) {
            int n = length.atMost();
            int calendarDays = switch (length.unit()) {
                case BUSINESS_DAYS -> n * 7 / 5;
                case MONTHS -> n * 30;
                case YEARS -> n * 365;
                case HOURS -> n / 24;
                default -> n;
            };
            if (calendarDays > 14) {
                out.add(warn(file, deadline.at(), cited(deadline, clauses) + where + " refunds within " + within.get() + "; on a withdrawal in "
                        + markets(floor.withdrawal()) + " the refund is due within 14 days of the notice (" + basis(floor, floor.withdrawal(), "refund") + ")"));
            }
        }
    }

    // ---------------------------------------------------------------- what the packs require

    private static Floor floor(Collection<String> markets, StatuteLibrary library) {
        Set<String> withdrawal = new LinkedHashSet<>();
        Set<String> guarantee = new LinkedHashSet<>();
        Set<String> fixedGuarantee = new LinkedHashSet<>();
        int days = 0;
        int months = 0;
        Map<String, String> basis = new LinkedHashMap<>();
        for (String market : markets) {
            for (CompiledPolicy pack : library.latest(market)) {
                Optional<Node> root = YamlSource.parse(pack.fileName(), pack.sourceText()).root();
                if (root.isEmpty() || !(root.get() instanceof Node.Mapping top)) {
                    continue;
                }
                for (Node.Mapping program : programs(top)) {
                    String id = scalar(program.entries().get("id")).orElse("");
                    List<String> cites = new ArrayList<>();
                    if (program.entries().get("window") instanceof Node.Mapping w) {
                        collectList(w.entries().get("cites"), cites);
                    }
                    if (id.equals("withdrawal") || id.equals("cancellation")) {
                        withdrawal.add(market);
                        days = Math.max(days, program.entries().get("window") instanceof Node.Mapping w ? days(w.entries().get("within")).orElse(14) : 14);
                        put(basis, market, "right", cites.isEmpty() ? null : cites.getFirst());
                        collectRoles(program, market, basis);
                    } else if (id.equals("withdrawal-not-informed") || id.equals("cancellation-not-informed")) {
                        put(basis, market, "ext", cites.size() > 1 ? cites.get(1) : null);
                    } else if (id.equals("guarantee") || id.equals("repair-or-replacement") || id.equals("major-failure")) {
                        guarantee.add(market);
                        put(basis, market, "g_right", cites.isEmpty() ? null : cites.getFirst());
                        Set<String> choice = new LinkedHashSet<>();
                        collect(program.entries().get("resolutions"), "cites", choice);
                        put(basis, market, "g_choice", choice.isEmpty() ? null : choice.iterator().next());
                    } else if (id.equals("guarantee-after-presumption") && program.entries().get("window") instanceof Node.Mapping w) {
                        fixedGuarantee.add(market);
                        int m = months(w.entries().get("within")).orElse(24);
                        months = months == 0 ? m : Math.min(months, m);
                    }
                }
            }
        }
        return new Floor(withdrawal, days == 0 ? 14 : days, guarantee, fixedGuarantee, months == 0 ? 24 : months, basis);
    }

    /** The provisions a withdrawal program cites for its refund, its costs and its exceptions. */
    private static void collectRoles(Node.Mapping program, String market, Map<String, String> basis) {
        if (program.entries().get("refund") instanceof Node.Mapping r) {
            scalar(r.entries().get("cites")).ifPresent(c -> put(basis, market, "refund", c));
        }
        for (Node.Mapping d : list(program.entries().get("deductions"))) {
            scalar(d.entries().get("cites")).ifPresent(c -> put(basis, market, "costs", c));
        }
        for (Node.Mapping c : list(program.entries().get("checks"))) {
            if (c.entries().containsKey("if")) {
                scalar(c.entries().get("cites")).ifPresent(x -> put(basis, market, "exc", x));
                break;
            }
        }
    }

    private static void put(Map<String, String> basis, String market, String role, String cite) {
        if (cite != null) {
            basis.putIfAbsent(market + "/" + role, cite);
        }
    }

    private static String basis(Floor floor, Set<String> markets, String role) {
        List<String> out = new ArrayList<>();
        for (String m : markets) {
            String c = floor.basis().get(m + "/" + role);
            if (c != null) {
                out.add(m + ": " + c);
            }
        }
        return out.isEmpty() ? "the consumer law of " + String.join(", ", markets) : String.join("; ", out);
    }

    // ---------------------------------------------------------------- reading the file

    private static List<Node.Mapping> programs(Node.Mapping top) {
        List<Node.Mapping> out = new ArrayList<>(list(top.entries().get("programs")));
        for (Node.Mapping section : list(top.entries().get("sections"))) {
            out.addAll(list(section.entries().get("programs")));
        }
        return out;
    }

    private static List<Node.Mapping> deadlines(Node.Mapping top) {
        return list(top.entries().get("deadlines"));
    }

    private static List<Node.Mapping> list(Node n) {
        List<Node.Mapping> out = new ArrayList<>();
        if (n instanceof Node.Sequence s) {
            s.items().forEach(i -> {
                if (i instanceof Node.Mapping m) {
                    out.add(m);
                }
            });
        }
        return out;
    }

    private static Node path(Node.Mapping m, String... keys) {
        Node n = m;
        for (String k : keys) {
            if (!(n instanceof Node.Mapping mm)) {
                return null;
            }
            n = mm.entries().get(k);
        }
        return n;
    }

    private static Set<String> words(Node n) {
        Set<String> out = new LinkedHashSet<>();
        if (n instanceof Node.Scalar s && s.value() != null) {
            out.add(s.text());
        } else if (n instanceof Node.Sequence seq) {
            seq.items().forEach(i -> scalar(i).ifPresent(out::add));
        }
        return out;
    }

    private static Optional<String> scalar(Node n) {
        return n instanceof Node.Scalar s && s.value() != null ? Optional.of(s.text()) : Optional.empty();
    }

    /** True when a condition tests the key anywhere inside it (through any, all, not). */
    private static boolean mentions(Node n, String key) {
        if (n instanceof Node.Mapping m) {
            return m.entries().containsKey(key) || m.entries().values().stream().anyMatch(v -> mentions(v, key));
        }
        if (n instanceof Node.Sequence s) {
            return s.items().stream().anyMatch(i -> mentions(i, key));
        }
        return false;
    }

    private static void collect(Node n, String key, Set<String> out) {
        if (n instanceof Node.Mapping m) {
            m.entries().forEach((k, v) -> {
                if (k.equals(key)) {
                    out.addAll(words(v));
                } else {
                    collect(v, key, out);
                }
            });
        } else if (n instanceof Node.Sequence s) {
            s.items().forEach(i -> collect(i, key, out));
        }
    }

    private static void collectList(Node n, List<String> out) {
        out.addAll(words(n));
    }

    private static Map<String, String> clauseTexts(Node.Mapping top) {
        Map<String, String> out = new LinkedHashMap<>();
        if (top.entries().get("clauses") instanceof Node.Mapping m) {
            m.entries().forEach((id, v) -> {
                if (v instanceof Node.Scalar s && s.value() != null) {
                    out.put(id, s.text());
                } else if (v instanceof Node.Mapping cm) {
                    scalar(cm.entries().get("text")).ifPresent(t -> out.put(id, t));
                }
            });
        }
        return out;
    }

    /** "clause S0-01 ("we allow returns within 7 days"): " for the clauses a rule cites. */
    private static String cited(Node.Mapping rule, Map<String, String> clauses) {
        Set<String> ids = words(rule.entries().get("cites"));
        if (ids.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String id : ids) {
            String text = clauses.get(id);
            parts.add(text == null ? id : id + " (\"" + abbreviate(text) + "\")");
        }
        return "clause " + String.join(", ", parts) + ": ";
    }

    private static String abbreviate(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= 70 ? one : one.substring(0, 67) + "...";
    }

    /** A length as written, or a table's default ({@code { by: ..., default: 1 year }}). */
    private static Node length(Node within) {
        return within instanceof Node.Mapping m && m.entries().containsKey("default") ? m.entries().get("default") : within;
    }

    /** The window's length in days (weeks counted as 7); empty for other units or text that is not a length. */
    private static Optional<Integer> days(Node within) {
        return parsedLength(within).filter(l -> l.unit() == TimeUnit.DAYS).map(Length::atLeast);
    }

    /** The length in months (years as 12, days as whole 30-day months); empty for other units. */
    private static Optional<Integer> months(Node within) {
        return parsedLength(within).flatMap(l -> switch (l.unit()) {
            case YEARS -> Optional.of(l.atLeast() * 12);
            case MONTHS -> Optional.of(l.atLeast());
            case DAYS -> Optional.of(l.atLeast() / 30);
            default -> Optional.empty();
        });
    }

    private static Optional<Length> parsedLength(Node within) {
        return scalar(length(within)).flatMap(Length::parse);
    }

    private static String markets(Set<String> markets) {
        return String.join(", ", markets);
    }

    private static Diagnostic warn(String file, Node.Location at, String message) {
        return new Diagnostic(Diagnostic.Severity.WARNING, file, at.line(), at.column(), "market: " + message);
    }
}

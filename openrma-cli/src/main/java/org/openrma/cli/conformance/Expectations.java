package org.openrma.cli.conformance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.joda.money.Money;
import org.openrma.claim.Vocabulary;
import org.openrma.decision.Citation;
import org.openrma.decision.Decision;
import org.openrma.decision.DeductionKind;
import tools.jackson.databind.JsonNode;

/**
 * Checks a decision against the {@code expect} block of a scenario (see the scenarios' README).
 * Only the keys given are checked; a key the README does not define is reported, so that a typo
 * cannot pass silently.
 *
 * <ul>
 *   <li>{@code outcome}, {@code return_shipping_paid_by}: the same word.</li>
 *   <li>{@code resolutions}, {@code missing_evidence}: the same set, order ignored.</li>
 *   <li>{@code refund}, {@code return_shipping_reimbursed}: the same amount as a decimal
 *       ({@code "80"} equals {@code "80.00"}); a decision without the amount counts as zero.</li>
 *   <li>{@code deductions}: each listed kind with the same amount; every kind not listed absent
 *       (a zero amount counts as absent).</li>
 *   <li>{@code deadlines}: each listed date equal; dates not listed are not checked.</li>
 *   <li>{@code cites}: each word or phrase found, ignoring case, spacing and curly quotes, in the
 *       texts of the clauses the decision's explanation cites.</li>
 *   <li>{@code legal_basis}: for each resolution listed, the same set of bases
 *       ({@code merchant:S0-01}, {@code statute:DE:§ 312g BGB}); resolutions not listed are not checked.</li>
 *   <li>{@code overrides}: each phrase found in one displaced rule ({@code rule}, {@code before → after});
 *       an empty list means none.</li>
 *   <li>{@code recommended}: the basis of the statutory route recommended, or none.</li>
 * </ul>
 */
public final class Expectations {

    private static final Map<String, BiConsumer<Check, JsonNode>> KEYS = Map.ofEntries(
            Map.entry("legal_basis", Check::legalBasis),
            Map.entry("overrides", Check::overrides),
            Map.entry("recommended", Check::recommended),
            Map.entry("outcome", Check::outcome),
            Map.entry("resolutions", Check::resolutions),
            Map.entry("refund", Check::refund),
            Map.entry("deductions", Check::deductions),
            Map.entry("return_shipping_paid_by", Check::returnShippingPaidBy),
            Map.entry("return_shipping_reimbursed", Check::returnShippingReimbursed),
            Map.entry("missing_evidence", Check::missingEvidence),
            Map.entry("deadlines", Check::deadlines),
            Map.entry("cites", Check::cites));

    private Expectations() {}

    /** The keys an {@code expect} block may hold. */
    public static Set<String> keys() {
        return new TreeSet<>(KEYS.keySet());
    }

    /** Every difference between the expectations and the decision; empty when the decision meets them all. */
    public static List<Difference> compare(JsonNode expect, Decision decision) {
        Check check = new Check(decision);
        if (expect == null || !expect.isObject()) {
            check.differ("expect", "a mapping of the keys to check", expect == null ? "nothing" : expect.getNodeType().toString().toLowerCase(Locale.ROOT));
            return check.differences;
        }
        for (Map.Entry<String, JsonNode> entry : expect.properties()) {
            BiConsumer<Check, JsonNode> rule = KEYS.get(entry.getKey());
            if (rule == null) {
                check.differ(entry.getKey(), "one of the keys " + String.join(", ", keys()), "an unknown key in expect");
            } else {
                rule.accept(check, entry.getValue());
            }
        }
        return check.differences;
    }

    /** One comparison in progress, collecting its differences. */
    private static final class Check {
        private final Decision decision;
        private final List<Difference> differences = new ArrayList<>();

        Check(Decision decision) {
            this.decision = decision;
        }

        void differ(String key, String expected, String actual) {
            differences.add(new Difference(key, expected, actual));
        }

        void outcome(JsonNode expected) {
            word("outcome", expected, decision.outcome());
        }

        void returnShippingPaidBy(JsonNode expected) {
            word("return_shipping_paid_by", expected, decision.returnShippingPaidBy());
        }

        void refund(JsonNode expected) {
            amount("refund", expected, decision.refund());
        }

        void returnShippingReimbursed(JsonNode expected) {
            amount("return_shipping_reimbursed", expected, decision.returnShippingReimbursed());
        }

        void resolutions(JsonNode expected) {
            wordSet("resolutions", expected, decision.resolutions());
        }

        void missingEvidence(JsonNode expected) {
            wordSet("missing_evidence", expected, decision.missingEvidence().stream().map(w -> (Vocabulary) () -> w).toList());
        }

        void deductions(JsonNode expected) {
            if (!isMappingOrNull("deductions", expected)) {
                return;
            }
            Map<String, Money> actual = decision.deductions().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().wire(), Map.Entry::getValue));
            Set<String> listed = new TreeSet<>();
            if (expected != null && !expected.isNull()) {
                for (Map.Entry<String, JsonNode> e : expected.properties()) {
                    String kind = e.getKey().trim().toLowerCase(Locale.ROOT);
                    listed.add(kind);
                    if (Vocabulary.parse(DeductionKind.class, kind).isEmpty()) {
                        differ("deductions." + kind, "a deduction kind (" + Vocabulary.allowed(DeductionKind.class) + ")", "an unknown kind in expect");
                        continue;
                    }
                    amount("deductions." + kind, e.getValue(), actual.get(kind));
                }
            }
            actual.entrySet().stream()
                    .filter(e -> !listed.contains(e.getKey()))
                    .filter(e -> e.getValue() != null && !e.getValue().isZero())
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> differ("deductions." + e.getKey(), "none (not listed)", show(e.getValue())));
        }

        void deadlines(JsonNode expected) {
            if (!isMappingOrNull("deadlines", expected) || expected == null || expected.isNull()) {
                return;
            }
            for (Map.Entry<String, JsonNode> e : expected.properties()) {
                String key = "deadlines." + e.getKey();
                LocalDate actual = decision.deadlines().get(e.getKey());
                String text = scalar(e.getValue());
                LocalDate date;
                try {
                    date = text == null ? null : LocalDate.parse(text);
                } catch (DateTimeParseException ex) {
                    differ(key, "a date such as 2025-03-17 in expect", "'" + text + "'");
                    continue;
                }
                if (!Objects.equals(date, actual)) {
                    differ(key, date == null ? "none" : date.toString(), actual == null ? "none (the decision has no such deadline; it has "
                            + (decision.deadlines().isEmpty() ? "none" : String.join(", ", new TreeSet<>(decision.deadlines().keySet()))) + ")"
                            : actual.toString());
                }
            }
        }

        void legalBasis(JsonNode expected) {
            if (!isMappingOrNull("legal_basis", expected) || expected == null || expected.isNull()) {
                return;
            }
            var legal = decision.legal();
            for (Map.Entry<String, JsonNode> e : expected.properties()) {
                List<String> want = list("legal_basis." + e.getKey(), e.getValue());
                if (want == null) {
                    continue;
                }
                List<String> got = legal == null ? List.of() : legal.legalBasis().entrySet().stream()
                        .filter(b -> b.getKey().wire().equals(e.getKey())).flatMap(b -> b.getValue().stream()).toList();
                if (!new TreeSet<>(want).equals(new TreeSet<>(got))) {
                    differ("legal_basis." + e.getKey(), new TreeSet<>(want).toString(), legal == null ? "none (no statutory pack applied)" : new TreeSet<>(got).toString());
                }
            }
        }

        void overrides(JsonNode expected) {
            List<String> want = list("overrides", expected);
            if (want == null) {
                return;
            }
            List<String> got = decision.legal() == null ? List.of() : decision.legal().overrides().stream()
                    .map(o -> o.rule() + ": " + o.before() + " → " + o.after() + " (" + o.provision() + ")").toList();
            if (want.isEmpty() && !got.isEmpty()) {
                differ("overrides", "none", got.toString());
            }
            for (String phrase : want) {
                if (got.stream().noneMatch(g -> normalize(g).contains(normalize(phrase)))) {
                    differ("overrides", "\"" + phrase + "\" in a displaced rule", got.isEmpty() ? "none" : got.toString());
                }
            }
        }

        void recommended(JsonNode expected) {
            String want = scalar(expected);
            String got = decision.legal() == null ? null : decision.legal().recommended();
            if (!Objects.equals(want, got)) {
                differ("recommended", want == null ? "none" : want, got == null ? "none" : got);
            }
        }

        void cites(JsonNode expected) {
            List<String> words = list("cites", expected);
            if (words == null) {
                return;
            }
            List<Citation> citations = decision.citations();
            String cited = normalize(citations.stream().map(Citation::text).filter(Objects::nonNull).collect(Collectors.joining("\n")));
            for (String word : words) {
                if (!cited.contains(normalize(word))) {
                    differ("cites", "\"" + word + "\" in a cited clause", citations.isEmpty() ? "no clause cited" : "not in the clauses cited: " + citations.stream()
                            .map(c -> c.id() + " \"" + abbreviate(Objects.toString(c.text(), "")) + "\"").collect(Collectors.joining("; ")));
                }
            }
        }

        private void word(String key, JsonNode expected, Vocabulary actual) {
            if (expected != null && expected.isContainer()) {
                differ(key, "a single word in expect", "a " + expected.getNodeType().toString().toLowerCase(Locale.ROOT));
                return;
            }
            String want = scalar(expected);
            String got = actual == null ? null : actual.wire();
            if (!Objects.equals(want == null ? null : want.toLowerCase(Locale.ROOT), got)) {
                differ(key, want == null ? "none" : want, got == null ? "none" : got);
            }
        }

        private void amount(String key, JsonNode expected, Money actual) {
            if (expected != null && expected.isContainer()) {
                differ(key, "an amount such as \"19.99\" in expect", "a " + expected.getNodeType().toString().toLowerCase(Locale.ROOT));
                return;
            }
            String text = scalar(expected);
            BigDecimal want;
            try {
                want = text == null ? BigDecimal.ZERO : new BigDecimal(text);
            } catch (NumberFormatException e) {
                differ(key, "an amount such as \"19.99\" in expect", "'" + text + "'");
                return;
            }
            BigDecimal got = actual == null ? BigDecimal.ZERO : actual.getAmount();
            if (want.compareTo(got) != 0) {
                differ(key, want.toPlainString(), show(actual));
            }
        }

        private void wordSet(String key, JsonNode expected, Collection<? extends Vocabulary> actual) {
            List<String> words = list(key, expected);
            if (words == null) {
                return;
            }
            Set<String> want = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
            Set<String> got = actual.stream().map(Vocabulary::wire).collect(Collectors.toCollection(TreeSet::new));
            if (!want.equals(got)) {
                differ(key, want.toString(), got.toString());
            }
        }

        /** The words of a list in expect; null (after reporting) when it is not a list. A null value is the empty list. */
        private List<String> list(String key, JsonNode expected) {
            if (expected == null || expected.isNull()) {
                return List.of();
            }
            if (!expected.isArray()) {
                differ(key, "a list in expect", "a " + expected.getNodeType().toString().toLowerCase(Locale.ROOT));
                return null;
            }
            List<String> words = new ArrayList<>();
            for (JsonNode item : expected.values()) {
                String s = scalar(item);
                if (s == null || item.isContainer()) {
                    differ(key, "a list of words in expect", "an item " + item);
                    return null;
                }
                words.add(s);
            }
            return words;
        }

        private boolean isMappingOrNull(String key, JsonNode expected) {
            if (expected == null || expected.isNull() || expected.isObject()) {
                return true;
            }
            differ(key, "a mapping in expect", "a " + expected.getNodeType().toString().toLowerCase(Locale.ROOT));
            return false;
        }
    }

    private static String scalar(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainer()) {
            return null;
        }
        return node.asString().trim();
    }

    private static String show(Money m) {
        return m == null ? "none" : m.getAmount().toPlainString();
    }

    /** Lower case, one space for any run of white space, straight quotes for curly ones. */
    static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201C', '"').replace('\u201D', '"')
                .replaceAll("\\s+", " ")
                .trim();
    }

    private static String abbreviate(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= 160 ? one : one.substring(0, 157) + "...";
    }
}

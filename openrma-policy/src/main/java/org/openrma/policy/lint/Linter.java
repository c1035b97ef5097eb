package org.openrma.policy.lint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrma.decision.Citation;
import org.openrma.decision.Outcome;
import org.openrma.policy.Diagnostic;
import org.openrma.policy.model.Condition;
import org.openrma.policy.model.PolicyModel;
import org.openrma.policy.model.Program;
import org.openrma.policy.model.Rules;
import org.openrma.policy.source.Node;

/**
 * Warnings about a policy that compiles but may not say what its author means: clauses no rule
 * encodes, numbers that contradict their words ("one (2) year"), vague terms nothing quantifies,
 * programs that overlap with different answers or that can never be reached, and shipping rules
 * that leave a case uncovered. A clause with a {@code note} has been looked at by a person; its
 * findings are reported as information instead.
 */
public final class Linter {

    private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
            "twenty-one", "twenty-two", "twenty-three", "twenty-four", "twenty-five", "twenty-six", "twenty-seven", "twenty-eight",
            "twenty-nine", "thirty");
    private static final Pattern WORD_AND_DIGITS = Pattern.compile("\\b([a-z]+(?:-[a-z]+)?)\\s*\\(\\s*(\\d+)\\s*\\)", Pattern.CASE_INSENSITIVE);
    /** Terms that promise something without saying how much or how soon. */
    private static final List<String> VAGUE = List.of("promptly", "immediately", "right away", "as soon as possible", "small", "excessive",
            "regular shipping", "if applicable", "reasonable", "case by case", "case-by-case", "may be offered", "may issue");

    private Linter() {}

    public static List<Diagnostic> lint(String file, Node root, PolicyModel model, Set<String> citedClauses) {
        List<Diagnostic> out = new ArrayList<>();
        Node.Mapping top = (Node.Mapping) root;
        Node.Mapping clauseNodes = top.get("clauses").filter(Node.Mapping.class::isInstance).map(Node.Mapping.class::cast).orElse(null);
        Set<String> reviewed = reviewedClauses(model);
        Set<String> outside = top.get("outside_engine").filter(Node.Mapping.class::isInstance).map(n -> ((Node.Mapping) n).entries().keySet())
                .orElse(Set.of());

        for (Citation c : model.clauses().values()) {
            Node.Location at = clauseNodes == null ? new Node.Location(1, 1) : clauseNodes.keys().getOrDefault(c.id(), clauseNodes.at());
            boolean noted = clauseNodes != null && clauseNodes.entries().get(c.id()) instanceof Node.Mapping cm && cm.entries().containsKey("note");
            if (!citedClauses.contains(c.id())) {
                out.add(warn(file, at, "clause " + c.id() + " is neither cited by a rule nor listed under outside_engine: is it encoded?"));
            }
            Matcher m = WORD_AND_DIGITS.matcher(c.text());
            while (m.find()) {
                int word = NUMBER_WORDS.indexOf(m.group(1).toLowerCase(java.util.Locale.ROOT));
                if (word >= 0 && word != Integer.parseInt(m.group(2))) {
                    String message = "clause " + c.id() + " says '" + m.group() + "': the number contradicts its words";
                    out.add(noted ? info(file, at, message + " (resolved in the clause's note)") : warn(file, at, message + "; say which one holds in a note"));
                }
            }
            String lower = c.text().toLowerCase(java.util.Locale.ROOT);
            for (String term : VAGUE) {
                if (lower.contains(term) && !noted && !reviewed.contains(c.id()) && !outside.contains(c.id())) {
                    out.add(warn(file, at, "clause " + c.id() + " uses the unquantified term '" + term
                            + "' and nothing gives it a value: cite it from a needs_review check, list it under outside_engine, or add a note"));
                }
            }
        }
        overlaps(file, top, model, out);
        shippingGaps(file, top, model, out);
        return out;
    }

    /** Clauses cited by a rule whose answer is needs_review: their vagueness is left to a person on purpose. */
    private static Set<String> reviewedClauses(PolicyModel model) {
        Set<String> ids = new LinkedHashSet<>();
        for (Program p : model.programs()) {
            for (Rules.Check check : p.checks()) {
                if (check.outcome() == Outcome.NEEDS_REVIEW) {
                    check.cites().forEach(c -> ids.add(c.id()));
                }
            }
            if (p.window() != null && p.window().otherwise() == Outcome.NEEDS_REVIEW) {
                p.window().cites().forEach(c -> ids.add(c.id()));
            }
        }
        if (model.whenNoProgramServes().outcome() == Outcome.NEEDS_REVIEW) {
            model.whenNoProgramServes().cites().forEach(c -> ids.add(c.id()));
        }
        return ids;
    }

    private static void overlaps(String file, Node.Mapping top, PolicyModel model, List<Diagnostic> out) {
        List<Program> programs = model.programs();
        for (int i = 0; i < programs.size(); i++) {
            for (int j = i + 1; j < programs.size(); j++) {
                Program a = programs.get(i);
                Program b = programs.get(j);
                if (!a.serves().equals(b.serves())) {
                    continue;
                }
                Node.Location at = programLocation(top, j);
                if (model.selection() == PolicyModel.Selection.FIRST_MATCH) {
                    out.add(warn(file, at, "program '" + b.id() + "' is never reached: '" + a.id()
                            + "' serves the same claims and comes first under first_match"));
                } else if (unconditional(a) != null && unconditional(b) != null && unconditional(a) != unconditional(b)) {
                    out.add(warn(file, at, "programs '" + a.id() + "' and '" + b.id() + "' serve the same claims with different answers ("
                            + unconditional(a).wire() + " vs " + unconditional(b).wire() + "): say in their 'serves' which claims each is for"));
                }
            }
        }
    }

    private static Outcome unconditional(Program p) {
        return p.checks().stream().filter(c -> !c.require() && c.condition().equals(Condition.ALWAYS)).map(Rules.Check::outcome).findFirst()
                .orElse(null);
    }

    private static void shippingGaps(String file, Node.Mapping top, PolicyModel model, List<Diagnostic> out) {
        for (int i = 0; i < model.programs().size(); i++) {
            Program p = model.programs().get(i);
            List<Rules.ShippingRule> rules = p.returnShipping();
            if (rules.isEmpty() && !p.resolutions().offers().isEmpty() && mayHaveAReturnLeg(p.serves())) {
                out.add(warn(file, programLocation(top, i), "program '" + p.id()
                        + "' says nothing about who pays return shipping, so its decisions leave it undetermined; add return_shipping (paid_by: customer, merchant, or undetermined when the text does not say)"));
            }
            if (!rules.isEmpty() && !rules.getLast().when().equals(Condition.ALWAYS)) {
                out.add(warn(file, programLocation(top, i), "program '" + p.id()
                        + "': every return_shipping rule has a condition, so some claims match none (who pays is then undetermined and an agent decides); end with a rule without 'when'"));
            }
        }
    }

    /** False only when the program serves kinds of claim that send nothing back (cancellations, parcels not received, ...). */
    private static boolean mayHaveAReturnLeg(Condition serves) {
        return switch (serves) {
            case Condition.WordIn w when w.field().name().equals("kind") -> w.words().stream()
                    .anyMatch(k -> org.openrma.claim.Vocabulary.parse(org.openrma.claim.ClaimKind.class, k).map(org.openrma.claim.ClaimKind::hasReturnLeg).orElse(true));
            case Condition.WordIn w when w.field().name().equals("delivery_status") -> w.words().contains("delivered");
            case Condition.All a -> a.parts().stream().allMatch(Linter::mayHaveAReturnLeg);
            case Condition.Any a -> a.parts().stream().anyMatch(Linter::mayHaveAReturnLeg);
            case Condition.Compiled c -> mayHaveAReturnLeg(c.source());
            default -> true;
        };
    }

    private static Node.Location programLocation(Node.Mapping top, int index) {
        return top.get("programs").filter(Node.Sequence.class::isInstance).map(n -> ((Node.Sequence) n).items())
                .filter(items -> index < items.size()).map(items -> items.get(index).at()).orElse(top.at());
    }

    private static Diagnostic warn(String file, Node.Location at, String message) {
        return new Diagnostic(Diagnostic.Severity.WARNING, file, at.line(), at.column(), message);
    }

    private static Diagnostic info(String file, Node.Location at, String message) {
        return new Diagnostic(Diagnostic.Severity.INFO, file, at.line(), at.column(), message);
    }
}

package org.openrma.cli.decide;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.joda.money.Money;
import org.openrma.claim.Vocabulary;
import org.openrma.decision.Citation;
import org.openrma.decision.Decision;
import org.openrma.decision.ExplanationStep;
import org.openrma.decision.LineResult;
import org.openrma.decision.PolicyVersionRef;
import org.openrma.decision.ProgramVerdict;

/** A decision written for a person: the answer first, then every rule evaluated with the clauses it applies. */
public final class DecisionExplanation {

    private static final String NONE = "none";

    private final StringBuilder text = new StringBuilder();

    private DecisionExplanation() {}

    public static String of(Decision d) {
        DecisionExplanation e = new DecisionExplanation();
        e.answer(d);
        e.lines(d.lines());
        e.steps(d.explanation());
        e.programs(d.programs());
        return e.text.toString().stripTrailing();
    }

    private void answer(Decision d) {
        field("Outcome", word(d.outcome()));
        field("Program", d.program() == null ? "none serves this claim" : d.program() + title(d));
        field("Policy", version(d.policyVersion()));
        if (d.summary() != null && !d.summary().isBlank()) {
            field("Summary", d.summary());
        }
        String resolutions = d.resolutions().isEmpty() ? NONE
                : d.resolutions().stream().sorted().map(Vocabulary::wire).collect(Collectors.joining(", "));
        if (d.chosenBy() != null && d.resolutions().size() > 1) {
            resolutions += " (chosen by the " + d.chosenBy().wire() + ")";
        }
        if (d.needsConsent()) {
            resolutions += "; a substitute needs the customer's consent";
        }
        field("Resolutions", resolutions);
        field("Refund", money(d.refund()));
        if (d.deductions().isEmpty()) {
            field("Deductions", NONE);
        } else {
            field("Deductions", "");
            d.deductions().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> line("  - " + e.getKey().wire() + ": " + money(e.getValue())));
        }
        field("Return shipping paid by", word(d.returnShippingPaidBy()));
        field("Return shipping reimbursed", money(d.returnShippingReimbursed()));
        if (d.outboundShippingPaidBy() != null) {
            field("Outbound shipping paid by", word(d.outboundShippingPaidBy()));
        }
        field("Missing evidence", d.missingEvidence().isEmpty() ? NONE
                : d.missingEvidence().stream().collect(Collectors.joining(", ")));
        if (d.deadlines().isEmpty()) {
            field("Deadlines", NONE);
        } else {
            field("Deadlines", "");
            d.deadlines().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> line("  - " + e.getKey() + ": " + e.getValue()));
        }
    }

    private void lines(List<LineResult> lines) {
        if (lines.isEmpty()) {
            return;
        }
        line("");
        line("Lines:");
        for (LineResult l : lines) {
            line("  - " + l.sku() + " x" + l.quantity() + ": " + word(l.outcome()) + (l.price() == null ? "" : ", " + money(l.price())));
            l.reasons().forEach(r -> line("      " + r));
        }
    }

    private void steps(List<ExplanationStep> steps) {
        line("");
        line("Why:");
        if (steps.isEmpty()) {
            line("  (the decision records no rules)");
        }
        int width = String.valueOf(steps.size()).length();
        String indent = " ".repeat(width + 4);
        int n = 1;
        for (ExplanationStep s : steps) {
            String where = s.program() == null ? s.rule() : s.program() + "/" + s.rule();
            String number = String.format("%" + width + "d", n++);
            line("  " + number + ". " + where + (s.line() == null ? "" : " [line " + s.line() + "]") + ": " + word(s.result()));
            if (!s.read().isEmpty()) {
                line(indent + "read: " + s.read().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
            }
            if (s.says() != null && !s.says().isBlank()) {
                line(indent + "says: " + s.says());
            }
            for (Citation c : s.cites()) {
                line(indent + "cites " + c.id() + ": \"" + Objects.toString(c.text(), "").strip() + "\"");
            }
        }
    }

    private void programs(List<ProgramVerdict> programs) {
        line("");
        line("Programs considered:");
        if (programs.isEmpty()) {
            line("  (none)");
        }
        for (ProgramVerdict p : programs) {
            String name = p.program() + (p.title() == null || p.title().isBlank() ? "" : " (" + p.title() + ")");
            String outcome = p.outcome() == null ? "does not serve this claim" : p.outcome().wire();
            String says = p.says() == null ? "" : p.says().strip();
            boolean repeats = says.isEmpty() || says.replaceFirst("\\.$", "").equalsIgnoreCase(outcome);
            line("  - " + name + ": " + outcome + (repeats ? "" : " - " + says));
        }
    }

    private static String title(Decision d) {
        return d.programs().stream()
                .filter(p -> d.program().equals(p.program()) && p.title() != null && !p.title().isBlank())
                .map(p -> " (" + p.title() + ")").findFirst().orElse("");
    }

    private static String version(PolicyVersionRef ref) {
        if (ref == null) {
            return "unknown";
        }
        return ref.policy() + " version " + ref.version() + ", in force from " + ref.effectiveFrom()
                + (ref.sha256() == null ? "" : ", sha256 " + ref.sha256());
    }

    private static String money(Money m) {
        return m == null ? NONE : m.getCurrencyUnit().getCode() + " " + m.getAmount().toPlainString();
    }

    private static String word(Vocabulary v) {
        return v == null ? NONE : v.wire();
    }

    private void field(String name, String value) {
        line(value.isEmpty() ? name + ":" : name + ": " + value);
    }

    private void line(String s) {
        text.append(s).append('\n');
    }
}

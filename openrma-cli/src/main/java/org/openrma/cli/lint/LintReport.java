package org.openrma.cli.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.openrma.policy.Diagnostic;

/** Diagnostics of the files linted, in file order, and the counts the summary line gives. */
public record LintReport(List<Diagnostic> diagnostics) {

    public LintReport {
        diagnostics = List.copyOf(diagnostics);
    }

    public static LintReport empty() {
        return new LintReport(List.of());
    }

    public LintReport plus(LintReport other) {
        return new LintReport(Stream.concat(diagnostics.stream(), other.diagnostics.stream()).toList());
    }

    public long errors() {
        return count(Diagnostic.Severity.ERROR);
    }

    public long warnings() {
        return count(Diagnostic.Severity.WARNING);
    }

    private long count(Diagnostic.Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }

    /** Whether the lint fails: on any error, and on any warning when strict. */
    public boolean failed(boolean strict) {
        return errors() > 0 || (strict && warnings() > 0);
    }

    /** One line per diagnostic ({@code file:line:col: severity: message}), then {@code N errors, M warnings}. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        diagnostics.forEach(d -> lines.add(d.toString()));
        lines.add(summary());
        return lines;
    }

    public String summary() {
        return errors() + " errors, " + warnings() + " warnings";
    }
}

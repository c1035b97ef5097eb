package org.openrma.cli.lint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openrma.policy.Diagnostic;
import org.openrma.policy.PolicyCompiler;

/** Compiles one policy file for its diagnostics only. */
public final class PolicyLint {

    private PolicyLint() {}

    public static boolean isPolicyFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** Every diagnostic of a policy file; a file that does not compile always has at least one error. */
    public static LintReport lint(String fileName, String text) {
        PolicyCompiler.Result result = PolicyCompiler.compile(fileName, text);
        List<Diagnostic> diagnostics = new ArrayList<>(result.diagnostics());
        if (result.policy().isEmpty() && diagnostics.stream().noneMatch(Diagnostic::isError)) {
            diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, fileName, 1, 1, "the policy could not be compiled"));
        }
        return new LintReport(diagnostics);
    }
}

package org.openrma.policy;

import java.util.List;
import java.util.stream.Collectors;

/** Policy files that cannot be used, with every error found in them. */
public final class PolicyLoadException extends RuntimeException {

    private final List<Diagnostic> diagnostics;

    public PolicyLoadException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().filter(Diagnostic::isError).map(Diagnostic::toString).collect(Collectors.joining("\n")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}

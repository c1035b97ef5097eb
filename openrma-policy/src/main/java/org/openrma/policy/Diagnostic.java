package org.openrma.policy;

/** One problem found in a policy file, at a line and column (1-based; 0 when the file as a whole is meant). */
public record Diagnostic(Severity severity, String file, int line, int column, String message) {

    public enum Severity { ERROR, WARNING, INFO }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}

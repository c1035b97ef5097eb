package org.openrma.cli.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How one scenario went: the differences between its expectations and the decision, or the
 * problem that stopped it from being decided (an unreadable file, an invalid claim, an engine
 * failure), which counts as a failure too.
 */
public record ScenarioResult(Path file, String id, String title, List<Difference> differences, String problem) {

    public ScenarioResult {
        differences = List.copyOf(differences);
    }

    public static ScenarioResult decided(Path file, String id, String title, List<Difference> differences) {
        return new ScenarioResult(file, id, title, differences, null);
    }

    public static ScenarioResult broken(Path file, String id, String title, String problem) {
        return new ScenarioResult(file, id, title, List.of(), problem);
    }

    public boolean passed() {
        return problem == null && differences.isEmpty();
    }

    /** The heading line: verdict, id, file and title. */
    public String heading() {
        return (passed() ? "PASS " : "FAIL ") + id + " (" + file.getFileName() + ")" + (title == null || title.isBlank() ? "" : ": " + title);
    }

    /** The heading, then the problem or one indented line per difference. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(heading());
        if (problem != null) {
            problem.lines().forEach(l -> lines.add("    " + l));
        }
        differences.forEach(d -> lines.add("    " + d));
        return lines;
    }
}

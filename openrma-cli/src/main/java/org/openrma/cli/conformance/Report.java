package org.openrma.cli.conformance;

import java.util.ArrayList;
import java.util.List;

/** The results of a folder of scenarios, in file name order. */
public record Report(List<ScenarioResult> results) {

    public Report {
        results = List.copyOf(results);
    }

    public long passed() {
        return results.stream().filter(ScenarioResult::passed).count();
    }

    public long failed() {
        return results.size() - passed();
    }

    public boolean allPassed() {
        return failed() == 0;
    }

    public List<ScenarioResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** {@code N passed, M failed}. */
    public String summary() {
        return passed() + " passed, " + failed() + " failed";
    }

    /** Every failure with its differences, then the summary line. */
    public List<String> lines(boolean withPasses) {
        List<String> lines = new ArrayList<>();
        for (ScenarioResult r : results) {
            if (!r.passed()) {
                lines.addAll(r.lines());
            } else if (withPasses) {
                lines.add(r.heading());
            }
        }
        lines.add(summary());
        return lines;
    }

    /** The failures as text, for an assertion message. */
    public String failureText() {
        List<String> lines = new ArrayList<>();
        failures().forEach(f -> lines.addAll(f.lines()));
        return String.join("\n", lines);
    }
}

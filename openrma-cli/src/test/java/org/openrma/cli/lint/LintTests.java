package org.openrma.cli.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrma.cli.Cli;
import org.openrma.policy.Diagnostic;
import org.openrma.policy.Diagnostic.Severity;

class LintTests {

    @TempDir
    Path dir;

    private static final Diagnostic ERROR = new Diagnostic(Severity.ERROR, "policies/shop.yaml", 12, 7, "unknown event 'deliverd'");
    private static final Diagnostic WARNING = new Diagnostic(Severity.WARNING, "policies/shop.yaml", 3, 1, "clause R9 is never cited");

    @Test
    void printsEachDiagnosticAsFileLineColumnSeverityMessageThenTheCounts() {
        assertThat(new LintReport(List.of(ERROR, WARNING)).lines()).containsExactly(
                "policies/shop.yaml:12:7: error: unknown event 'deliverd'",
                "policies/shop.yaml:3:1: warning: clause R9 is never cited",
                "1 errors, 1 warnings");
    }

    @Test
    void failsOnErrorsAndOnWarningsOnlyWhenStrict() {
        assertThat(new LintReport(List.of(ERROR)).failed(false)).isTrue();
        assertThat(new LintReport(List.of(WARNING)).failed(false)).isFalse();
        assertThat(new LintReport(List.of(WARNING)).failed(true)).isTrue();
        assertThat(LintReport.empty().failed(true)).isFalse();
        assertThat(LintReport.empty().lines()).containsExactly("0 errors, 0 warnings");
    }

    @Test
    void lintsEveryPolicyFileOfAFolderNamingEachAsGivenAndExitsOneOnAnError() throws IOException {
        Files.createDirectories(dir.resolve("policies/old"));
        Files.writeString(dir.resolve("policies/old/broken.yml"), "policy: [ unclosed\n");
        Files.writeString(dir.resolve("policies/notes.txt"), "not a policy");

        Cli.Run run = Cli.run(dir, "lint", "policies");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        List<String> lines = run.out().lines().toList();
        assertThat(lines.getLast()).matches("[1-9]\\d* errors, \\d+ warnings");
        assertThat(lines.subList(0, lines.size() - 1))
                .isNotEmpty()
                .allMatch(l -> l.matches("policies/old/broken\\.yml:\\d+:\\d+: (error|warning|info): .+"), "file:line:col: severity: message")
                .anyMatch(l -> l.contains(": error: "));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aFolderWithADeeplyNestedFileReportsThatFileAtItsLocationAndStillLintsTheOthers() throws IOException {
        Files.createDirectories(dir.resolve("policies"));
        Files.writeString(dir.resolve("policies/a-deep.yaml"), "policy: x\nprograms: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
        Files.writeString(dir.resolve("policies/b-broken.yaml"), "policy: [ unclosed\n");
        Files.write(dir.resolve("policies/c-not-utf8.yaml"), new byte[] {'p', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'});

        Cli.Run run = Cli.run(dir, "lint", "policies");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).anyMatch(l -> l.matches("policies/a-deep\\.yaml:2:\\d+: error: .*nested deeper than \\d+ levels.*"))
                .anyMatch(l -> l.startsWith("policies/b-broken.yaml:"))
                .anyMatch(l -> l.startsWith("policies/c-not-utf8.yaml:"));
        assertThat(lines.getLast()).matches("[3-9] errors, \\d+ warnings|\\d{2,} errors, \\d+ warnings");
    }
}

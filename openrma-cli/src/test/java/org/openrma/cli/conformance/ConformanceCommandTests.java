package org.openrma.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrma.cli.Cli;

class ConformanceCommandTests {

    @TempDir
    Path dir;

    @Test
    void printsEachFailureWithItsScenarioAndEndsWithTheCounts() throws IOException {
        Files.createDirectories(dir.resolve("scenarios"));
        Files.createDirectories(dir.resolve("no-policies"));
        Files.writeString(dir.resolve("scenarios/SC-1-unknown.yaml"), "id: SC-1\ntitle: Unknown policy\npolicy: nobody\nclaim:\n"
                + ScenarioRunnerTests.VALID_CLAIM + "expect: { outcome: approved }\n");
        Files.writeString(dir.resolve("scenarios/SC-2-broken.yaml"), "id: [ unclosed\n");

        Cli.Run run = Cli.run(dir, "conformance", "scenarios", "--policies", "no-policies");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL SC-1 (SC-1-unknown.yaml): Unknown policy\n    unknown policy 'nobody'",
                "FAIL SC-2-broken (SC-2-broken.yaml)\n    the scenario file is not valid YAML");
        assertThat(run.lastLine()).isEqualTo("0 passed, 2 failed");
        assertThat(run.out()).endsWith("0 passed, 2 failed" + System.lineSeparator());
    }
}

package org.openrma.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs {@code openrma} in-process in a working directory, capturing what it prints. */
public final class Cli {

    private Cli() {}

    public record Run(int exitCode, String out, String err) {

        /** The last non-empty line printed on standard output. */
        public String lastLine() {
            return out.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
        }
    }

    public static Run run(Path workingDirectory, String... args) {
        return runWithInput(workingDirectory, "", args);
    }

    public static Run runWithInput(Path workingDirectory, String standardInput, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = OpenRmaCommand.execute(workingDirectory, new ByteArrayInputStream(standardInput.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }
}

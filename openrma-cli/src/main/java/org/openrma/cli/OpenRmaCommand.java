package org.openrma.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.openrma.cli.conformance.ConformanceCommand;
import org.openrma.cli.coverage.CoverageCommand;
import org.openrma.cli.decide.DecideCommand;
import org.openrma.cli.generate.GenerateCommand;
import org.openrma.cli.lint.LintCommand;
import org.openrma.cli.replay.ReplayCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code openrma} command: decides claims, lints policy files and runs the conformance
 * scenarios. Relative paths are read against {@link #workingDirectory()}, which tests set.
 */
@Command(
        name = "openrma",
        mixinStandardHelpOptions = true,
        versionProvider = OpenRmaCommand.Version.class,
        description = "Decides returns, refunds and warranty claims against a merchant's policy file.",
        subcommands = {DecideCommand.class, LintCommand.class, ConformanceCommand.class, CoverageCommand.class, GenerateCommand.class,
            ReplayCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done; every check passed",
            "1:a check failed (lint errors, failing scenarios)",
            "2:bad input: unreadable or invalid claim, policy or scenario file, unknown policy, wrong usage",
            "3:internal error in OpenRMA"})
public final class OpenRmaCommand implements Runnable {

    private final Path workingDirectory;
    private final InputStream standardInput;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public OpenRmaCommand(Path workingDirectory, InputStream standardInput) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.standardInput = standardInput;
    }

    public static void main(String[] args) {
        CommandLine cmd = commandLine(Path.of(""), System.in);
        // UTF-8 whatever the locale: clause texts and titles quote the merchant's own typography
        cmd.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cmd.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        System.exit(cmd.execute(args));
    }

    /** The command line with OpenRMA's error handling: bad input exits 2 with a message, never a stack trace. */
    public static CommandLine commandLine(Path workingDirectory, InputStream standardInput) {
        CommandLine cmd = new CommandLine(new OpenRmaCommand(workingDirectory, standardInput));
        ErrorHandler handler = new ErrorHandler();
        cmd.setExecutionExceptionHandler(handler);
        cmd.setParameterExceptionHandler(handler);
        cmd.setExecutionStrategy(handler.guarding(new CommandLine.RunLast()));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        return cmd;
    }

    /** Runs the command in-process, printing to the given writers; returns the exit code. */
    public static int execute(Path workingDirectory, InputStream standardInput, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = commandLine(workingDirectory, standardInput);
        cmd.setOut(out);
        cmd.setErr(err);
        try {
            return cmd.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    /** Where a path argument given on the command line points. */
    public Path resolve(String argument) {
        return workingDirectory.resolve(argument).normalize();
    }

    public InputStream standardInput() {
        return standardInput;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = OpenRmaCommand.class.getPackage().getImplementationVersion();
            return new String[] {"openrma " + (v != null ? v : "(development build)")};
        }
    }
}

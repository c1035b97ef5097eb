package org.openrma.cli.lint;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.openrma.cli.BadInputException;
import org.openrma.cli.ExitCodes;
import org.openrma.cli.Inputs;
import org.openrma.cli.OpenRmaCommand;
import org.openrma.policy.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code openrma lint}: every diagnostic of every policy file, with its location. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {
            "Checks policy files and prints every problem with its location.",
            "Each problem is printed as file:line:col: severity: message, then 'N errors, M warnings'.",
            "Exits 1 if there is an error (or, with --strict, a warning)."})
public final class LintCommand implements Callable<Integer> {

    @ParentCommand
    private OpenRmaCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR", description = "Policy files, or folders searched for *.yaml and *.yml files.")
    private List<String> paths;

    @Option(names = "--strict", description = "Fail on warnings too.")
    private boolean strict;

    @picocli.CommandLine.Mixin
    private org.openrma.cli.StatuteOptions statutes;

    @Override
    public Integer call() {
        Inputs inputs = new Inputs(root);
        LintReport report = LintReport.empty();
        var markets = statutes.markets();
        var library = markets.isPresent() ? statutes.library(root) : null;
        for (String file : policyFiles()) {
            report = report.plus(lintOne(inputs, file));
            if (markets.isPresent()) {
                // --market: where the consumer law of those countries overrides each rule (as a declared 'markets:' would)
                report = report.plus(new LintReport(org.openrma.policy.statute.MarketLint.lint(file, inputs.text(file, "policy file"), markets.get(), library)));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        report.lines().forEach(out::println);
        return report.failed(strict) ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }

    /** One file's diagnostics; a file that cannot be read or checked is an error of that file, and the run goes on. */
    private static LintReport lintOne(Inputs inputs, String file) {
        try {
            return PolicyLint.lint(file, inputs.text(file, "policy file"));
        } catch (BadInputException e) {
            return new LintReport(List.of(new Diagnostic(Diagnostic.Severity.ERROR, file, 1, 1, e.getMessage())));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return new LintReport(List.of(new Diagnostic(Diagnostic.Severity.ERROR, file, 1, 1,
                    "the file could not be checked (" + e.getClass().getSimpleName() + "); please report this")));
        }
    }

    /** The files to lint, named as the user would write them (the argument, then the path below it). */
    private List<String> policyFiles() {
        List<String> files = new ArrayList<>();
        for (String argument : paths) {
            Path path = root.resolve(argument);
            if (!Files.exists(path)) {
                throw new BadInputException("'" + argument + "' not found");
            }
            if (!Files.isDirectory(path)) {
                files.add(argument);
                continue;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                List<String> found = walk.filter(Files::isRegularFile).filter(PolicyLint::isPolicyFile).sorted()
                        .map(p -> Path.of(argument).resolve(path.relativize(p)).toString()).toList();
                if (found.isEmpty()) {
                    throw new BadInputException("'" + argument + "' holds no *.yaml or *.yml policy file");
                }
                files.addAll(found);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}

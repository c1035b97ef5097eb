package org.openrma.cli.conformance;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openrma.cli.BadInputException;
import org.openrma.cli.ExitCodes;
import org.openrma.cli.OpenRmaCommand;
import org.openrma.cli.PolicyOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code openrma conformance}: every scenario of a folder, each failure with its differences, then a summary. */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = {
            "Runs the conformance scenarios of a folder and reports every failure.",
            "Each *.yaml scenario in DIR is decided as of its request.submitted_at and the decision",
            "is compared with its expect block. Ends with 'N passed, M failed'; exits 1 if any failed."})
public final class ConformanceCommand implements Callable<Integer> {

    @ParentCommand
    private OpenRmaCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder of scenario files.")
    private String directory;

    @Option(names = {"-v", "--verbose"}, description = "List the scenarios that passed too.")
    private boolean verbose;

    @Mixin
    private PolicyOptions policies;

    @Mixin
    private org.openrma.cli.StatuteOptions statutes;

    @Override
    public Integer call() {
        Path folder = root.resolve(directory);
        if (!Files.isDirectory(folder)) {
            throw new BadInputException("scenario folder '" + directory + "' not found");
        }
        if (ScenarioRunner.scenarioFiles(folder).isEmpty()) {
            throw new BadInputException("scenario folder '" + directory + "' holds no *.yaml scenario");
        }
        Report report = new ScenarioRunner(policies.catalog(root), statutes.library(root)).runAll(folder);
        PrintWriter out = spec.commandLine().getOut();
        report.lines(verbose).forEach(out::println);
        return report.allPassed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
}

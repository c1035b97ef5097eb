package org.openrma.cli.coverage;

import java.util.concurrent.Callable;
import org.openrma.cli.ExitCodes;
import org.openrma.cli.OpenRmaCommand;
import org.openrma.cli.PolicyOptions;
import org.openrma.policy.PolicyCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Prints, as Markdown, where every clause of every policy version went: the rules citing it or its handling outside the engine. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = "Lists each clause of each policy with the rules that encode it (Markdown). Exit 1 if a clause is unaccounted for.")
public final class CoverageCommand implements Callable<Integer> {

    @ParentCommand
    private OpenRmaCommand root;

    @Mixin
    private PolicyOptions policies;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PolicyCatalog catalog = policies.catalog(root);
        ClauseCoverageReport report = ClauseCoverageReport.of(catalog);
        spec.commandLine().getOut().print(report.markdown());
        spec.commandLine().getOut().flush();
        return report.unaccounted() == 0 ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
}

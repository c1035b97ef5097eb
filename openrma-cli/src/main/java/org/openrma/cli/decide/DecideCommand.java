package org.openrma.cli.decide;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.openrma.claim.Claim;
import org.openrma.cli.BadInputException;
import org.openrma.cli.ExitCodes;
import org.openrma.cli.Inputs;
import org.openrma.cli.InstantConverter;
import org.openrma.cli.OpenRmaCommand;
import org.openrma.cli.PolicyOptions;
import org.openrma.decision.Decision;
import org.openrma.decision.DecisionJson;
import org.openrma.policy.CompiledPolicy;
import org.openrma.policy.Diagnostic;
import org.openrma.policy.PolicyCatalog;
import org.openrma.policy.PolicyCompiler;
import org.openrma.policy.PolicyLoadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code openrma decide}: one claim against one policy, printed as JSON or explained. */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = {
            "Decides a claim and prints the decision as JSON, or explained with --explain.",
            "The policy version in force when the order was placed decides."})
public final class DecideCommand implements Callable<Integer> {

    @ParentCommand
    private OpenRmaCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "POLICY",
            description = "A policy id from the catalog, or a policy file (.yaml) compiled on its own.")
    private String policy;

    @Parameters(index = "1", paramLabel = "CLAIM", description = "The claim file (JSON or YAML), or - to read standard input.")
    private String claimFile;

    @Option(names = "--explain", description = "Print a readable explanation instead of JSON.")
    private boolean explain;

    @Option(names = "--now", paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "The moment of the decision (ISO-8601). Default: the claim's request.submitted_at, so decisions are reproducible.")
    private Instant now;

    @Mixin
    private PolicyOptions policies;

    @Mixin
    private org.openrma.cli.StatuteOptions statutes;

    @Option(names = "--locale", paramLabel = "LANG", description = "Language of the --explain text for the consumer: en, de or fr. Default: en.")
    private String locale;

    @Override
    public Integer call() {
        Claim claim = new Inputs(root).claim(claimFile);
        Instant at = now != null ? now : claim.request().submittedAt();
        PolicyCatalog catalog = isPolicyFile() ? fileCatalog() : policies.catalog(root);
        String id = isPolicyFile() ? catalog.policyIds().iterator().next() : policy;
        Decision decision = new org.openrma.policy.statute.StatutoryDecider(catalog, statutes.library(root)).decide(id, claim, at, statutes.markets());
        PrintWriter out = spec.commandLine().getOut();
        out.println(explain ? legal(decision, claim) + DecisionExplanation.of(decision) : DecisionJson.write(decision));
        return ExitCodes.OK;
    }

    /**
     * With a statutory pack applied: the explanation for the consumer in the chosen language, the
     * legal basis of each resolution and every merchant rule the statute displaced.
     */
    private String legal(Decision d, Claim claim) {
        if (d.legal() == null) {
            return "";
        }
        java.util.Locale lang = java.util.Locale.forLanguageTag(locale == null ? "en" : locale);
        if (org.openrma.policy.statute.ConsumerExplanation.languages().stream().noneMatch(l -> l.getLanguage().equals(lang.getLanguage()))) {
            throw new BadInputException("--locale: '" + locale + "' has no explanations; use en, de or fr");
        }
        StringBuilder b = new StringBuilder("For the customer:\n");
        org.openrma.policy.statute.ConsumerExplanation.of(d, claim, lang).forEach(p -> b.append("  ").append(p).append("\n"));
        b.append("Statutory packs:             ").append(String.join(", ", d.legal().packs())).append(" (consumer in ").append(d.legal().country())
                .append(")\n");
        b.append("Recommended route:           ").append(d.legal().recommended() == null ? "none" : d.legal().recommended()).append("\n");
        d.legal().legalBasis().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> b.append("Legal basis of ").append(e.getKey().wire()).append(": ").append(String.join(", ", e.getValue())).append("\n"));
        d.legal().overrides().forEach(o -> b.append("Overridden: ").append(o.rule()).append(": ").append(o.before()).append(" -> ").append(o.after())
                .append(" (").append(o.provision()).append(")\n"));
        return b.append("\n").toString();
    }

    private boolean isPolicyFile() {
        return policy.endsWith(".yaml") || policy.endsWith(".yml") || policy.contains("/")
                || policy.contains(java.io.File.separator) || Files.isRegularFile(root.resolve(policy));
    }

    private PolicyCatalog fileCatalog() {
        Path file = root.resolve(policy);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("policy file '" + policy + "' not found");
        }
        String text = new Inputs(root).text(policy, "policy file");
        PolicyCompiler.Result result = PolicyCompiler.compile(policy, text);
        List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
        if (!errors.isEmpty() || result.policy().isEmpty()) {
            throw new PolicyLoadException(errors.isEmpty()
                    ? List.of(new Diagnostic(Diagnostic.Severity.ERROR, policy, 0, 0, "the policy could not be compiled"))
                    : errors);
        }
        CompiledPolicy compiled = result.policy().get();
        return PolicyCatalog.of(List.of(compiled));
    }
}

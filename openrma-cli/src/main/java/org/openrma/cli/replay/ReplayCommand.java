package org.openrma.cli.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.openrma.cli.BadInputException;
import org.openrma.cli.ExitCodes;
import org.openrma.cli.Inputs;
import org.openrma.cli.OpenRmaCommand;
import org.openrma.cli.PolicyOptions;
import org.openrma.policy.PolicyCatalog;
import org.openrma.whatif.replay.ClaimRecords;
import org.openrma.whatif.replay.Replay;
import org.openrma.whatif.replay.ReplayHtml;
import org.openrma.whatif.replay.ReplayJson;
import org.openrma.whatif.replay.ReplayPolicy;
import org.openrma.whatif.replay.ReplayReport;
import org.openrma.whatif.replay.ReplayTally;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code openrma replay}: what a policy change would have done to a history of claims. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Decides every claim of a history under a baseline and a candidate policy and reports what changes: outcome "
                    + "transitions; refunds, fees and reimbursed shipping by program, reason and month; the claims that changed most. "
                    + "Writes replay.json and a self-contained replay.html, and prints a summary.",
            "",
            "Claims: JSON Lines (one claim per line), or CSV with a 'claim' column holding the claim as JSON, or one column "
                    + "per field path (order.number, order.lines[0].sku, request.kind, request.evidence as photo|video, ...). "
                    + "Either may be gzipped. Each claim is decided as of its request.submitted_at.",
            "",
            "A policy id uses the version in force when each order was placed; a policy file decides every claim.",
            ""})
public final class ReplayCommand implements Callable<Integer> {

    /** The report formats. */
    enum Format { JSON, HTML, BOTH }

    @ParentCommand
    private OpenRmaCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--baseline", required = true, paramLabel = "POLICY", description = "The policy in force: an id from the catalog, or a .yaml file.")
    private String baseline;

    @Option(names = "--candidate", required = true, paramLabel = "POLICY", description = "The policy to try: an id from the catalog, or a .yaml file.")
    private String candidate;

    @Option(names = "--claims", required = true, paramLabel = "FILE", description = "The claim history (.jsonl, .csv, optionally .gz), or - for standard input.")
    private String claims;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "both", description = "Reports to write: json, html or both (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Folder for replay.json and replay.html (default: the current folder).")
    private String out;

    @Option(names = "--on-error", paramLabel = "ACTION", defaultValue = "skip",
            description = "A malformed record: skip (count and list it) or fail (exit 2 naming its line). Default: ${DEFAULT-VALUE}.")
    private Replay.OnError onError;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "How many of the most changed claims to show (default: ${DEFAULT-VALUE}).")
    private int top;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of processors).")
    private Integer threads;

    @Mixin
    private PolicyOptions policies;

    /** With --market, the candidate is decided with the consumer law of those markets composed (see docs/policy-format.md). */
    @Mixin
    private org.openrma.cli.StatuteOptions statutes;

    @Override
    public Integer call() throws IOException, InterruptedException {
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (workers < 1) {
            throw new BadInputException("--threads: expected a number from 1, got " + workers);
        }
        if (top < 0) {
            throw new BadInputException("--top: expected a number from 0, got " + top);
        }
        Lazy catalog = new Lazy();
        ReplayPolicy base = policy("--baseline", baseline, catalog);
        ReplayPolicy cand = policy("--candidate", candidate, catalog);
        if (statutes.markets().isPresent()) {
            if (!(cand instanceof ReplayPolicy.FromCatalog)) {
                throw new BadInputException("--market composes consumer law with a policy of the catalog: give --candidate as a policy id");
            }
            cand = new ReplayPolicy.WithStatutes(candidate, catalog.get(), statutes.library(root), statutes.markets().get());
        }
        Path outDir = root.resolve(out);
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new BadInputException("--out: '" + out + "' is a file, not a folder");
        }

        PrintWriter err = spec.commandLine().getErr();
        Replay replay = new Replay(base, cand, new Replay.Options(workers, top, onError));
        ReplayTally tally;
        ClaimRecords records;
        double seconds;
        try (InputStream in = open(); ClaimRecords r = new ClaimRecords(in, claims)) {
            records = r;
            long size = claims.equals("-") ? 0 : Files.size(root.resolve(claims));
            try (Progress progress = new Progress(err, Progress.onTerminal(), replay::processed, r::bytesRead, size)) {
                try {
                    tally = replay.run(r);
                } catch (java.io.UncheckedIOException e) {
                    throw new BadInputException("--claims " + claims + ": cannot read it after " + replay.processed() + " records: "
                            + e.getCause().getMessage());
                }
                seconds = progress.elapsedSeconds();
            }
        }
        if (onError == Replay.OnError.FAIL && !tally.problems().isEmpty()) {
            ReplayTally.Problem first = tally.problems().firstEntry().getValue();
            String where = "--claims " + claims + ": line " + first.line() + ": ";
            if (first.malformed()) {
                throw new BadInputException(where + first.message(), List.of("no report written (--on-error fail)"));
            }
            throw new IllegalStateException(where + first.message());
        }

        ReplayReport report = new ReplayReport(ReplayReport.Side.of(base), ReplayReport.Side.of(cand),
                new ReplayReport.Input(claims, records.format(), records.gzip()), tally, replay.explain(tally.topChanges()));
        Files.createDirectories(outDir);
        List<String> written = new ArrayList<>();
        if (format != Format.HTML) {
            Files.writeString(outDir.resolve("replay.json"), ReplayJson.write(report) + "\n", StandardCharsets.UTF_8);
            written.add(display(outDir.resolve("replay.json")));
        }
        if (format != Format.JSON) {
            Files.writeString(outDir.resolve("replay.html"), ReplayHtml.render(report), StandardCharsets.UTF_8);
            written.add(display(outDir.resolve("replay.html")));
        }
        PrintWriter stdout = spec.commandLine().getOut();
        report.summary().forEach(stdout::println);
        stdout.printf(Locale.ROOT, "%,d claims in %.1f s: %,.0f claims/s, each decided under both policies (%d threads)%n",
                report.records(), seconds, report.records() / Math.max(seconds, 1e-3), workers);
        stdout.println("wrote " + String.join(", ", written));
        stdout.flush();
        return ExitCodes.OK;
    }

    private String display(Path file) {
        Path wd = root.workingDirectory();
        return file.startsWith(wd) ? wd.relativize(file).toString() : file.toString();
    }

    private InputStream open() throws IOException {
        if (claims.equals("-")) {
            return root.standardInput();
        }
        Path file = root.resolve(claims);
        if (!Files.exists(file)) {
            throw new BadInputException("--claims: '" + claims + "' not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("--claims: '" + claims + "' is not a file");
        }
        return Files.newInputStream(file);
    }

    private ReplayPolicy policy(String option, String argument, Lazy catalog) {
        boolean file = argument.endsWith(".yaml") || argument.endsWith(".yml") || argument.contains("/")
                || argument.contains(java.io.File.separator) || Files.isRegularFile(root.resolve(argument));
        if (!file) {
            return new ReplayPolicy.FromCatalog(argument, catalog.get());
        }
        if (!Files.isRegularFile(root.resolve(argument))) {
            throw new BadInputException(option + ": policy file '" + argument + "' not found");
        }
        return ReplayPolicy.FromFile.compile(argument, new Inputs(root).text(argument, "policy file"));
    }

    /** The catalog, loaded only when a policy is named by id. */
    private final class Lazy {
        private PolicyCatalog catalog;

        PolicyCatalog get() {
            if (catalog == null) {
                catalog = policies.catalog(root);
            }
            return catalog;
        }
    }
}

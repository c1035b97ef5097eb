package org.openrma.cli.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import org.openrma.cli.BadInputException;
import org.openrma.cli.ExitCodes;
import org.openrma.cli.Inputs;
import org.openrma.cli.OpenRmaCommand;
import org.openrma.whatif.generate.ClaimGenerator;
import org.openrma.whatif.generate.GeneratorCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code openrma generate}: a synthetic, reproducible claim history for trying a policy change on. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Writes a synthetic claim history as JSON Lines, one claim per line, the same for the same seed. The products "
                    + "and the mix of requests come from the policy's built-in catalogue, or from --catalogue.",
            "",
            "A file name ending in .gz is gzipped; one ending in .csv or .csv.gz is CSV with one column, 'claim'.",
            ""})
public final class GenerateCommand implements Callable<Integer> {

    @ParentCommand
    private OpenRmaCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--policy", paramLabel = "ID", description = "The policy whose built-in claim catalogue to use (${COMPLETION-CANDIDATES}).",
            completionCandidates = BuiltInPolicies.class)
    private String policy;

    @Option(names = "--catalogue", paramLabel = "FILE", description = "A claim catalogue (YAML) to use instead of a built-in one.")
    private String catalogueFile;

    @Option(names = "--claims", paramLabel = "N", required = true, description = "How many claims to write.")
    private long claims;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "The random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--from", paramLabel = "DATE", defaultValue = "2024-01-01",
            description = "Orders are placed from this date (UTC; default: ${DEFAULT-VALUE}).")
    private LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", defaultValue = "2025-12-31",
            description = "... to the end of this date (default: ${DEFAULT-VALUE}).")
    private LocalDate to;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write (default: standard output).")
    private String out;

    @Option(names = "--countries", paramLabel = "CC[,CC...]", split = ",",
            description = "Make every claim a consumer's in one of these countries (with the inputs consumer law reads), for replay --market.")
    private java.util.List<String> countries;

    @Override
    public Integer call() throws IOException {
        if (claims < 0) {
            throw new BadInputException("--claims: expected a number from 0, got " + claims);
        }
        if (to.isBefore(from)) {
            throw new BadInputException("--to: " + to + " is before --from " + from);
        }
        GeneratorCatalogue catalogue = catalogue();
        ClaimGenerator generator = new ClaimGenerator(catalogue, seed, from, to);
        if (countries != null) {
            java.util.List<String> codes = countries.stream().map(c -> c.strip().toUpperCase(java.util.Locale.ROOT)).toList();
            codes.stream().filter(c -> !c.matches("[A-Z]{2}")).findFirst()
                    .ifPresent(c -> { throw new BadInputException("--countries: '" + c + "' is not a country code such as DE or GB"); });
            generator.withConsumersIn(codes);
        }
        if (out == null) {
            Writer writer = spec.commandLine().getOut();
            write(generator, writer, false);
            writer.flush();
            return ExitCodes.OK;
        }
        Path file = root.resolve(out);
        if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
            throw new BadInputException("--out: the folder " + file.getParent() + " does not exist");
        }
        String name = file.getFileName().toString();
        boolean gzip = name.endsWith(".gz");
        boolean csv = name.endsWith(".csv") || name.endsWith(".csv.gz");
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream stream = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
                Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16)) {
            write(generator, writer, csv);
        }
        spec.commandLine().getOut().println(claims + " claims for policy " + catalogue.policy() + " (seed " + seed + ", orders "
                + from + " to " + to + ") written to " + out);
        return ExitCodes.OK;
    }

    private void write(ClaimGenerator generator, Writer writer, boolean csv) {
        try {
            if (csv) {
                writer.write("claim\n");
            }
            for (long i = 0; i < claims; i++) {
                String line = generator.nextLine();
                writer.write(csv ? '"' + line.replace("\"", "\"\"") + '"' : line);
                writer.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private GeneratorCatalogue catalogue() {
        if (catalogueFile != null) {
            return GeneratorCatalogue.parse(new Inputs(root).text(catalogueFile, "catalogue file"), catalogueFile);
        }
        if (policy == null) {
            throw new BadInputException("give --policy ID (one of " + String.join(", ", GeneratorCatalogue.builtInPolicies())
                    + ") or --catalogue FILE");
        }
        return GeneratorCatalogue.builtIn(policy);
    }

    /** The policies with a built-in catalogue, for the help text. */
    static final class BuiltInPolicies implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return GeneratorCatalogue.builtInPolicies().iterator();
        }
    }
}

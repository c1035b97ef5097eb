package org.openrma.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openrma.policy.statute.StatuteLibrary;
import picocli.CommandLine.Option;

/** The {@code --statutes} and {@code --market} options: which consumer law is composed with the merchant's policy. */
public final class StatuteOptions {

    /** The folder used when {@code --statutes} is not given, if the working directory has it. */
    public static final String DEFAULT_FOLDER = "statutes";

    @Option(names = "--statutes", paramLabel = "DIR",
            description = "Folder of statutory packs. Default: ./" + DEFAULT_FOLDER + " if it exists, else the packs built into OpenRMA.")
    private String directory;

    @Option(names = "--market", paramLabel = "CC[,CC...]",
            description = "Countries the merchant sells to (ISO 3166 alpha-2), instead of the policy's own 'markets:'.")
    private String market;

    public StatuteLibrary library(OpenRmaCommand root) {
        if (directory != null) {
            Path folder = root.resolve(directory);
            if (!Files.isDirectory(folder)) {
                throw new BadInputException("--statutes: '" + directory + "' is not a folder");
            }
            return StatuteLibrary.load(folder);
        }
        Path local = root.resolve(DEFAULT_FOLDER);
        if (Files.isDirectory(local)) {
            return StatuteLibrary.load(local);
        }
        return StatuteLibrary.builtIn();
    }

    /** The markets named with {@code --market}, upper case; empty when the option is not given. */
    public Optional<List<String>> markets() {
        if (market == null) {
            return Optional.empty();
        }
        List<String> codes = Arrays.stream(market.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT)).toList();
        for (String c : codes) {
            if (!c.matches("[A-Z]{2}")) {
                throw new BadInputException("--market: '" + c + "' is not a country code such as DE or GB");
            }
        }
        return Optional.of(codes);
    }
}

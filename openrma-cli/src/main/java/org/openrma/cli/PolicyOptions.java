package org.openrma.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openrma.policy.PolicyCatalog;
import picocli.CommandLine.Option;

/** The {@code --policies} option and where policies come from when it is not given. */
public final class PolicyOptions {

    /** The folder used when {@code --policies} is not given, if the working directory has it. */
    public static final String DEFAULT_FOLDER = "policies";

    @Option(names = "--policies", paramLabel = "DIR",
            description = "Folder of policy files. Default: ./" + DEFAULT_FOLDER + " if it exists, else the sample policies built into OpenRMA.")
    private String directory;

    /** {@code --policies} if given; else {@code ./policies} if present; else the built-in catalog. */
    public PolicyCatalog catalog(OpenRmaCommand root) {
        if (directory != null) {
            Path folder = root.resolve(directory);
            if (!Files.isDirectory(folder)) {
                throw new BadInputException("--policies: '" + directory + "' is not a folder");
            }
            return PolicyCatalog.load(folder);
        }
        Path local = root.resolve(DEFAULT_FOLDER);
        if (Files.isDirectory(local)) {
            return PolicyCatalog.load(local);
        }
        return PolicyCatalog.builtIn();
    }
}

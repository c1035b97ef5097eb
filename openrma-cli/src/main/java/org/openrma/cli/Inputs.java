package org.openrma.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openrma.claim.Claim;
import org.openrma.claim.ClaimReader;
import org.openrma.claim.InvalidClaimException;

/** Reads the files named on the command line, or standard input for {@code -}. */
public final class Inputs {

    private final OpenRmaCommand root;

    public Inputs(OpenRmaCommand root) {
        this.root = root;
    }

    /** The text of a file argument ({@code what} names it in messages), or of standard input for {@code -}. */
    public String text(String argument, String what) {
        try {
            if (argument.equals("-")) {
                return new String(root.standardInput().readAllBytes(), StandardCharsets.UTF_8);
            }
            Path file = root.resolve(argument);
            if (!Files.exists(file)) {
                throw new BadInputException(what + " '" + argument + "' not found");
            }
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(what + " '" + argument + "' is not a file");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new BadInputException(what + " '" + argument + "' is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and checks a claim; every problem is reported with the field it concerns. */
    public Claim claim(String argument) {
        String text = text(argument, "claim file");
        try {
            return ClaimReader.read(text);
        } catch (InvalidClaimException e) {
            String source = argument.equals("-") ? "standard input" : argument;
            List<String> problems = e.problems().stream().map(p -> p.field() + ": " + p.message()).toList();
            throw new BadInputException("invalid claim in " + source + ":", problems);
        }
    }
}

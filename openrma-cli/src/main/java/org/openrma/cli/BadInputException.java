package org.openrma.cli;

import java.util.List;

/**
 * Input the command cannot use (a missing file, a folder with nothing to read). The message
 * names the argument or field and the problem; each detail is printed on its own line below it.
 */
public final class BadInputException extends RuntimeException {

    private final List<String> details;

    public BadInputException(String message) {
        this(message, List.of());
    }

    public BadInputException(String message, List<String> details) {
        super(message);
        this.details = List.copyOf(details);
    }

    public List<String> details() {
        return details;
    }
}

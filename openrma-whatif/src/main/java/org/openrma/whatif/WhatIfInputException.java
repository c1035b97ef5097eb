package org.openrma.whatif;

import java.util.List;

/**
 * Input a replay or a generator cannot use (a malformed claim line, an unknown catalogue). The
 * message names the argument, line or field and the problem; each detail adds one more.
 */
public final class WhatIfInputException extends RuntimeException {

    private final List<String> details;

    public WhatIfInputException(String message) {
        this(message, List.of());
    }

    public WhatIfInputException(String message, List<String> details) {
        super(message);
        this.details = List.copyOf(details);
    }

    public List<String> details() {
        return details;
    }
}

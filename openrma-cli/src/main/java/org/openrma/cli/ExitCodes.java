package org.openrma.cli;

/** What the process exit code of {@code openrma} means. */
public final class ExitCodes {

    /** Done; every check passed. */
    public static final int OK = 0;
    /** A check failed: lint errors, failing scenarios. */
    public static final int CHECK_FAILED = 1;
    /** The input cannot be used: a file, a claim, a policy, an option. */
    public static final int BAD_INPUT = 2;
    /** A fault in OpenRMA itself. */
    public static final int INTERNAL_ERROR = 3;

    private ExitCodes() {}
}

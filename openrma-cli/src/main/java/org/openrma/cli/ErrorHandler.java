package org.openrma.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import org.openrma.claim.InvalidClaimException;
import org.openrma.policy.PolicyLoadException;
import org.openrma.policy.UnknownPolicyException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into a message on standard error and an exit code: usage errors and bad
 * input exit {@link ExitCodes#BAD_INPUT}; anything else is a fault of OpenRMA and exits
 * {@link ExitCodes#INTERNAL_ERROR}. Stack traces are printed only when {@code OPENRMA_DEBUG} is set.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(prefix(cmd) + ex.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        }
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        List<String> lines = describeBadInput(ex);
        int code = ExitCodes.BAD_INPUT;
        if (lines.isEmpty()) {
            lines = List.of("internal error: " + ex);
            code = ExitCodes.INTERNAL_ERROR;
        }
        err.println(prefix(cmd) + lines.getFirst());
        lines.stream().skip(1).forEach(line -> err.println("  " + line));
        if (System.getenv("OPENRMA_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /**
     * Runs commands with {@code strategy}, reporting an {@link Error} (which picocli lets through
     * its exception handler) as an internal error instead of a stack trace.
     */
    CommandLine.IExecutionStrategy guarding(CommandLine.IExecutionStrategy strategy) {
        return parseResult -> {
            try {
                return strategy.execute(parseResult);
            } catch (Error e) {
                List<CommandLine> commands = parseResult.asCommandLineList();
                CommandLine cmd = commands.getLast();
                PrintWriter err = cmd.getErr();
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                err.println(prefix(cmd) + "internal error: " + e + (cause != e ? " caused by " + cause : ""));
                if (System.getenv("OPENRMA_DEBUG") != null) {
                    e.printStackTrace(err);
                }
                err.flush();
                return ExitCodes.INTERNAL_ERROR;
            }
        };
    }

    /** The message for input OpenRMA cannot use, first line first; empty when the exception is not about input. */
    static List<String> describeBadInput(Throwable ex) {
        List<String> lines = new ArrayList<>();
        switch (ex) {
            case BadInputException e -> {
                lines.add(e.getMessage());
                lines.addAll(e.details());
            }
            case org.openrma.whatif.WhatIfInputException e -> {
                lines.add(e.getMessage());
                lines.addAll(e.details());
            }
            case InvalidClaimException e -> {
                lines.add("invalid claim:");
                e.problems().forEach(p -> lines.add(p.field() + ": " + p.message()));
            }
            case UnknownPolicyException e -> lines.add(e.getMessage());
            case PolicyLoadException e -> {
                lines.add("the policies cannot be loaded:");
                e.diagnostics().forEach(d -> lines.add(d.toString()));
            }
            case NoSuchFileException e -> lines.add("no such file: " + e.getFile());
            case AccessDeniedException e -> lines.add("cannot read " + e.getFile() + ": permission denied");
            case IOException e -> lines.add("cannot read input: " + e.getMessage());
            case UncheckedIOException e -> {
                return describeBadInput(e.getCause());
            }
            default -> {
                // not about the input
            }
        }
        return lines;
    }

    private static String prefix(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName() + ": ";
    }
}

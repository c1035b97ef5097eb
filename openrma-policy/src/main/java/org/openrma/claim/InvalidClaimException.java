package org.openrma.claim;

import java.util.List;
import java.util.stream.Collectors;

/** A claim that cannot be decided, with every problem found, each naming its field. */
public final class InvalidClaimException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidClaimException(List<FieldProblem> problems) {
        super(problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** One problem: the field's path as written in the claim ({@code request.lines[0].sku}) and what is wrong. */
    public record FieldProblem(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }
}

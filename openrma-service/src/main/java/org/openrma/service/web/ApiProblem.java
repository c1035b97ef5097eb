package org.openrma.service.web;

import java.util.List;
import org.openrma.service.refusal.Refusal;
import org.springframework.http.HttpStatus;

/**
 * A request the service refuses, rendered as RFC 9457 problem+json: a status, a short type slug,
 * a human sentence, and for invalid input every offending field with its path.
 */
public final class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final List<FieldError> errors;

    public ApiProblem(HttpStatus status, String type, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ApiProblem(HttpStatus status, String type, String detail) {
        this(status, type, detail, List.of());
    }

    public static ApiProblem invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.getFirst().toString()
                : errors.size() + " fields are invalid: " + errors.getFirst() + "; ...";
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-request", detail, errors);
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /**
     * The problem+json for a domain refusal (passed through when it already is one): not found 404, conflict 409,
     * invalid 422, forbidden 403, stale 409, or 412 when the version came as an If-Match precondition.
     */
    public static ApiProblem of(RuntimeException refused) {
        return switch (refused) {
            case ApiProblem p -> p;
            case Refusal.NotFound r -> new ApiProblem(HttpStatus.NOT_FOUND, r.type(), r.getMessage());
            case Refusal.Conflict r -> new ApiProblem(HttpStatus.CONFLICT, r.type(), r.getMessage());
            case Refusal.Invalid r -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, r.type(), r.getMessage(),
                    r.fields().stream().map(f -> new FieldError(f.field(), f.message())).toList());
            case Refusal.Forbidden r -> new ApiProblem(HttpStatus.FORBIDDEN, r.type(), r.getMessage());
            case Refusal.Upstream r -> new ApiProblem(HttpStatus.BAD_GATEWAY, r.type(), r.getMessage());
            case Refusal.Stale r -> new ApiProblem(r.fromIfMatch() ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT, r.type(), r.getMessage());
            default -> throw new IllegalArgumentException("not a refusal: " + refused, refused);
        };
    }

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "no " + what + " '" + id + "'");
    }

    public static ApiProblem conflict(String type, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, type, detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", detail);
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One bad field: its path in the request body ({@code request.lines[0].sku}) and what is wrong with it. */
    public record FieldError(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }
}

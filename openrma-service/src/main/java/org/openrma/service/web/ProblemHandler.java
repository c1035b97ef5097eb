package org.openrma.service.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.openrma.claim.InvalidClaimException;
import org.openrma.policy.UnknownPolicyException;
import org.openrma.service.refusal.Refusal;
import org.openrma.service.rma.RmaLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/** Every error leaves as problem+json with a 4xx status naming the field at fault; 500 only for real bugs. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem e, HttpServletRequest request) {
        return respond(Problems.of(e), request);
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal e, HttpServletRequest request) {
        return respond(Problems.of(ApiProblem.of(e)), request);
    }

    @ExceptionHandler(RateLimits.Exceeded.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimits.Exceeded e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", e.getMessage(), List.of());
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(RmaLifecycle.IllegalTransition.class)
    ResponseEntity<ProblemDetail> illegalTransition(RmaLifecycle.IllegalTransition e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.CONFLICT, "illegal-transition", e.getMessage(), List.of()), request);
    }

    @ExceptionHandler(RmaLifecycle.NotPermitted.class)
    ResponseEntity<ProblemDetail> notPermitted(RmaLifecycle.NotPermitted e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "forbidden", e.getMessage(), List.of()), request);
    }

    @ExceptionHandler(InvalidClaimException.class)
    ResponseEntity<ProblemDetail> invalidClaim(InvalidClaimException e, HttpServletRequest request) {
        List<ApiProblem.FieldError> errors = e.problems().stream().map(p -> new ApiProblem.FieldError(p.field(), p.message())).toList();
        return respond(Problems.of(ApiProblem.invalid(errors)), request);
    }

    @ExceptionHandler(UnknownPolicyException.class)
    ResponseEntity<ProblemDetail> unknownPolicy(UnknownPolicyException e, HttpServletRequest request) {
        return respond(Problems.of(ApiProblem.invalid("policy", e.getMessage())), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return respond(Problems.of(ApiProblem.invalid(e.getName(), "'" + e.getValue() + "' is not a valid " + expected)), request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        String cause = e.getMostSpecificCause().getMessage();
        log.info("integrity violation: {}", cause);
        String detail = cause != null && cause.contains("refund_within_paid")
                ? "refunds across the order's RMAs would exceed what was paid for its lines"
                : "the change conflicts with data already stored";
        return respond(Problems.of(HttpStatus.CONFLICT, "conflict", detail, List.of()), request);
    }

    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> lock(PessimisticLockingFailureException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.CONFLICT, "concurrent-update", "another request changed the same data; retry", List.of()), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "unexpected error; it has been logged", List.of()), request);
    }

    /**
     * A bound body that breaks a constraint of its record (required, pattern, range): one 422 naming
     * every field by its JSON path ({@code request.lines[0].sku}), as {@link BodyChecks} does for types.
     */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(org.springframework.web.bind.MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiProblem.FieldError> errors = new java.util.ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(e -> errors.add(new ApiProblem.FieldError(jsonPath(e.getField()),
                e.getDefaultMessage() == null ? "is invalid" : e.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(e -> errors.add(new ApiProblem.FieldError("(body)", e.getDefaultMessage())));
        errors.sort(java.util.Comparator.comparing(ApiProblem.FieldError::field));
        ProblemDetail body = Problems.of(ApiProblem.invalid(errors));
        if (request instanceof org.springframework.web.context.request.ServletWebRequest servlet) {
            body.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    /** {@code request.lines[0].unitPrice} (a bean property path) as the JSON path {@code request.lines[0].unit_price}. */
    static String jsonPath(String beanPath) {
        return BodyChecks.snake(beanPath);
    }

    /** Malformed JSON or a value of the wrong type: name the line/column or the field path. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestLimitsFilter.BodyTooLarge tooLarge) {
                ProblemDetail body = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "(body): " + tooLarge.getMessage(),
                        List.of(new ApiProblem.FieldError("(body)", tooLarge.getMessage())));
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
            }
        }
        Throwable cause = ex.getMostSpecificCause();
        String field = "(body)";
        String message = "the request body is missing or is not valid JSON";
        if (cause instanceof DatabindException db && !db.getPath().isEmpty()) {
            field = JsonPaths.of(db.getPath());
            message = db.getOriginalMessage();
        } else if (cause instanceof JacksonException je) {
            message = "malformed JSON: " + je.getOriginalMessage()
                    + (je.getLocation() != null ? " at line " + je.getLocation().getLineNr() + ", column " + je.getLocation().getColumnNr() : "");
        }
        ProblemDetail body = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", field + ": " + message,
                List.of(new ApiProblem.FieldError(field, message)));
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail p && (p.getType() == null || "about:blank".equals(p.getType().toString()))) {
            p.setType(URI.create("urn:openrma:problem:http-" + statusCode.value()));
        }
        HttpHeaders h = new HttpHeaders();
        h.addAll(headers);
        h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, h, statusCode);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

package org.openrma.service.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the problem+json bodies: {@code type} is a URN naming the kind of problem. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String type, String detail, List<ApiProblem.FieldError> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("urn:openrma:problem:" + type));
        if (!errors.isEmpty()) {
            p.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        }
        return p;
    }

    public static ProblemDetail of(ApiProblem problem) {
        return of(problem.status(), problem.type(), problem.getMessage(), problem.errors());
    }
}

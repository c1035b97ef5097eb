package org.openrma.service.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a problem+json response from a servlet filter, outside Spring MVC's exception handling. */
public final class ProblemWriter {

    private ProblemWriter() {}

    public static void write(HttpServletResponse response, HttpServletRequest request, ApiProblem problem) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:openrma:problem:" + problem.type());
        body.put("title", problem.status().getReasonPhrase());
        body.put("status", problem.status().value());
        body.put("detail", problem.getMessage());
        body.put("instance", request.getRequestURI());
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors().stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        }
        response.setStatus(problem.status().value());
        response.setContentType(Problems.MEDIA_TYPE);
        response.getOutputStream().write(Json.MAPPER.writeValueAsBytes(body));
    }
}

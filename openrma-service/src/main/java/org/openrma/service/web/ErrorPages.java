package org.openrma.service.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the container's error dispatch ({@code /error}) answers, replacing Spring Boot's default:
 * problem+json for the API, the styled error page for the web UI. A request for {@code /error}
 * itself (no error attached) is a 404, not a 500 with status 999.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
public class ErrorPages implements ErrorController {

    @RequestMapping
    public Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        if (status == null || uri == null) {
            status = status == null ? HttpStatus.NOT_FOUND : status;
            uri = uri == null ? request.getRequestURI() : uri;
        }
        String message = status.is5xxServerError() ? "unexpected error; it has been logged"
                : request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String m && !m.isBlank() ? m
                : status.value() == 404 ? "there is nothing at " + uri : status.getReasonPhrase();
        if (wantsPage(request, uri)) {
            ModelAndView page = new ModelAndView("ui-error", Map.of("title", status.value() + " " + status.getReasonPhrase(),
                    "message", message), status);
            return page;
        }
        ProblemDetail problem = Problems.of(status, status.is5xxServerError() ? "internal" : "http-" + status.value(), message, List.of());
        problem.setInstance(URI.create(uri.isEmpty() ? "/" : uri.replaceAll("[^\\x21-\\x7e]", "")));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static boolean wantsPage(HttpServletRequest request, String uri) {
        if (uri.startsWith("/api/") || uri.startsWith("/v3/")) {
            return false;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }
}

package org.openrma.service.ui;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Errors on UI pages become pages, never problem+json: sign-in, admin-only and not-found messages. */
@ControllerAdvice(basePackages = "org.openrma.service.ui")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UiErrors {

    private final UiMessages text;

    public UiErrors(UiMessages text) {
        this.text = text;
    }

    /** A page or record that does not exist (or belongs to another merchant). */
    public static final class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }

    @ExceptionHandler(StaffSessions.NotSignedIn.class)
    String notSignedIn(StaffSessions.NotSignedIn e, HttpServletRequest request) {
        String next = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return "redirect:/console/login?next=" + URLEncoder.encode("GET".equals(request.getMethod()) ? next : "/console", StandardCharsets.UTF_8)
                + "&message=" + URLEncoder.encode(text.get("console.login.sign-in"), StandardCharsets.UTF_8);
    }

    @ExceptionHandler(StaffSessions.AdminOnly.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String adminOnly(StaffSessions.AdminOnly e, Model model) {
        model.addAttribute("title", text.get("common.error.admins-only"));
        model.addAttribute("message", text.get("common.error.admins-only-text"));
        model.addAttribute("back", "/console");
        return "ui-error";
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFound e, Model model) {
        model.addAttribute("title", text.get("common.error.not-found"));
        model.addAttribute("message", e.getMessage());
        return "ui-error";
    }
}

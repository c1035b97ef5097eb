package org.openrma.service.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.openrma.service.web.ApiProblem;
import org.openrma.service.web.ProblemWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves the caller of every {@code /api/v1/**} request from {@code Authorization: Bearer <key>}
 * (or {@code X-API-Key}): a merchant API key, or a customer token. Missing or bad credentials: 401.
 */
public class AccessFilter extends OncePerRequestFilter {

    public static final String CALLER = AccessFilter.class.getName() + ".caller";

    private final ApiKeys apiKeys;
    private final CustomerTokens customerTokens;

    public AccessFilter(ApiKeys apiKeys, CustomerTokens customerTokens) {
        this.apiKeys = apiKeys;
        this.customerTokens = customerTokens;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/v1/") || isPublic(request.getMethod(), path);
    }

    static boolean isPublic(String method, String path) {
        return ("POST".equals(method) && path.equals("/api/v1/customer-sessions"))
                || ("GET".equals(method) && path.equals("/api/v1/rma-lifecycle"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String credential = credential(request);
        if (credential == null) {
            response.setHeader("WWW-Authenticate", "Bearer");
            ProblemWriter.write(response, request, ApiProblem.unauthorized(
                    "an API key or customer token is required: send 'Authorization: Bearer <key>'"));
            return;
        }
        Optional<? extends Caller> caller;
        try {
            caller = credential.startsWith(CustomerTokens.PREFIX) ? customerTokens.verify(credential) : apiKeys.authenticate(credential);
        } catch (CustomerTokens.ExpiredToken e) {
            ProblemWriter.write(response, request, ApiProblem.unauthorized(e.getMessage()));
            return;
        }
        if (caller.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            ProblemWriter.write(response, request, ApiProblem.unauthorized("the API key or customer token is not valid (or was revoked)"));
            return;
        }
        request.setAttribute(CALLER, caller.get());
        chain.doFilter(request, response);
    }

    private static String credential(HttpServletRequest request) {
        String auth = request.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String v = auth.substring(7).strip();
            return v.isEmpty() ? null : v;
        }
        String key = request.getHeader("X-API-Key");
        return key == null || key.isBlank() ? null : key.strip();
    }
}

package org.openrma.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every request. It refuses, before anything is read into memory:
 * a body over {@link InputLimits#maxBody()} (by its Content-Length, or while it is read when it is
 * chunked), a path or query parameter with control characters or over the length limit, and a
 * query string or form whose %-escapes or UTF-8 are broken. API requests get problem+json; pages get
 * the error page (through {@code /error}). Multipart uploads are limited by the container's
 * multipart settings and the portal's per-file check instead.
 */
public class RequestLimitsFilter extends OncePerRequestFilter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RequestLimitsFilter.class);

    private final InputLimits limits;

    public RequestLimitsFilter(InputLimits limits) {
        this.limits = limits;
    }

    /** Thrown by the counting stream when a chunked body grows past the limit. */
    public static final class BodyTooLarge extends IOException {
        BodyTooLarge(long max) {
            super("the request body is larger than " + max + " bytes");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getCharacterEncoding() == null) {
            request.setCharacterEncoding("UTF-8"); // forms are decoded as UTF-8 (as Spring's encoding filter would), not ISO-8859-1
        }
        boolean api = isApi(request);
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        boolean multipart = contentType.startsWith("multipart/");
        long max = limits.maxBody().toBytes();
        if (!multipart && request.getContentLengthLong() > max) {
            refuse(request, response, api, HttpStatus.CONTENT_TOO_LARGE, "(body)",
                    "the request body has " + request.getContentLengthLong() + " bytes; at most " + max + " are accepted");
            return;
        }
        String pathProblem = limits.checkText("", decodedPath(request));
        if (pathProblem != null) {
            refuse(request, response, api, HttpStatus.BAD_REQUEST, "(path)", "the path " + pathProblem);
            return;
        }
        HttpServletRequest limited = multipart ? request : new LimitedRequest(request, max);
        if (!multipart && (api || contentType.startsWith("application/x-www-form-urlencoded") || request.getQueryString() != null)) {
            Map<String, String[]> parameters;
            try {
                parameters = limited.getParameterMap();
            } catch (RuntimeException e) {
                // Tomcat refuses broken %-escapes, invalid UTF-8 and oversized forms by throwing here.
                refuse(request, response, api, HttpStatus.BAD_REQUEST, "(query)",
                        "the query string or form could not be decoded: broken %-escapes, invalid UTF-8 or too large");
                return;
            }
            for (var e : parameters.entrySet()) {
                for (String value : e.getValue()) {
                    // API query parameters are short values; a page's form may carry free text (notes, a policy being edited).
                    String problem = !api ? limits.checkText("source", value)
                            : value.length() > limits.maxQueryValue() ? "must be at most " + limits.maxQueryValue() + " characters"
                            : limits.checkText("", value);
                    if (problem != null) {
                        refuse(request, response, api, HttpStatus.BAD_REQUEST, e.getKey(), api ? problem : e.getKey() + " " + problem);
                        return;
                    }
                }
            }
        }
        try {
            chain.doFilter(limited, response);
        } catch (BodyTooLarge e) {
            if (!response.isCommitted()) {
                response.resetBuffer();
                refuse(request, response, api, HttpStatus.CONTENT_TOO_LARGE, "(body)", e.getMessage());
            }
        }
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/v3/");
    }

    private static String decodedPath(HttpServletRequest request) {
        try {
            return URLDecoder.decode(request.getRequestURI().replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return request.getRequestURI();
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, boolean api, HttpStatus status,
                               String field, String message) throws IOException {
        log.debug("refused {} {}: {}: {}", request.getMethod(), request.getRequestURI(), field, message);
        if (api) {
            ProblemWriter.write(response, request, new ApiProblem(status, status == HttpStatus.CONTENT_TOO_LARGE ? "too-large" : "malformed-request",
                    field + ": " + message, List.of(new ApiProblem.FieldError(field, message))));
        } else {
            response.sendError(status.value(), message);
        }
    }

    /** Counts what is read of a body and stops at the limit, so a chunked body is never held whole. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long count;

                    private void counted(long n) throws BodyTooLarge {
                        count += n;
                        if (count > max) {
                            throw new BodyTooLarge(max);
                        }
                    }

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            counted(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = in.read(b, off, len);
                        if (n > 0) {
                            counted(n);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}

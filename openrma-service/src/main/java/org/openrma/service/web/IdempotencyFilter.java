package org.openrma.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.openrma.service.access.ApiAuthentication;
import org.openrma.service.access.Caller;
import org.openrma.service.access.Secrets;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Honours {@code Idempotency-Key} on every authenticated POST. The key row, the business change and
 * the stored response commit in ONE transaction, so a retry either replays the exact response or
 * (if the first attempt failed or is still running and then fails) runs again; a concurrent retry
 * waits on the key's row lock. The same key with a different body is refused with 422.
 * Only successful (2xx) responses are stored; a failed attempt leaves nothing behind. Keys are
 * scoped to the caller's merchant (or the customer's order) and kept 24 hours. Unauthenticated
 * POSTs (opening a customer session) share one public scope: a replay needs the same key and the
 * same body (order number and e-mail), which is what opening a session takes anyway.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    /** Where keys of unauthenticated POSTs live; the request hash (body included) still has to match for a replay. */
    static final String PUBLIC_SCOPE = "public";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public IdempotencyFilter(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    private record Stored(String requestHash, int status, String contentType, String location, String etag, byte[] body) {}

    private static final class Replay extends RuntimeException {
        final Stored stored;

        Replay(Stored stored) {
            super(null, null, false, false);
            this.stored = stored;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > 255) {
            ProblemWriter.write(response, request, ApiProblem.invalid(HEADER, "must be 1 to 255 characters"));
            return;
        }
        // Behind the access filter, a request without a caller is one of the public endpoints (opening a customer session).
        String scope = request.getAttribute(ApiAuthentication.CALLER) instanceof Caller caller ? caller.scope() : PUBLIC_SCOPE;
        byte[] body = request.getInputStream().readAllBytes();
        String path = request.getRequestURI();
        String hash = HexFormat.of().formatHex(Secrets.sha256(
                (request.getMethod() + " " + path + "\n" + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        Optional<Stored> replay;
        try {
            replay = tx.execute(status -> run(status, scope, key, hash, path, new CachedBodyRequest(request, body), wrapped, chain));
        } catch (Replay r) {
            replay = Optional.of(r.stored);
        } catch (UncheckedServletException e) {
            throw e.servlet != null ? e.servlet : new ServletException(e.getCause());
        }
        if (replay != null && replay.isPresent()) {
            Stored s = replay.get();
            if (!s.requestHash().equals(hash)) {
                ProblemWriter.write(response, request, new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                        "Idempotency-Key '" + key + "' was already used with a different request body or path"));
                return;
            }
            response.setStatus(s.status());
            response.setHeader("Idempotent-Replayed", "true");
            if (s.contentType() != null) {
                response.setContentType(s.contentType());
            }
            if (s.location() != null) {
                response.setHeader("Location", s.location());
            }
            if (s.etag() != null) {
                response.setHeader("ETag", s.etag());
            }
            response.getOutputStream().write(s.body());
            return;
        }
        wrapped.copyBodyToResponse();
    }

    private Optional<Stored> run(TransactionStatus status, String scope, String key, String hash, String path,
                                 HttpServletRequest request, ContentCachingResponseWrapper response, FilterChain chain) {
        // Claim the key; a concurrent request with the same key blocks here until the first one commits or rolls back.
        int claimed = jdbc.sql("""
                insert into idempotency_key (scope, key, request_hash, method, path, status, created_at)
                values (?, ?, ?, 'POST', ?, 0, ?) on conflict (scope, key) do nothing""")
                .params(scope, key, hash, path, Timestamp.from(clock.instant())).update();
        if (claimed == 0) {
            Stored stored = jdbc.sql("select request_hash, status, content_type, location, etag, response_body from idempotency_key where scope = ? and key = ?")
                    .params(scope, key)
                    .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBytes(6)))
                    .single();
            throw new Replay(stored);
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException e) {
            throw new UncheckedServletException(null, e);
        } catch (ServletException e) {
            throw new UncheckedServletException(e, e);
        }
        if (response.getStatus() >= 200 && response.getStatus() < 300) {
            jdbc.sql("update idempotency_key set status = ?, content_type = ?, location = ?, etag = ?, response_body = ? where scope = ? and key = ?")
                    .params(response.getStatus(), response.getContentType(), response.getHeader("Location"), response.getHeader("ETag"),
                            response.getContentAsByteArray(), scope, key)
                    .update();
        } else {
            status.setRollbackOnly();
        }
        return Optional.empty();
    }

    private static final class UncheckedServletException extends RuntimeException {
        final ServletException servlet;

        UncheckedServletException(ServletException servlet, Exception cause) {
            super(cause);
            this.servlet = servlet;
        }
    }

    /** Lets the controller read a body the filter already consumed. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}

package org.openrma.service.ui;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.openrma.service.access.ApiKeys;
import org.openrma.service.access.Caller;
import org.openrma.service.access.Secrets;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Console and studio sign-in: an agent or admin enters their API key once and gets an HttpOnly,
 * SameSite=Strict cookie {@code <payload>.<hmac>} naming the key's id and an expiry. The key itself
 * is never stored in the browser. Every request looks the key up again, so revoking it signs the
 * session out at once. The signing key is kept in the database, shared by every instance.
 */
@Component
public class StaffSessions {

    public static final String COOKIE = "openrma_staff";
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();

    private final ApiKeys apiKeys;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final UiProperties properties;
    private volatile byte[] key;

    public StaffSessions(ApiKeys apiKeys, JdbcClient jdbc, Clock clock, UiProperties properties) {
        this.apiKeys = apiKeys;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** Not signed in, or the session ended: the console shows the sign-in page. */
    public static final class NotSignedIn extends RuntimeException {
        public NotSignedIn(String message) {
            super(message);
        }
    }

    /** Signed in as an agent, on a page for admins. */
    public static final class AdminOnly extends RuntimeException {
        public AdminOnly() {
            super("The policy studio is for admins; you are signed in with an agent key.");
        }
    }

    /** Checks the API key and sets the session cookie; empty if the key is unknown or revoked. */
    public Optional<Caller.Staff> signIn(String apiKey, HttpServletResponse response) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        Optional<Caller.Staff> staff = apiKeys.authenticate(apiKey.strip());
        staff.ifPresent(s -> {
            long expires = clock.instant().plus(properties.staffSessionTtl()).getEpochSecond();
            String body = ENC.encodeToString((s.keyId() + "|" + expires).getBytes(StandardCharsets.UTF_8));
            set(response, body + "." + ENC.encodeToString(sign(body)), properties.staffSessionTtl().toSeconds());
        });
        return staff;
    }

    public void signOut(HttpServletResponse response) {
        set(response, "", 0);
    }

    /** The signed-in staff member, or {@link NotSignedIn}. */
    public Caller.Staff require(HttpServletRequest request) {
        return current(request).orElseThrow(() -> new NotSignedIn("Sign in with your API key."));
    }

    public Caller.Staff requireAdmin(HttpServletRequest request) {
        Caller.Staff staff = require(request);
        if (!staff.isAdmin()) {
            throw new AdminOnly();
        }
        return staff;
    }

    public Optional<Caller.Staff> current(HttpServletRequest request) {
        String value = cookie(request, COOKIE);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String body = value.substring(0, dot);
        try {
            if (!MessageDigest.isEqual(sign(body), DEC.decode(value.substring(dot + 1)))) {
                return Optional.empty();
            }
            String[] parts = new String(DEC.decode(body), StandardCharsets.UTF_8).split("\\|");
            if (Instant.ofEpochSecond(Long.parseLong(parts[1])).isBefore(clock.instant())) {
                throw new NotSignedIn("Your session has ended; sign in again.");
            }
            UUID keyId = UUID.fromString(parts[0]);
            return jdbc.sql("select id, merchant_id, name, role from api_key where id = ? and revoked_at is null").param(keyId)
                    .query((rs, n) -> new Caller.Staff(rs.getObject("merchant_id", UUID.class), rs.getObject("id", UUID.class),
                            rs.getString("name"), Caller.Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT))))
                    .optional();
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (c.getName().equals(name)) {
                return c.getValue();
            }
        }
        return null;
    }

    private static void set(HttpServletResponse response, String value, long maxAge) {
        response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, value).httpOnly(true).sameSite("Strict").path("/")
                .maxAge(maxAge).build().toString());
    }

    private byte[] sign(String body) {
        return Secrets.hmacSha256(key(), body.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            jdbc.sql("insert into service_secret (name, value) values ('ui_staff_session_key', ?) on conflict (name) do nothing")
                    .param(Secrets.random(32)).update();
            k = jdbc.sql("select value from service_secret where name = 'ui_staff_session_key'").query(String.class).single()
                    .getBytes(StandardCharsets.UTF_8);
            key = k;
        }
        return k;
    }
}

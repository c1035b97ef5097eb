package org.openrma.service.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.openrma.service.OpenRmaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Short-lived customer tokens: {@code ct_<payload>.<hmac>}, where the payload names the merchant,
 * the order and the expiry. The HMAC key lives in the database so every instance shares it.
 */
@Component
public class CustomerTokens {

    public static final String PREFIX = "ct_";
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final OpenRmaProperties properties;
    private volatile byte[] key;

    public CustomerTokens(JdbcClient jdbc, Clock clock, OpenRmaProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    public record Token(String token, Instant expiresAt) {}

    public Token issue(UUID merchantId, UUID orderId, String email) {
        Instant expires = clock.instant().plus(properties.customerTokens().ttl());
        String payload = merchantId + "|" + orderId + "|" + expires.getEpochSecond() + "|" + email;
        String body = ENC.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return new Token(PREFIX + body + "." + ENC.encodeToString(sign(body)), expires);
    }

    /** The customer a token stands for, if its signature holds and it has not expired; else why not. */
    public Optional<Caller.Customer> verify(String token) throws ExpiredToken {
        if (!token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = token.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String body = rest.substring(0, dot);
        try {
            if (!MessageDigest.isEqual(sign(body), DEC.decode(rest.substring(dot + 1)))) {
                return Optional.empty();
            }
            String[] parts = new String(DEC.decode(body), StandardCharsets.UTF_8).split("\\|", 4);
            if (Instant.ofEpochSecond(Long.parseLong(parts[2])).isBefore(clock.instant())) {
                throw new ExpiredToken();
            }
            return Optional.of(new Caller.Customer(UUID.fromString(parts[0]), UUID.fromString(parts[1]), parts[3]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    public static final class ExpiredToken extends Exception {
        ExpiredToken() {
            super("the customer token has expired; ask for a new one with the order number and e-mail");
        }
    }

    private byte[] sign(String body) {
        return Secrets.hmacSha256(key(), body.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            jdbc.sql("insert into service_secret (name, value) values ('customer_token_key', ?) on conflict (name) do nothing")
                    .param(Secrets.random(32)).update();
            String stored = jdbc.sql("select value from service_secret where name = 'customer_token_key'").query(String.class).single();
            k = stored.getBytes(StandardCharsets.UTF_8);
            key = k;
        }
        return k;
    }
}

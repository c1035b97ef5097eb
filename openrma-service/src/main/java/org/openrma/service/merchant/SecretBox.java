package org.openrma.service.merchant;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openrma.service.OpenRmaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Encrypts merchant secrets at rest with AES-256-GCM: {@code enc:v1:<base64(nonce | ciphertext+tag)>}.
 * Each value is bound to its merchant and column (associated data), so a ciphertext copied to
 * another row does not decrypt. The key comes from {@code OPENRMA_SECRETS_KEY}; without it, one is
 * generated once into {@code service_secret} (fine for the embedded database, where the key and
 * the data live in the same folder anyway). A stored value without the prefix is a plaintext
 * left from before encryption: it is read as is and sealed at the next start ({@link SecretsAtRest}).
 */
@Component
public class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final String configuredKey;
    private volatile SecretKeySpec key;

    public SecretBox(JdbcClient jdbc, OpenRmaProperties properties) {
        this.jdbc = jdbc;
        this.configuredKey = properties.secrets().key();
    }

    /** The value encrypted for one merchant's field ({@code context}, e.g. "webhook_secret"); null stays null. */
    public String seal(java.util.UUID merchantId, String context, String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(merchantId, context));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a merchant secret", e);
        }
    }

    /** The plaintext of a stored value (a legacy plaintext value is returned as is); null stays null. */
    public String open(java.util.UUID merchantId, String context, String stored) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(aad(merchantId, context));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt the " + context + " of merchant " + merchantId
                    + ": was OPENRMA_SECRETS_KEY changed since it was stored?", e);
        }
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    private static byte[] aad(java.util.UUID merchantId, String context) {
        return ("openrma:merchant:" + merchantId + ":" + context).getBytes(StandardCharsets.UTF_8);
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            byte[] raw;
            if (configuredKey != null && !configuredKey.isBlank()) {
                raw = decode(configuredKey.strip(), "OPENRMA_SECRETS_KEY");
            } else {
                jdbc.sql("insert into service_secret (name, value) values ('merchant_secrets_key', ?) on conflict (name) do nothing")
                        .param(Base64.getEncoder().encodeToString(randomKey())).update();
                raw = decode(jdbc.sql("select value from service_secret where name = 'merchant_secrets_key'").query(String.class).single(),
                        "service_secret.merchant_secrets_key");
                log.info("Merchant secrets are encrypted with the key kept in the database (service_secret); "
                        + "set OPENRMA_SECRETS_KEY to keep the key apart from the data");
            }
            k = new SecretKeySpec(raw, "AES");
            key = k;
        }
        return k;
    }

    private static byte[] randomKey() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return b;
    }

    private static byte[] decode(String base64, String where) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException(where + " must be 32 bytes (base64 of 32 random bytes), not " + raw.length);
        }
        return raw;
    }
}

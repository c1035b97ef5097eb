package org.openrma.service.merchant;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A tenant: a shop with its policy, time zone, webhook endpoint and SMTP settings. */
public record Merchant(
        UUID id,
        String slug,
        String name,
        String policyId,
        ZoneId timeZone,
        String supportEmail,
        String webhookUrl,
        String webhookSecret,
        Smtp smtp,
        Instant createdAt,
        int version) {

    /** Where the merchant's customer e-mails go out; {@code host == null} means e-mail is off. */
    public record Smtp(String host, Integer port, String username, String password, String from, boolean startTls) {
        public boolean configured() {
            return host != null && !host.isBlank() && port != null && from != null;
        }
    }
}

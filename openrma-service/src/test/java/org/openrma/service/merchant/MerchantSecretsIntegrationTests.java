package org.openrma.service.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Api;
import org.openrma.service.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Webhook secrets and SMTP passwords: encrypted at rest (AES-GCM), never returned by the API (a generated secret once). */
class MerchantSecretsIntegrationTests extends IntegrationTest {

    private static final String CHOSEN = "my-own-webhook-secret-0123456789";
    private static final String PASSWORD = "smtp-pa55word!";

    private String column(TestMerchant m, String column) {
        return jdbc.sql("select " + column + " from merchant where id = ?").param(m.id()).query(String.class).single();
    }

    @Test
    void secretsAreStoredEncryptedAndNeverShown() {
        TestMerchant m = newMerchant("kingdo");
        Api.Response put = api.put("/api/v1/merchant", Map.of("version", 0, "webhook_secret", CHOSEN, "smtp_host", "127.0.0.1",
                "smtp_port", 2525, "smtp_from", "returns@example.com", "smtp_username", "returns", "smtp_password", PASSWORD)).key(m.admin()).send();
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.text()).doesNotContain(CHOSEN).doesNotContain(PASSWORD);
        assertThat(put.json().path("webhook_secret").isString()).isFalse();
        assertThat(put.json().get("smtp_password_set").asBoolean()).isTrue();

        for (String key : new String[] {m.admin(), m.agent()}) {
            Api.Response get = api.get("/api/v1/merchant").key(key).send();
            assertThat(get.text()).doesNotContain(CHOSEN).doesNotContain(PASSWORD).doesNotContain("whsec_");
            assertThat(get.json().get("webhook_secret_set").asBoolean()).isTrue();
        }
        String audit = api.get("/api/v1/audit?entity_type=merchant").key(m.admin()).send().text();
        assertThat(audit).doesNotContain(CHOSEN).doesNotContain(PASSWORD).contains("webhook_secret_changed");

        assertThat(column(m, "webhook_secret")).startsWith("enc:v1:").doesNotContain(CHOSEN);
        assertThat(column(m, "smtp_password")).startsWith("enc:v1:").doesNotContain(PASSWORD);
        Merchant read = merchants.get(m.id());
        assertThat(read.webhookSecret()).isEqualTo(CHOSEN);
        assertThat(read.smtp().password()).isEqualTo(PASSWORD);
        String stored = jdbc.sql("select value from service_secret where name = 'merchant_secrets_key'").query(String.class).single();
        assertThat(java.util.Base64.getDecoder().decode(stored)).hasSize(32);
    }

    @Test
    void aGeneratedSecretIsShownOnceInTheResponseThatRotatedIt() {
        TestMerchant m = newMerchant("kingdo");
        JsonNode rotated = api.put("/api/v1/merchant", Map.of("version", 0, "rotate_webhook_secret", true)).key(m.admin()).send().json();
        String secret = rotated.get("webhook_secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(merchants.get(m.id()).webhookSecret()).isEqualTo(secret);
        assertThat(api.get("/api/v1/merchant").key(m.admin()).send().text()).doesNotContain(secret);
        assertThat(api.put("/api/v1/merchant", Map.of("version", 1, "webhook_secret", "short")).key(m.admin()).send().status()).isEqualTo(422);
    }

    @Test
    void aCiphertextCopiedToAnotherMerchantDoesNotDecrypt() {
        TestMerchant a = newMerchant("kingdo");
        TestMerchant b = newMerchant("kingdo");
        jdbc.sql("update merchant set webhook_secret = (select webhook_secret from merchant where id = ?) where id = ?").params(a.id(), b.id()).update();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> merchants.get(b.id())).hasMessageContaining("cannot decrypt");
        jdbc.sql("update merchant set webhook_secret = 'whsec_legacy_plain_text_secret' where id = ?").param(b.id()).update();
        assertThat(merchants.get(b.id()).webhookSecret()).isEqualTo("whsec_legacy_plain_text_secret");
    }

    @Test
    void plainTextSecretsLeftFromBeforeAreEncryptedAtStartUp() {
        TestMerchant m = newMerchant("kingdo");
        jdbc.sql("update merchant set webhook_secret = 'whsec_legacy_0123456789', smtp_password = 'legacy-pw' where id = ?").param(m.id()).update();
        assertThat(merchants.sealPlaintextSecrets()).isPositive();
        assertThat(column(m, "webhook_secret")).startsWith("enc:v1:");
        assertThat(column(m, "smtp_password")).startsWith("enc:v1:");
        assertThat(merchants.get(m.id()).webhookSecret()).isEqualTo("whsec_legacy_0123456789");
        assertThat(merchants.get(m.id()).smtp().password()).isEqualTo("legacy-pw");
    }
}

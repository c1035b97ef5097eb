package org.openrma.service.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openrma.service.support.FormClient;
import org.openrma.service.support.IntegrationTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** With an OpenID Connect provider configured by properties, the sign-in page offers it and the console sends staff to it. */
@TestPropertySource(properties = {
        "openrma.deadlines.scheduler-enabled=false",
        "spring.security.oauth2.client.registration.company.client-id=openrma",
        "spring.security.oauth2.client.registration.company.client-secret=not-a-secret",
        "spring.security.oauth2.client.registration.company.client-name=Company SSO",
        "spring.security.oauth2.client.registration.company.scope=openid,email",
        "spring.security.oauth2.client.registration.company.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.company.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.provider.company.authorization-uri=https://idp.example/auth",
        "spring.security.oauth2.client.provider.company.token-uri=https://idp.example/token",
        "spring.security.oauth2.client.provider.company.jwk-set-uri=https://idp.example/jwks",
        "spring.security.oauth2.client.provider.company.user-name-attribute=email"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SingleSignOnConfiguredIntegrationTests extends IntegrationTest {

    @Test
    void theSignInPageOffersTheProviderWhichReceivesAnOpenIdRequest() {
        FormClient browser = new FormClient(port);
        FormClient.Page login = browser.get("/console/login");
        assertThat(login.body()).contains("Sign in with Company SSO").contains("/oauth2/authorization/company");

        FormClient.Page start = browser.get("/oauth2/authorization/company");
        assertThat(start.status()).isEqualTo(302);
        assertThat(start.header("Location")).startsWith("https://idp.example/auth?").contains("client_id=openrma")
                .contains("scope=openid%20email").contains("state=").contains("nonce=");

        assertThat(browser.get("/console").status()).as("still signed out").isEqualTo(302);
    }
}

package org.openrma.service.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.IntegrationTest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** OpenID Connect proves an e-mail; only a staff account with that verified e-mail signs in, with the account's merchant and role. */
class StaffSingleSignOnIntegrationTests extends IntegrationTest {

    private static OidcUser fromProvider(String email, boolean verified) {
        OidcIdToken token = new OidcIdToken("id-token", Instant.parse("2025-06-02T09:00:00Z"), Instant.parse("2025-06-02T10:00:00Z"),
                Map.of("sub", "provider-user-1", "iss", "https://idp.example", "email", email, "email_verified", verified));
        return new DefaultOidcUser(java.util.List.of(), token, "email");
    }

    @Test
    void aVerifiedEmailOfAStaffAccountSignsInWithTheAccountsMerchantAndRole() {
        TestMerchant m = newMerchant("kingdo");
        StaffLogin admin = staffAccount(m, Caller.Role.ADMIN);
        StaffSingleSignOn sso = new StaffSingleSignOn(staffAccounts);

        StaffSingleSignOn.StaffOidcUser user = sso.toStaff(fromProvider(admin.email().toUpperCase(java.util.Locale.ROOT), true));

        assertThat(user.staff().caller().merchantId()).isEqualTo(m.id());
        assertThat(user.staff().caller().isAdmin()).isTrue();
        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
    }

    @Test
    void anInvitedColleagueMaySignInThroughTheProviderWithoutChoosingAPassword() {
        TestMerchant m = newMerchant("kingdo");
        String email = "sso-" + m.slug() + "@example.com";
        staffAccounts.invite(m.id(), email, Caller.Role.AGENT, "test");

        assertThat(new StaffSingleSignOn(staffAccounts).toStaff(fromProvider(email, true)).staff().role()).isEqualTo(Caller.Role.AGENT);
    }

    @Test
    void anUnverifiedOrUnknownEmailIsRefused() {
        TestMerchant m = newMerchant("kingdo");
        StaffLogin agent = staffAccount(m, Caller.Role.AGENT);
        StaffSingleSignOn sso = new StaffSingleSignOn(staffAccounts);

        assertThatThrownBy(() -> sso.toStaff(fromProvider(agent.email(), false))).isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("verified");
        assertThatThrownBy(() -> sso.toStaff(fromProvider("stranger@example.com", true))).isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("no staff account");
    }
}

package org.openrma.service.access;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Optional OpenID Connect sign-in for staff: configured entirely by Spring Boot's properties
 * ({@code spring.security.oauth2.client.registration.<id>.*} and {@code ...provider.<id>.issuer-uri}).
 * The identity provider proves the e-mail; the staff account with that (verified) e-mail decides the
 * merchant and role, so the provider grants no access by itself and an admin still invites each person.
 */
public final class StaffSingleSignOn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** An OIDC sign-in that is a staff account. */
    public static final class StaffOidcUser extends DefaultOidcUser {
        private final StaffAccounts.StaffUser staff;

        StaffOidcUser(OidcUser user, StaffAccounts.StaffUser staff) {
            super(staff.getAuthorities(), user.getIdToken(), user.getUserInfo(), "email");
            this.staff = staff;
        }

        public StaffAccounts.StaffUser staff() {
            return staff;
        }

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return staff.getAuthorities();
        }
    }

    private final OAuth2UserService<OidcUserRequest, OidcUser> delegate;
    private final StaffAccounts accounts;

    public StaffSingleSignOn(StaffAccounts accounts) {
        this(new OidcUserService(), accounts);
    }

    StaffSingleSignOn(OAuth2UserService<OidcUserRequest, OidcUser> delegate, StaffAccounts accounts) {
        this.delegate = delegate;
        this.accounts = accounts;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        return toStaff(delegate.loadUser(request));
    }

    /** The staff account of a verified e-mail, or a refusal. */
    public StaffOidcUser toStaff(OidcUser user) {
        String email = user.getEmail();
        if (email == null || !Boolean.TRUE.equals(user.getEmailVerified())) {
            throw refused("the identity provider did not confirm a verified e-mail address");
        }
        StaffAccounts.StaffUser staff = accounts.findForSingleSignOn(email)
                .orElseThrow(() -> refused("there is no staff account for " + email + "; ask your admin for an invitation"));
        return new StaffOidcUser(user, staff);
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", why, null), why);
    }
}

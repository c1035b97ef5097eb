package org.openrma.service.ui;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.openrma.service.access.Caller;
import org.openrma.service.access.StaffAccounts;
import org.openrma.service.access.StaffSingleSignOn;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is signed in to the console and studio. Spring Security signs staff in with their e-mail and
 * password ({@link StaffAccounts}), keeps them in the HTTP session (a new session id at sign-in) and
 * guards the pages by role (see {@code SecurityConfiguration}); the controllers ask here for the
 * {@link Caller.Staff} the signed-in account acts as.
 */
@Component
public class StaffSessions {

    /** Not signed in, or the session ended: the console shows the sign-in page. */
    public static final class NotSignedIn extends RuntimeException {
        public NotSignedIn(String message) {
            super(message);
        }
    }

    /** Signed in as an agent, on a page for admins. */
    public static final class AdminOnly extends RuntimeException {
        public AdminOnly() {
            super("The policy studio is for admins; you are signed in as an agent.");
        }
    }

    /** The signed-in staff member, or {@link NotSignedIn}. */
    public Caller.Staff require(HttpServletRequest request) {
        return current().orElseThrow(() -> new NotSignedIn("Sign in with your e-mail and password."));
    }

    public Caller.Staff requireAdmin(HttpServletRequest request) {
        Caller.Staff staff = require(request);
        if (!staff.isAdmin()) {
            throw new AdminOnly();
        }
        return staff;
    }

    public Optional<Caller.Staff> current() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || !a.isAuthenticated()) {
            return Optional.empty();
        }
        return switch (a.getPrincipal()) {
            case StaffAccounts.StaffUser user -> Optional.of(user.caller());
            case StaffSingleSignOn.StaffOidcUser oidc -> Optional.of(oidc.staff().caller());
            default -> Optional.empty();
        };
    }
}

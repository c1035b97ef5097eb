package org.openrma.service.access;

import org.openrma.service.merchant.Merchants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The first admin of a merchant that has none: {@code OPENRMA_STAFF_FIRST_ADMIN=<merchant slug>:<e-mail>}
 * makes an invitation at start-up and logs its one-time link (path {@code /console/invitation?token=...}).
 * Once that admin has chosen a password, they invite everyone else from the console's Team page.
 */
@Component
public class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final String setting;
    private final Merchants merchants;
    private final StaffAccounts accounts;

    public FirstAdmin(@Value("${openrma.staff.first-admin:}") String setting, Merchants merchants, StaffAccounts accounts) {
        this.setting = setting;
        this.merchants = merchants;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        int colon = setting.indexOf(':');
        if (setting.isBlank() || colon < 1) {
            return;
        }
        String slug = setting.substring(0, colon).strip();
        String email = setting.substring(colon + 1).strip();
        var merchant = merchants.findBySlug(slug);
        if (merchant.isEmpty()) {
            log.warn("openrma.staff.first-admin names merchant '{}', which does not exist", slug);
            return;
        }
        if (accounts.hasAdmin(merchant.get().id()) || accounts.exists(email)) {
            return;
        }
        StaffAccounts.Invitation invitation = accounts.invite(merchant.get().id(), email, Caller.Role.ADMIN, "openrma.staff.first-admin");
        log.warn("First admin of '{}': {} is invited until {}. Open /console/invitation?token={} to choose a password.",
                slug, email, invitation.expiresAt(), invitation.token());
    }
}

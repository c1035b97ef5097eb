package org.openrma.service.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff accounts of the console and studio: an e-mail, a password kept as a bcrypt hash (Spring
 * Security's delegating encoder), and the role agent or admin at one merchant. An admin invites a
 * colleague by e-mail; the invitee opens the one-time link and chooses a password. Spring Security
 * signs staff in through {@link #loadUserByUsername}.
 */
@Repository
public class StaffAccounts implements UserDetailsService {

    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final Duration INVITATION_TTL = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PasswordEncoder passwords;

    public StaffAccounts(JdbcClient jdbc, Clock clock, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.passwords = passwords;
    }

    /** A signed-in member of staff, as Spring Security holds it; {@link #caller()} is who they are to the rest of the service. */
    public record StaffUser(UUID id, UUID merchantId, String email, Caller.Role role, String passwordHash, boolean active)
            implements UserDetails {
        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
        }

        @Override
        public String getPassword() {
            return passwordHash;
        }

        @Override
        public String getUsername() {
            return email;
        }

        @Override
        public boolean isEnabled() {
            return active;
        }

        public Caller.Staff caller() {
            return new Caller.Staff(merchantId, id, email, role);
        }

        @Override
        public String toString() {
            return "StaffUser[" + email + ", " + role + "]";
        }
    }

    /** An account as an admin sees it. */
    public record Account(UUID id, String email, Caller.Role role, boolean invitationPending, Instant createdAt, String createdBy) {}

    /** A new invitation: the token is shown once, in the link the admin passes on. */
    public record Invitation(UUID accountId, String email, Caller.Role role, String token, Instant expiresAt) {}

    @Override
    public StaffUser loadUserByUsername(String email) {
        return find(email).orElseThrow(() -> new UsernameNotFoundException("no staff account"));
    }

    public Optional<StaffUser> find(String email) {
        return jdbc.sql("select * from staff_account where lower(email) = lower(?)").param(email == null ? "" : email.strip())
                .query((rs, n) -> new StaffUser(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class), rs.getString("email"),
                        Caller.Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)),
                        rs.getString("password_hash") == null ? "{noop}" + UUID.randomUUID() : rs.getString("password_hash"),
                        rs.getString("password_hash") != null && rs.getTimestamp("disabled_at") == null))
                .optional();
    }

    /** An account signing in through OpenID Connect: any account not disabled, with or without a password. */
    public Optional<StaffUser> findForSingleSignOn(String email) {
        return jdbc.sql("select * from staff_account where lower(email) = lower(?) and disabled_at is null").param(email.strip())
                .query((rs, n) -> new StaffUser(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class), rs.getString("email"),
                        Caller.Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)), "{noop}" + UUID.randomUUID(), true))
                .optional();
    }

    public boolean exists(String email) {
        return jdbc.sql("select count(*) from staff_account where lower(email) = lower(?)").param(email).query(Integer.class).single() > 0;
    }

    /** An account with a password, for tests. */
    public UUID create(UUID merchantId, String email, Caller.Role role, String password, String createdBy) {
        return createWithHash(merchantId, email, role, passwords.encode(password), createdBy);
    }

    /**
     * An account whose password was hashed beforehand ({@code {bcrypt}...}): the demo seed ships the hashes of
     * its published demo passwords, so a first start does not spend half a second in bcrypt.
     */
    public UUID createWithHash(UUID merchantId, String email, Caller.Role role, String passwordHash, String createdBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into staff_account (id, merchant_id, email, role, password_hash, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, merchantId, email, role.name().toLowerCase(Locale.ROOT), passwordHash,
                        Timestamp.from(clock.instant()), createdBy)
                .update();
        return id;
    }

    /** Invites {@code email} as {@code role}; the caller checks the e-mail is new and valid. */
    public Invitation invite(UUID merchantId, String email, Caller.Role role, String invitedBy) {
        UUID id = UUID.randomUUID();
        String token = "inv_" + Secrets.random(32);
        Instant expires = clock.instant().plus(INVITATION_TTL);
        jdbc.sql("""
                insert into staff_account (id, merchant_id, email, role, invitation_hash, invitation_expires_at, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, merchantId, email, role.name().toLowerCase(Locale.ROOT), Secrets.sha256(token), Timestamp.from(expires),
                        Timestamp.from(clock.instant()), invitedBy)
                .update();
        return new Invitation(id, email, role, token, expires);
    }

    /** The e-mail an open invitation is for, if the token is valid and not expired. */
    public Optional<String> invitation(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("select email from staff_account where invitation_hash = ? and invitation_expires_at > ? and password_hash is null")
                .params(Secrets.sha256(token), Timestamp.from(clock.instant())).query(String.class).optional();
    }

    /** Sets the invitee's password and ends the invitation; false if the token is unknown, used or expired. */
    public boolean accept(String token, String password) {
        return invitation(token).isPresent() && jdbc.sql("""
                update staff_account set password_hash = ?, invitation_hash = null, invitation_expires_at = null
                where invitation_hash = ? and invitation_expires_at > ? and password_hash is null""")
                .params(passwords.encode(password), Secrets.sha256(token), Timestamp.from(clock.instant())).update() == 1;
    }

    public List<Account> list(UUID merchantId) {
        return jdbc.sql("select * from staff_account where merchant_id = ? and disabled_at is null order by created_at, email").param(merchantId)
                .query((rs, n) -> new Account(rs.getObject("id", UUID.class), rs.getString("email"),
                        Caller.Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)), rs.getString("password_hash") == null,
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")))
                .list();
    }

    public boolean hasAdmin(UUID merchantId) {
        return jdbc.sql("select count(*) from staff_account where merchant_id = ? and role = 'admin' and disabled_at is null")
                .param(merchantId).query(Integer.class).single() > 0;
    }
}

-- Staff accounts for the console and studio (issue 11): e-mail + password (a bcrypt hash in Spring
-- Security's "{bcrypt}..." form), role agent/admin at one merchant. An admin invites by e-mail: the
-- account exists without a password until the invitee opens the link and chooses one. Only the
-- SHA-256 of an invitation token is stored. API keys stay for machine clients.
create table staff_account (
    id                    uuid primary key,
    merchant_id           uuid not null references merchant (id),
    email                 text not null check (length(email) <= 254),
    role                  text not null check (role in ('agent', 'admin')),
    password_hash         text,
    invitation_hash       text unique,
    invitation_expires_at timestamptz,
    created_at            timestamptz not null,
    created_by            text not null,
    disabled_at           timestamptz
);
create unique index staff_account_email_idx on staff_account (lower(email));
create index staff_account_merchant_idx on staff_account (merchant_id, created_at);

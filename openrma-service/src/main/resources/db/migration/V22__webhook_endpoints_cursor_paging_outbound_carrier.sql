-- Issue 12, item 5: integrator conveniences.

-- The carrier of a unit shipped out, apart from its tracking number. Rows resolved before keep
-- "<carrier> <tracking>" in outbound_tracking with no carrier: the split is not recoverable
-- (a carrier or a number may contain a space), so the API shows them as they were.
alter table rma add column outbound_carrier text;

-- Cursor paging walks each merchant's RMAs newest first, ties broken by id.
create index rma_merchant_created_idx on rma (merchant_id, created_at desc, id);

-- Webhook endpoints: several per merchant, each with its own event filter and signing secret.
-- The merchant's single webhook_url (settings) keeps working beside them as an endpoint for every
-- event signed with the merchant's webhook_secret; its secret is sealed for the merchant row, so it
-- cannot be moved here by SQL.
create table webhook_endpoint (
    id                         uuid primary key,
    merchant_id                uuid not null references merchant (id),
    url                        text not null,
    description                text,
    -- event types this endpoint receives (a JSON array of strings); ["*"] is every type
    enabled_events             jsonb not null check (jsonb_typeof(enabled_events) = 'array'),
    enabled                    boolean not null default true,
    -- sealed with SecretBox, bound to the merchant and to "webhook_endpoint:<id>"
    secret                     text not null,
    -- the secret before the last rotation: still signed with until previous_secret_expires_at
    previous_secret            text,
    previous_secret_expires_at timestamptz,
    created_at                 timestamptz not null,
    updated_at                 timestamptz not null,
    -- deleted endpoints stay, so the deliveries made to them keep their reference
    deleted_at                 timestamptz
);
create index webhook_endpoint_merchant_idx on webhook_endpoint (merchant_id, created_at desc, id) where deleted_at is null;

-- One event, one message per receiving endpoint: the same event_id goes to every endpoint (null is
-- the merchant's own webhook_url, and e-mails), and is unique per endpoint.
alter table outbox add column endpoint_id uuid references webhook_endpoint (id);
alter table outbox drop constraint outbox_event_id_key;
create unique index outbox_event_endpoint_uq on outbox (event_id, coalesce(endpoint_id, '00000000-0000-0000-0000-000000000000'::uuid));

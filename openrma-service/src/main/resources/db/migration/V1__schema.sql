-- OpenRMA service schema. Every business table carries merchant_id: every query is scoped by tenant.
-- Amounts are numeric + currency, never floating point. Timestamps come from the service's Clock.

create table merchant (
    id              uuid primary key,
    slug            text not null unique,
    name            text not null,
    policy_id       text not null,
    time_zone       text not null default 'UTC',
    support_email   text,
    webhook_url     text,
    webhook_secret  text not null,
    smtp_host       text,
    smtp_port       int,
    smtp_username   text,
    smtp_password   text,
    smtp_from       text,
    smtp_starttls   boolean not null default false,
    created_at      timestamptz not null,
    version         int not null default 0
);

-- API keys are high-entropy random strings; only their SHA-256 is stored.
create table api_key (
    id          uuid primary key,
    merchant_id uuid not null references merchant (id),
    name        text not null,
    role        text not null check (role in ('agent', 'admin')),
    key_hash    text not null unique,
    key_prefix  text not null,
    created_at  timestamptz not null,
    revoked_at  timestamptz
);

-- Policy versions a merchant uploaded (the five built-in policies come from the engine jar).
create table policy_version (
    id             bigserial primary key,
    merchant_id    uuid not null references merchant (id),
    policy_id      text not null,
    version        text not null,
    effective_from date not null,
    sha256         text not null,
    file_name      text not null,
    source_text    text not null,
    uploaded_at    timestamptz not null,
    uploaded_by    text not null,
    unique (merchant_id, policy_id, effective_from)
);

-- Orders are imported in the order shape of the claim format and kept verbatim in `document`.
create table customer_order (
    id                uuid primary key,
    merchant_id       uuid not null references merchant (id),
    number            text not null,
    channel           text not null,
    placed_at         timestamptz not null,
    currency          char(3) not null,
    merchandise_total numeric(19, 4) not null check (merchandise_total >= 0),
    customer_id       text,
    customer_email    text,
    document          jsonb not null,
    imported_at       timestamptz not null,
    imported_by       text not null,
    unique (merchant_id, number)
);
create index customer_order_email_idx on customer_order (merchant_id, lower(customer_email));

create table order_line (
    order_id    uuid not null references customer_order (id),
    merchant_id uuid not null references merchant (id),
    sku         text not null,
    category    text,
    unit_price  numeric(19, 4) not null check (unit_price >= 0),
    currency    char(3) not null,
    quantity    int not null check (quantity > 0),
    serial      text,
    primary key (order_id, sku)
);

create table rma (
    id              uuid primary key,
    merchant_id     uuid not null references merchant (id),
    number          text not null,
    order_id        uuid not null references customer_order (id),
    policy_id       text not null,
    status          text not null,
    outcome         text,
    claim           jsonb not null,
    customer_email  text,
    ship_back_by    date,           -- the customer must ship the item back by this date (merchant's zone)
    evidence_due_by date,           -- missing evidence must arrive by this date
    sla_due_by      date,           -- the merchant must have resolved the RMA by this date
    resolution      text,
    sla_breached    boolean not null default false,
    created_at      timestamptz not null,
    created_by      text not null,
    updated_at      timestamptz not null,
    version         int not null default 0,
    unique (merchant_id, number)
);
create index rma_merchant_status_idx on rma (merchant_id, status, created_at);
create index rma_order_idx on rma (order_id);

-- Every decision the engine made for an RMA, with the exact claim it was given.
create table decision (
    id              bigserial primary key,
    merchant_id     uuid not null references merchant (id),
    rma_id          uuid not null references rma (id),
    seq             int not null,
    trigger         text not null,
    decided_at      timestamptz not null,
    outcome         text,
    policy_id       text not null,
    policy_version  text,
    policy_sha256   text,
    claim           jsonb not null,
    decision        jsonb,
    engine_error    text,
    unique (rma_id, seq)
);

-- Units by serial number, with their history across RMAs (repairs, replacements, voided warranty).
create table unit (
    merchant_id        uuid not null references merchant (id),
    serial             text not null,
    sku                text,
    warranty_void      boolean not null default false,
    voided_at          timestamptz,
    voided_reason      text,
    voided_by_rma      uuid references rma (id),
    replaced_by_serial text,
    primary key (merchant_id, serial)
);
create table unit_event (
    id          bigserial primary key,
    merchant_id uuid not null references merchant (id),
    serial      text not null,
    rma_id      uuid references rma (id),
    at          timestamptz not null,
    event       text not null,
    detail      text
);
create index unit_event_serial_idx on unit_event (merchant_id, serial, id);

-- The refund ledger: one row per money movement, itemised deductions, append-only.
create table refund (
    id          uuid primary key,
    merchant_id uuid not null references merchant (id),
    order_id    uuid not null references customer_order (id),
    rma_id      uuid not null references rma (id),
    kind        text not null check (kind in ('refund', 'shipping_reimbursement')),
    resolution  text not null,
    amount      numeric(19, 4) not null check (amount >= 0),
    currency    char(3) not null,
    created_at  timestamptz not null,
    created_by  text not null,
    unique (rma_id, kind)          -- exactly one refund per resolution, however often it is retried
);
create table refund_deduction (
    refund_id uuid not null references refund (id),
    kind      text not null,
    amount    numeric(19, 4) not null check (amount >= 0),
    currency  char(3) not null,
    primary key (refund_id, kind)
);

-- Refunds across all RMAs of an order never exceed what was paid for its lines.
-- The order row is locked, so two concurrent refunds on one order are checked one after the other.
create function refund_within_paid() returns trigger language plpgsql as $$
declare
    paid     numeric;
    refunded numeric;
begin
    if new.kind <> 'refund' then
        return new;
    end if;
    select merchandise_total into paid from customer_order where id = new.order_id for update;
    select coalesce(sum(amount), 0) into refunded from refund where order_id = new.order_id and kind = 'refund';
    if refunded > paid then
        raise exception 'refunds of order % would total %, more than the % paid', new.order_id, refunded, paid
            using errcode = 'check_violation', constraint = 'refund_within_paid';
    end if;
    return new;
end $$;
create trigger refund_within_paid after insert on refund for each row execute function refund_within_paid();

-- Append-only tables reject UPDATE, DELETE and TRUNCATE.
create function reject_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger refund_append_only before update or delete on refund for each row execute function reject_change();
create trigger refund_no_truncate before truncate on refund for each statement execute function reject_change();
create trigger refund_deduction_append_only before update or delete on refund_deduction for each row execute function reject_change();

create table audit_event (
    id          bigserial primary key,
    merchant_id uuid not null references merchant (id),
    at          timestamptz not null,
    actor       text not null,
    action      text not null,
    entity_type text not null,
    entity_id   text not null,
    before      jsonb,
    after       jsonb
);
create index audit_event_entity_idx on audit_event (merchant_id, entity_type, entity_id, id);
create trigger audit_append_only before update or delete on audit_event for each row execute function reject_change();
create trigger audit_no_truncate before truncate on audit_event for each statement execute function reject_change();

-- Idempotency-Key: the stored response of a POST, replayed for a retry with the same key and body.
create table idempotency_key (
    scope         text not null,
    key           text not null,
    request_hash  text not null,
    method        text not null,
    path          text not null,
    status        int not null,
    content_type  text,
    location      text,
    response_body bytea,
    created_at    timestamptz not null,
    primary key (scope, key)
);

-- Transactional outbox: webhooks and e-mails are written with the change that caused them and
-- delivered afterwards by a poller (SELECT ... FOR UPDATE SKIP LOCKED), with retries.
create table outbox (
    id              bigserial primary key,
    merchant_id     uuid not null references merchant (id),
    channel         text not null check (channel in ('webhook', 'email')),
    event_id        uuid not null unique,
    event_type      text not null,
    destination     text not null,
    payload         jsonb not null,
    status          text not null default 'pending' check (status in ('pending', 'delivered', 'dead')),
    attempts        int not null default 0,
    next_attempt_at timestamptz not null,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    last_error      text,
    last_status     int
);
create index outbox_due_idx on outbox (next_attempt_at) where status = 'pending';
create index outbox_merchant_idx on outbox (merchant_id, id);

create table delivery_attempt (
    id          bigserial primary key,
    outbox_id   bigint not null references outbox (id),
    at          timestamptz not null,
    status_code int,
    error       text,
    duration_ms int not null
);

-- Secrets shared by every instance (the customer-token signing key).
create table service_secret (
    name  text primary key,
    value text not null
);

-- db-scheduler (com.github.kagkarlsson:db-scheduler) task table.
create table scheduled_tasks (
    task_name            text not null,
    task_instance        text not null,
    task_data            bytea,
    execution_time       timestamptz not null,
    picked               boolean not null,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures int,
    last_heartbeat       timestamptz,
    version              bigint not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

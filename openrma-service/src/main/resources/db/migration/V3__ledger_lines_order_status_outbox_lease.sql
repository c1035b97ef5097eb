-- Order status: a cancellation or amendment that was carried out marks the order; delivery updates come from the shop.
alter table customer_order add column status text not null default 'open' check (status in ('open', 'amended', 'cancelled'));
alter table customer_order add column cancelled_at timestamptz;
alter table customer_order add column amended_at timestamptz;
alter table customer_order add column version int not null default 0;

-- The ledger also records store credit and exchanges (with the price difference either way).
--   refund, store_credit, exchange (difference paid back to the customer) use up what was paid for the lines;
--   exchange_charge is what the customer pays on top for a dearer item; shipping_reimbursement is the customer's return postage.
alter table refund drop constraint refund_kind_check;
alter table refund add constraint refund_kind_check
    check (kind in ('refund', 'shipping_reimbursement', 'store_credit', 'exchange', 'exchange_charge'));
alter table refund add column detail jsonb;

-- What each ledger entry used up of each order line (sku) or of the order's shipping charge (sku null).
create table refund_line (
    refund_id   uuid not null references refund (id),
    merchant_id uuid not null references merchant (id),
    order_id    uuid not null references customer_order (id),
    sku         text,               -- null: the order's outbound shipping charge
    quantity    int not null check (quantity >= 0),
    amount      numeric(19, 4) not null check (amount >= 0),
    currency    char(3) not null
);
create index refund_line_order_idx on refund_line (order_id, sku);
create trigger refund_line_append_only before update or delete on refund_line for each row execute function reject_change();
create trigger refund_line_no_truncate before truncate on refund_line for each statement execute function reject_change();

-- Per line, across all RMAs of the order: amounts never exceed what was paid for the line, units never exceed the units sold.
-- The shipping charge likewise. Checked after each insert, under the order's row lock.
create function refund_line_within_paid() returns trigger language plpgsql as $$
declare
    paid_amount numeric;
    paid_units  int;
    used_amount numeric;
    used_units  int;
begin
    perform 1 from customer_order where id = new.order_id for update;
    if new.sku is null then
        select coalesce((document -> 'shipping' ->> 'amount')::numeric, 0) into paid_amount from customer_order where id = new.order_id;
        select coalesce(sum(amount), 0) into used_amount from refund_line where order_id = new.order_id and sku is null;
        if used_amount > paid_amount then
            raise exception 'refunds of the shipping charge of order % would total %, more than the % paid', new.order_id, used_amount, paid_amount
                using errcode = 'check_violation', constraint = 'refund_line_within_paid';
        end if;
        return new;
    end if;
    select unit_price * quantity, quantity into paid_amount, paid_units from order_line where order_id = new.order_id and sku = new.sku;
    if paid_amount is null then
        raise exception 'order % has no line %', new.order_id, new.sku using errcode = 'check_violation', constraint = 'refund_line_within_paid';
    end if;
    select coalesce(sum(amount), 0), coalesce(sum(quantity), 0) into used_amount, used_units
        from refund_line where order_id = new.order_id and sku = new.sku;
    if used_amount > paid_amount or used_units > paid_units then
        raise exception 'refunds of line % of order % would total % for % unit(s), more than the % paid for % unit(s)',
            new.sku, new.order_id, used_amount, used_units, paid_amount, paid_units
            using errcode = 'check_violation', constraint = 'refund_line_within_paid';
    end if;
    return new;
end $$;
create trigger refund_line_within_paid after insert on refund_line for each row execute function refund_line_within_paid();

-- The order-level check now counts every kind that gives value back for the order (not the return postage),
-- against the lines plus the shipping charge.
create or replace function refund_within_paid() returns trigger language plpgsql as $$
declare
    paid     numeric;
    refunded numeric;
begin
    if new.kind not in ('refund', 'store_credit', 'exchange') then
        return new;
    end if;
    select merchandise_total + coalesce((document -> 'shipping' ->> 'amount')::numeric, 0) into paid
        from customer_order where id = new.order_id for update;
    select coalesce(sum(amount), 0) into refunded from refund where order_id = new.order_id and kind in ('refund', 'store_credit', 'exchange');
    if refunded > paid then
        raise exception 'refunds of order % would total %, more than the % paid', new.order_id, refunded, paid
            using errcode = 'check_violation', constraint = 'refund_within_paid';
    end if;
    return new;
end $$;

-- Outbox delivery in three steps: claim due rows (a lease), send outside any transaction, record the result.
-- lease_token names the claim; a result is recorded only by the holder of the current lease.
alter table outbox add column lease_token uuid;
alter table outbox add column leased_until timestamptz;
alter table outbox add column leased_by text;

-- "SLA due soon" notices already sent (one per RMA and due date).
create table rma_sla_notice (
    rma_id     uuid not null references rma (id),
    sla_due_by date not null,
    kind       text not null check (kind in ('due_soon')),
    sent_at    timestamptz not null,
    primary key (rma_id, sla_due_by, kind)
);
create index rma_sla_due_idx on rma (merchant_id, sla_due_by) where not sla_breached;

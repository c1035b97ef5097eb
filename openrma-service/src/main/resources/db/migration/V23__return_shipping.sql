-- Return shipping (issue 13): where parcels go back, the carrier account that buys labels, and the labels bought.

-- The merchant's shipping settings live beside the merchant, not in the policy: addresses and carrier accounts change
-- more often than the terms, and a new warehouse must not need a new policy version.
-- return_addresses: [{"id", "programs": [program ids, empty = default], "address": {name, company, street1, street2,
-- city, state, zip, country, phone, email}}]. carrier_api_key is sealed like the webhook secret (enc:v1:...).
create table merchant_shipping (
    merchant_id      uuid primary key references merchant (id),
    return_addresses jsonb not null default '[]',
    carrier          text check (carrier in ('easypost')),
    carrier_api_key  text,
    version          int not null default 0
);

-- The tracking of the parcel the customer sends back ("USPS 9405..."), from ship-back or the prepaid label.
alter table rma add column return_tracking text;

-- A return label bought for an RMA (at most one): a carrier's prepaid label (label_url at the carrier) or the
-- "print your own" address label (label_pdf). cost is what the carrier charged, in its currency.
create table return_label (
    rma_id        uuid primary key references rma (id),
    merchant_id   uuid not null references merchant (id),
    carrier       text not null,
    service       text,
    tracking      text,
    cost          numeric(19, 4) check (cost >= 0),
    currency      char(3),
    label_url     text,
    label_pdf     bytea,
    shipment_ref  text,
    paid_by       text not null check (paid_by in ('merchant', 'customer')),
    purchased_at  timestamptz not null,
    purchased_by  text not null
);

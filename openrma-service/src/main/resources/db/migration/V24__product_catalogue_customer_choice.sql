-- Exchanges and store credit in the portal (issue 13, item 5).

-- The merchant's product catalogue: each product's variants (a size, a colour) with their price and whether they are in
-- stock. The portal offers an exchange for another in-stock variant of the product an order line's SKU belongs to.
-- Replaced as a whole by PUT /api/v1/merchant/products.
create table product_variant (
    merchant_id   uuid not null references merchant (id),
    product_id    text not null,
    product_title text not null,
    sku           text not null,
    title         text not null,
    price         numeric(19, 4) not null check (price >= 0),
    currency      char(3) not null,
    in_stock      boolean not null,
    image_url     text,
    position      int not null,
    primary key (merchant_id, sku)
);
create index product_variant_product on product_variant (merchant_id, product_id);

-- What the customer chose when filing: refund, store credit or an exchange, and for an exchange the variant wanted with
-- its price for the units claimed and the difference to what was paid (positive: paid back; negative: the customer pays).
-- The claim's request also carries preferred_resolution, so the policy decides on it; this row keeps what the claim
-- format has no field for.
create table rma_customer_choice (
    rma_id           uuid primary key references rma (id),
    merchant_id      uuid not null references merchant (id),
    resolution       text not null,
    exchange_sku     text,
    exchange_title   text,
    exchange_price   numeric(19, 4),
    price_difference numeric(19, 4),
    currency         char(3) not null
);

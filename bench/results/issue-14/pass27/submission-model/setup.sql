-- In the database of toast/setup.sql (the load test's, kept): for each imported order, its id, merchant and number,
-- with one of the stored claims and decisions as text, for the model of a submission's transaction (submission.sql).
drop table if exists model;
create table model as
  select row_number() over () as n, o.id as oid, o.merchant_id as mid, o.number as onum, s.c, s.d
  from customer_order o join src s on s.n = 1 + (abs(hashtext(o.id::text)) % 3283);
create unique index on model (n);
analyze model;

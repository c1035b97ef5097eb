-- In a database the load test filled and kept (bench/load-test.sh with its final drop removed, ORDERS=8000,
-- SUBMIT_SECONDS=10; 3,283 decisions): the stored claims and decisions as text, and two tables that differ only in
-- where PostgreSQL keeps a large value: out of line in the TOAST table (EXTENDED, the default) or compressed in the row (MAIN).
drop table if exists src, dx, dm;
create table src as select row_number() over () as n, claim::text as c, decision::text as d from decision where decision is not null;
create table dx (id bigserial primary key, claim jsonb not null, decision jsonb, body bytea);
create table dm (id bigserial primary key, claim jsonb not null, decision jsonb, body bytea);
alter table dx alter column claim set compression lz4, alter column decision set compression lz4, alter column body set compression lz4;
alter table dm alter column claim set compression lz4, alter column decision set compression lz4, alter column body set compression lz4;
alter table dm alter column claim set storage main, alter column decision set storage main, alter column body set storage main;

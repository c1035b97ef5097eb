\set n random(1, 3283)
select c, d from src where n = :n \gset
insert into dm (claim, decision, body) values (:c::jsonb, :d::jsonb, convert_to(:d || :c, 'UTF8'));

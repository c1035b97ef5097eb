\set n random(1, 8029)
select oid, mid, onum, c, d, gen_random_uuid() as rid, gen_random_uuid()::text as ikey from model where n = :n \gset
begin;
insert into idempotency_key (scope, key, request_hash, method, path, status, created_at) values ('bench', :ikey, 'h', 'POST', '/api/v1/rmas', 0, now()) on conflict (scope, key) do nothing;
select * from customer_order where merchant_id = :mid and number = :onum for update;
select r.*, o.number as order_number from rma r join customer_order o on o.id = r.order_id where o.merchant_id = :mid and r.order_id = (select id from customer_order where merchant_id = :mid and number = :onum) order by r.created_at, r.id;
-- PIPELINE: \startpipeline
insert into rma (id, merchant_id, number, order_id, policy_id, status, outcome, claim, customer_email, ship_back_by, evidence_due_by, sla_due_by, sla_breached, resolution, customer_consent_at, outbound_carrier, outbound_tracking, return_tracking, created_at, created_by, updated_at, version) values (:rid, :mid, 'RMA-' || substr(:ikey, 1, 8), :oid, 'kst-servos', 'AUTHORIZED', 'approved', cast(:c as jsonb), 'buyer@example.com', current_date + 14, null, current_date + 20, false, null, null, null, null, null, now(), 'bench', now(), 0);
insert into decision (merchant_id, rma_id, seq, trigger, decided_at, outcome, policy_id, policy_version, policy_sha256, claim, decision, engine_error) values (:mid, :rid, 1, 'submitted', now(), 'approved', 'kst-servos', '2025-01', 'sha', cast(:c as jsonb), cast(:d as jsonb), null);
insert into audit_event (merchant_id, at, actor, action, entity_type, entity_id, before, after) values (:mid, now(), 'bench', 'rma.submitted', 'rma', :rid, null, cast('{"status":"AUTHORIZED","outcome":"approved"}' as jsonb));
-- PIPELINE: \endpipeline
update idempotency_key set status = 201, content_type = 'application/json', location = '/api/v1/rmas/x', etag = '"0"', response_body = convert_to(:d, 'UTF8') where scope = 'bench' and key = :ikey;
commit;

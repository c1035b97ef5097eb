-- The documents every claim submission writes (the claim on the RMA and on its decision, the decision with its
-- explanation, the stored idempotent answer, the audit states) are compressed by PostgreSQL when they pass ~2 KB.
-- Its default method, pglz, was 8% of PostgreSQL's CPU in a profile of the load test's submissions; lz4 compresses
-- several times faster, and reads decompress faster too. Only values written from now on use it: rows already stored
-- keep pglz and read as before. A server built without lz4 (the embedded PostgreSQL of the zero-setup default is one)
-- keeps pglz, with a notice in the log, instead of failing the migration.
do $$
begin
    alter table rma alter column claim set compression lz4;
    alter table decision alter column claim set compression lz4, alter column decision set compression lz4;
    alter table idempotency_key alter column response_body set compression lz4;
    alter table audit_event alter column before set compression lz4, alter column after set compression lz4;
    alter table customer_order alter column document set compression lz4;
    alter table outbox alter column payload set compression lz4;
exception when feature_not_supported then
    raise notice 'this PostgreSQL has no lz4: large documents stay compressed with pglz (%)', sqlerrm;
end $$;

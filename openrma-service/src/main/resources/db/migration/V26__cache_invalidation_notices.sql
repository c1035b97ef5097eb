-- Per-instance caches (merchants, API keys, merchants' policy catalogs) are invalidated through the database: every
-- change to a cached row sends a notice on channel 'openrma_invalidate', "<table>:<key>", from the transaction that makes
-- the change, so PostgreSQL delivers it to every listening instance exactly when the change commits (never for a
-- rollback). A trigger rather than the application code, so that no write path (another instance, an older version
-- of the service, a SQL console) can change a cached row without telling the caches. db/Invalidations listens.
create function openrma_notify_invalidation() returns trigger language plpgsql as $$
declare
    key_column text := tg_argv[0];
    old_key    text;
    new_key    text;
begin
    if tg_op in ('UPDATE', 'DELETE') then
        old_key := to_jsonb(old) ->> key_column;
        perform pg_notify('openrma_invalidate', tg_table_name || ':' || old_key);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        new_key := to_jsonb(new) ->> key_column;
        if old_key is distinct from new_key then
            perform pg_notify('openrma_invalidate', tg_table_name || ':' || new_key);
        end if;
    end if;
    return null;
end
$$;

-- merchant: keyed by id (settings, time zone, policy, sealed secrets). Not on insert: a row that did not exist was
-- not cached (the caches keep found rows only).
create trigger merchant_invalidate after update or delete on merchant
    for each row execute function openrma_notify_invalidation('id');
-- api_key: keyed by the key's hash (a revocation must reach every instance)
create trigger api_key_invalidate after update or delete on api_key
    for each row execute function openrma_notify_invalidation('key_hash');
-- policy_version: keyed by merchant (an upload, an insert, changes that merchant's catalog; the table is append-only)
create trigger policy_version_invalidate after insert or update or delete on policy_version
    for each row execute function openrma_notify_invalidation('merchant_id');
-- webhook_endpoint: keyed by merchant (each merchant's enabled endpoints are kept; a new one must be seen at once)
create trigger webhook_endpoint_invalidate after insert or update or delete on webhook_endpoint
    for each row execute function openrma_notify_invalidation('merchant_id');

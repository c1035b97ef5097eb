-- A substitute replacement waits for the customer's consent; a repaired or replacement unit is shipped with tracking.
alter table rma add column customer_consent_at timestamptz;
alter table rma add column outbound_tracking text;

-- A published policy version is immutable.
create trigger policy_version_immutable before update or delete on policy_version for each row execute function reject_change();

-- Decisions and unit history are records of what happened: append-only like the audit trail.
create trigger decision_append_only before update or delete on decision for each row execute function reject_change();
create trigger unit_event_append_only before update or delete on unit_event for each row execute function reject_change();

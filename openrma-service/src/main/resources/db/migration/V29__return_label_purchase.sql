-- A label purchase under way (issue 13): the carrier is called with no transaction open, so two clicks on "Get the label"
-- could each buy one. The first click reserves the RMA here before calling the carrier; a second one is told to wait.
-- A reservation older than the carrier's time-out is stale (the instance died mid-call) and is taken over.
create table return_label_purchase (
    rma_id      uuid primary key references rma (id),
    merchant_id uuid not null references merchant (id),
    started_at  timestamptz not null,
    started_by  text not null
);

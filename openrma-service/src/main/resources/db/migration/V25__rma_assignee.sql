-- Who works an RMA (issue 13, the agent console's "assign to me"). The staff account or API key id, for "mine",
-- and its name as the console shows it (an e-mail address, or a key's name), so a disabled account still reads.
-- Assigning is not a lifecycle move: it does not bump rma.version, so an agent's open page is not made stale by it.
alter table rma add column assignee_id uuid;
alter table rma add column assignee text;
create index rma_assignee_idx on rma (merchant_id, assignee_id) where assignee_id is not null;

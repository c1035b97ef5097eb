-- A replayed answer carries the ETag of the first one (the resource's version), as the OpenAPI document says.
alter table idempotency_key add column etag text;

-- Every unique index of a tenant table includes tenant_id, so that the schema can be distributed by tenant_id on
-- Citus (docs/scaling.md, "Distributed PostgreSQL (Citus)"; DistributionByTenantTest reads the catalog). Two did not:
-- a calendar feed's secret and an inbox webhook's public id were unique across agencies. Both are 256 bits (feed
-- secrets) or 122 random bits (webhook ids) drawn at random, so no two ever meet; their uniqueness was a belt, not
-- a rule anything relies on. Looking them up across agencies (as the platform role, before the agency is known) keeps
-- an ordinary index. Nothing about the rows changes.
alter table calendar_feed drop constraint calendar_feed_token_hash_key;
create index calendar_feed_by_token_hash on calendar_feed (token_hash);

alter table inbox_webhook drop constraint inbox_webhook_id_key;
create index inbox_webhook_by_id on inbox_webhook (id);

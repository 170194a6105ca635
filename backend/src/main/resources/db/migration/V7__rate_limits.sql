-- Token buckets of the API's rate limits (Bucket4j's PostgreSQL state), shared by every backend instance.
-- Keys name the limit and whom it counts (a caller, an agency); no agency data is stored here, so the table
-- has no tenant_id and no row-level security. Buckets of callers who stopped calling are removed after a day.
create table rate_limit_bucket (
    id         text   primary key check (char_length(id) <= 200),
    state      bytea,
    expires_at bigint
);

create index rate_limit_bucket_expiry on rate_limit_bucket (expires_at);

grant select, insert, update, delete on rate_limit_bucket to ${appRole};

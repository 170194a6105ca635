-- PATCH /v1/brands/{id} {"notes": "..."} with If-Match as the backend at the frozen commit sends it (see
-- README.md). pgbench -M prepared -n, as agencyhub_app, with -D tenant=<agency id> -D user=<member's user id>
-- -D brands=<brands of the agency> -D clients=<pgbench -c>.
--
-- Like the wrk script, each client edits brands of its own (client c: brands c+1, c+1+clients, ...) while there are
-- enough, so that clients do not queue behind each other's row locks; with more clients than brands, client c
-- shares brand c % brands with another client. When that other client changed the brand between this client's read
-- and its UPDATE, the UPDATE finds no row and the transaction rolls back, as the backend's does (412).
\set k random(0, greatest(0, (:brands - 1 - :client_id) / :clients))
\set n 1 + (:client_id + :clients * :k) % :brands
\set one 1
\set notes random(1, 1000000000)
\set u_version -1

-- (a) the caller's member record (roles, client brand scope); the audit event names the caller
BEGIN;
select set_config('app.tenant_id', :tenant, true);
select "member".*, array(select "client_brand_scope"."brand_id" from "client_brand_scope" where ("client_brand_scope"."tenant_id" = "member"."tenant_id" and "client_brand_scope"."user_id" = "member"."user_id") order by "client_brand_scope"."brand_id") as "brand_scope" from "member" where ("member"."tenant_id" = cast(:tenant as uuid) and "member"."user_id" = cast(:user as uuid)) \gset m_
COMMIT;

-- (b) read the brand and its channels, write the brand back with the changed notes, replace its channels (the
-- backend rewrites them on every update), record the audit event. The backend's UPDATE requires the version that
-- If-Match named; pgbench cannot know it, so it names the version just read in this transaction (b_version): the
-- update is unconditional unless another client changed the brand in between (see above). The stored values are
-- the ones read (b_*), the notes a random number. New ids (audit event, channels) are made by gen_random_uuid()
-- where the backend binds UUIDs it made; the audit snapshots are the backend's, as literals.
BEGIN;
select set_config('app.tenant_id', :tenant, true);
select "brand"."tenant_id", "brand"."id", "brand"."name", "brand"."legal_name", "brand"."zone", "brand"."locale", "brand"."industry", "brand"."holiday_region", "brand"."notes", "brand"."status", "brand"."client_sees_audit", "brand"."client_sees_plans", "brand"."created_at", "brand"."updated_at", "brand"."version" from "brand" where ("brand"."tenant_id" = cast(:tenant as uuid) and "brand"."id" = cast('b0000000-0000-4000-8000-' || lpad(:n::text, 12, '0') as uuid)) \gset b_
select "brand_channel"."tenant_id", "brand_channel"."brand_id", "brand_channel"."id", "brand_channel"."position", "brand_channel"."platform", "brand_channel"."handle", "brand_channel"."url" from "brand_channel" where ("brand_channel"."tenant_id" = cast(:tenant as uuid) and "brand_channel"."brand_id" in (cast(:b_id as uuid))) order by "brand_channel"."brand_id", "brand_channel"."position";
update "brand" set "name" = :b_name, "legal_name" = :b_legal_name, "zone" = :b_zone, "locale" = :b_locale, "industry" = :b_industry, "holiday_region" = :b_holiday_region, "notes" = :notes, "client_sees_audit" = :b_client_sees_audit, "client_sees_plans" = :b_client_sees_plans, "updated_at" = cast(current_timestamp as timestamp with time zone), "version" = ("brand"."version" + :one) where ("brand"."tenant_id" = cast(:tenant as uuid) and "brand"."id" = cast(:b_id as uuid) and "brand"."version" = :b_version) returning "brand"."tenant_id", "brand"."id", "brand"."name", "brand"."legal_name", "brand"."zone", "brand"."locale", "brand"."industry", "brand"."holiday_region", "brand"."notes", "brand"."status", "brand"."client_sees_audit", "brand"."client_sees_plans", "brand"."created_at", "brand"."updated_at", "brand"."version" \aset u_
\if :u_version < 0
ROLLBACK;
\else
delete from "brand_channel" where ("brand_channel"."tenant_id" = cast(:tenant as uuid) and "brand_channel"."brand_id" = cast(:b_id as uuid));
insert into "brand_channel" ("tenant_id", "brand_id", "id", "position", "platform", "handle", "url") values (cast(:tenant as uuid), cast(:b_id as uuid), cast(gen_random_uuid() as uuid), 0, 'instagram', '@bench0011', null), (cast(:tenant as uuid), cast(:b_id as uuid), cast(gen_random_uuid() as uuid), 1, 'tiktok', '@bench0011', null), (cast(:tenant as uuid), cast(:b_id as uuid), cast(gen_random_uuid() as uuid), 2, 'linkedin', null, 'https://www.linkedin.com/company/bench-0011');
insert into "audit_event" ("tenant_id", "id", "actor_id", "actor_name", "action", "entity_type", "entity_id", "brand_id", "before", "after") values (cast(:tenant as uuid), cast(gen_random_uuid() as uuid), cast(:user as uuid), :m_display_name, 'brand.updated', 'brand', cast(:b_id as uuid), cast(:b_id as uuid), cast('{"name": "Bench Brand 0011", "legalName": "Bench Brand 0011 GmbH", "zone": "Europe/Berlin", "locale": "de-DE", "industry": "Benchmarks", "holidayRegion": "DE-BE", "channels": [{"platform": "instagram", "handle": "@bench0011", "url": null}, {"platform": "tiktok", "handle": "@bench0011", "url": null}, {"platform": "linkedin", "handle": null, "url": "https://www.linkedin.com/company/bench-0011"}], "notesLength": 0, "clientSeesAudit": false, "clientSeesPlans": false, "status": "active"}' as jsonb), cast('{"name": "Bench Brand 0011", "legalName": "Bench Brand 0011 GmbH", "zone": "Europe/Berlin", "locale": "de-DE", "industry": "Benchmarks", "holidayRegion": "DE-BE", "channels": [{"platform": "instagram", "handle": "@bench0011", "url": null}, {"platform": "tiktok", "handle": "@bench0011", "url": null}, {"platform": "linkedin", "handle": null, "url": "https://www.linkedin.com/company/bench-0011"}], "notesLength": 7, "clientSeesAudit": false, "clientSeesPlans": false, "status": "active"}' as jsonb));
COMMIT;
\endif

-- GET /v1/brands/{id} as the backend at the frozen commit sends it (see README.md). pgbench -M prepared -n,
-- as agencyhub_app, with -D tenant=<agency id> -D user=<member's user id> -D brands=<brands of the agency>.
\set n random(1, :brands)

-- (a) the caller's member record (roles, client brand scope)
BEGIN;
select set_config('app.tenant_id', :tenant, true);
select "member".*, array(select "client_brand_scope"."brand_id" from "client_brand_scope" where ("client_brand_scope"."tenant_id" = "member"."tenant_id" and "client_brand_scope"."user_id" = "member"."user_id") order by "client_brand_scope"."brand_id") as "brand_scope" from "member" where ("member"."tenant_id" = cast(:tenant as uuid) and "member"."user_id" = cast(:user as uuid));
COMMIT;

-- (b) the brand and its channels; the brand id is built from the random number (the backend binds it as is)
BEGIN;
select set_config('app.tenant_id', :tenant, true);
select "brand"."tenant_id", "brand"."id", "brand"."name", "brand"."legal_name", "brand"."zone", "brand"."locale", "brand"."industry", "brand"."holiday_region", "brand"."notes", "brand"."status", "brand"."client_sees_audit", "brand"."client_sees_plans", "brand"."created_at", "brand"."updated_at", "brand"."version" from "brand" where ("brand"."tenant_id" = cast(:tenant as uuid) and "brand"."id" = cast('b0000000-0000-4000-8000-' || lpad(:n::text, 12, '0') as uuid)) \gset b_
select "brand_channel"."tenant_id", "brand_channel"."brand_id", "brand_channel"."id", "brand_channel"."position", "brand_channel"."platform", "brand_channel"."handle", "brand_channel"."url" from "brand_channel" where ("brand_channel"."tenant_id" = cast(:tenant as uuid) and "brand_channel"."brand_id" in (cast(:b_id as uuid))) order by "brand_channel"."brand_id", "brand_channel"."position";
COMMIT;

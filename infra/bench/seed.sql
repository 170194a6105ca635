-- Benchmark data, run by infra/bench/throughput as the schema owner (psql -v ...):
--   stale          comma-separated ids of the bench agencies to remove first (slug bench-*), may be empty
--   tenant         the bench agency's id (its Keycloak organization's id)
--   user_id, email the bench admin (Keycloak user id and email)
--   bench_brands   brands of the bench agency
--   other_agencies further agencies (no Keycloak organization: their ids are synthetic, a0000000-...-<n>)
--   other_brands   brands of each further agency
-- Brand n of agency a has the id b0000000-0000-4000-8<aaa>-<n, 12 digits> (the bench agency is a = 000) and the
-- name "Bench Brand <nnnn>", so the list's first page is brands 1..51. Each brand has 3 channels, version 0.
--
-- Every table has FORCE ROW LEVEL SECURITY, which binds the owner too: each agency's rows are written and
-- deleted with app.tenant_id set to that agency, agency by agency, inside the DO blocks. psql does not
-- substitute variables inside dollar quotes, so the parameters reach the blocks as bench.* settings.
\set ON_ERROR_STOP on

begin;
-- The foreign-key checks plan their lookups once, while brand is still small, and would then scan it whole for
-- each of the 60,000 channels (a minute instead of seconds): keep them on the primary-key index.
set local enable_seqscan = off;

select set_config('bench.stale', :'stale', true),
       set_config('bench.tenant', :'tenant', true),
       set_config('bench.user_id', :'user_id', true),
       set_config('bench.email', :'email', true),
       set_config('bench.bench_brands', :'bench_brands', true),
       set_config('bench.other_agencies', :'other_agencies', true),
       set_config('bench.other_brands', :'other_brands', true);

do $$
declare
    stale uuid;
begin
    foreach stale in array coalesce(string_to_array(nullif(current_setting('bench.stale'), ''), ','), '{}')::uuid[] loop
        perform set_config('app.tenant_id', stale::text, true);
        delete from guideline_assignment where tenant_id = stale;
        delete from guideline_version where tenant_id = stale;
        delete from strategy_version where tenant_id = stale;
        delete from brand_assignment where tenant_id = stale;
        delete from client_brand_scope where tenant_id = stale;
        delete from brand_channel where tenant_id = stale;
        delete from audit_event where tenant_id = stale;
        delete from brand where tenant_id = stale;
        delete from member where tenant_id = stale;
        delete from tenant where id = stale;
    end loop;
end $$;

do $$
declare
    agency  integer;
    tenant  uuid;
    brands  integer;
    suffix  text;
begin
    for agency in 0 .. current_setting('bench.other_agencies')::integer loop
        if agency = 0 then
            tenant := current_setting('bench.tenant')::uuid;
            brands := current_setting('bench.bench_brands')::integer;
            suffix := '';
        else
            tenant := ('a0000000-0000-4000-8000-' || lpad(agency::text, 12, '0'))::uuid;
            brands := current_setting('bench.other_brands')::integer;
            suffix := '-' || lpad(agency::text, 3, '0');
        end if;
        perform set_config('app.tenant_id', tenant::text, true);

        insert into tenant (id, name, slug, default_zone, locale)
        values (tenant, 'Bench Agency' || replace(suffix, '-', ' '), 'bench-agency' || suffix, 'Europe/Berlin', 'de-DE');

        insert into brand (tenant_id, id, name, legal_name, zone, locale, industry, holiday_region, status)
        select tenant,
               ('b0000000-0000-4000-8' || lpad(agency::text, 3, '0') || '-' || lpad(n::text, 12, '0'))::uuid,
               'Bench Brand ' || lpad(n::text, 4, '0'), 'Bench Brand ' || lpad(n::text, 4, '0') || ' GmbH',
               'Europe/Berlin', 'de-DE', 'Benchmarks', 'DE-BE', 'active'
        from generate_series(1, brands) as n;

        insert into brand_channel (tenant_id, brand_id, id, position, platform, handle, url)
        select b.tenant_id, b.id, gen_random_uuid(), c.position, c.platform,
               case when c.position < 2 then '@bench' || right(b.id::text, 4) end,
               case when c.position = 2 then 'https://www.linkedin.com/company/bench-' || right(b.id::text, 4) end
        from brand b
        cross join (values (0, 'instagram'), (1, 'tiktok'), (2, 'linkedin')) as c (position, platform)
        where b.tenant_id = tenant;
    end loop;

    perform set_config('app.tenant_id', current_setting('bench.tenant'), true);
    insert into member (tenant_id, user_id, kind, email, display_name, roles, status, home_zone)
    values (current_setting('bench.tenant')::uuid, current_setting('bench.user_id')::uuid, 'staff',
            current_setting('bench.email'), 'Bench Admin', '{agency-admin}', 'active', 'Europe/Berlin');
end $$;

commit;

-- fresh statistics, so that both the backend and pgbench get the plans of a settled database
analyze tenant, member, brand, brand_channel, audit_event;

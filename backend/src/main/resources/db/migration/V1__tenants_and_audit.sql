-- Foundation schema: agencies (tenants) and the audit trail.
--
-- Tenant isolation, second wall: every tenant-owned table has ENABLE + FORCE ROW LEVEL SECURITY and a
-- policy on tenant_id = app.tenant_id, which the backend sets transaction-locally. The backend connects
-- as ${appRole}: not superuser, not owner, not BYPASSRLS. Flyway runs as the owner.

create table tenant (
    id           uuid        primary key, -- the agency's Keycloak organization id
    name         text        not null check (char_length(name) between 1 and 200),
    slug         text        not null unique check (slug ~ '^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$'),
    default_zone text        not null check (char_length(default_zone) between 1 and 64),
    locale       text        not null check (char_length(locale) between 2 and 35),
    status       text        not null default 'active' check (status in ('active', 'suspended')),
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    version      integer     not null default 0
);

alter table tenant enable row level security;
alter table tenant force row level security;
-- an agency sees its own row; the platform scope (platform admins onboarding agencies) sees all rows
create policy tenant_own on tenant
    using (id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy tenant_platform on tenant
    using (current_setting('app.platform_scope', true) = 'on')
    with check (current_setting('app.platform_scope', true) = 'on');

create table audit_event (
    tenant_id   uuid        not null references tenant (id),
    id          uuid        not null,
    occurred_at timestamptz not null default clock_timestamp(),
    actor_id    uuid        not null,
    actor_name  text,
    action      text        not null check (char_length(action) between 1 and 100),
    entity_type text        not null check (char_length(entity_type) between 1 and 100),
    entity_id   uuid        not null,
    before      jsonb,
    after       jsonb,
    primary key (tenant_id, id)
);

-- newest first, with the id as tie-breaker: the keyset of the audit list
create index audit_event_by_time on audit_event (tenant_id, occurred_at desc, id desc);
create index audit_event_by_entity on audit_event (tenant_id, entity_type, entity_id, occurred_at desc, id desc);
create index audit_event_by_actor on audit_event (tenant_id, actor_id, occurred_at desc, id desc);

alter table audit_event enable row level security;
alter table audit_event force row level security;
create policy audit_event_tenant on audit_event
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant usage on schema public to ${appRole};
grant select, insert, update on tenant to ${appRole};
-- the audit trail is append-only for the application
grant select, insert on audit_event to ${appRole};

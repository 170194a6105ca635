-- The people of an agency as we keep them: staff members (with their working-time profile) and client users
-- (with the brands they may see), and who is responsible for / deputy of each brand. Keycloak holds their
-- credentials and realm roles; the roles are mirrored here for lists and the last-admin rule.

create table member (
    tenant_id              uuid        not null references tenant (id),
    user_id                uuid        not null, -- the Keycloak user id (token subject)
    kind                   text        not null check (kind in ('staff', 'client')),
    email                  text        not null check (char_length(email) between 3 and 320),
    display_name           text        not null check (char_length(display_name) between 1 and 200),
    roles                  text[]      not null,
    status                 text        not null default 'invited' check (status in ('invited', 'active', 'deactivated')),
    home_zone              text        check (char_length(home_zone) between 1 and 64),
    platforms              text[]      not null default '{}',
    languages              text[]      not null default '{}',
    weekly_capacity_hours  numeric(5, 2) check (weekly_capacity_hours between 0 and 168),
    max_hours_per_week     numeric(5, 2) check (max_hours_per_week between 0 and 168),
    max_consecutive_days   integer     check (max_consecutive_days between 1 and 14),
    min_rest_minutes       integer     not null default 660 check (min_rest_minutes between 0 and 1440),
    working_hours          jsonb       not null default '[]', -- weekly local-time intervals in home_zone
    invited_at             timestamptz,
    deactivated_at         timestamptz,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    version                integer     not null default 0,
    primary key (tenant_id, user_id),
    unique (tenant_id, email),
    check (kind = 'client' or home_zone is not null)
);

-- the member list: by display name with the user id as tie-breaker (keyset)
create index member_by_name on member (tenant_id, kind, display_name, user_id);

create table client_brand_scope (
    tenant_id uuid not null,
    user_id   uuid not null,
    brand_id  uuid not null,
    primary key (tenant_id, user_id, brand_id),
    foreign key (tenant_id, user_id) references member (tenant_id, user_id) on delete cascade,
    foreign key (tenant_id, brand_id) references brand (tenant_id, id)
);

create index client_brand_scope_by_brand on client_brand_scope (tenant_id, brand_id);

create table brand_assignment (
    tenant_id      uuid not null,
    brand_id       uuid not null,
    user_id        uuid not null,
    responsibility text not null check (responsibility in ('responsible', 'deputy')),
    primary key (tenant_id, brand_id, user_id),
    foreign key (tenant_id, brand_id) references brand (tenant_id, id),
    foreign key (tenant_id, user_id) references member (tenant_id, user_id)
);

create index brand_assignment_by_member on brand_assignment (tenant_id, user_id);

alter table member enable row level security;
alter table member force row level security;
create policy member_tenant on member
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table client_brand_scope enable row level security;
alter table client_brand_scope force row level security;
create policy client_brand_scope_tenant on client_brand_scope
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table brand_assignment enable row level security;
alter table brand_assignment force row level security;
create policy brand_assignment_tenant on brand_assignment
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- members are deactivated, never deleted (history keeps pointing at them)
grant select, insert, update on member to ${appRole};
grant select, insert, delete on client_brand_scope to ${appRole};
grant select, insert, update, delete on brand_assignment to ${appRole};

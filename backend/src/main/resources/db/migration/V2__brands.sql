-- Client brands (the client accounts an agency manages), their channels, and the brand of an audit event.

create table brand (
    tenant_id              uuid        not null references tenant (id),
    id                     uuid        not null,
    name                   text        not null check (char_length(name) between 1 and 200),
    legal_name             text        check (char_length(legal_name) <= 300),
    zone                   text        not null check (char_length(zone) between 1 and 64),
    locale                 text        not null check (char_length(locale) between 2 and 35),
    industry               text        check (char_length(industry) <= 100),
    holiday_region         text        check (holiday_region ~ '^[A-Z]{2}(-[A-Z0-9]{1,3})?$'),
    notes                  text        check (char_length(notes) <= 20000),
    status                 text        not null default 'onboarding'
                                       check (status in ('onboarding', 'active', 'paused', 'offboarded')),
    -- what the agency lets the brand's client users see besides reports
    client_sees_audit      boolean     not null default false,
    client_sees_plans      boolean     not null default false,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    version                integer     not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, name)
);

-- the brand list: by name with the id as tie-breaker (keyset), optionally one status
create index brand_by_name on brand (tenant_id, name, id);
create index brand_by_status_name on brand (tenant_id, status, name, id);

create table brand_channel (
    tenant_id uuid    not null,
    brand_id  uuid    not null,
    id        uuid    not null,
    position  integer not null check (position >= 0),
    platform  text    not null check (platform ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
    handle    text    check (char_length(handle) between 1 and 200),
    url       text    check (char_length(url) between 1 and 2000),
    primary key (tenant_id, id),
    foreign key (tenant_id, brand_id) references brand (tenant_id, id) on delete cascade,
    unique (tenant_id, brand_id, position),
    check (handle is not null or url is not null)
);

alter table audit_event add column brand_id uuid;
create index audit_event_by_brand on audit_event (tenant_id, brand_id, occurred_at desc, id desc)
    where brand_id is not null;

alter table brand enable row level security;
alter table brand force row level security;
create policy brand_tenant on brand
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table brand_channel enable row level security;
alter table brand_channel force row level security;
create policy brand_channel_tenant on brand_channel
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- brands are never deleted (offboarded instead); channels are replaced as a list
grant select, insert, update on brand to ${appRole};
grant select, insert, update, delete on brand_channel to ${appRole};

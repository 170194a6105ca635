-- The strategy of a brand, versioned: each version holds its whole content as one JSON document (validated by
-- the application), so an approved version can never change by accident when a later one is edited.

create table strategy_version (
    tenant_id   uuid        not null,
    brand_id    uuid        not null,
    number      integer     not null check (number >= 1),
    status      text        not null check (status in ('draft', 'approved')),
    content     jsonb       not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    approved_at timestamptz,
    approved_by uuid,
    version     integer     not null default 0,
    primary key (tenant_id, brand_id, number),
    foreign key (tenant_id, brand_id) references brand (tenant_id, id),
    check ((status = 'approved') = (approved_at is not null and approved_by is not null))
);

-- at most one draft per brand
create unique index strategy_version_one_draft on strategy_version (tenant_id, brand_id) where status = 'draft';

alter table strategy_version enable row level security;
alter table strategy_version force row level security;
create policy strategy_version_tenant on strategy_version
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- versions are never deleted; only drafts are updated (the application refuses changes to approved ones)
grant select, insert, update on strategy_version to ${appRole};

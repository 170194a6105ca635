-- A brand's guidelines, versioned: at most one draft, then published versions that never change again. The
-- content (sections, SLA policies, escalation chain) is one jsonb document per version, validated by the
-- guidelines module. Publishing assigns the version to the brand's team; each assigned member acknowledges it.

create table guideline_version (
    tenant_id    uuid        not null,
    brand_id     uuid        not null,
    id           uuid        not null,
    number       integer     not null check (number >= 1),
    status       text        not null check (status in ('draft', 'published')),
    content      jsonb       not null,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    published_at timestamptz,
    version      integer     not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, brand_id) references brand (tenant_id, id),
    unique (tenant_id, brand_id, number),
    check ((status = 'published') = (published_at is not null))
);

-- at most one draft per brand; also the lookup of the draft
create unique index guideline_version_one_draft on guideline_version (tenant_id, brand_id) where status = 'draft';

-- a published version is immutable: the second wall behind the module's own checks
create function guideline_version_published_is_final() returns trigger language plpgsql as $$
begin
    raise exception 'guideline version % is published and cannot change', old.id using errcode = 'check_violation';
end
$$;

create trigger guideline_version_published_is_final
    before update on guideline_version
    for each row when (old.status = 'published')
    execute function guideline_version_published_is_final();

create table guideline_assignment (
    tenant_id       uuid        not null,
    version_id      uuid        not null,
    user_id         uuid        not null,
    display_name    text        not null check (char_length(display_name) between 1 and 200), -- as at publishing
    responsibility  text        not null check (responsibility in ('responsible', 'deputy')),
    acknowledged_at timestamptz,
    primary key (tenant_id, version_id, user_id),
    foreign key (tenant_id, version_id) references guideline_version (tenant_id, id),
    foreign key (tenant_id, user_id) references member (tenant_id, user_id)
);

alter table guideline_version enable row level security;
alter table guideline_version force row level security;
create policy guideline_version_tenant on guideline_version
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table guideline_assignment enable row level security;
alter table guideline_assignment force row level security;
create policy guideline_assignment_tenant on guideline_assignment
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- versions are history: never deleted; assignments only gain their acknowledgment
grant select, insert, update on guideline_version to ${appRole};
grant select, insert, update on guideline_assignment to ${appRole};

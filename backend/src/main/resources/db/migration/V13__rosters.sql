-- Monitoring rosters (docs/rosters.md): rotations (layers) of staff taking turns for a set of brands, overrides (and
-- shift swaps as override pairs) and absences. The resolved timeline is computed from these rows by the roster
-- resolver, never stored.

create table roster_rotation (
    tenant_id    uuid        not null references tenant (id),
    id           uuid        not null,
    name         text        not null check (char_length(name) between 1 and 100),
    priority     integer     not null check (priority between 0 and 1000),
    length_days  integer     not null check (length_days between 1 and 365),
    handoff_time time        not null,
    start_date   date        not null,
    zone         text        not null check (char_length(zone) between 1 and 64),
    -- weekly windows [{"day": "MONDAY", "start": "08:00", "end": "18:00"}]; empty: around the clock
    restriction  jsonb       not null default '[]' check (jsonb_typeof(restriction) = 'array'),
    version      integer     not null default 1,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    primary key (tenant_id, id)
);

create table roster_rotation_member (
    tenant_id   uuid    not null,
    rotation_id uuid    not null,
    position    integer not null check (position >= 0),
    member_id   uuid    not null,
    primary key (tenant_id, rotation_id, position),
    unique (tenant_id, rotation_id, member_id),
    foreign key (tenant_id, rotation_id) references roster_rotation (tenant_id, id) on delete cascade,
    foreign key (tenant_id, member_id) references member (tenant_id, user_id)
);

create index roster_rotation_member_by_member on roster_rotation_member (tenant_id, member_id);

create table roster_rotation_brand (
    tenant_id   uuid not null,
    rotation_id uuid not null,
    brand_id    uuid not null,
    primary key (tenant_id, rotation_id, brand_id),
    foreign key (tenant_id, rotation_id) references roster_rotation (tenant_id, id) on delete cascade,
    foreign key (tenant_id, brand_id) references brand (tenant_id, id)
);

create index roster_rotation_brand_by_brand on roster_rotation_brand (tenant_id, brand_id);

create table roster_override (
    tenant_id  uuid        not null references tenant (id),
    id         uuid        not null,
    member_id  uuid        not null,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    -- the two overrides of a shift swap share swap_id and name each other's member in swap_with
    swap_id    uuid,
    swap_with  uuid,
    note       text check (char_length(note) <= 500),
    created_by uuid        not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    check (ends_at > starts_at),
    check ((swap_id is null) = (swap_with is null)),
    foreign key (tenant_id, member_id) references member (tenant_id, user_id),
    foreign key (tenant_id, swap_with) references member (tenant_id, user_id)
);

create index roster_override_by_time on roster_override (tenant_id, starts_at, id);
create index roster_override_by_swap on roster_override (tenant_id, swap_id) where swap_id is not null;

create table roster_override_brand (
    tenant_id   uuid not null,
    override_id uuid not null,
    brand_id    uuid not null,
    primary key (tenant_id, override_id, brand_id),
    foreign key (tenant_id, override_id) references roster_override (tenant_id, id) on delete cascade,
    foreign key (tenant_id, brand_id) references brand (tenant_id, id)
);

create index roster_override_brand_by_brand on roster_override_brand (tenant_id, brand_id);

create table roster_absence (
    tenant_id     uuid        not null references tenant (id),
    id            uuid        not null,
    member_id     uuid        not null,
    kind          text        not null check (kind in ('sick', 'vacation', 'training', 'other')),
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    status        text        not null check (status in ('pending', 'approved', 'rejected', 'cancelled')),
    note          text check (char_length(note) <= 500),
    entered_by    uuid        not null,
    decided_by    uuid,
    decided_at    timestamptz,
    decision_note text check (char_length(decision_note) <= 500),
    created_at    timestamptz not null default now(),
    primary key (tenant_id, id),
    check (ends_at > starts_at),
    -- only a vacation waits for a decision or is rejected
    check (kind = 'vacation' or status in ('approved', 'cancelled')),
    foreign key (tenant_id, member_id) references member (tenant_id, user_id)
);

create index roster_absence_by_time on roster_absence (tenant_id, starts_at, id);
create index roster_absence_by_member on roster_absence (tenant_id, member_id, starts_at);

do $$
declare
    t text;
begin
    foreach t in array array['roster_rotation', 'roster_rotation_member', 'roster_rotation_brand', 'roster_override',
                             'roster_override_brand', 'roster_absence']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid) '
                       'with check (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)',
                       t || '_tenant', t);
    end loop;
end
$$;

grant select, insert, update, delete on roster_rotation, roster_rotation_member, roster_rotation_brand, roster_override,
    roster_override_brand to ${appRole};
-- absences are cancelled, never deleted
grant select, insert, update on roster_absence to ${appRole};

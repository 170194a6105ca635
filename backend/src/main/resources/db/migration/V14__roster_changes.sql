-- Changes per member (docs/rosters.md, "Changes per member"): each roster write stores the stretches in which it
-- changed someone's duty for a brand, found by resolving the brand's timeline before and after the write.
-- Append-only: a later write that undoes a change records the opposite change.

create table roster_change (
    tenant_id  uuid        not null references tenant (id),
    id         uuid        not null,
    member_id  uuid        not null,
    brand_id   uuid        not null,
    kind       text        not null check (kind in ('gained', 'lost')),
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    cause      text        not null check (cause in ('rotation', 'override', 'swap', 'absence')),
    -- the rotation, override or absence written, or the swap id of a swap's two overrides; no foreign key, since
    -- the change outlives a deleted rotation or override
    cause_id   uuid        not null,
    changed_by uuid        not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    check (ends_at > starts_at),
    foreign key (tenant_id, member_id) references member (tenant_id, user_id),
    foreign key (tenant_id, brand_id) references brand (tenant_id, id)
);

-- a member's changes, newest first (the list's keyset)
create index roster_change_by_member on roster_change (tenant_id, member_id, created_at desc, id desc);

alter table roster_change enable row level security;
alter table roster_change force row level security;
create policy roster_change_tenant on roster_change
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert on roster_change to ${appRole};

-- iCalendar feeds of planned posts behind secret, revocable URLs (docs/content-calendar.md, "Calendar feeds"). A
-- feed shows one brand's posts or one staff member's assigned posts, as its owner may see them at read time. Only
-- the SHA-256 hash of a feed's secret is stored: a database dump reveals no feed URL.

create table calendar_feed (
    tenant_id    uuid        not null,
    id           uuid        not null,
    owner_id     uuid        not null,
    brand_id     uuid,
    assignee_id  uuid,
    label        text        not null check (char_length(label) between 1 and 100),
    token_hash   bytea       not null check (octet_length(token_hash) = 32),
    created_at   timestamptz not null default now(),
    revoked_at   timestamptz,
    last_read_at timestamptz,
    primary key (tenant_id, id),
    -- the one key without tenant_id: a feed read knows nothing but the secret, whichever agency it belongs to
    unique (token_hash),
    foreign key (tenant_id, owner_id) references member (tenant_id, user_id),
    foreign key (tenant_id, brand_id) references brand (tenant_id, id),
    foreign key (tenant_id, assignee_id) references member (tenant_id, user_id),
    check (num_nonnulls(brand_id, assignee_id) = 1)
);

-- a member's feeds and the agency's, newest first, without the revoked ones
create index calendar_feed_by_owner on calendar_feed (tenant_id, owner_id, created_at desc, id desc)
    where revoked_at is null;
create index calendar_feed_by_time on calendar_feed (tenant_id, created_at desc, id desc)
    where revoked_at is null;

alter table calendar_feed enable row level security;
alter table calendar_feed force row level security;
create policy calendar_feed_tenant on calendar_feed
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- a feed read finds the feed, and so its agency, by the secret's hash across agencies: read-only, as the platform
-- role; everything after that (the owner's authority, the posts, last_read_at) runs in the agency as ${appRole}
create policy calendar_feed_by_token on calendar_feed for select to ${platformRole}
    using (true);

-- feeds are revoked, never deleted: the audit trail names them
grant select, insert, update on calendar_feed to ${appRole};
grant select on calendar_feed to ${platformRole};

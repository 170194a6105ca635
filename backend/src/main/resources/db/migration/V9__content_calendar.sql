-- The content calendar: planned posts of a brand and the log of their workflow (docs/content-calendar.md). The
-- per-channel variants are one jsonb array per post, validated by the calendar module; range views read posts by
-- planned time, per brand or across the agency.

create table post (
    tenant_id       uuid        not null,
    id              uuid        not null,
    brand_id        uuid        not null,
    title           text        not null check (char_length(title) between 1 and 200),
    body            text        not null default '' check (char_length(body) <= 20000),
    variants        jsonb       not null default '[]' check (jsonb_typeof(variants) = 'array'),
    pillar          text        check (char_length(pillar) between 1 and 100),
    planned_at      timestamptz not null,
    assignee_id     uuid,
    labels          text[]      not null default '{}' check (cardinality(labels) <= 20),
    campaign        text        check (char_length(campaign) between 1 and 100),
    status          text        not null default 'draft' check (status in ('draft', 'in-review', 'changes-requested',
                                    'approved', 'scheduled', 'published', 'on-hold', 'cancelled')),
    review_stage    text        check (review_stage in ('internal', 'client')),
    content_version integer     not null default 1 check (content_version >= 1),
    published_at    timestamptz,
    url             text,
    last_failure    text,
    created_by      uuid        not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         integer     not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, brand_id) references brand (tenant_id, id),
    foreign key (tenant_id, assignee_id) references member (tenant_id, user_id),
    check ((status = 'in-review') = (review_stage is not null)),
    check ((status = 'published') = (published_at is not null))
);

-- the range views: one brand's posts by time, and the whole agency's
create index post_by_brand_and_time on post (tenant_id, brand_id, planned_at, id);
create index post_by_time on post (tenant_id, planned_at, id);

create table post_event (
    tenant_id       uuid        not null,
    id              uuid        not null,
    post_id         uuid        not null,
    action          text        not null,
    from_status     text,
    to_status       text        not null,
    content_version integer     not null,
    actor_id        uuid        not null,
    actor_kind      text        not null check (actor_kind in ('staff', 'client')),
    actor_name      text        not null check (char_length(actor_name) between 1 and 200),
    comment         text        check (char_length(comment) between 1 and 2000),
    visibility      text        not null default 'internal' check (visibility in ('internal', 'client')),
    at              timestamptz not null default clock_timestamp(),
    primary key (tenant_id, id),
    foreign key (tenant_id, post_id) references post (tenant_id, id)
);

create index post_event_by_post on post_event (tenant_id, post_id, at desc, id desc);

alter table post enable row level security;
alter table post force row level security;
create policy post_tenant on post
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table post_event enable row level security;
alter table post_event force row level security;
create policy post_event_tenant on post_event
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- posts are never deleted (cancelled instead); their events are history
grant select, insert, update on post to ${appRole};
grant select, insert on post_event to ${appRole};

-- The inbox (docs/inbox.md): interactions that arrive from the agency's listening and social tools, their lifecycle
-- and SLA clocks. Each interaction pins what was in force when it arrived (the guidelines version with its SLA
-- policy, the strategy version with its coverage windows) together with the due times computed from them, so that
-- later versions never rewrite history. Durations are kept in seconds, on the calendar clock and on the business
-- clock of the pinned windows; reports aggregate them in SQL.

create table interaction (
    tenant_id                      uuid        not null references tenant (id),
    id                             uuid        not null,
    brand_id                       uuid        not null,
    -- the platform slug of the brand's channel (instagram, linkedin, …)
    channel                        text        not null check (channel ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
    external_id                    text        not null check (char_length(external_id) between 1 and 200),
    kind                           text        not null check (kind in ('comment', 'direct-message', 'mention',
                                                   'review', 'other')),
    author_handle                  text        check (char_length(author_handle) between 1 and 200),
    body                           text        not null default '' check (char_length(body) <= 20000),
    link                           text        check (char_length(link) between 1 and 2000),
    sentiment                      text        check (sentiment in ('positive', 'neutral', 'negative')),
    received_at                    timestamptz not null,
    ingested_at                    timestamptz not null default now(),
    priority                       text        not null check (priority in ('critical', 'high', 'normal', 'low')),
    -- given by the tool, derived from the guidelines' matching rules, or the fallback
    priority_source                text        not null check (priority_source in ('given', 'rule', 'fallback')),
    -- where the arrival fell: inside the coverage windows, outside them but with someone on duty in the roster,
    -- or neither
    window_class                   text        not null check (window_class in ('inside', 'covered', 'uncovered')),
    -- the SLA in force at arrival; all null when the brand had no published guidelines then (no clock runs)
    guidelines_version             integer,
    strategy_version               integer,
    sla_clock                      text        check (sla_clock in ('business', 'calendar')),
    first_response_target_minutes  integer     check (first_response_target_minutes > 0),
    resolution_target_minutes      integer     check (resolution_target_minutes > 0),
    first_response_due_at          timestamptz,
    resolution_due_at              timestamptz,
    status                         text        not null default 'open' check (status in ('open', 'responded',
                                                   'waiting', 'resolved')),
    assignee_id                    uuid,
    first_response_at              timestamptz,
    first_response_by              uuid,
    first_response_channel         text        check (char_length(first_response_channel) between 1 and 40),
    -- seconds from received_at to the first response, on each clock
    first_response_seconds         integer     check (first_response_seconds >= 0),
    first_response_business_seconds integer    check (first_response_business_seconds >= 0),
    resolved_at                    timestamptz,
    resolved_by                    uuid,
    resolution_seconds             integer     check (resolution_seconds >= 0),
    resolution_business_seconds    integer     check (resolution_business_seconds >= 0),
    reopen_count                   integer     not null default 0 check (reopen_count >= 0),
    -- the last reopen: the resolution clock runs from here; the open time before it is banked (docs/inbox.md)
    reopened_at                    timestamptz,
    resolution_banked_seconds      integer     not null default 0 check (resolution_banked_seconds >= 0),
    resolution_banked_business_seconds integer not null default 0 check (resolution_banked_business_seconds >= 0),
    -- waiting for the customer since (status waiting): the resolution clock is paused, its open time banked
    waiting_since                  timestamptz,
    -- the last resumption after waiting: the resolution clock runs from here (or from a later reopen)
    resumed_at                     timestamptz,
    -- the escalation steps already taken for the current clocks (indexes into the pinned chain)
    escalation_level               integer     not null default 0 check (escalation_level >= 0),
    version                        integer     not null default 0,
    primary key (tenant_id, id),
    -- a redelivery of the same item never creates a second one
    unique (tenant_id, brand_id, channel, external_id),
    foreign key (tenant_id, brand_id) references brand (tenant_id, id),
    foreign key (tenant_id, assignee_id) references member (tenant_id, user_id),
    foreign key (tenant_id, first_response_by) references member (tenant_id, user_id),
    foreign key (tenant_id, resolved_by) references member (tenant_id, user_id),
    check ((guidelines_version is null) = (sla_clock is null)),
    check ((guidelines_version is null) = (first_response_due_at is null)),
    check ((guidelines_version is null) = (resolution_due_at is null)),
    check ((sla_clock = 'business') = (strategy_version is not null)),
    check ((first_response_at is null) = (first_response_seconds is null)),
    check ((resolved_at is null) = (resolution_seconds is null)),
    check (status <> 'resolved' or resolved_at is not null),
    check ((reopen_count = 0) = (reopened_at is null)),
    check ((status = 'waiting') = (waiting_since is not null))
);

-- a brand's items by arrival (lists, reports over a period) and the agency's
create index interaction_by_brand_and_time on interaction (tenant_id, brand_id, received_at, id);
create index interaction_by_time on interaction (tenant_id, received_at, id);
-- the escalation scheduler's scan across agencies: items whose clock still runs, by the next due time
create index interaction_first_response_running on interaction (first_response_due_at)
    where first_response_at is null and first_response_due_at is not null;
create index interaction_resolution_running on interaction (resolution_due_at)
    where status not in ('resolved', 'waiting') and resolution_due_at is not null;

-- Everything that happened to an interaction, in order: lifecycle (received, assigned, replied, resolved, reopened)
-- and the SLA metric events of its two clocks (activated, paused, fulfilled, breached). Append-only.
create table interaction_event (
    tenant_id      uuid        not null,
    id             uuid        not null,
    interaction_id uuid        not null,
    type           text        not null check (type in ('received', 'assigned', 'replied', 'resolved', 'reopened',
                                   'activated', 'paused', 'fulfilled', 'breached', 'escalated')),
    -- which clock a metric event belongs to
    metric         text        check (metric in ('first-response', 'resolution')),
    at             timestamptz not null,
    actor_id       uuid,
    -- who reported it: a member in the app, an authenticated tool, the signed webhook, or the system (scheduler)
    source         text        not null check (source in ('staff', 'tool', 'webhook', 'system')),
    channel        text        check (char_length(channel) between 1 and 40),
    detail         jsonb       not null default '{}' check (jsonb_typeof(detail) = 'object'),
    recorded_at    timestamptz not null default clock_timestamp(),
    primary key (tenant_id, id),
    foreign key (tenant_id, interaction_id) references interaction (tenant_id, id),
    check ((type in ('activated', 'paused', 'fulfilled', 'breached')) = (metric is not null))
);

create index interaction_event_by_interaction on interaction_event (tenant_id, interaction_id, at, id);

-- The signed webhook of a brand: HMAC-SHA256 over the raw body with this secret. While a rotation's grace period
-- runs, the previous secret is still accepted, so the sending tool can switch over without losing deliveries.
create table inbox_webhook (
    tenant_id           uuid        not null,
    brand_id            uuid        not null,
    -- the public id in the webhook's URL: tells the receiver the agency and brand before any tenant scope is set
    id                  uuid        not null,
    secret              bytea       not null check (octet_length(secret) = 32),
    previous_secret     bytea       check (octet_length(previous_secret) = 32),
    previous_valid_until timestamptz,
    rotated_by          uuid        not null,
    rotated_at          timestamptz not null default now(),
    primary key (tenant_id, brand_id),
    -- the one key without tenant_id: a delivery knows nothing but the URL's id
    unique (id),
    foreign key (tenant_id, brand_id) references brand (tenant_id, id),
    check ((previous_secret is null) = (previous_valid_until is null))
);

-- Idempotency-Key of ingest requests: a repeated key with the same body answers the stored response; with another
-- body, 422. Kept for a day.
create table ingest_request (
    tenant_id    uuid        not null,
    key          text        not null check (char_length(key) between 1 and 200),
    body_hash    bytea       not null check (octet_length(body_hash) = 32),
    status       integer     not null,
    response     jsonb       not null,
    created_at   timestamptz not null default now(),
    primary key (tenant_id, key)
);

create index ingest_request_by_age on ingest_request (created_at);

do $$
declare
    t text;
begin
    foreach t in array array['interaction', 'interaction_event', 'inbox_webhook', 'ingest_request']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid) '
                       'with check (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)',
                       t || '_tenant', t);
    end loop;
end
$$;

-- a webhook delivery finds its agency and brand by the URL's id across agencies: read-only, as the platform role;
-- the signature check and the insert run in the agency as ${appRole}
create policy inbox_webhook_by_id on inbox_webhook for select to ${platformRole}
    using (true);
-- the escalation scheduler scans running clocks across agencies, then works on each item in its agency
create policy interaction_running_clocks on interaction for select to ${platformRole}
    using (true);

grant select, insert, update on interaction, inbox_webhook to ${appRole};
grant select, insert on interaction_event to ${appRole};
grant select, insert, update, delete on ingest_request to ${appRole};
grant select on inbox_webhook, interaction to ${platformRole};

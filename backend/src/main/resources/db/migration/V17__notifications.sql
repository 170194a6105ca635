-- Notifications (docs/notifications.md): a transactional outbox. A notification and its deliveries are written in the
-- transaction of the work that causes them (an escalation step, a roster write), so nothing is sent for work that
-- rolls back. A delivery worker claims due deliveries, sends them and records the outcome.

-- the agency's incoming webhooks (Slack/Teams compatible); the URL carries the receiver's secret and is never shown
-- in full
create table notification_webhook (
    tenant_id  uuid        not null references tenant (id),
    id         uuid        not null,
    name       text        not null check (char_length(name) between 1 and 100),
    url        text        not null check (char_length(url) between 1 and 2000),
    topics     text[]      not null check (cardinality(topics) between 1 and 3
                               and topics <@ array['sla-at-risk', 'sla-breached', 'roster-change']),
    created_by uuid        not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id)
);

create table notification (
    tenant_id      uuid        not null references tenant (id),
    id             uuid        not null,
    recipient_id   uuid        not null,
    brand_id       uuid,
    topic          text        not null check (topic in ('sla-at-risk', 'sla-breached', 'roster-change')),
    subject        text        not null check (char_length(subject) between 1 and 300),
    body           text        not null check (char_length(body) between 1 and 10000),
    -- why the recipient gets it (the escalation step, the roster write), in words
    reason         text        not null check (char_length(reason) between 1 and 1000),
    -- what it is about: an interaction, a roster change, …
    refers_to_type text        not null check (refers_to_type in ('interaction', 'roster-change')),
    refers_to_id   uuid        not null,
    created_at     timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, recipient_id) references member (tenant_id, user_id),
    foreign key (tenant_id, brand_id) references brand (tenant_id, id)
);

-- the agency's list, newest first, and a recipient's
create index notification_by_time on notification (tenant_id, created_at desc, id desc);
create index notification_by_recipient on notification (tenant_id, recipient_id, created_at desc, id desc);

create table notification_delivery (
    tenant_id       uuid        not null,
    id              uuid        not null,
    notification_id uuid        not null,
    channel         text        not null check (channel in ('email', 'webhook')),
    -- the address at the time of sending's decision (email), or the webhook (no foreign key: a removed webhook's
    -- deliveries stay in the record and give up)
    email           text        check (char_length(email) between 3 and 320),
    webhook_id      uuid,
    status          text        not null default 'pending' check (status in ('pending', 'sent', 'failed')),
    attempts        integer     not null default 0 check (attempts >= 0),
    -- when a pending delivery is due: first at once, after a failure with backoff, while claimed at the end of the
    -- claim's lease (a worker that died mid-delivery leaves it due again then)
    next_attempt_at timestamptz not null default now(),
    -- the claim of the worker that sends it now; its outcome only counts while the claim is current
    claim_id        uuid,
    last_error      text        check (char_length(last_error) <= 1000),
    sent_at         timestamptz,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, notification_id) references notification (tenant_id, id),
    check ((channel = 'email') = (email is not null)),
    check ((channel = 'webhook') = (webhook_id is not null)),
    check ((status = 'sent') = (sent_at is not null))
);

create index notification_delivery_by_notification on notification_delivery (tenant_id, notification_id);
-- the worker's scan across agencies and its claim in one agency
create index notification_delivery_due on notification_delivery (next_attempt_at) where status = 'pending';
create index notification_delivery_due_in_agency on notification_delivery (tenant_id, next_attempt_at)
    where status = 'pending';

do $$
declare
    t text;
begin
    foreach t in array array['notification_webhook', 'notification', 'notification_delivery']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid) '
                       'with check (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)',
                       t || '_tenant', t);
    end loop;
end
$$;

grant select, insert, delete on notification_webhook to ${appRole};
grant select, insert on notification to ${appRole};
grant select, insert, update on notification_delivery to ${appRole};

-- The delivery worker finds the agencies with due deliveries across agencies, then claims and records in each
-- agency as ${appRole}: the platform role reads which agency has what due, and no address, text or error.
create policy notification_delivery_due_scan on notification_delivery for select to ${platformRole}
    using (true);
grant select (tenant_id, status, next_attempt_at) on notification_delivery to ${platformRole};

-- The escalation scheduler (inbox): when an interaction next needs a look (a step or a breach falls due). Null until
-- the scheduler first looked at it (it then starts from the clocks' due times and targets); infinity when nothing is
-- left for the running clocks. A lifecycle change that restarts a clock (reopening) sets it back to null.
alter table interaction add column next_escalation_at timestamptz;
create index interaction_next_escalation on interaction (next_escalation_at)
    where next_escalation_at is not null and next_escalation_at <> 'infinity';

-- Hours and contracts (docs/hours-and-contracts.md). Four modules own these tables:
--   pricing     the agency's activity catalogue, bill and cost rates by specificity, surcharges per time class,
--               the agency's currency;
--   contracts   contracts per brand priced by planned hours per activity and time class, the quote formula's
--               parameters;
--   timesheets  time entries, running timers, closed months, monitoring duty billed from the roster;
--   billing     the reports over them and the alerts sent when a contract's hours reach a threshold.
-- Money is numeric: rates per hour with 2 decimals, amounts in the agency's currency with 2 decimals, each amount
-- rounded once (half up, to the cent) where it is stored; sums add stored amounts. Time is tracked in whole
-- minutes, planned in hours with 2 decimals.

create extension if not exists btree_gist;

-- pricing

-- the agency's currency; an agency without a row uses EUR
create table pricing_settings (
    tenant_id  uuid        not null references tenant (id),
    currency   char(3)     not null default 'EUR' check (currency ~ '^[A-Z]{3}$'),
    version    integer     not null default 1,
    updated_at timestamptz not null default now(),
    primary key (tenant_id)
);

create table activity (
    tenant_id   uuid        not null references tenant (id),
    id          uuid        not null,
    -- a stable name for tools and quotes (community-management, …)
    key         text        not null check (key ~ '^[a-z0-9][a-z0-9-]{0,49}$'),
    name        text        not null check (char_length(name) between 1 and 100),
    position    integer     not null check (position >= 0),
    archived_at timestamptz,
    version     integer     not null default 1,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, key)
);

-- A rate applies where its set dimensions match; no dimension set is the agency default. The most specific row
-- wins, member before activity before brand, separately for the bill and the cost rate (a null rate falls through).
create table rate (
    tenant_id   uuid          not null references tenant (id),
    id          uuid          not null,
    brand_id    uuid,
    activity_id uuid,
    member_id   uuid,
    bill_rate   numeric(10, 2) check (bill_rate >= 0),
    cost_rate   numeric(10, 2) check (cost_rate >= 0),
    version     integer       not null default 1,
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now(),
    primary key (tenant_id, id),
    unique nulls not distinct (tenant_id, brand_id, activity_id, member_id),
    check (bill_rate is not null or cost_rate is not null),
    foreign key (tenant_id, brand_id) references brand (tenant_id, id),
    foreign key (tenant_id, activity_id) references activity (tenant_id, id),
    foreign key (tenant_id, member_id) references member (tenant_id, user_id)
);

-- a surcharge on the bill rate for work in a time class (shared/calendar TimeClass, in the brand's zone)
create table surcharge (
    tenant_id  uuid         not null references tenant (id),
    time_class text         not null check (time_class in ('weekday-evening', 'night', 'weekend', 'holiday')),
    percent    numeric(5, 2) not null check (percent between 0 and 500),
    updated_at timestamptz  not null default now(),
    primary key (tenant_id, time_class)
);

-- contracts

create table contract (
    tenant_id            uuid          not null references tenant (id),
    id                   uuid          not null,
    brand_id             uuid          not null,
    status               text          not null check (status in ('draft', 'active', 'ended')),
    -- whole months: from the first day of starts_on's month to the last day of ends_on's month; open-ended when null
    starts_on            date          not null check (extract(day from starts_on) = 1),
    ends_on              date,
    billing_cycle        text          not null default 'monthly' check (billing_cycle = 'monthly'),
    currency             char(3)       not null check (currency ~ '^[A-Z]{3}$'),
    -- the sum of the lines' amounts: the monthly retainer
    monthly_price        numeric(12, 2) not null check (monthly_price >= 0),
    -- per hour tracked beyond the planned hours (and the hours carried over)
    overage_rate         numeric(10, 2) not null check (overage_rate >= 0),
    carry_over           text          not null check (carry_over in ('none', 'capped')),
    carry_over_cap_hours numeric(7, 2) check (carry_over_cap_hours > 0),
    -- percent of the month's planned hours at which the brand's responsible people are told
    alert_thresholds     integer[]     not null default '{80,100}',
    -- the quote the contract was made from (its inputs, formula parameters and result), when it was
    quote                jsonb         check (jsonb_typeof(quote) = 'object'),
    note                 text          check (char_length(note) <= 2000),
    version              integer       not null default 1,
    created_by           uuid          not null,
    created_at           timestamptz   not null default now(),
    updated_at           timestamptz   not null default now(),
    activated_by         uuid,
    activated_at         timestamptz,
    primary key (tenant_id, id),
    check (ends_on is null or ends_on >= starts_on),
    check ((carry_over = 'capped') = (carry_over_cap_hours is not null)),
    check (status = 'draft' or activated_at is not null),
    foreign key (tenant_id, brand_id) references brand (tenant_id, id),
    -- one active contract per brand and month
    exclude using gist (tenant_id with =, brand_id with =,
        daterange(starts_on, ends_on, '[]') with &&) where (status <> 'draft')
);

-- the parameters of the agency's quote formula (docs/contracts.md); {} means the documented defaults
create table quote_settings (
    tenant_id  uuid        not null references tenant (id),
    parameters jsonb       not null default '{}' check (jsonb_typeof(parameters) = 'object'),
    version    integer     not null default 1,
    updated_at timestamptz not null default now(),
    primary key (tenant_id)
);

create index contract_by_brand on contract (tenant_id, brand_id, starts_on);

-- planned hours per month for an activity in a time class, priced when the contract was drafted or changed
create table contract_line (
    tenant_id         uuid          not null,
    contract_id       uuid          not null,
    activity_id       uuid          not null,
    time_class        text          not null check (time_class in ('weekday-daytime', 'weekday-evening', 'night',
                                        'weekend', 'holiday')),
    planned_hours     numeric(7, 2) not null check (planned_hours > 0),
    bill_rate         numeric(10, 2) not null check (bill_rate >= 0),
    surcharge_percent numeric(5, 2) not null check (surcharge_percent between 0 and 500),
    amount            numeric(12, 2) not null check (amount >= 0),
    primary key (tenant_id, contract_id, activity_id, time_class),
    foreign key (tenant_id, contract_id) references contract (tenant_id, id) on delete cascade,
    foreign key (tenant_id, activity_id) references activity (tenant_id, id)
);

-- timesheets

create table time_entry (
    tenant_id        uuid          not null references tenant (id),
    id               uuid          not null,
    member_id        uuid          not null,
    brand_id         uuid          not null,
    activity_id      uuid          not null,
    -- the brand-local day the work counts for; its month is the billing month
    work_date        date          not null,
    -- a timed entry has both ends, a date + duration entry neither
    starts_at        timestamptz,
    ends_at          timestamptz,
    -- negative only for an adjustment that takes time back
    minutes          integer       not null check (minutes between -1440 and 1440 and minutes <> 0),
    billable         boolean       not null,
    note             text          check (char_length(note) <= 2000),
    source           text          not null check (source in ('manual', 'timer', 'duty', 'adjustment')),
    -- an adjustment corrects an entry of a closed month, booked in an open month
    adjusts_id       uuid,
    -- resolved when booked and kept: later rate changes do not rewrite booked time
    bill_rate        numeric(10, 2) not null check (bill_rate >= 0),
    cost_rate        numeric(10, 2) not null check (cost_rate >= 0),
    surcharge_amount numeric(12, 2) not null,
    -- minutes × bill rate plus surcharges, 0 when not billable; minutes × cost rate
    bill_amount      numeric(12, 2) not null,
    cost_amount      numeric(12, 2) not null,
    version          integer       not null default 1,
    created_by       uuid          not null,
    created_at       timestamptz   not null default now(),
    updated_at       timestamptz   not null default now(),
    primary key (tenant_id, id),
    check ((starts_at is null) = (ends_at is null)),
    check (ends_at > starts_at),
    check ((source = 'adjustment') = (adjusts_id is not null)),
    check (source = 'adjustment' or minutes > 0),
    foreign key (tenant_id, member_id) references member (tenant_id, user_id),
    foreign key (tenant_id, brand_id) references brand (tenant_id, id),
    foreign key (tenant_id, activity_id) references activity (tenant_id, id),
    foreign key (tenant_id, adjusts_id) references time_entry (tenant_id, id),
    -- one member is never booked twice for the same moment
    exclude using gist (tenant_id with =, member_id with =, tstzrange(starts_at, ends_at) with &&)
        where (starts_at is not null)
);

create index time_entry_by_brand_date on time_entry (tenant_id, brand_id, work_date);
create index time_entry_by_member_date on time_entry (tenant_id, member_id, work_date);
create index time_entry_by_date on time_entry (tenant_id, work_date);
-- a duty stretch is turned into an entry once
create unique index time_entry_duty_once on time_entry (tenant_id, member_id, brand_id, starts_at)
    where source = 'duty';

-- at most one running timer per member
create table time_timer (
    tenant_id   uuid        not null references tenant (id),
    member_id   uuid        not null,
    brand_id    uuid        not null,
    activity_id uuid        not null,
    started_at  timestamptz not null,
    billable    boolean     not null,
    note        text        check (char_length(note) <= 2000),
    primary key (tenant_id, member_id),
    foreign key (tenant_id, member_id) references member (tenant_id, user_id),
    foreign key (tenant_id, brand_id) references brand (tenant_id, id),
    foreign key (tenant_id, activity_id) references activity (tenant_id, id)
);

-- a closed month: its entries are locked
create table time_month_close (
    tenant_id uuid        not null references tenant (id),
    month     date        not null check (extract(day from month) = 1),
    closed_by uuid        not null,
    closed_at timestamptz not null default now(),
    primary key (tenant_id, month)
);

-- brands whose monitoring duty from the roster is booked as time entries of this activity
create table duty_billing (
    tenant_id   uuid        not null references tenant (id),
    brand_id    uuid        not null,
    activity_id uuid        not null,
    enabled_by  uuid        not null,
    enabled_at  timestamptz not null default now(),
    primary key (tenant_id, brand_id),
    foreign key (tenant_id, brand_id) references brand (tenant_id, id),
    foreign key (tenant_id, activity_id) references activity (tenant_id, id)
);

-- billing

-- a threshold of a contract's month that has been reached and told, once
create table hours_alert (
    tenant_id   uuid        not null references tenant (id),
    contract_id uuid        not null,
    month       date        not null check (extract(day from month) = 1),
    threshold   integer     not null check (threshold between 1 and 1000),
    reached_at  timestamptz not null default now(),
    primary key (tenant_id, contract_id, month, threshold),
    foreign key (tenant_id, contract_id) references contract (tenant_id, id) on delete cascade
);

-- what the agency lets the brand's client users see: the brand's hours report (planned against delivered)
alter table brand add column client_sees_hours boolean not null default false;

do $$
declare
    t text;
begin
    foreach t in array array['pricing_settings', 'activity', 'rate', 'surcharge', 'contract', 'contract_line',
                             'quote_settings', 'time_entry', 'time_timer', 'time_month_close', 'duty_billing', 'hours_alert']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid) '
                       'with check (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)',
                       t || '_tenant', t);
    end loop;
end
$$;

grant select, insert, update, delete on pricing_settings, activity, rate, surcharge, contract, contract_line,
    quote_settings, time_entry, time_timer, duty_billing to ${appRole};
grant select, insert on time_month_close, hours_alert to ${appRole};

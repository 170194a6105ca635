-- The carry-over balance of every brand's closed month (docs/billing-reports.md, docs/scaling.md). Entries of a
-- closed month are locked, so its balance is final: billing stores it when the month is closed, and a report's
-- carry-over chain starts after the latest stored balance of the same contract instead of at the contract's first
-- month. A write into an open month before a stored one takes the later balances of that brand back (they depended
-- on it), and the chain walks from an earlier one again.
create table hours_balance (
    tenant_id           uuid        not null references tenant (id),
    brand_id            uuid        not null,
    month               date        not null check (extract(day from month) = 1),
    contract_id         uuid        not null,
    billable_minutes    bigint      not null,
    carried_out_minutes numeric     not null check (carried_out_minutes >= 0),
    stored_at           timestamptz not null default now(),
    primary key (tenant_id, brand_id, month)
);

alter table hours_balance enable row level security;
alter table hours_balance force row level security;
create policy hours_balance_tenant on hours_balance
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, delete on hours_balance to ${appRole};

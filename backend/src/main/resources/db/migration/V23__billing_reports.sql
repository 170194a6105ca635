-- Billing reports (docs/billing-reports.md): a brand's tracked hours reaching a threshold of its contract is told
-- through the notification outbox, as notifications of their own topic about the contract.

alter table notification drop constraint notification_topic_check;
alter table notification add constraint notification_topic_check
    check (topic in ('sla-at-risk', 'sla-breached', 'roster-change', 'hours-threshold'));
alter table notification drop constraint notification_refers_to_type_check;
alter table notification add constraint notification_refers_to_type_check
    check (refers_to_type in ('interaction', 'roster-change', 'contract'));
alter table notification_webhook drop constraint notification_webhook_topics_check;
alter table notification_webhook add constraint notification_webhook_topics_check
    check (cardinality(topics) between 1 and 4
        and topics <@ array['sla-at-risk', 'sla-breached', 'roster-change', 'hours-threshold']);

-- The reports add up time entries by brand and month (docs/billing-reports.md, docs/scaling.md): a brand's month and
-- its carry-over chain read one brand's date range, the agency's month and its chains every brand's. Covering indexes
-- let both be answered from the index alone, without visiting the table's rows.
create index time_entry_billing_by_brand on time_entry (tenant_id, brand_id, work_date)
    include (activity_id, billable, minutes, bill_amount, cost_amount);
create index time_entry_billing_by_date on time_entry (tenant_id, work_date)
    include (brand_id, member_id, billable, minutes, bill_amount, cost_amount);

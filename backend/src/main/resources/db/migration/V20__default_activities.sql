-- Every agency starts with the six default activities of docs/pricing.md; new agencies get them in the onboarding
-- transaction (pricing's NewAgencyActivities, as the platform role), the agencies that exist already get them here.

grant insert on activity to ${platformRole};

-- FORCE ROW LEVEL SECURITY binds the owner too, and the owner sees no agency's rows: lifted for this one insert across
-- agencies, inside the migration's transaction, and put back before it commits.
alter table tenant no force row level security;
alter table activity no force row level security;

insert into activity (tenant_id, id, key, name, position)
select tenant.id, gen_random_uuid(), defaults.key, defaults.name, defaults.position
from tenant
cross join (values ('strategy-planning', 'Strategy & planning', 0),
                   ('content-creation', 'Content creation', 1),
                   ('community-management', 'Community management', 2),
                   ('monitoring', 'Monitoring', 3),
                   ('reporting', 'Reporting', 4),
                   ('meetings', 'Meetings', 5)) as defaults (key, name, position)
on conflict (tenant_id, key) do nothing;

alter table tenant force row level security;
alter table activity force row level security;

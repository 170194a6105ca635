-- Cross-agency work (platform admins onboarding and listing agencies, a person's memberships across agencies)
-- runs as its own database role, ${platformRole}, on its own connection pool. Until now it ran as the
-- application role behind a session variable (app.platform_scope) that the application role could set itself,
-- so any SQL run as ${appRole} could widen its own view to every agency. Policies below are bound to the role
-- instead: ${appRole} cannot become ${platformRole} (no membership, no SET ROLE), whatever it sets.

drop policy tenant_platform on tenant;
create policy tenant_platform on tenant to ${platformRole}
    using (true)
    with check (true);

-- which agencies a person belongs to, across agencies (to resolve the agency of a request and list them in /v1/me)
create policy member_directory on member for select to ${platformRole}
    using (true);

grant usage on schema public to ${platformRole};
grant select, insert, update on tenant to ${platformRole};
-- onboarding writes the agency's first admin and its audit events; RLS (app.tenant_id) still scopes those
grant select, insert on audit_event to ${platformRole};
grant select, insert on member to ${platformRole};
grant select on client_brand_scope to ${platformRole};

-- a person's agencies, looked up by the token's subject when the token names none
create index member_by_user on member (user_id, tenant_id) where status <> 'deactivated';

-- an invitation's display name is "first last" with up to 100 characters each
alter table member drop constraint member_display_name_check;
alter table member add constraint member_display_name_check check (char_length(display_name) between 1 and 201);

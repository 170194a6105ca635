-- Backend instances keep recent callers' grants (roles and client brand scope) in memory. Every change that can
-- alter a grant notifies channel member_access with 'agency:person' when it commits, so that each instance evicts
-- that grant at once (PostgreSQL delivers notifications only after commit, never for a rollback).

create function notify_member_access() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'DELETE' then
        perform pg_notify('member_access', old.tenant_id::text || ':' || old.user_id::text);
    else
        perform pg_notify('member_access', new.tenant_id::text || ':' || new.user_id::text);
    end if;
    return null;
end
$$;

create trigger member_access_changed
    after insert or update of roles, status or delete on member
    for each row execute function notify_member_access();

create trigger client_brand_scope_changed
    after insert or update or delete on client_brand_scope
    for each row execute function notify_member_access();

-- Run once per PostgreSQL server by a DBA (a role that may create roles and databases), before the first
-- deployment. Flyway then migrates as agencyhub_owner; the backend connects as agencyhub_app, which row-level
-- security binds: it is neither superuser, nor owner of the tables, nor BYPASSRLS. Cross-agency work
-- (onboarding agencies, the agency registry, a person's agencies) runs on a second small pool as
-- agencyhub_platform, the only role the cross-agency policies name. The two roles must stay unrelated:
-- never grant one to the other.
--
--   psql -v owner_password="'…'" -v app_password="'…'" -v platform_password="'…'" -f infra/sql/roles.sql
--
-- The dev stack and the tests do the same through PostgresBootstrap.

create role agencyhub_owner login password :owner_password;
create role agencyhub_app login password :app_password nosuperuser nocreatedb nocreaterole nobypassrls;
create role agencyhub_platform login password :platform_password nosuperuser nocreatedb nocreaterole nobypassrls;
create database agencyhub owner agencyhub_owner;
grant connect on database agencyhub to agencyhub_app, agencyhub_platform;

-- Backstops: the backend ends every transaction itself (commit, rollback, also when a client goes away), but a
-- transaction left open holds locks and a pooled connection, so PostgreSQL ends any that sits idle for 30 s (the
-- longest legitimate pause inside one is an identity-provider call during an invitation, well under that), and
-- any statement that runs for 30 s (API queries take milliseconds; a brand export streams one query).
alter role agencyhub_app set idle_in_transaction_session_timeout = '30s';
alter role agencyhub_app set statement_timeout = '30s';
alter role agencyhub_platform set idle_in_transaction_session_timeout = '30s';
alter role agencyhub_platform set statement_timeout = '30s';

package com.agencyhub.testsupport.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Prepares a PostgreSQL server the way a DBA would (see infra/sql/roles.sql): an owner role that Flyway
 * migrates as, an application role and a platform role that are neither superuser, owner nor BYPASSRLS, and a
 * database owned by the owner. Idempotent, so the dev stack can run it at every start.
 */
public final class PostgresBootstrap {

    public static final String OWNER = "agencyhub_owner";
    public static final String APP = "agencyhub_app";
    public static final String PLATFORM = "agencyhub_platform";
    public static final String IDLE_IN_TRANSACTION_TIMEOUT = "30s";
    public static final String STATEMENT_TIMEOUT = "30s";

    private PostgresBootstrap() {
    }

    /** Creates roles and the database if missing, connected as a user that may create roles and databases. */
    public static void prepare(String adminJdbcUrl, String adminUser, String adminPassword, String database,
                               String ownerPassword, String appPassword, String platformPassword)
            throws SQLException {
        try (Connection admin = DriverManager.getConnection(adminJdbcUrl, adminUser, adminPassword);
             Statement sql = admin.createStatement()) {
            ensureRole(sql, OWNER, ownerPassword, "");
            ensureRole(sql, APP, appPassword, " nosuperuser nocreatedb nocreaterole nobypassrls");
            ensureRole(sql, PLATFORM, platformPassword, " nosuperuser nocreatedb nocreaterole nobypassrls");
            try (var exists = sql.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (!exists.next()) {
                    sql.execute("create database " + database + " owner " + OWNER);
                }
            }
            sql.execute("grant connect on database " + database + " to " + APP + ", " + PLATFORM);
            for (String role : new String[]{APP, PLATFORM}) {
                // backstops (infra/sql/roles.sql explains them)
                sql.execute("alter role " + role + " set idle_in_transaction_session_timeout = '"
                        + IDLE_IN_TRANSACTION_TIMEOUT + "'");
                sql.execute("alter role " + role + " set statement_timeout = '" + STATEMENT_TIMEOUT + "'");
            }
        }
    }

    private static void ensureRole(Statement sql, String role, String password, String attributes) throws SQLException {
        sql.execute("""
                do $$ begin
                  if not exists (select from pg_roles where rolname = '%1$s') then
                    create role %1$s login password '%2$s'%3$s;
                  else
                    alter role %1$s login password '%2$s'%3$s;
                  end if;
                end $$""".formatted(role, password, attributes));
    }
}

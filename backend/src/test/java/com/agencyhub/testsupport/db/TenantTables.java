package com.agencyhub.testsupport.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tenant tables of the schema: those with a {@code tenant_id} column, the one they are to be distributed by on
 * Citus (docs/scaling.md, "Distributed PostgreSQL").
 */
public final class TenantTables {

    /** A {@code with} clause naming them {@code tenant_tables}: oid, relname and the attribute number of tenant_id. */
    public static final String CTE = """
            with tenant_tables as (
                select c.oid, c.relname, a.attnum as tenant_attnum from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                where n.nspname = 'public' and c.relkind in ('r', 'p'))
            """;

    private TenantTables() {
    }

    public static Set<String> in(Connection connection) throws SQLException {
        return new TreeSet<>(rows(connection, CTE + "select relname from tenant_tables"));
    }

    /** The first column of every row of the query, as text. */
    public static List<String> rows(Connection connection, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}

package com.agencyhub.testsupport.db;

import com.agencyhub.shared.TenantId;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every row an agency owns, in every table, as one digest, read as the owner role (RLS, forced, shows only the
 * agency's rows): two equal digests mean nothing of the agency changed in between.
 */
public final class AgencySnapshot implements AutoCloseable {

    private final Connection owner;
    private final String query;

    private AgencySnapshot(Connection owner, String query) {
        this.owner = owner;
        this.query = query;
    }

    public static AgencySnapshot open() {
        try {
            Connection owner = DriverManager.getConnection(TestDatabase.get().jdbcUrl(), PostgresBootstrap.OWNER,
                    TestDatabase.OWNER_PASSWORD);
            List<String> tables = new ArrayList<>();
            try (Statement sql = owner.createStatement(); ResultSet rows = sql.executeQuery(
                    "select distinct table_name from information_schema.columns where table_schema = 'public' "
                            + "and (column_name = 'tenant_id' or table_name = 'tenant') order by 1")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            String query = "select " + tables.stream()
                    .map(table -> "'" + table + "=' || (select count(*) || ':' || coalesce(md5(string_agg(t::text, "
                            + "'|' order by t::text)), '') from " + table + " t)")
                    .collect(Collectors.joining(" || ';' || "));
            return new AgencySnapshot(owner, query);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String of(TenantId agency) {
        try (Statement sql = owner.createStatement()) {
            sql.execute("select set_config('app.tenant_id', '" + agency + "', false)");
            try (ResultSet digest = sql.executeQuery(query)) {
                digest.next();
                return digest.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        owner.close();
    }
}

package com.agencyhub.bench;

import com.agencyhub.testsupport.TestAgency;
import com.agencyhub.testsupport.db.PostgresBootstrap;
import com.agencyhub.testsupport.db.TestDatabase;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Generated data for one agency of a benchmark: SQL as the application role, in transactions with
 * the agency's tenant set, so row-level security applies as it does to the application. Nothing is kept unless
 * {@link #commit()} is called.
 */
final class BenchData implements AutoCloseable {

    private final Connection db;
    private final TestAgency agency;

    private BenchData(Connection db, TestAgency agency) {
        this.db = db;
        this.agency = agency;
    }

    /** A transaction in the agency's tenant. */
    static BenchData in(TestAgency agency) throws SQLException {
        Connection db = DriverManager.getConnection(TestDatabase.get().jdbcUrl(), PostgresBootstrap.APP,
                TestDatabase.APP_PASSWORD);
        db.setAutoCommit(false);
        BenchData data = new BenchData(db, agency);
        data.enterTenant();
        return data;
    }

    /** Updates the planner's statistics of the table, as its owner (the application role may not). */
    static void analyze(String table) throws SQLException {
        try (Connection owner = DriverManager.getConnection(TestDatabase.get().jdbcUrl(), PostgresBootstrap.OWNER,
                TestDatabase.OWNER_PASSWORD); var statement = owner.createStatement()) {
            statement.execute("analyze " + table);
        }
    }

    /**
     * Updates the statistics and the visibility map of the table, as its owner: what autovacuum keeps up to date in
     * production, and what index-only scans need.
     */
    static void vacuumAnalyze(String table) throws SQLException {
        try (Connection owner = DriverManager.getConnection(TestDatabase.get().jdbcUrl(), PostgresBootstrap.OWNER,
                TestDatabase.OWNER_PASSWORD); var statement = owner.createStatement()) {
            statement.execute("vacuum analyze " + table);
        }
    }

    /** The plan of a query with these parameters, as EXPLAIN (ANALYZE, BUFFERS) prints it. */
    String explain(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare("explain (analyze, buffers) " + sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            StringBuilder plan = new StringBuilder();
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
            return plan.toString();
        }
    }

    /**
     * {@code count} brands in Europe/Berlin named "Brand 0001" and so on, each with a channel on each of the
     * platforms, in this order.
     */
    void brands(int count, String... platforms) throws SQLException {
        update("""
                insert into brand (tenant_id, id, name, zone, locale, holiday_region, notes)
                select ?, gen_random_uuid(), 'Brand ' || lpad(n::text, 4, '0'), 'Europe/Berlin', 'de-DE', 'DE-BY',
                       repeat('note ', 40)
                from generate_series(1, ?) n""", tenant(), count);
        update("""
                insert into brand_channel (tenant_id, brand_id, id, position, platform, handle)
                select b.tenant_id, b.id, gen_random_uuid(), p.position - 1, p.platform, '@' || b.name
                from brand b cross join unnest(?::text[]) with ordinality p(platform, position)
                where b.tenant_id = ?""", db.createArrayOf("text", platforms), tenant());
    }

    /** {@code count} active staff members, social-media managers in Europe/Berlin ("Member 1", …). */
    void staffMembers(int count) throws SQLException {
        update("""
                insert into member (tenant_id, user_id, kind, email, display_name, roles, status, home_zone)
                select ?, gen_random_uuid(), 'staff', 'member' || n || '@bench.test', 'Member ' || n,
                       array['social-media-manager'], 'active', 'Europe/Berlin'
                from generate_series(1, ?) n""", tenant(), count);
    }

    /** Every brand of the agency active. */
    void activateBrands() throws SQLException {
        update("update brand set status = 'active' where tenant_id = ?", tenant());
    }

    /** Gives every other brand of the agency a copy of {@code brand}'s approved strategy, as its version 1. */
    void copyApprovedStrategy(UUID brand) throws SQLException {
        update("""
                insert into strategy_version (tenant_id, brand_id, number, status, content, approved_at, approved_by)
                select b.tenant_id, b.id, 1, 'approved', s.content, s.approved_at, s.approved_by
                from brand b join strategy_version s on s.tenant_id = b.tenant_id
                where b.tenant_id = ? and b.id <> s.brand_id and s.brand_id = ? and s.status = 'approved'""",
                tenant(), brand);
    }

    /** The generated brands' ids, by name. */
    List<UUID> brandIds() throws SQLException {
        return query("select id from brand where tenant_id = ? and name like 'Brand %' order by name", tenant());
    }

    /** The generated staff members' ids, by e-mail address. */
    List<UUID> staffMemberIds() throws SQLException {
        return query("select user_id from member where tenant_id = ? and email like 'member%@bench.test' order by email",
                tenant());
    }

    /** The ids as an array parameter ({@code ?::uuid[]}). */
    Array uuids(List<UUID> ids) throws SQLException {
        return db.createArrayOf("uuid", ids.toArray());
    }

    /** Runs a statement with these parameters; the number of rows it changed. */
    int update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /** Runs a query with these parameters; its first column, one value a row. */
    @SuppressWarnings("unchecked")
    <T> List<T> query(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
            List<T> values = new ArrayList<>();
            while (rows.next()) {
                values.add((T) rows.getObject(1));
            }
            return values;
        }
    }

    /** Runs a query with these parameters and reads every column of every row; the number of rows. */
    int readAll(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
            int count = 0;
            while (rows.next()) {
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    rows.getObject(column);
                }
                count++;
            }
            return count;
        }
    }

    /** Keeps what was written; what follows is a new transaction in the same tenant. */
    void commit() throws SQLException {
        db.commit();
        enterTenant();
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }

    private void enterTenant() throws SQLException {
        query("select set_config('app.tenant_id', ?, true)", agency.tenant().toString());
    }

    private UUID tenant() {
        return agency.tenant().value();
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}

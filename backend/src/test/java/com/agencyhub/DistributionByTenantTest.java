package com.agencyhub;

import com.agencyhub.testsupport.db.PostgresBootstrap;
import com.agencyhub.testsupport.db.TenantTables;
import com.agencyhub.testsupport.db.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrated schema can be distributed by {@code tenant_id} on Citus (docs/scaling.md, "Distributed PostgreSQL"):
 * read from the catalog after Flyway, every table with a {@code tenant_id} column (a tenant table) keeps an agency's
 * rows and their rules together on one shard, and every other table is classified here, with the reason, so that a
 * new one fails this test until someone decides where it lives.
 */
class DistributionByTenantTest {

    /** Replicated to every node: distributed tables may reference them. */
    private static final Map<String, String> REFERENCE_TABLES = Map.of(
            "tenant", "the agency registry itself: every tenant table references it, and it is small");

    /** Stay on the coordinator only; no tenant table may reference them. */
    private static final Map<String, String> LOCAL_TABLES = Map.of(
            "flyway_schema_history", "Flyway's own record of the migrations, read by the migration run only",
            "rate_limit_bucket", "rate-limit counters keyed by caller, agency or address, written by the platform's "
                    + "limiter (not by agency work)");

    private static Connection catalog;

    @BeforeAll
    static void migrate() throws SQLException {
        TestDatabase database = TestDatabase.get().migrated();
        catalog = DriverManager.getConnection(database.jdbcUrl(), PostgresBootstrap.OWNER, TestDatabase.OWNER_PASSWORD);
    }

    @AfterAll
    static void close() throws SQLException {
        catalog.close();
    }

    @Test
    void everyTableIsATenantTableOrClassified() throws SQLException {
        Set<String> unclassified = new TreeSet<>(tables());
        unclassified.removeAll(tenantTables());
        unclassified.removeAll(REFERENCE_TABLES.keySet());
        unclassified.removeAll(LOCAL_TABLES.keySet());
        assertThat(unclassified).as("tables without tenant_id that are neither reference nor local tables: add a "
                + "tenant_id column or classify them in this test, with the reason").isEmpty();

        Set<String> stale = new TreeSet<>(REFERENCE_TABLES.keySet());
        stale.addAll(LOCAL_TABLES.keySet());
        stale.removeAll(tables());
        assertThat(stale).as("classified tables that do not exist").isEmpty();
        assertThat(tenantTables()).as("classified tables that have tenant_id after all")
                .doesNotContainAnyElementsOf(REFERENCE_TABLES.keySet())
                .doesNotContainAnyElementsOf(LOCAL_TABLES.keySet());
    }

    @Test
    void theDistributionColumnIsTheSameNonNullUuidEverywhere() throws SQLException {
        assertThat(rows("""
                select c.table_name || ' (' || c.data_type || case when c.is_nullable = 'YES' then ', nullable' else ''
                       end || ')'
                from information_schema.columns c
                join information_schema.tables t using (table_schema, table_name)
                where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
                  and (c.data_type <> 'uuid' or c.is_nullable = 'YES')""")).isEmpty();
    }

    @Test
    void everyTenantTableHasTenantIdInItsPrimaryKey() throws SQLException {
        assertThat(rows(TenantTables.CTE + """
                select t.relname from tenant_tables t
                where not exists (select from pg_constraint p
                                  where p.conrelid = t.oid and p.contype = 'p' and t.tenant_attnum = any (p.conkey))""")
        ).as("tenant tables without tenant_id in their primary key (or without one)").isEmpty();
    }

    @Test
    void everyUniqueIndexOfATenantTableIncludesTenantId() throws SQLException {
        // unique constraints and primary keys are unique indexes too; expressions show as attribute number 0
        assertThat(rows(TenantTables.CTE + """
                select t.relname || ': ' || pg_get_indexdef(i.indexrelid) from tenant_tables t
                join pg_index i on i.indrelid = t.oid
                where i.indisunique and not (t.tenant_attnum = any (i.indkey::int2[]))""")
        ).as("unique constraints and indexes of tenant tables without tenant_id").isEmpty();
    }

    @Test
    void everyExclusionConstraintOfATenantTableComparesTenantIdForEquality() throws SQLException {
        assertThat(rows(TenantTables.CTE + """
                select t.relname || ': ' || pg_get_constraintdef(x.oid) from tenant_tables t
                join pg_constraint x on x.conrelid = t.oid and x.contype = 'x'
                where not exists (select from unnest(x.conkey, x.conexclop) as e(attnum, op)
                                  join pg_operator o on o.oid = e.op
                                  where e.attnum = t.tenant_attnum and o.oprname = '=')""")
        ).as("exclusion constraints of tenant tables without \"tenant_id with =\"").isEmpty();
    }

    @Test
    void foreignKeysBetweenTenantTablesMatchTenantIdOnBothSides() throws SQLException {
        assertThat(rows(TenantTables.CTE + """
                select f.conrelid::regclass || ': ' || pg_get_constraintdef(f.oid) from pg_constraint f
                join tenant_tables source on source.oid = f.conrelid
                join tenant_tables target on target.oid = f.confrelid
                where f.contype = 'f'
                  and not exists (select from unnest(f.conkey, f.confkey) as k(own, referenced)
                                  where k.own = source.tenant_attnum and k.referenced = target.tenant_attnum)""")
        ).as("foreign keys between tenant tables that do not pair tenant_id with tenant_id").isEmpty();
    }

    @Test
    void tenantTablesReferenceOnlyTenantAndReferenceTables() throws SQLException {
        List<String> references = rows(TenantTables.CTE + """
                select f.conrelid::regclass || ' -> ' || f.confrelid::regclass from pg_constraint f
                join tenant_tables source on source.oid = f.conrelid
                where f.contype = 'f' and f.confrelid not in (select oid from tenant_tables)""");
        assertThat(references).as("foreign keys from tenant tables to tables other than reference tables")
                .allSatisfy(reference -> assertThat(REFERENCE_TABLES)
                        .containsKey(reference.substring(reference.indexOf(" -> ") + 4)));
    }

    @Test
    void referenceAndLocalTablesReferenceNoTenantTable() throws SQLException {
        // Citus refuses foreign keys from reference or local tables to distributed ones
        assertThat(rows(TenantTables.CTE + """
                select f.conrelid::regclass || ': ' || pg_get_constraintdef(f.oid) from pg_constraint f
                where f.contype = 'f' and f.confrelid in (select oid from tenant_tables)
                  and f.conrelid not in (select oid from tenant_tables)""")).isEmpty();
    }

    private static Set<String> tables() throws SQLException {
        return new TreeSet<>(rows("""
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE'"""));
    }

    private static Set<String> tenantTables() throws SQLException {
        return TenantTables.in(catalog);
    }

    private static List<String> rows(String query) throws SQLException {
        return TenantTables.rows(catalog, query);
    }
}

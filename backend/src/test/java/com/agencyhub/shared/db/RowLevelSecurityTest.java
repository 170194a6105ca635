package com.agencyhub.shared.db;

import com.agencyhub.shared.TenantId;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.db.PostgresBootstrap;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcException;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;

import static com.agencyhub.jooq.Tables.AUDIT_EVENT;
import static com.agencyhub.jooq.Tables.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The second wall: PostgreSQL row-level security, exercised through the application role with queries
 * that deliberately carry no tenant filter of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelSecurityTest extends ApiTest {

    @Autowired
    ConnectionFactory pooled;

    private final TenantId agencyA = new TenantId(UUID.randomUUID());
    private final TenantId agencyB = new TenantId(UUID.randomUUID());
    private ConnectionPool singleConnection;
    private Transactions overSingleConnection;

    @BeforeAll
    void twoAgenciesWithAuditEvents(@Autowired Transactions transactions, @Autowired PlatformDatabase platform) {
        for (TenantId tenant : List.of(agencyA, agencyB)) {
            transactions.asPlatformFor(tenant, sql -> Mono.from(sql.insertInto(TENANT)
                            .set(TENANT.ID, tenant.value()).set(TENANT.NAME, "RLS " + tenant)
                            .set(TENANT.SLUG, "rls-" + tenant.value().toString().substring(0, 8))
                            .set(TENANT.DEFAULT_ZONE, "Europe/Berlin").set(TENANT.LOCALE, "de-DE"))
                    .then(insertAuditEvent(sql, tenant))).block();
        }
        // a pool of exactly one connection, so every transaction below reuses the same server session
        ConnectionFactory unpooled = ((TimedConnections) pooled).unwrap().unwrap();
        singleConnection = new ConnectionPool(ConnectionPoolConfiguration.builder(unpooled).maxSize(1).initialSize(1).build());
        overSingleConnection = new Transactions(singleConnection, platform);
    }

    @AfterAll
    void closePool() {
        singleConnection.dispose();
    }

    @Test
    void theApplicationRoleCannotBypassRowLevelSecurity() {
        List<Boolean> attributes = withConnection(pooled, connection -> Mono.from(connection.createStatement(
                        "select rolsuper, rolbypassrls, pg_has_role(current_user, tableowner, 'USAGE') "
                                + "from pg_roles, pg_tables where rolname = current_user and tablename = 'audit_event'")
                .execute()).flatMap(result -> Mono.from(result.map(row -> List.of(
                row.get(0, Boolean.class), row.get(1, Boolean.class), row.get(2, Boolean.class))))));
        assertThat(attributes).as("superuser, bypassrls, owns the table").containsExactly(false, false, false);
    }

    @Test
    void theApplicationRoleCannotWidenItsViewWithASetting() {
        // the setting that opened every agency before the platform role existed, and the platform role itself
        List<Long> agenciesSeen = withConnection(pooled, connection -> Flux.concat(
                        Mono.from(connection.beginTransaction()),
                        Mono.from(connection.createStatement("select set_config('app.platform_scope', 'on', true), "
                                + "set_config('app.tenant_id', $1, true)").bind("$1", agencyA.toString()).execute())
                                .flatMap(result -> Mono.from(result.getRowsUpdated()).then()),
                        Mono.from(connection.createStatement("select count(*) from tenant").execute())
                                .flatMap(result -> Mono.from(result.map(row -> row.get(0, Long.class)))),
                        Mono.from(connection.rollbackTransaction()))
                .ofType(Long.class).collectList());
        assertThat(agenciesSeen).as("agency rows visible to the application role").containsExactly(1L);

        assertThatThrownBy(() -> withConnection(pooled, connection -> Mono.from(connection.createStatement(
                "set role " + PostgresBootstrap.PLATFORM).execute())
                .flatMap(result -> Mono.from(result.getRowsUpdated()))))
                .isInstanceOf(R2dbcException.class)
                .hasMessageContaining("permission denied");
    }

    @Test
    void onlyThePlatformRoleSeesEveryAgency(@Autowired Transactions transactions) {
        Long agencies = transactions.asPlatform(sql -> Mono.from(sql.selectCount().from(TENANT))
                .map(r -> r.value1().longValue())).block();
        assertThat(agencies).isGreaterThanOrEqualTo(2);
        String role = transactions.asPlatform(sql -> Mono.from(sql.select(DSL.field("current_user", String.class)))
                .map(r -> r.value1())).block();
        assertThat(role).isEqualTo(PostgresBootstrap.PLATFORM);
    }

    @Test
    void aTenantSeesOnlyItsOwnRowsWithoutAnyWhereClause() {
        List<UUID> seenByA = overSingleConnection.inTenantMany(agencyA,
                sql -> Flux.from(sql.select(AUDIT_EVENT.TENANT_ID).from(AUDIT_EVENT)).map(r -> r.value1()))
                .collectList().block();
        List<UUID> tenantsSeenByB = overSingleConnection.inTenantMany(agencyB,
                sql -> Flux.from(sql.select(TENANT.ID).from(TENANT)).map(r -> r.value1())).collectList().block();

        assertThat(seenByA).isNotEmpty().containsOnly(agencyA.value());
        assertThat(tenantsSeenByB).containsExactly(agencyB.value());
    }

    @Test
    void anInsertForAnotherTenantIsRejected() {
        assertThatThrownBy(() -> overSingleConnection.inTenant(agencyA, sql -> insertAuditEvent(sql, agencyB)).block())
                .hasRootCauseInstanceOf(R2dbcException.class)
                .rootCause().hasMessageContaining("row-level security");
        assertThat(auditEventsOf(agencyB)).isEqualTo(1);
    }

    @Test
    void aFailedTransactionRollsBackEverything() {
        long before = auditEventsOf(agencyA);
        assertThatThrownBy(() -> overSingleConnection.inTenant(agencyA, sql -> insertAuditEvent(sql, agencyA)
                .then(insertAuditEvent(sql, agencyA))
                .then(Mono.error(new IllegalStateException("work failed after two inserts")))).block())
                .hasMessageContaining("work failed");
        assertThat(auditEventsOf(agencyA)).isEqualTo(before);
    }

    @Test
    void aReusedConnectionNeverCarriesThePreviousTenant() {
        Integer pidInTransaction = overSingleConnection.inTenant(agencyA,
                sql -> Mono.from(sql.select(DSL.field("pg_backend_pid()", Integer.class))).map(r -> r.value1())).block();

        List<Object> afterwards = withConnection(singleConnection, connection -> Mono.from(connection.createStatement(
                        "select pg_backend_pid(), coalesce(current_setting('app.tenant_id', true), ''), "
                                + "(select count(*) from audit_event), (select count(*) from tenant)").execute())
                .flatMap(result -> Mono.from(result.map(row -> List.of(row.get(0, Integer.class),
                        row.get(1, String.class), row.get(2, Long.class), row.get(3, Long.class))))));

        assertThat(afterwards.get(0)).as("same server session").isEqualTo(pidInTransaction);
        assertThat(afterwards.get(1)).as("tenant setting after the transaction").isEqualTo("");
        assertThat(afterwards.subList(2, 4)).as("rows visible without a tenant").containsExactly(0L, 0L);
    }

    @Test
    void aReadInOneRoundTripSeesOnlyItsAgencyAndLeavesNoScopeBehind() {
        PreparedRead eventsNotBy = PreparedRead.of(DSL.select(AUDIT_EVENT.TENANT_ID).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ACTOR_ID.ne(DSL.param(UUID.class))));
        assertThat(eventsNotBy.inlinable()).isTrue();

        List<UUID> seenByA = overSingleConnection.fetch(agencyA, eventsNotBy, List.of(UUID.randomUUID()),
                row -> row.get(0, UUID.class)).block();
        List<UUID> seenByB = overSingleConnection.fetch(agencyB, eventsNotBy, List.of(UUID.randomUUID()),
                row -> row.get(0, UUID.class)).block();
        assertThat(seenByA).isNotEmpty().containsOnly(agencyA.value());
        assertThat(seenByB).isNotEmpty().containsOnly(agencyB.value());

        List<Object> afterwards = withConnection(singleConnection, connection -> Mono.from(connection.createStatement(
                        "select coalesce(current_setting('app.tenant_id', true), ''), "
                                + "(select count(*) from audit_event), now() = statement_timestamp()").execute())
                .flatMap(result -> Mono.from(result.map(row -> List.of(row.get(0, String.class),
                        row.get(1, Long.class), row.get(2, Boolean.class))))));
        assertThat(afterwards).as("tenant setting, rows visible, a transaction of its own")
                .containsExactly("", 0L, true);
    }

    @Test
    void noTenantSetMeansZeroRowsNotAnError() {
        Long rows = withConnection(pooled, connection -> Mono.from(connection.createStatement(
                "select count(*) from audit_event").execute()).flatMap(result -> Mono.from(result.map(row -> row.get(0, Long.class)))));
        assertThat(rows).isZero();
    }

    private long auditEventsOf(TenantId tenant) {
        return overSingleConnection.inTenant(tenant, sql -> Mono.from(sql.selectCount().from(AUDIT_EVENT))
                .map(r -> r.value1().longValue())).block();
    }

    private static Mono<Void> insertAuditEvent(DSLContext sql, TenantId tenant) {
        return Mono.from(sql.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.TENANT_ID, tenant.value()).set(AUDIT_EVENT.ID, UUID.randomUUID())
                .set(AUDIT_EVENT.ACTOR_ID, UUID.randomUUID()).set(AUDIT_EVENT.ACTION, "test.inserted")
                .set(AUDIT_EVENT.ENTITY_TYPE, "test").set(AUDIT_EVENT.ENTITY_ID, UUID.randomUUID())).then();
    }

    private static <T> T withConnection(ConnectionFactory factory, java.util.function.Function<Connection, Mono<T>> work) {
        return Mono.usingWhen(Mono.from(factory.create()), work, Connection::close).block();
    }
}

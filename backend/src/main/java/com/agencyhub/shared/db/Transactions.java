package com.agencyhub.shared.db;

import com.agencyhub.shared.TenantId;
import io.r2dbc.spi.ConnectionFactory;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.springframework.r2dbc.connection.ConnectionFactoryUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.function.Function;

/**
 * The one way modules touch the database: a transaction on one pooled R2DBC connection, a jOOQ context
 * bound to it, and the row-level-security scope set transaction-locally ({@code set_config(..., true)}), so
 * it can never leak to the next borrower of the connection. Work that fails rolls the whole transaction back.
 *
 * <p>Agency work runs as the application role, which sees one agency's rows. Cross-agency work runs as the
 * platform role on {@link PlatformDatabase}'s pool: the policies that open every agency name that role, so no
 * setting the application role can make widens its view.
 */
@Component
public class Transactions {

    private static final Settings SETTINGS = new Settings().withExecuteLogging(false);

    private final ConnectionFactory connections;
    private final TransactionalOperator operator;
    private final PlatformDatabase platform;

    Transactions(ConnectionFactory connections, ReactiveTransactionManager transactionManager,
                 PlatformDatabase platform) {
        this.connections = connections;
        this.operator = TransactionalOperator.create(transactionManager);
        this.platform = platform;
    }

    /** Runs the work for one agency: RLS shows and accepts only that agency's rows. */
    public <T> Mono<T> inTenant(TenantId tenant, Function<DSLContext, Mono<T>> work) {
        return operator.transactional(scoped(connections, tenant).flatMap(work));
    }

    /** Like {@link #inTenant}, for work that streams many results. */
    public <T> Flux<T> inTenantMany(TenantId tenant, Function<DSLContext, Flux<T>> work) {
        return operator.transactional(scoped(connections, tenant).flatMapMany(work));
    }

    /**
     * Runs platform work (platform admins managing agencies) as the platform role: the agency registry is
     * visible across agencies, and the given agency's own rows (its first admin, its audit trail) are writable.
     */
    public <T> Mono<T> asPlatformFor(TenantId tenant, Function<DSLContext, Mono<T>> work) {
        return platform.operator().transactional(scoped(platform.connections(), tenant).flatMap(work));
    }

    /** Runs platform work that concerns no single agency, such as listing them or a person's memberships. */
    public <T> Mono<T> asPlatform(Function<DSLContext, Mono<T>> work) {
        return asPlatformFor(null, work);
    }

    private static Mono<DSLContext> scoped(ConnectionFactory pool, TenantId tenant) {
        return ConnectionFactoryUtils.getConnection(pool).flatMap(connection -> {
            DSLContext sql = DSL.using(connection, SQLDialect.POSTGRES, SETTINGS);
            return Mono.from(sql.select(DSL.function("set_config", String.class, DSL.inline("app.tenant_id"),
                            DSL.val(tenant == null ? "" : tenant.toString()), DSL.inline(true))))
                    .thenReturn(sql);
        });
    }
}

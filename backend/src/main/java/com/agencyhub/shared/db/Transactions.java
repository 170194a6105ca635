package com.agencyhub.shared.db;

import com.agencyhub.shared.TenantId;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one way modules touch the database: a transaction on one pooled R2DBC connection, a jOOQ context bound to
 * it, and the row-level-security scope set transaction-locally ({@code SET LOCAL}), so it can never leak
 * to the next borrower of the connection. Work that fails rolls the whole transaction back.
 *
 * <p>Every transaction ends, whatever its subscriber does: commit after the work, rollback after an error or a
 * cancellation (a client that went away, a timeout), and the connection goes back to the pool. Those endings run
 * detached from the subscriber, so a cancellation that arrives while a commit is under way cannot leave the
 * connection idle in an open transaction.
 *
 * <p>Work for the same agency started inside a transaction (a module asking another one) joins it: same connection,
 * same transaction. Agency work runs as the application role, which sees one agency's rows. Cross-agency work runs
 * as the platform role on {@link PlatformDatabase}'s pool: the policies that open every agency name that role, so
 * no setting the application role can make widens its view.
 */
@Component
public class Transactions {

    private static final Logger log = LoggerFactory.getLogger(Transactions.class);
    private static final Settings SETTINGS = new Settings().withExecuteLogging(false).withBindOffsetDateTimeType(true);

    private final ConnectionFactory connections;
    private final PlatformDatabase platform;

    Transactions(ConnectionFactory connections, PlatformDatabase platform) {
        this.connections = connections;
        this.platform = platform;
    }

    /** Runs the work for one agency: RLS shows and accepts only that agency's rows. */
    public <T> Mono<T> inTenant(TenantId tenant, Function<DSLContext, Mono<T>> work) {
        return transaction(connections, tenant, work);
    }

    /** Like {@link #inTenant}, for work that streams many results (the transaction lasts as long as the stream). */
    public <T> Flux<T> inTenantMany(TenantId tenant, Function<DSLContext, Flux<T>> work) {
        return Flux.deferContextual(context -> {
            Optional<Ongoing> ongoing = joinable(context, connections, tenant);
            if (ongoing.isPresent()) {
                return work.apply(ongoing.get().sql());
            }
            return Flux.usingWhen(Mono.from(connections.create()),
                    connection -> begin(connection, tenant).flatMapMany(sql -> work.apply(sql)
                            .contextWrite(ongoing(connections, tenant, connection, sql))),
                    Transactions::commit, Transactions::rollback, Transactions::rollback);
        });
    }

    /**
     * Runs one query for one agency, in the agency's ongoing transaction or in one of its own, and maps the driver's
     * rows straight to results, without jOOQ's records in between: for hot reads of many rows. The query is built
     * with jOOQ and sent as a prepared statement with its values bound, like every other.
     */
    public <T> Mono<List<T>> fetch(TenantId tenant, ResultQuery<?> query, Function<Row, T> mapper) {
        return transaction(connections, tenant, sql -> Mono.deferContextual(context ->
                PreparedQueries.fetch(context.get(Ongoing.class).connection(), query, mapper)));
    }

    /**
     * Like {@link #fetch(TenantId, ResultQuery, Function)}, for a read rendered once, with its values in order. Outside
     * a transaction, a read whose values are all ids or numbers ({@link PreparedRead#inlinable()}) goes to PostgreSQL
     * in one round trip instead of three (begin with the scope, the read, commit): the scope and the read with its
     * values inlined, as one simple query, which PostgreSQL runs as one transaction of its own. Nothing stays open
     * even if the caller goes away halfway, since that transaction ends with the message. The read is not cancelled
     * with its caller but runs to its end: the driver does not release the rows of a simple query whose subscriber
     * cancels halfway (Netty's leak detector found them after wrk's connections closed under load).
     */
    public <T> Mono<List<T>> fetch(TenantId tenant, PreparedRead read, List<?> values, Function<Row, T> mapper) {
        read.check(values);
        if (!read.inlinable()) {
            return transaction(connections, tenant, sql -> Mono.deferContextual(context ->
                    PreparedQueries.fetch(context.get(Ongoing.class).connection(), read, values, mapper)));
        }
        return Mono.deferContextual(context -> {
            Optional<Ongoing> ongoing = joinable(context, connections, tenant);
            if (ongoing.isPresent()) {
                return PreparedQueries.fetch(ongoing.get().connection(), read, values, mapper);
            }
            Mono<List<T>> oneTrip = Mono.usingWhen(Mono.from(connections.create()),
                    connection -> PreparedQueries.fetch(connection, scope(tenant) + ";\n" + read.inlined(values), mapper),
                    Transactions::release, (connection, error) -> release(connection), Transactions::release);
            return detached(oneTrip);
        });
    }

    /**
     * Like {@link #fetch(TenantId, PreparedRead, List, Function)}, in the transaction whose jOOQ context is {@code sql}
     * (the ongoing one of the calling work, whichever its pool): for statements that belong to work begun elsewhere.
     */
    public <T> Mono<List<T>> fetch(DSLContext sql, PreparedRead read, List<?> values, Function<Row, T> mapper) {
        read.check(values);
        return Mono.deferContextual(context -> {
            Ongoing ongoing = context.getOrDefault(Ongoing.class, null);
            if (ongoing == null || ongoing.sql() != sql) {
                return Mono.error(new IllegalStateException("The statement's transaction is not the ongoing one"));
            }
            return PreparedQueries.fetch(ongoing.connection(), read, values, mapper);
        });
    }

    /**
     * Runs platform work (platform admins managing agencies) as the platform role: the agency registry is
     * visible across agencies, and the given agency's own rows (its first admin, its audit trail) are writable.
     */
    public <T> Mono<T> asPlatformFor(TenantId tenant, Function<DSLContext, Mono<T>> work) {
        return transaction(platform.connections(), tenant, work);
    }

    /** Runs platform work that concerns no single agency, such as listing them or a person's memberships. */
    public <T> Mono<T> asPlatform(Function<DSLContext, Mono<T>> work) {
        return asPlatformFor(null, work);
    }

    /** The transaction a piece of work runs in, kept in the Reactor context so that nested work can join it. */
    private record Ongoing(ConnectionFactory pool, TenantId tenant, Connection connection, DSLContext sql) {

        boolean serves(ConnectionFactory otherPool, TenantId otherTenant) {
            return pool == otherPool && Objects.equals(tenant, otherTenant);
        }
    }

    private static <T> Mono<T> transaction(ConnectionFactory pool, TenantId tenant, Function<DSLContext, Mono<T>> work) {
        return Mono.deferContextual(context -> {
            Optional<Ongoing> ongoing = joinable(context, pool, tenant);
            if (ongoing.isPresent()) {
                return work.apply(ongoing.get().sql());
            }
            return Mono.usingWhen(Mono.from(pool.create()),
                    connection -> begin(connection, tenant).flatMap(sql -> work.apply(sql)
                            .contextWrite(ongoing(pool, tenant, connection, sql))),
                    Transactions::commit, Transactions::rollback, Transactions::rollback);
        });
    }

    private static Context ongoing(ConnectionFactory pool, TenantId tenant, Connection connection, DSLContext sql) {
        return Context.of(Ongoing.class, new Ongoing(pool, tenant, connection, sql));
    }

    private static Optional<Ongoing> joinable(reactor.util.context.ContextView context, ConnectionFactory pool,
                                              TenantId tenant) {
        return context.getOrEmpty(Ongoing.class).map(Ongoing.class::cast)
                .filter(ongoing -> ongoing.serves(pool, tenant));
    }

    private static Mono<Void> commit(Connection connection) {
        return end(connection, Connection::commitTransaction, "commit");
    }

    private static Mono<Void> rollback(Connection connection, Throwable error) {
        return rollback(connection);
    }

    private static Mono<Void> rollback(Connection connection) {
        return end(connection, Transactions::sendRollback, "rollback");
    }

    /**
     * {@code ROLLBACK}, sent whatever the driver believes: its own {@code rollbackTransaction()} sends nothing while it
     * has not yet read the answer to {@code BEGIN}, and a caller that goes away just then (a client closing its
     * connection under load) left the transaction open on a pooled connection. Sent after the {@code BEGIN} on the
     * same connection, it always ends the transaction; with none open PostgreSQL only warns.
     */
    private static Publisher<Void> sendRollback(Connection connection) {
        return Flux.from(connection.createStatement("ROLLBACK").execute())
                .concatMap(Result::getRowsUpdated)
                .then();
    }

    /**
     * {@code BEGIN} and the tenant scope in one round trip (a batch is one simple query). The scope is written into
     * the statement rather than bound: it is a UUID formatted by us, never text from a request.
     */
    private static Mono<DSLContext> begin(Connection connection, TenantId tenant) {
        return Flux.from(connection.createBatch()
                        .add("BEGIN")
                        .add(scope(tenant))
                        .execute())
                .concatMap(Result::getRowsUpdated)
                .then(Mono.fromSupplier(() -> DSL.using(connection, SQLDialect.POSTGRES, SETTINGS)));
    }

    /** The statement that scopes the transaction it runs in to the agency (none: no agency's rows). */
    private static String scope(TenantId tenant) {
        return "SET LOCAL app.tenant_id = '" + (tenant == null ? "" : tenant.value().toString()) + "'";
    }

    /** Returns the connection to the pool, subscribed on its own like {@link #end}. */
    private static Mono<Void> release(Connection connection) {
        return detached(Mono.from(connection.close()));
    }

    /** {@code work} subscribed on its own: it runs to its end even if its subscriber cancels. */
    private static <T> Mono<T> detached(Mono<T> work) {
        return Mono.create(sink -> work.subscribe(sink::success, sink::error, sink::success));
    }

    /**
     * Commits or rolls back, then returns the connection to the pool: subscribed on its own, so that cancelling the
     * caller cannot stop it half-way. A failed commit is the caller's error; a failed rollback is only logged (the
     * connection is closed either way, and PostgreSQL ends a transaction whose connection closes).
     */
    private static Mono<Void> end(Connection connection, Function<Connection, Publisher<Void>> ending, String what) {
        Mono<Void> finish = Mono.from(ending.apply(connection))
                .onErrorResume(failure -> what.equals("commit") ? Mono.error(failure) : logged(what, failure))
                .then(Mono.defer(() -> Mono.from(connection.close())))
                .onErrorResume(failure -> Mono.from(connection.close()).onErrorResume(ignored -> Mono.empty())
                        .then(Mono.error(failure)));
        return detached(finish);
    }

    private static Mono<Void> logged(String what, Throwable failure) {
        log.warn("Transaction {} failed; the connection is closed all the same: {}", what, failure.toString());
        return Mono.empty();
    }
}

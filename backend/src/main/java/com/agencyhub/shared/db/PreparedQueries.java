package com.agencyhub.shared.db;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.Statement;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Param;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.function.Function;

/**
 * A query built with jOOQ, run on an R2DBC connection as a prepared statement ({@code $1, $2, ...} bound in order)
 * whose rows are mapped by the caller straight from the driver's.
 */
final class PreparedQueries {

    private static final DSLContext RENDERING = DSL.using(SQLDialect.POSTGRES,
            new Settings().withRenderNamedParamPrefix("$").withRenderFormatted(false));

    private PreparedQueries() {
    }

    static <T> Mono<List<T>> fetch(Connection connection, ResultQuery<?> query, Function<Row, T> mapper) {
        Statement statement = connection.createStatement(sql(query));
        List<Param<?>> params = parameters(query);
        for (int i = 0; i < params.size(); i++) {
            Param<?> param = params.get(i);
            if (param.getValue() == null) {
                statement.bindNull(i, driverType(param.getType()));
            } else {
                statement.bind(i, driverValue(param.getValue()));
            }
        }
        return rows(statement, mapper);
    }

    /** Runs a statement rendered before with {@code values} bound in order. */
    static <T> Mono<List<T>> fetch(Connection connection, PreparedRead read, List<?> values, Function<Row, T> mapper) {
        Statement statement = connection.createStatement(read.sql());
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                statement.bindNull(i, driverType(read.type(i)));
            } else {
                statement.bind(i, driverValue(value));
            }
        }
        return rows(statement, mapper);
    }

    /** Runs SQL without bound values as one simple query (which may hold several statements): all their rows. */
    static <T> Mono<List<T>> fetch(Connection connection, String sql, Function<Row, T> mapper) {
        return rows(connection.createStatement(sql), mapper);
    }

    static String sql(ResultQuery<?> query) {
        return RENDERING.renderNamedParams(query);
    }

    /** The values the statement binds, in the order of their placeholders (inlined ones are part of the SQL). */
    static List<Param<?>> parameters(ResultQuery<?> query) {
        return RENDERING.extractParams(query).values().stream().filter(param -> !param.isInline()).toList();
    }

    private static <T> Mono<List<T>> rows(Statement statement, Function<Row, T> mapper) {
        return Flux.from(statement.execute())
                .concatMap(result -> result.map((row, metadata) -> mapper.apply(row)))
                .collectList();
    }

    /** The driver's type for a jOOQ value type, as a null of it is bound. */
    private static Class<?> driverType(Class<?> type) {
        return type == JSONB.class ? Json.class : type;
    }

    /** jOOQ's own value types as the driver knows them (jsonb is the one our queries bind). */
    private static Object driverValue(Object value) {
        return value instanceof JSONB json ? Json.of(json.data()) : value;
    }
}

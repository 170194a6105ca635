package com.agencyhub.shared.db;

import org.jooq.Param;
import org.jooq.ResultQuery;

import java.util.List;

/**
 * A statement with results (a query, or a change with {@code RETURNING}) whose SQL is rendered once, for the
 * hottest requests: built with jOOQ, its values left as placeholders ({@code DSL.param(UUID.class)}), and run by
 * {@link Transactions#fetch(com.agencyhub.shared.TenantId, PreparedRead, List, java.util.function.Function)} with
 * the values bound in the order of the placeholders in the SQL, a null as the placeholder's type. Rendering a
 * statement and collecting its parameters anew on every request took a sixth of the CPU of a brand read
 * (docs/scaling.md, "Request throughput").
 */
public final class PreparedRead {

    private final String sql;
    private final List<Class<?>> types;

    private PreparedRead(String sql, List<Class<?>> types) {
        this.sql = sql;
        this.types = types;
    }

    public static PreparedRead of(ResultQuery<?> query) {
        return new PreparedRead(PreparedQueries.sql(query),
                PreparedQueries.parameters(query).stream().<Class<?>>map(Param::getType).toList());
    }

    String sql() {
        return sql;
    }

    /** The type of the value at {@code index}, as a null there is bound. */
    Class<?> type(int index) {
        return types.get(index);
    }

    /** Refuses values that do not fit the placeholders: one value of the placeholder's type (or null) for each. */
    void check(List<?> values) {
        if (values.size() != types.size()) {
            throw new IllegalArgumentException("Expected " + types.size() + " values, got " + values);
        }
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value != null && !types.get(i).isInstance(value)) {
                throw new IllegalArgumentException("Value " + i + " should be a " + types.get(i).getSimpleName()
                        + ", not " + value.getClass().getSimpleName());
            }
        }
    }
}

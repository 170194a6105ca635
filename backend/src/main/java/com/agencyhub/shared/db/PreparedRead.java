package com.agencyhub.shared.db;

import org.jooq.ResultQuery;

import java.util.List;
import java.util.Objects;

/**
 * A read whose SQL is rendered once, for the hottest requests: built with jOOQ, its values left as placeholders
 * ({@code DSL.param(UUID.class)}), and run by {@link Transactions#fetch(com.agencyhub.shared.TenantId, PreparedRead,
 * List, java.util.function.Function)} with the values bound in the order of the placeholders in the SQL. Rendering a
 * statement and collecting its parameters anew on every request took a sixth of the CPU of a brand read
 * (docs/scaling.md, "Request throughput").
 */
public final class PreparedRead {

    private final String sql;
    private final int placeholders;

    private PreparedRead(String sql, int placeholders) {
        this.sql = sql;
        this.placeholders = placeholders;
    }

    public static PreparedRead of(ResultQuery<?> query) {
        return new PreparedRead(PreparedQueries.sql(query), PreparedQueries.parameters(query).size());
    }

    String sql() {
        return sql;
    }

    /** Refuses values that do not fit the placeholders: one value, not null, for each. */
    void check(List<?> values) {
        if (values.size() != placeholders || values.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("Expected " + placeholders + " values, got " + values);
        }
    }
}

package com.agencyhub.shared.db;

import org.jooq.Param;
import org.jooq.ResultQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A statement with results (a query, or a change with {@code RETURNING}) whose SQL is rendered once, for the
 * hottest requests: built with jOOQ, its values left as placeholders ({@code DSL.param(UUID.class)}), and run by
 * {@link Transactions#fetch(com.agencyhub.shared.TenantId, PreparedRead, List, java.util.function.Function)} with
 * the values bound in the order of the placeholders in the SQL, a null as the placeholder's type. Rendering a
 * statement and collecting its parameters anew on every request took a sixth of the CPU of a brand read
 * (docs/scaling.md, "Request throughput").
 *
 * <p>A statement whose values are all ids or numbers ({@code UUID}, {@code UUID[]}, {@code Integer}) can also be sent
 * with its values written into the SQL as literals ({@link #inlined}): text that Java formats from those types cannot
 * end a literal, so nothing from a request can become SQL. {@link Transactions} uses that to send a read together
 * with the agency's scope in one round trip.
 */
public final class PreparedRead {

    /** The types whose values {@link #inlined} writes as literals, with their PostgreSQL types. */
    private static final Map<Class<?>, String> INLINABLE = Map.of(UUID.class, "uuid", UUID[].class, "uuid[]",
            Integer.class, "int4");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");

    private final String sql;
    private final List<Class<?>> types;
    /** The SQL around the placeholders, in order; null when some value type cannot be inlined. */
    private final List<String> fragments;

    private PreparedRead(String sql, List<Class<?>> types) {
        this.sql = sql;
        this.types = types;
        this.fragments = INLINABLE.keySet().containsAll(types) ? fragments(sql, types.size()) : null;
    }

    public static PreparedRead of(ResultQuery<?> query) {
        return new PreparedRead(PreparedQueries.sql(query),
                PreparedQueries.parameters(query).stream().<Class<?>>map(Param::getType).toList());
    }

    /** The SQL between {@code $1}, {@code $2}, … (which must come once each, in order), or null if they do not. */
    private static List<String> fragments(String sql, int placeholders) {
        List<String> fragments = new ArrayList<>(placeholders + 1);
        Matcher placeholder = PLACEHOLDER.matcher(sql);
        int from = 0;
        while (placeholder.find()) {
            if (!placeholder.group(1).equals(Integer.toString(fragments.size() + 1))) {
                return null;
            }
            fragments.add(sql.substring(from, placeholder.start()));
            from = placeholder.end();
        }
        fragments.add(sql.substring(from));
        return fragments.size() == placeholders + 1 ? List.copyOf(fragments) : null;
    }

    /** Whether {@link #inlined} can write this statement's values into its SQL. */
    boolean inlinable() {
        return fragments != null;
    }

    /** The SQL with {@code values} (checked by {@link #check}) written in as typed literals. */
    String inlined(List<?> values) {
        if (fragments == null) {
            throw new IllegalStateException("Values of " + types + " are bound, not inlined");
        }
        StringBuilder inlined = new StringBuilder(sql.length() + 48 * values.size()).append(fragments.get(0));
        for (int i = 0; i < values.size(); i++) {
            inlined.append(literal(values.get(i), INLINABLE.get(types.get(i)))).append(fragments.get(i + 1));
        }
        return inlined.toString();
    }

    private static String literal(Object value, String type) {
        if (value == null) {
            return "NULL::" + type;
        }
        String text = value instanceof UUID[] ids
                ? Stream.of(ids).map(UUID::toString).collect(Collectors.joining(",", "{", "}"))
                : value.toString();
        return "'" + text + "'::" + type;
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

package com.agencyhub.testsupport.db;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the statements the application has run constrain {@code tenant_id}, so that Citus can route each of them to
 * one agency's shard (docs/scaling.md, "Distributed PostgreSQL"). {@code pg_stat_statements} records every distinct
 * statement of the application and platform roles; each is planned again with {@code EXPLAIN (GENERIC_PLAN)} as the
 * admin, whom row-level security does not apply to, so that its policies cannot stand in for a missing filter.
 *
 * <p>In the plan, every scan of a tenant table must compare its {@code tenant_id} with a parameter or a constant
 * (PostgreSQL carries {@code a.tenant_id = $1} over to every relation joined on {@code tenant_id}), or be joined with
 * another relation on {@code tenant_id}, and at least one relation of the statement must be pinned that way; every
 * insert into a tenant table names its {@code tenant_id}. Statements that legitimately span agencies are
 * {@link Allowed}, with the reason.
 */
public final class TenantScopedStatements {

    /** A statement that may touch tenant tables without one agency's tenant_id: those whose text holds the fragment. */
    public record Allowed(String fragment, String reason) {
    }

    /** A statement (normalized by pg_stat_statements, constants as {@code $n}) that fails the rule, and how. */
    public record Finding(String role, String statement, String problem) {

        @Override
        public String toString() {
            return problem + " [" + role + "]: " + statement;
        }
    }

    /**
     * What a check saw: all statements, those on tenant tables, what fails the rule, and the exceptions that excused a
     * statement failing it (an exception that excuses none is stale).
     */
    public record Report(int statements, int onTenantTables, List<Finding> findings, Set<Allowed> used) {
    }

    private static final Pattern PINNED = Pattern.compile(
            "(?<![\\w\"])tenant_id = \\(?(\\$\\d+|'[0-9a-f-]{36}'::uuid)\\)?(::uuid)?|"
                    + "(\\$\\d+|'[0-9a-f-]{36}'::uuid)\\)?(::uuid)? = (\\w+\\.)?tenant_id\\b");
    private static final Pattern INSERT = Pattern.compile(
            "insert\\s+into\\s+(?:\"?public\"?\\.)?\"?(\\w+)\"?\\s*(?:as\\s+\\S+\\s*)?\\(([^)]*)\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATA_STATEMENT = Pattern.compile("^\\s*(select|insert|update|delete|with)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAMED_TABLE = Pattern.compile("\\b(?:from|join)\\s+(?:\"?public\"?\\.)?\"?(\\w+)\"?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EXTRACTED_FIELD = Pattern.compile("extract\\(\\$\\d+ from");
    private static final List<String> SCAN_CONDITIONS = List.of("Index Cond", "Recheck Cond", "Filter", "TID Cond");
    private static final List<String> JOIN_CONDITIONS = List.of("Hash Cond", "Merge Cond", "Join Filter");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TenantScopedStatements() {
    }

    /** Whether the server records statements: the embedded one and containers do, an external one may not. */
    public static boolean recording() {
        try (Connection admin = TestDatabase.get().asAdmin()) {
            return TenantTables.rows(admin, "select current_setting('shared_preload_libraries')").get(0)
                    .contains("pg_stat_statements");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forgets what was recorded so far, so that a check sees only what runs after this. */
    public static void reset() {
        try (Connection admin = TestDatabase.get().asAdmin(); Statement sql = admin.createStatement()) {
            sql.execute("create extension if not exists pg_stat_statements");
            sql.execute("select pg_stat_statements_reset()");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks every statement the application and platform roles have run on this database since {@link #reset}. */
    public static Report check(List<Allowed> allowed) {
        try (Connection admin = TestDatabase.get().asAdmin(); Statement sql = admin.createStatement()) {
            Set<String> tenantTables = TenantTables.in(admin);
            List<Finding> findings = new ArrayList<>();
            Set<Allowed> used = new LinkedHashSet<>();
            int statements = 0;
            int onTenantTables = 0;
            List<String[]> rows = new ArrayList<>();
            try (var recorded = sql.executeQuery("""
                    select r.rolname, s.query from pg_stat_statements s join pg_roles r on r.oid = s.userid
                    where s.dbid = (select oid from pg_database where datname = current_database())
                      and r.rolname in ('%s', '%s')""".formatted(PostgresBootstrap.APP, PostgresBootstrap.PLATFORM))) {
                while (recorded.next()) {
                    rows.add(new String[]{recorded.getString(1), recorded.getString(2)});
                }
            }
            for (String[] row : rows) {
                String role = row[0];
                String query = row[1];
                if (!DATA_STATEMENT.matcher(query).find()) {
                    continue;
                }
                statements++;
                List<String> problems;
                try {
                    problems = problems(explain(sql, query), query, tenantTables);
                } catch (SQLException unplannable) {
                    problems = textProblems(query, tenantTables);
                }
                if (problems == null) {
                    continue;
                }
                onTenantTables++;
                if (problems.isEmpty()) {
                    continue;
                }
                Allowed exception = allowed.stream().filter(a -> query.contains(a.fragment())).findFirst()
                        .orElse(null);
                if (exception != null) {
                    used.add(exception);
                } else {
                    findings.add(new Finding(role, query, String.join("; ", problems)));
                }
            }
            return new Report(statements, onTenantTables, findings, used);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode explain(Statement sql, String query) throws SQLException {
        // pg_stat_statements turns the field of extract(isodow from …) into a parameter, which the grammar does not
        // take there; any field plans the same
        String plannable = EXTRACTED_FIELD.matcher(query).replaceAll("extract(epoch from");
        try (var plan = sql.executeQuery("explain (generic_plan, format json) " + plannable)) {
            plan.next();
            return JSON.readTree(plan.getString(1)).get(0).get("Plan");
        }
    }

    /** What is wrong with the plan of a statement on tenant tables (empty: nothing); null when it touches none. */
    private static List<String> problems(JsonNode plan, String query, Set<String> tenantTables) {
        List<JsonNode> nodes = new ArrayList<>();
        collect(plan, nodes);
        String joins = String.join(" ", nodes.stream().flatMap(node -> JOIN_CONDITIONS.stream()
                .map(field -> node.path(field).asString(""))).toList());
        Map<String, String> insertedColumns = insertedColumns(query);
        List<String> problems = new ArrayList<>();
        boolean touches = false;
        boolean pinned = false;
        for (JsonNode node : nodes) {
            String table = node.path("Relation Name").asString("");
            if (!tenantTables.contains(table)) {
                continue;
            }
            touches = true;
            if (node.path("Node Type").asString().equals("ModifyTable")) {
                if (node.path("Operation").asString().equals("Insert")) {
                    if (insertedColumns.getOrDefault(table, "").contains("tenant_id")) {
                        pinned = true;
                    } else {
                        problems.add("insert into " + table + " without tenant_id");
                    }
                }
                continue;
            }
            String conditions = String.join(" ", SCAN_CONDITIONS.stream()
                    .map(field -> node.path(field).asString("")).toList());
            String alias = Pattern.quote(node.path("Alias").asString(table));
            if (PINNED.matcher(conditions).find()) {
                pinned = true;
            } else if (!Pattern.compile("(?<![\\w\"])tenant_id = \\w+\\.tenant_id\\b").matcher(conditions).find()
                    && !Pattern.compile("\\b" + alias + "\\.tenant_id = \\w+\\.tenant_id\\b|\\w+\\.tenant_id = "
                    + alias + "\\.tenant_id\\b").matcher(joins).find()) {
                problems.add(node.path("Node Type").asString() + " of " + table + " without tenant_id");
            }
        }
        if (!touches) {
            return null;
        }
        if (!pinned && problems.isEmpty()) {
            problems.add("joins on tenant_id but pins no agency");
        }
        return problems;
    }

    /**
     * The check by the statement's text, for the few that pg_stat_statements leaves unplannable (a constant of the
     * select list made a parameter while the same one in {@code group by} stays written in): every tenant table named
     * after {@code from} or {@code join} compares its tenant_id with a parameter, or with another table's tenant_id
     * while one of them does.
     */
    private static List<String> textProblems(String query, Set<String> tenantTables) {
        Set<String> named = new LinkedHashSet<>();
        Matcher table = NAMED_TABLE.matcher(query);
        while (table.find()) {
            if (tenantTables.contains(table.group(1))) {
                named.add(table.group(1));
            }
        }
        if (named.isEmpty()) {
            return null;
        }
        List<String> problems = new ArrayList<>();
        boolean pinned = false;
        for (String name : named) {
            String column = "\"?" + name + "\"?\\.\"?tenant_id\"?";
            if (Pattern.compile(column + " = (cast\\()?\\$\\d+").matcher(query).find()) {
                pinned = true;
            } else if (!Pattern.compile(column + " = \"?\\w+\"?\\.\"?tenant_id\\b|\"?\\w+\"?\\.\"?tenant_id\"? = "
                    + column).matcher(query).find()) {
                problems.add(name + " without tenant_id (by the statement's text: it cannot be planned)");
            }
        }
        if (!pinned && problems.isEmpty()) {
            problems.add("joins on tenant_id but pins no agency (by the statement's text)");
        }
        return problems;
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        into.add(node);
        for (JsonNode child : node.path("Plans")) {
            collect(child, into);
        }
    }

    /** The column list of each {@code insert into} of the statement, by table. */
    private static Map<String, String> insertedColumns(String query) {
        Map<String, String> columns = new HashMap<>();
        Matcher insert = INSERT.matcher(query);
        while (insert.find()) {
            columns.merge(insert.group(1), insert.group(2), String::concat);
        }
        return columns;
    }
}

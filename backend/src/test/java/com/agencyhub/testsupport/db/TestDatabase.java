package com.agencyhub.testsupport.db;

import com.agencyhub.shared.TenantId;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * The PostgreSQL server of a test run, started once per JVM: {@code TEST_DATABASE_URL} (a JDBC URL of a user
 * that may create roles and databases, with {@code TEST_DATABASE_USER}/{@code TEST_DATABASE_PASSWORD}), else a
 * Testcontainers PostgreSQL when Docker is there, else an embedded PostgreSQL. Each run gets a fresh database;
 * Flyway migrates it as the owner role and the application connects as the RLS-bound application role. The
 * containers and the embedded server load {@code pg_stat_statements}, which {@link TenantScopedStatements} reads.
 */
public final class TestDatabase {

    public static final String OWNER_PASSWORD = "owner-test-password";
    public static final String APP_PASSWORD = "app-test-password";
    public static final String PLATFORM_PASSWORD = "platform-test-password";

    /** The extension that records every statement the server runs (see {@link TenantScopedStatements}). */
    private static final String STATEMENT_STATISTICS = "pg_stat_statements";

    private static TestDatabase instance;

    private final String host;
    private final int port;
    private final String database;
    private final Admin admin;

    /** A user that may create roles and databases (a superuser, but for {@code TEST_DATABASE_URL} perhaps not). */
    private record Admin(String user, String password) {
    }

    private TestDatabase(String host, int port, String database, Admin admin) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.admin = admin;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestDatabase start() {
        String database = "agencyhub_test_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            String external = System.getenv("TEST_DATABASE_URL");
            if (external != null && !external.isBlank()) {
                URI uri = URI.create(external.substring("jdbc:".length()));
                Admin admin = new Admin(System.getenv("TEST_DATABASE_USER"), System.getenv("TEST_DATABASE_PASSWORD"));
                PostgresBootstrap.prepare(external, admin.user(), admin.password(), database, OWNER_PASSWORD,
                        APP_PASSWORD, PLATFORM_PASSWORD);
                return new TestDatabase(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), database, admin);
            }
            if (dockerAvailable()) {
                PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
                container.setCommand("postgres", "-c", "fsync=off",
                        "-c", "shared_preload_libraries=" + STATEMENT_STATISTICS);
                container.start();
                PostgresBootstrap.prepare(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                        database, OWNER_PASSWORD, APP_PASSWORD, PLATFORM_PASSWORD);
                return new TestDatabase(container.getHost(), container.getFirstMappedPort(), database,
                        new Admin(container.getUsername(), container.getPassword()));
            }
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setServerConfig("shared_preload_libraries", STATEMENT_STATISTICS).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (Exception e) {
                    // the JVM is going away; the temporary cluster folder is removed by zonky where it can
                }
            }));
            PostgresBootstrap.prepare(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres",
                    database, OWNER_PASSWORD, APP_PASSWORD, PLATFORM_PASSWORD);
            return new TestDatabase("localhost", embedded.getPort(), database, new Admin("postgres", "postgres"));
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test database", e);
        }
    }

    /** Only asks Testcontainers when a Docker endpoint exists, so machines without Docker log no errors. */
    private static boolean dockerAvailable() {
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))
                && !new File(System.getProperty("user.home"), ".docker/run/docker.sock").exists()) {
            return false;
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Work on a JDBC connection; may throw what JDBC throws. */
    public interface AgencyWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction as the application role in {@code agency}'s row-level-security scope: for
     * test data written or read straight in SQL, under the same walls as the application.
     */
    public <T> T inAgency(TenantId agency, AgencyWork<T> work) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), PostgresBootstrap.APP, APP_PASSWORD)) {
            connection.setAutoCommit(false);
            try (PreparedStatement scope = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                scope.setString(1, agency.value().toString());
                scope.execute();
            }
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A connection to the run's database as the user that prepared it, for what only a superuser may read. It sends
     * statements as simple queries, so that the {@code $1} of a recorded statement reach the server as written.
     */
    public Connection asAdmin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl() + "?preferQueryMode=simple", admin.user(), admin.password());
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /**
     * Migrates the schema as the backend does at its start (Flyway as the owner role), for tests that use the
     * database without starting the backend. Migrating again changes nothing.
     */
    public TestDatabase migrated() {
        Flyway.configure()
                .dataSource(jdbcUrl(), PostgresBootstrap.OWNER, OWNER_PASSWORD)
                .placeholders(Map.of("appRole", PostgresBootstrap.APP, "platformRole", PostgresBootstrap.PLATFORM))
                .load()
                .migrate();
        return this;
    }

    /** Points R2DBC (application and platform roles) and Flyway (owner role) at this database. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.r2dbc.url", this::r2dbcUrl);
        registry.add("spring.r2dbc.username", () -> PostgresBootstrap.APP);
        registry.add("spring.r2dbc.password", () -> APP_PASSWORD);
        registry.add("agencyhub.platform-database.username", () -> PostgresBootstrap.PLATFORM);
        registry.add("agencyhub.platform-database.password", () -> PLATFORM_PASSWORD);
        registry.add("spring.flyway.url", this::jdbcUrl);
        registry.add("spring.flyway.user", () -> PostgresBootstrap.OWNER);
        registry.add("spring.flyway.password", () -> OWNER_PASSWORD);
    }
}

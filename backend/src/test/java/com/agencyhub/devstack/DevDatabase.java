package com.agencyhub.devstack;

import com.agencyhub.testsupport.db.PostgresBootstrap;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

/**
 * The dev stack's PostgreSQL: {@code AGENCYHUB_DEV_POSTGRES_URL} (a JDBC URL of a user that may create roles
 * and databases, with {@code AGENCYHUB_DEV_POSTGRES_USER}/{@code _PASSWORD}) or an embedded server whose data
 * stays in {@code .devstack/postgres} between runs, on port 5433 ({@code AGENCYHUB_DEV_POSTGRES_PORT}).
 */
final class DevDatabase implements AutoCloseable {

    static final String DATABASE = "agencyhub";
    static final String OWNER_PASSWORD = "agencyhub-owner-dev";
    static final String APP_PASSWORD = "agencyhub-app-dev";
    static final String PLATFORM_PASSWORD = "agencyhub-platform-dev";
    private static final int DEFAULT_PORT = 5433;

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;

    private DevDatabase(EmbeddedPostgres embedded, String host, int port) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
    }

    static DevDatabase start(Path dataDirectory) throws IOException, SQLException {
        String external = System.getenv("AGENCYHUB_DEV_POSTGRES_URL");
        if (external != null && !external.isBlank()) {
            PostgresBootstrap.prepare(external, System.getenv("AGENCYHUB_DEV_POSTGRES_USER"),
                    System.getenv("AGENCYHUB_DEV_POSTGRES_PASSWORD"), DATABASE, OWNER_PASSWORD, APP_PASSWORD,
                    PLATFORM_PASSWORD);
            URI uri = URI.create(external.substring("jdbc:".length()));
            return new DevDatabase(null, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
        }
        String configuredPort = System.getenv("AGENCYHUB_DEV_POSTGRES_PORT");
        int port = configuredPort == null || configuredPort.isBlank() ? DEFAULT_PORT : Integer.parseInt(configuredPort);
        EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        PostgresBootstrap.prepare(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", DATABASE,
                OWNER_PASSWORD, APP_PASSWORD, PLATFORM_PASSWORD);
        return new DevDatabase(embedded, "localhost", port);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + DATABASE;
    }

    /** Where the application and platform (RLS-bound roles) and Flyway (owner role) connect. */
    Map<String, Object> springProperties() {
        return Map.of(
                "agencyhub.platform-database.username", PostgresBootstrap.PLATFORM,
                "agencyhub.platform-database.password", PLATFORM_PASSWORD,
                "spring.r2dbc.url", "r2dbc:postgresql://" + host + ":" + port + "/" + DATABASE,
                "spring.r2dbc.username", PostgresBootstrap.APP,
                "spring.r2dbc.password", APP_PASSWORD,
                "spring.flyway.url", jdbcUrl(),
                "spring.flyway.user", PostgresBootstrap.OWNER,
                "spring.flyway.password", OWNER_PASSWORD);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}

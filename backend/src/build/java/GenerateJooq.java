import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Build step (run by exec-maven-plugin as a single-file Java program): applies the Flyway migrations to a
 * throw-away embedded PostgreSQL and generates the jOOQ classes from the resulting schema. jOOQ's DDL
 * simulation cannot read row-level security or exclusion constraints, so the real database is the source.
 * Skips the work when the migrations have not changed since the last generation.
 *
 * Arguments: migration folder, output folder.
 */
public class GenerateJooq {

    private static final String PACKAGE = "com.agencyhub.jooq";
    /** Bump when the generator settings below change, so that existing output is regenerated. */
    private static final String SETTINGS_REVISION = "1";

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Path stamp = output.resolve(".migrations.sha256");
        String fingerprint = fingerprint(migrations);
        if (Files.exists(stamp) && Files.readString(stamp).equals(fingerprint)) {
            System.out.println("jOOQ classes are up to date with " + migrations);
            return;
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            try (var connection = DriverManager.getConnection(url, "postgres", "postgres");
                 var statement = connection.createStatement()) {
                // the migrations grant to the application and platform roles, which a DBA creates outside Flyway
                statement.execute("create role agencyhub_app nologin");
                statement.execute("create role agencyhub_platform nologin");
            }
            Flyway.configure()
                    .dataSource(url, "postgres", "postgres")
                    .locations("filesystem:" + migrations)
                    .placeholders(Map.of("appRole", "agencyhub_app", "platformRole", "agencyhub_platform"))
                    .load()
                    .migrate();
            GenerationTool.generate(configuration(url, output));
        }
        Files.writeString(stamp, fingerprint);
    }

    private static Configuration configuration(String url, Path output) {
        return new Configuration()
                .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url)
                        .withUser("postgres").withPassword("postgres"))
                .withGenerator(new Generator()
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.postgres.PostgresDatabase")
                                .withInputSchema("public")
                                .withOutputSchemaToDefault(true)
                                .withExcludes("flyway_schema_history")
                                .withForcedTypes(new ForcedType()
                                        .withName("INSTANT")
                                        .withIncludeTypes("(?i:timestamp\\ with\\ time\\ zone|timestamptz)")))
                        .withGenerate(new Generate()
                                .withRecords(true)
                                .withPojos(false)
                                .withDaos(false)
                                .withRoutines(false)
                                .withJavaTimeTypes(true))
                        .withTarget(new Target()
                                .withPackageName(PACKAGE)
                                .withDirectory(output.toString())
                                .withClean(true)));
    }

    private static String fingerprint(Path migrations) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(SETTINGS_REVISION.getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.sorted().toList()) {
                digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}

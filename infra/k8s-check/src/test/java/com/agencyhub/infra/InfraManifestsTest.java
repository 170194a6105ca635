package com.agencyhub.infra;

import com.agencyhub.infra.Kustomization.Manifest;
import io.kubernetes.client.custom.Quantity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** infra/k8s as rendered by Kustomize: valid objects, and the deployment decisions they carry kept true. */
class InfraManifestsTest {

    static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
    static final List<Manifest> MANIFESTS = Kustomization.render(REPOSITORY.resolve("infra/k8s"));

    /** Resident size after load, without the CDS archive and the arena limit (docs/operations.md, "JVM settings"). */
    private static final BigDecimal MEASURED_RSS_BYTES = BigDecimal.valueOf(417_000_000L);

    @Test
    void everyObjectPassesTheSchemaOfItsKind() {
        assertThat(MANIFESTS).hasSizeGreaterThan(15);
        assertThat(MANIFESTS).allSatisfy(manifest ->
                assertThat(ManifestSchemas.problems(manifest.object())).as(manifest.toString()).isEmpty());
    }

    @Test
    void theRestoreTemplatePassesTheSchemaToo() {
        List<Manifest> restore = Kustomization.readAll(
                REPOSITORY.resolve("infra/k8s/restore/agencyhub-db-restore.yaml"));
        assertThat(restore).singleElement().satisfies(manifest ->
                assertThat(ManifestSchemas.problems(manifest.object())).as(manifest.toString()).isEmpty());
    }

    @Test
    void atLeastTwoBackendInstancesSurviveDrainsAndTheAutoscaler() {
        JsonNode deployment = object("Deployment", "agencyhub-backend");
        JsonNode autoscaler = object("HorizontalPodAutoscaler", "agencyhub-backend");
        JsonNode budget = object("PodDisruptionBudget", "agencyhub-backend");
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");

        assertThat(deployment.at("/spec/replicas").isMissingNode()).as("the autoscaler owns the count").isTrue();
        assertThat(autoscaler.at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(autoscaler.at("/spec/scaleTargetRef/name").asString()).isEqualTo("agencyhub-backend");
        assertThat(autoscaler.at("/spec/scaleTargetRef/kind").asString()).isEqualTo("Deployment");
        assertThat(budget.at("/spec/maxUnavailable").asInt())
                .isLessThan(autoscaler.at("/spec/minReplicas").asInt());
        assertThat(selects(budget.at("/spec/selector/matchLabels"), podLabels)).isTrue();
        assertThat(selects(object("Service", "agencyhub-backend").at("/spec/selector"), podLabels)).isTrue();
    }

    @Test
    void memoryIsSizedFromTheMeasuredResidentSize() {
        JsonNode container = backendContainer();
        Quantity request = new Quantity(container.at("/resources/requests/memory").asString());
        Quantity limit = new Quantity(container.at("/resources/limits/memory").asString());

        assertThat(request).as("request = limit").isEqualTo(limit);
        assertThat(limit.getNumber()).as("15 % above the measured 417 MB")
                .isGreaterThanOrEqualTo(MEASURED_RSS_BYTES.multiply(BigDecimal.valueOf(1.15)));
        assertThat(config().path("JDK_JAVA_OPTIONS").asString()).as("the heap the measurement used")
                .contains("-Xmx128m");
    }

    @Test
    void terminationOutlastsTheEndpointDrainAndTheGracefulShutdown() throws IOException {
        JsonNode pod = object("Deployment", "agencyhub-backend").at("/spec/template/spec");
        long pause = backendContainer().at("/lifecycle/preStop/sleep/seconds").asLong();
        Duration shutdown = Duration.ofSeconds(Long.parseLong(applicationSetting(
                "timeout-per-shutdown-phase").replace("s", "")));

        assertThat(pause).isGreaterThanOrEqualTo(5);
        assertThat(pod.path("terminationGracePeriodSeconds").asLong())
                .isGreaterThan(pause + shutdown.toSeconds());
    }

    @Test
    void probesAskTheManagementPort() throws IOException {
        JsonNode container = backendContainer();
        int management = 0;
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asString().equals("management")) {
                management = port.path("containerPort").asInt();
            }
        }
        assertThat(management).isEqualTo(Integer.parseInt(applicationSetting("port", "management")));
        assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
        assertThat(container.at("/startupProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
        assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/readiness");
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertThat(container.at("/" + probe + "/httpGet/port").asString()).isEqualTo("management");
        }
    }

    @Test
    void everyRequiredSettingOfTheConfigurationReferenceIsSet() throws IOException {
        Set<String> set = new TreeSet<>();
        config().propertyNames().forEach(set::add);
        backendContainer().path("env").forEach(variable -> set.add(variable.path("name").asString()));

        Set<String> required = requiredVariables();
        assertThat(required).contains("SPRING_R2DBC_URL", "SPRING_FLYWAY_PASSWORD", "AGENCYHUB_KEYCLOAK_CLIENTSECRET");
        assertThat(set).containsAll(required);
    }

    @Test
    void secretsAreReferencedNeverInlinedAndEachIsDocumented() throws IOException {
        assertThat(MANIFESTS).noneMatch(manifest -> manifest.kind().equals("Secret"));
        for (JsonNode variable : backendContainer().path("env")) {
            assertThat(variable.has("value")).as(variable.path("name").asString() + " from a Secret").isFalse();
        }
        assertThat(config().propertyNames()).noneMatch(name -> name.contains("PASSWORD") || name.contains("SECRET"));

        Set<String> referenced = new TreeSet<>();
        MANIFESTS.forEach(manifest -> collectSecretNames(manifest.object(), null, referenced));
        String guide = Files.readString(REPOSITORY.resolve("docs/deployment.md"));
        assertThat(referenced).contains("agencyhub-app-credentials", "agencyhub-owner-credentials", "agencyhub-backup-store",
                "keycloak-db-app", "agencyhub-keycloak-client");
        assertThat(referenced).allSatisfy(name -> assertThat(guide).as("docs/deployment.md names " + name)
                .contains("`" + name + "`"));
    }

    @Test
    void theClusterBootstrapKeepsTheRolesOfRolesSql() throws IOException {
        String bootstrap = object("ConfigMap", "agencyhub-db-roles").at("/data/roles.sql").asString();
        List<String> rolesSql = Files.readAllLines(REPOSITORY.resolve("infra/sql/roles.sql"));
        List<String> settings = rolesSql.stream().filter(line -> line.startsWith("alter role")).toList();

        assertThat(settings).hasSizeGreaterThanOrEqualTo(4);
        assertThat(bootstrap.lines().toList()).containsAll(settings);
        assertThat(bootstrap).contains("grant connect on database agencyhub to agencyhub_app, agencyhub_platform;");

        JsonNode cluster = object("Cluster", "agencyhub-db");
        assertThat(cluster.at("/spec/bootstrap/initdb/owner").asString()).isEqualTo("agencyhub_owner");
        List<String> managed = new ArrayList<>();
        for (JsonNode role : cluster.at("/spec/managed/roles")) {
            managed.add(role.path("name").asString());
            assertThat(role.path("login").asBoolean()).isTrue();
            for (String power : List.of("superuser", "createdb", "createrole", "bypassrls")) {
                assertThat(role.path(power).asBoolean(true)).as(role.path("name") + " " + power).isFalse();
            }
            assertThat(role.has("inRoles")).as("the two roles stay unrelated").isFalse();
        }
        assertThat(managed).containsExactlyInAnyOrder("agencyhub_app", "agencyhub_platform");
    }

    @Test
    void connectionsOfAllInstancesFitTheDatabase() {
        JsonNode config = config();
        int perInstance = config.path("SPRING_R2DBC_POOL_MAXSIZE").asInt()
                + config.path("AGENCYHUB_PLATFORMDATABASE_MAXSIZE").asInt()
                + config.path("AGENCYHUB_RATELIMITS_POOLSIZE").asInt()
                + 1; // the LISTEN connection
        int instances = object("HorizontalPodAutoscaler", "agencyhub-backend").at("/spec/maxReplicas").asInt()
                + 1; // maxSurge during a rolling update
        int maxConnections = Integer.parseInt(object("Cluster", "agencyhub-db")
                .at("/spec/postgresql/parameters/max_connections").asString());

        assertThat(instances * perInstance).isLessThanOrEqualTo(maxConnections - 20);
    }

    @Test
    void sessionsNeverGoThroughATransactionPooler() {
        Set<String> transactionPoolers = new TreeSet<>();
        MANIFESTS.stream().filter(manifest -> manifest.kind().equals("Pooler"))
                .filter(pooler -> pooler.object().at("/spec/pgbouncer/poolMode").asString().equals("transaction"))
                .forEach(pooler -> transactionPoolers.add(pooler.name()));
        assertThat(transactionPoolers).isNotEmpty();

        JsonNode config = config();
        String flywayHost = host(config.path("SPRING_FLYWAY_URL").asString());
        String appHost = host(config.path("SPRING_R2DBC_URL").asString());
        assertThat(List.of(flywayHost, appHost)).doesNotContainNull();
        assertThat(transactionPoolers).as("Flyway holds a session lock").doesNotContain(flywayHost);
        if (transactionPoolers.contains(appHost)) {
            assertThat(config.path("AGENCYHUB_MEMBERS_CACHEGRANTS").asString())
                    .as("LISTEN needs a session: no grant cache behind a transaction pooler").isEqualTo("false");
        }
    }

    @Test
    void theRealmImportIsTheDevRealmWithItsProductionChanges() throws IOException {
        JsonMapper json = new JsonMapper();
        ObjectNode dev = (ObjectNode) json.readTree(REPOSITORY.resolve("infra/keycloak/agencyhub-realm.json")
                .toFile());
        ObjectNode production = (ObjectNode) object("KeycloakRealmImport", "agencyhub-realm").at("/spec/realm").deepCopy();

        assertThat(production.has("users")).as("no dev users, no passwords").isFalse();
        assertThat(production.at("/smtpServer/password").asString()).startsWith("${");
        Map<String, ObjectNode> devClients = clients(dev);
        Map<String, ObjectNode> clients = clients(production);
        assertThat(clients.keySet()).isEqualTo(devClients.keySet());
        assertThat(clients.get("agencyhub-backend").path("secret").asString())
                .isEqualTo("${AGENCYHUB_BACKEND_CLIENT_SECRET}");
        ObjectNode web = clients.get("agencyhub-web");
        assertThat(web.path("directAccessGrantsEnabled").asBoolean(true)).isFalse();
        assertThat(web.toString()).doesNotContain("localhost", "127.0.0.1");

        assertThat(production.path("bruteForceProtected").asBoolean()).isTrue();

        // everything else is the dev realm's
        for (String changed : List.of("users", "smtpServer", "clients", "bruteForceProtected")) {
            dev.remove(changed);
            production.remove(changed);
        }
        assertThat(production).isEqualTo(dev);
        for (String clientId : clients.keySet()) {
            for (String changed : List.of("secret", "description", "directAccessGrantsEnabled", "rootUrl",
                    "redirectUris", "webOrigins")) {
                devClients.get(clientId).remove(changed);
                clients.get(clientId).remove(changed);
            }
            devClients.get(clientId).withObject("/attributes").remove("post.logout.redirect.uris");
            clients.get(clientId).withObject("/attributes").remove("post.logout.redirect.uris");
            assertThat(clients.get(clientId)).as(clientId).isEqualTo(devClients.get(clientId));
        }
    }

    /** The host of a JDBC or R2DBC URL ({@code jdbc:postgresql://host:port/db}). */
    private static String host(String url) {
        return URI.create(url.substring(url.indexOf(':') + 1)).getHost();
    }

    private static Map<String, ObjectNode> clients(JsonNode realm) {
        Map<String, ObjectNode> clients = new HashMap<>();
        realm.path("clients").forEach(client -> clients.put(client.path("clientId").asString(), (ObjectNode) client));
        return clients;
    }

    private static JsonNode object(String kind, String name) {
        return MANIFESTS.stream().filter(manifest -> manifest.kind().equals(kind) && manifest.name().equals(name))
                .map(Manifest::object).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in infra/k8s"));
    }

    private static JsonNode config() {
        return object("ConfigMap", "agencyhub-backend").path("data");
    }

    private static JsonNode backendContainer() {
        return object("Deployment", "agencyhub-backend").at("/spec/template/spec/containers/0");
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        List<Map.Entry<String, JsonNode>> required = new ArrayList<>(selector.properties());
        return !required.isEmpty() && required.stream()
                .allMatch(entry -> labels.path(entry.getKey()).asString().equals(entry.getValue().asString()));
    }

    /** A value of backend/src/main/resources/application.yml, by the names on its path. */
    private static String applicationSetting(String... path) throws IOException {
        JsonNode settings = Kustomization.YAML.readTree(
                REPOSITORY.resolve("backend/src/main/resources/application.yml").toFile());
        return switch (path.length) {
            case 1 -> settings.at("/spring/lifecycle/" + path[0]).asString();
            default -> settings.at("/" + path[1] + "/server/" + path[0]).asString();
        };
    }

    /**
     * The environment variables of the settings docs/configuration.md marks as required, in Spring Boot's canonical
     * form (dots become underscores, dashes go: {@code agencyhub.auth.jwk-set-uri} is
     * {@code AGENCYHUB_AUTH_JWKSETURI}), derived from the property names of the table's first column. A row may
     * name siblings after the first: {@code `spring.r2dbc.username` / `password`}.
     */
    private static Set<String> requiredVariables() throws IOException {
        Set<String> variables = new TreeSet<>();
        Pattern name = Pattern.compile("`([a-z0-9.\\-]+)`");
        for (String row : Files.readAllLines(REPOSITORY.resolve("docs/configuration.md"))) {
            if (!row.startsWith("|") || !row.contains("**required**")) {
                continue;
            }
            String first = null;
            Matcher names = name.matcher(row.split("\\|")[1]);
            while (names.find()) {
                String property = names.group(1);
                if (first == null) {
                    first = property;
                } else if (!property.contains(".")) {
                    property = first.substring(0, first.lastIndexOf('.') + 1) + property;
                }
                variables.add(property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT));
            }
        }
        return variables;
    }

    private static void collectSecretNames(JsonNode node, String field, Set<String> names) {
        Set<String> referenceObjects = Set.of("secretKeyRef", "passwordSecret", "usernameSecret", "accessKeyId",
                "secretAccessKey", "secret");
        if ("realm".equals(field)) {
            return; // Keycloak's realm representation: its client "secret" is a value, not a Secret's name
        }
        if (node.isObject()) {
            if (field != null && referenceObjects.contains(field) && node.has("name")) {
                names.add(node.path("name").asString());
            }
            node.properties().forEach(entry -> collectSecretNames(entry.getValue(), entry.getKey(), names));
        } else if (node.isArray()) {
            node.forEach(item -> collectSecretNames(item, field, names));
        } else if (node.isString() && field != null && Set.of("secretName", "tlsSecret", "secret").contains(field)) {
            names.add(node.asString());
        }
    }
}

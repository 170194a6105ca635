package com.agencyhub.devstack;

import com.agencyhub.AgencyHubApplication;
import com.agencyhub.testsupport.keycloak.KeycloakServer;
import com.agencyhub.testsupport.mail.MailServer;
import com.agencyhub.testsupport.mail.ReceivedEmail;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole product on one machine: embedded PostgreSQL and Keycloak (both keep their data in
 * {@code .devstack/}), a mail server on port 1025 that prints Keycloak's emails, the backend on port 8080 and the
 * demo data. Started by
 * {@code ./mvnw -pl backend -am spring-boot:test-run} (or {@code infra/dev/start}); Ctrl-C or
 * {@code infra/dev/stop} stops everything.
 * {@code KEYCLOAK_URL} and {@code AGENCYHUB_DEV_POSTGRES_URL} use servers of your own instead.
 */
public final class DevStack {

    private DevStack() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Path repository = KeycloakServer.findRepositoryRoot();
        DevDatabase database = DevDatabase.start(repository.resolve(".devstack/postgres"));
        KeycloakServer keycloak = null;
        String keycloakUrl = System.getenv("KEYCLOAK_URL");
        if (keycloakUrl == null || keycloakUrl.isBlank()) {
            keycloak = KeycloakServer.dev().start();
            keycloakUrl = keycloak.url();
        }

        MailServer mail = startMailServer();

        SpringApplication application = new SpringApplication(AgencyHubApplication.class, DemoData.class);
        application.setRegisterShutdownHook(false);
        application.setDefaultProperties(properties(database, keycloakUrl));
        ConfigurableApplicationContext context;
        try {
            context = application.run(args);
        } catch (RuntimeException failure) {
            stop(null, keycloak, mail, database);
            throw failure;
        }

        KeycloakServer ownKeycloak = keycloak;
        Path pidFile = repository.resolve(".devstack/devstack.pid");
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(context, ownKeycloak, mail, database);
            pidFile.toFile().delete();
        }, "dev-stack-stop"));
        printWelcome(keycloakUrl, mail != null, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The realm sends mail to 127.0.0.1:1025; a mail catcher of the developer's own may already listen there. */
    private static MailServer startMailServer() {
        if (MailServer.portTaken()) {
            System.out.printf("Port %s:%d is taken (a mail catcher such as Mailpit?): not starting the dev mail "
                    + "server; Keycloak's emails go there.%n", MailServer.HOST, MailServer.PORT);
            return null;
        }
        MailServer mail = MailServer.start();
        mail.forEachNewEmail(DevStack::printEmail);
        return mail;
    }

    private static void printEmail(ReceivedEmail email) {
        StringBuilder text = new StringBuilder("\n---- email to ").append(String.join(", ", email.to()))
                .append(": ").append(email.subject()).append('\n');
        email.links().forEach(link -> text.append("  ").append(link).append('\n'));
        if (email.links().isEmpty()) { // notifications say everything in their text; Keycloak's mails in their link
            email.text().lines().forEach(line -> text.append("  ").append(line).append('\n'));
        }
        System.out.println(text);
    }

    private static Map<String, Object> properties(DevDatabase database, String keycloakUrl) {
        String issuer = keycloakUrl + "/realms/" + KeycloakServer.REALM;
        Map<String, Object> properties = new HashMap<>(database.springProperties());
        properties.put("agencyhub.auth.issuer", issuer);
        properties.put("agencyhub.auth.jwk-set-uri", issuer + "/protocol/openid-connect/certs");
        properties.put("agencyhub.keycloak.server-url", keycloakUrl);
        return properties;
    }

    private static void stop(ConfigurableApplicationContext context, KeycloakServer keycloak, MailServer mail,
                             DevDatabase database) {
        if (context != null) {
            context.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (mail != null) {
            mail.close();
        }
        try {
            database.close();
        } catch (Exception e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    private static void printWelcome(String keycloakUrl, boolean ownMailServer, Duration startup) {
        String emails = (ownMailServer ? "printed here with their links" : "sent to your mail catcher")
                + " (SMTP " + MailServer.HOST + ":" + MailServer.PORT + ")";
        String tokenUrl = keycloakUrl + "/realms/" + KeycloakServer.REALM + "/protocol/openid-connect/token";
        System.out.printf("""

                ==================================================================================
                 AgencyHub is running (ready in %d s)
                   API             http://localhost:8080/v1
                   API docs        http://localhost:8080/api/docs/index.html
                   Keycloak        %s   (admin console: admin / admin)
                   Emails          %s
                 Demo users (realm agencyhub)
                   agency admin    %s / %s   (agency "Northwind Social")
                   staff           jonas@northwind.test, lea@northwind.test / %s
                   client user     %s / %s   (sees brand Alpenmilch only)
                   second agency   %s / %s   (agency "Southside Media")
                   two agencies    %s   (social-media manager at Northwind, manager at Southside:
                                   ask for scope "organization:*" and name the agency in X-Agency-Id)
                   platform admin  %s / %s
                 Try it:
                   TOKEN=$(curl -s %s \\
                     -d grant_type=password -d client_id=%s \\
                     -d username=%s -d password=%s | jq -r .access_token)
                   curl -s -H "Authorization: Bearer $TOKEN" http://localhost:8080/v1/me | jq
                 Ctrl-C (or infra/dev/stop) stops everything; data stays in .devstack/.
                ==================================================================================
                %n""", startup.toSeconds(), keycloakUrl, emails, DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD,
                DemoData.STAFF_PASSWORD, DemoData.CLIENT_EMAIL, DemoData.CLIENT_PASSWORD,
                DemoData.SECOND_ADMIN_EMAIL, DemoData.ADMIN_PASSWORD, DemoData.TWO_AGENCIES_EMAIL,
                KeycloakServer.PLATFORM_ADMIN_USERNAME, KeycloakServer.PLATFORM_ADMIN_DEV_PASSWORD, tokenUrl,
                KeycloakServer.WEB_CLIENT_ID, DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
    }
}

package com.agencyhub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The jar carries the bundled contract and a Swagger UI page whose assets are on the classpath. */
class PackagedContractTest {

    private static String resource(String path) throws IOException {
        try (InputStream in = PackagedContractTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as("classpath resource %s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void bundledContractIsOnTheClasspathWhereWebFluxServesIt() throws IOException {
        String contract = resource("META-INF/resources/api/openapi.yaml");

        assertThat(contract).startsWith("openapi: 3.1.0");
        assertThat(contract).contains(
                "operationId: getMe", "operationId: createAgency", "operationId: listAgencies",
                "operationId: getAgency", "operationId: getOwnAgency", "operationId: updateOwnAgency",
                "operationId: listAuditEvents");
        assertThat(contract).as("bundled into one file").doesNotContain("$ref: ./", "$ref: '../");
    }

    @Test
    void docsPageUsesTheSwaggerUiWebjarAndTheBundledContract() throws IOException {
        String page = resource("META-INF/resources/api/docs/index.html");
        String script = resource("META-INF/resources/api/docs/agencyhub-docs.js");

        assertThat(page).doesNotContain("@swagger-ui.version@").doesNotContain("https://");
        assertThat(script).contains("url: '/api/openapi.yaml'");

        Matcher asset = Pattern.compile("(?:href|src)=\"/webjars/([^\"]+)\"").matcher(page);
        int assets = 0;
        while (asset.find()) {
            resource("META-INF/resources/webjars/" + asset.group(1));
            assets++;
        }
        assertThat(assets).as("stylesheet, icon and two scripts from the webjar").isEqualTo(4);
        assertThat(page).contains("src=\"/api/docs/agencyhub-docs.js\"");
    }
}

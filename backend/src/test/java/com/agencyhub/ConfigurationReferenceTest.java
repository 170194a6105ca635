package com.agencyhub;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md is complete and right about environment variables, so that a container is configured by its
 * environment alone: each documented variable sets its property through Spring Boot's relaxed binding, and every
 * property of the backend's {@code @ConfigurationProperties} records has a row.
 */
class ConfigurationReferenceTest {

    private static final Path REFERENCE = Path.of("..", "docs", "configuration.md");
    /** A table row: | `property` (maybe **required**) | `ENV_VARIABLE` | ... */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z][^`<]*)`[^|]*\\| `([A-Z][A-Z0-9_]*)`");
    private static final String SAMPLE = "sample-value";

    @Test
    void eachDocumentedVariableSetsItsProperty() throws IOException {
        Map<String, String> variables = documentedVariables();
        assertThat(variables).hasSizeGreaterThan(60);

        variables.forEach((property, variable) ->
                assertThat(boundFrom(variable, property)).as("%s sets %s", variable, property).isEqualTo(SAMPLE));
    }

    @Test
    void everyPropertyTheBackendReadsIsDocumented() throws IOException {
        Set<String> documented = documentedVariables().keySet();
        Set<String> read = new TreeSet<>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        scanner.findCandidateComponents("com.agencyhub").forEach(candidate -> {
            Class<?> type = load(candidate.getBeanClassName());
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            collect(prefix, type, read);
        });

        assertThat(read).hasSizeGreaterThan(40);
        assertThat(documented).containsAll(read);
    }

    private static void collect(String prefix, Class<?> type, Set<String> properties) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            if (component.getType().isRecord() && component.getType().getPackageName().startsWith("com.agencyhub")) {
                collect(name, component.getType(), properties);
            } else {
                properties.add(name);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    /** The value the property gets when only this environment variable is set, as Spring Boot binds it. */
    private static String boundFrom(String variable, String property) {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.forEach(source -> sources.remove(source.getName()));
        sources.addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, SAMPLE)));
        ConfigurationPropertySources.attach(environment);
        Binder binder = Binder.get(environment);
        int key = property.indexOf('[');
        if (key < 0) {
            return binder.bind(property, String.class).orElse(null);
        }
        // a map entry such as spring.mail.properties[mail.smtp.starttls.enable]
        Map<String, String> map = binder.bind(property.substring(0, key), Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        return map.get(property.substring(key + 1, property.length() - 1));
    }

    private static Map<String, String> documentedVariables() throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : Files.readAllLines(REFERENCE)) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                variables.put(row.group(1), row.group(2));
            }
        }
        return variables;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}

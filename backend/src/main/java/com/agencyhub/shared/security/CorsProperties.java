package com.agencyhub.shared.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Which browser front ends on other origins may call the API.
 *
 * @param allowedOrigins exact origins such as {@code https://app.example.com}; none means no cross-origin calls
 * @param maxAge         how long a browser may cache a preflight answer
 */
@ConfigurationProperties("agencyhub.cors")
public record CorsProperties(List<String> allowedOrigins, Duration maxAge) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        maxAge = maxAge == null ? Duration.ofHours(1) : maxAge;
    }
}

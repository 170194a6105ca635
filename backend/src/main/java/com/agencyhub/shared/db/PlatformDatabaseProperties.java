package com.agencyhub.shared.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform role's connection: same server and database as {@code spring.r2dbc.url}, another role.
 *
 * @param username the platform role ({@code agencyhub_platform}); see infra/sql/roles.sql
 * @param password its password
 * @param maxSize  connections in its pool; cross-agency work is rare (onboarding, resolving a person's agencies)
 */
@ConfigurationProperties("agencyhub.platform-database")
public record PlatformDatabaseProperties(String username, String password, Integer maxSize) {

    public PlatformDatabaseProperties {
        maxSize = maxSize == null ? 4 : maxSize;
    }
}

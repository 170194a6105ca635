package com.agencyhub.shared.db;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The second, small pool that runs cross-agency work as the platform role. It is deliberately not a
 * {@link ConnectionFactory} bean: nothing but {@link Transactions#asPlatform} can reach it, and Spring Boot keeps
 * configuring the application role's pool as usual.
 */
@Component
@EnableConfigurationProperties(PlatformDatabaseProperties.class)
class PlatformDatabase implements DisposableBean {

    private final TimedConnections pool;

    PlatformDatabase(R2dbcProperties application, PlatformDatabaseProperties platform,
                     @Value(ConnectionWaits.MAX_WAIT) Duration maxWait) {
        ConnectionFactoryOptions options = RoleConnections.to(application.getUrl(), platform.username(),
                platform.password()).build();
        ConnectionFactory connections = ConnectionFactories.get(options);
        this.pool = new TimedConnections(new ConnectionPool(ConnectionPoolConfiguration.builder(connections)
                .name("platform")
                .initialSize(0)
                .maxSize(platform.maxSize())
                .maxIdleTime(Duration.ofMinutes(10))
                .build()), maxWait);
    }

    ConnectionFactory connections() {
        return pool;
    }

    @Override
    public void destroy() {
        pool.dispose();
    }
}

package com.agencyhub.shared.db;

import io.r2dbc.pool.ConnectionPool;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * The application role's pool, made by Spring Boot from {@code spring.r2dbc.*}, waited for through
 * {@link TimedConnections}: {@code agencyhub.database.max-acquire-time} (default 5 s) instead of the pool's own
 * {@code spring.r2dbc.pool.max-acquire-time}, which is left unset.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionWaits {

    static final String MAX_WAIT = "${agencyhub.database.max-acquire-time:5s}";

    @Bean
    static BeanPostProcessor timedApplicationPool(@Value(MAX_WAIT) Duration maxWait) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof ConnectionPool pool ? new TimedConnections(pool, maxWait) : bean;
            }
        };
    }
}

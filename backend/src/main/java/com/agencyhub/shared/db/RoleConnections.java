package com.agencyhub.shared.db;

import io.r2dbc.spi.ConnectionFactoryOptions;

/**
 * Options for connections of our own (the platform pool, the listening connection) to the server of
 * {@code spring.r2dbc.url}, as the given role.
 */
final class RoleConnections {

    private RoleConnections() {
    }

    static ConnectionFactoryOptions.Builder to(String url, String user, String password) {
        return ConnectionFactoryOptions.parse(url).mutate()
                .option(ConnectionFactoryOptions.USER, user)
                .option(ConnectionFactoryOptions.PASSWORD, password);
    }
}

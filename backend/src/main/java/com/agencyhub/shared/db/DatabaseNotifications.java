package com.agencyhub.shared.db;

import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Option;
import io.r2dbc.spi.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * PostgreSQL's LISTEN/NOTIFY for what an instance keeps in memory and another instance may change: each instance
 * holds one connection of its own (not a pooled one: LISTEN belongs to a session) that listens on the channels of
 * every {@link Listener} bean, and hands each notification to the channel's listener.
 *
 * <p>A listener also hears when listening starts and when it stops. In between, every change committed after
 * {@code LISTEN} reaches it; outside, changes may go unheard, so it must not trust what it remembers. The
 * connection is checked every few seconds, and a lost one is replaced with growing pauses (up to ten seconds).
 */
@Component
public class DatabaseNotifications implements SmartLifecycle {

    /** Something kept in memory that changes in the database can make stale. */
    public interface Listener {

        /** The notification channel (a lower-case SQL identifier). */
        String channel();

        /** A change was committed; the payload says which. */
        void notified(String payload);

        /** Listening (again): changes from now on are heard, but anything remembered from before may be stale. */
        void listening();

        /** Not listening: changes may go unheard until {@link #listening()}. */
        void deaf();
    }

    /** How the listening connection shows in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "agencyhub-notifications";

    private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(2);

    private final ConnectionFactory connections;
    private final Map<String, Listener> listeners;
    private volatile Disposable session;

    DatabaseNotifications(R2dbcProperties database, List<Listener> listeners) {
        this.connections = ConnectionFactories.get(RoleConnections.to(database.getUrl(), database.getUsername(),
                        database.getPassword())
                .option(Option.valueOf("applicationName"), APPLICATION_NAME)
                .build());
        this.listeners = listeners.stream().collect(Collectors.toUnmodifiableMap(Listener::channel,
                Function.identity()));
        this.listeners.keySet().forEach(channel -> {
            if (!channel.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("Not a notification channel: " + channel);
            }
        });
    }

    @Override
    public void start() {
        if (listeners.isEmpty()) {
            return;
        }
        session = Flux.defer(this::listenOnce)
                .doOnError(failure -> {
                    log.warn("Not listening for database notifications ({}); retrying", failure.toString());
                    listeners.values().forEach(Listener::deaf);
                })
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(10))
                        .transientErrors(true))
                .subscribe(this::dispatch);
    }

    @Override
    public void stop() {
        Disposable running = session;
        session = null;
        if (running != null) {
            running.dispose();
            listeners.values().forEach(Listener::deaf);
        }
    }

    @Override
    public boolean isRunning() {
        return session != null;
    }

    private Flux<Notification> listenOnce() {
        String listen = listeners.keySet().stream().map(channel -> "LISTEN " + channel)
                .collect(Collectors.joining("; "));
        return Flux.usingWhen(Mono.from(connections.create()).cast(PostgresqlConnection.class),
                connection -> Flux.from(connection.createStatement(listen).execute())
                        .concatMap(Result::getRowsUpdated)
                        .thenMany(Flux.defer(() -> {
                            log.info("Listening for database notifications on {}", listeners.keySet());
                            listeners.values().forEach(Listener::listening);
                            return Flux.merge(connection.getNotifications()
                                            .concatWith(Mono.error(() -> new IllegalStateException("connection closed"))),
                                    heartbeat(connection));
                        })),
                PostgresqlConnection::close, (connection, failure) -> connection.close(), PostgresqlConnection::close);
    }

    /** Fails when the connection stops answering, which a silent network can otherwise hide for minutes. */
    private static Flux<Notification> heartbeat(PostgresqlConnection connection) {
        return Flux.interval(HEARTBEAT)
                .concatMap(tick -> Flux.from(connection.createStatement("SELECT 1").execute())
                        .concatMap(Result::getRowsUpdated)
                        .timeout(HEARTBEAT_TIMEOUT))
                .thenMany(Flux.<Notification>empty());
    }

    private void dispatch(Notification notification) {
        Listener listener = listeners.get(notification.getName());
        if (listener != null) {
            listener.notified(notification.getParameter());
        }
    }
}

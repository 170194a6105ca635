package com.agencyhub.testsupport;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server that stands in for a Slack or Teams incoming webhook: it keeps every request it gets and
 * answers with the status the test sets (204 at first), after the delay the test sets (none at first), to several
 * requests at once.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request: the delivery id header, the content type and the body. */
    public record Received(String delivery, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(204);
    private volatile Duration delay = Duration.ZERO;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", exchange -> {
                try (InputStream body = exchange.getRequestBody()) {
                    receiver.received.add(new Received(exchange.getRequestHeaders().getFirst("X-AgencyHub-Delivery"),
                            exchange.getRequestHeaders().getFirst("Content-Type"),
                            new String(body.readAllBytes(), StandardCharsets.UTF_8)));
                }
                pause(receiver.delay);
                exchange.sendResponseHeaders(receiver.status.get(), -1);
                exchange.close();
            });
            server.setExecutor(Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "webhook-receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the webhook receiver", e);
        }
    }

    /** The URL of a webhook at this receiver, with a secret-like path as Slack's have. */
    public String url(String secret) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/services/" + secret;
    }

    public void answer(int httpStatus) {
        status.set(httpStatus);
    }

    /** Answers each request only after {@code wait}: a slow receiver keeps deliveries in flight. */
    public void answerAfter(Duration wait) {
        delay = wait;
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

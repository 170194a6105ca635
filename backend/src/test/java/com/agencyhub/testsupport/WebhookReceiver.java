package com.agencyhub.testsupport;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server that stands in for a Slack or Teams incoming webhook: it keeps every request it gets and
 * answers with the status the test sets (204 at first).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request: the delivery id header, the content type and the body. */
    public record Received(String delivery, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(204);

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
                exchange.sendResponseHeaders(receiver.status.get(), -1);
                exchange.close();
            });
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

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

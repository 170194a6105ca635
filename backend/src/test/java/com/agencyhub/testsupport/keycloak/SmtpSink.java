package com.agencyhub.testsupport.keycloak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SMTP server on 127.0.0.1 that accepts every message and keeps it in memory (no auth, no TLS), so
 * tests can see the emails Keycloak sends. The agencyhub realm sends to 127.0.0.1:1025 ({@link #DEV_PORT}).
 */
public final class SmtpSink implements AutoCloseable {

    public static final int DEV_PORT = 1025;

    /** One received message: envelope recipients and the raw DATA (headers + body). */
    public record Message(String from, List<String> recipients, String data) {
    }

    private final ServerSocket server;
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private SmtpSink(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, "smtp-sink-" + server.getLocalPort());
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    public static SmtpSink start(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        return new SmtpSink(socket);
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    /** Waits until at least {@code count} messages arrived, or the timeout passed; returns what arrived. */
    public List<Message> awaitMessages(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (messages.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return messages();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(10_000);
                converse(socket);
            } catch (IOException e) {
                // closed, or a client went away; keep serving until closed
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        reply(out, "220 127.0.0.1 SmtpSink");
        String from = null;
        List<String> recipients = new CopyOnWriteArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String upper = line.toUpperCase();
            if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                reply(out, "250 127.0.0.1");
            } else if (upper.startsWith("MAIL FROM:")) {
                from = line.substring(10).trim();
                recipients.clear();
                reply(out, "250 OK");
            } else if (upper.startsWith("RCPT TO:")) {
                recipients.add(line.substring(8).trim());
                reply(out, "250 OK");
            } else if (upper.equals("DATA")) {
                reply(out, "354 End data with <CR><LF>.<CR><LF>");
                StringBuilder data = new StringBuilder();
                String dataLine;
                while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
                    data.append(dataLine.startsWith("..") ? dataLine.substring(1) : dataLine).append('\n');
                }
                messages.add(new Message(from, List.copyOf(recipients), data.toString()));
                reply(out, "250 OK");
            } else if (upper.equals("QUIT")) {
                reply(out, "221 Bye");
                return;
            } else {
                reply(out, "250 OK"); // RSET, NOOP, ...
            }
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}

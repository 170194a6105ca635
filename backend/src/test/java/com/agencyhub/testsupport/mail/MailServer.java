package com.agencyhub.testsupport.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A real SMTP server (GreenMail) on {@value #HOST}:{@value #PORT}, where the agencyhub realm sends its mail
 * (no authentication, no TLS). It keeps every message in memory so a test can read an email and follow its link;
 * the dev stack prints each message instead.
 *
 * <pre>{@code
 * MailServer mail = MailServer.sharedForTests();            // one per test JVM, stopped with it
 * ReceivedEmail email = mail.awaitEmailsTo("ada@example.test", 1, Duration.ofSeconds(10)).get(0);
 * URI link = email.link("action-token");
 * }</pre>
 */
public final class MailServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    /** The realm's {@code smtpServer.port}. */
    public static final int PORT = 1025;

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Object SHARED_LOCK = new Object();
    private static MailServer shared;

    private final GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Starts the server; fails with a clear message when the port is taken. */
    public static MailServer start() {
        if (portTaken()) {
            throw new IllegalStateException("Cannot start the mail server: " + HOST + ":" + PORT + " is in use "
                    + "(a running dev stack, or a mail catcher such as Mailpit? `ss -ltnp 'sport = :" + PORT
                    + "'` shows who holds it)");
        }
        GreenMail greenMail = new GreenMail(new ServerSetup(PORT, HOST, ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return new MailServer(greenMail);
    }

    /** The server the tests of this JVM share, started on first use and stopped when the JVM exits. */
    public static MailServer sharedForTests() {
        synchronized (SHARED_LOCK) {
            if (shared == null) {
                MailServer server = start();
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "mail-server-shutdown"));
                shared = server;
            }
            return shared;
        }
    }

    public static boolean portTaken() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(HOST), PORT));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** The emails to {@code recipient} in the order they arrived, once there are at least {@code count}. */
    public List<ReceivedEmail> awaitEmailsTo(String recipient, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int received = greenMail.getReceivedMessages().length;
            List<ReceivedEmail> emails = emailsTo(recipient);
            long left = deadline - System.nanoTime();
            if (emails.size() >= count) {
                return emails;
            }
            if (left <= 0) {
                throw new AssertionError("expected " + count + " email(s) to " + recipient + " within "
                        + timeout.toSeconds() + " s, got " + emails.size());
            }
            greenMail.waitForIncomingEmail(Math.min(Duration.ofNanos(left).toMillis() + 1, POLL.toMillis()),
                    received + 1);
        }
    }

    public List<ReceivedEmail> emailsTo(String recipient) {
        return greenMail.findReceivedMessages(user -> recipient.equalsIgnoreCase(user.getEmail()), message -> true)
                .map(ReceivedEmail::of)
                .toList();
    }

    /** Hands every email that arrives from now on to {@code reader}, on a daemon thread, until the server stops. */
    public void forEachNewEmail(Consumer<ReceivedEmail> reader) {
        // GreenMail keeps one MimeMessage instance per stored message, so identity tells new ones from seen ones
        Set<MimeMessage> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(List.of(greenMail.getReceivedMessages()));
        Thread watcher = new Thread(() -> {
            while (greenMail.isRunning()) {
                if (greenMail.waitForIncomingEmail(POLL.toMillis(), seen.size() + 1)) {
                    for (MimeMessage message : greenMail.getReceivedMessages()) {
                        if (seen.add(message)) {
                            reader.accept(ReceivedEmail.of(message));
                        }
                    }
                }
            }
        }, "mail-server-reader");
        watcher.setDaemon(true);
        watcher.start();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}

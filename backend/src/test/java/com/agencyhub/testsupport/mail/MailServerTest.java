package com.agencyhub.testsupport.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The mail server as Keycloak uses it: plain SMTP in, readable text and links out. */
class MailServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final MailServer mail = MailServer.sharedForTests();

    @Test
    void readsTheLinksOfAQuotedPrintableMultipartEmailAndHandsNewEmailsToAReader() throws Exception {
        BlockingQueue<ReceivedEmail> printed = new LinkedBlockingQueue<>();
        mail.forEachNewEmail(printed::add);
        String recipient = "reader-" + UUID.randomUUID() + "@example.test";
        // longer than a quoted-printable line, so it arrives wrapped with soft line breaks
        String link = "http://127.0.0.1:18180/realms/agencyhub/login-actions/action-token?key=" + "k".repeat(120)
                + "&client_id=agencyhub-web";

        send(recipient, "Update your account", "Click on the link below:\n\n" + link + "\n\nThanks",
                "<p><a href=\"" + link.replace("&", "&amp;") + "\">Link</a></p>");

        List<ReceivedEmail> emails = mail.awaitEmailsTo(recipient, 1, TIMEOUT);
        assertThat(emails).singleElement().satisfies(email -> {
            assertThat(email.to()).containsExactly(recipient);
            assertThat(email.subject()).isEqualTo("Update your account");
            assertThat(email.links()).containsExactly(URI.create(link));
            assertThat(email.link("action-token")).isEqualTo(URI.create(link));
        });
        ReceivedEmail seenByReader = printed.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(seenByReader).isNotNull();
        assertThat(seenByReader.to()).containsExactly(recipient);
        assertThat(mail.emailsTo("nobody-" + UUID.randomUUID() + "@example.test")).isEmpty();
    }

    private static void send(String to, String subject, String text, String html) throws Exception {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", MailServer.HOST);
        smtp.put("mail.smtp.port", Integer.toString(MailServer.PORT));
        MimeMessage message = new MimeMessage(Session.getInstance(smtp));
        message.setFrom(new InternetAddress("noreply@agencyhub.local"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        plain.setHeader("Content-Transfer-Encoding", "quoted-printable");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setContent(html, "text/html; charset=UTF-8");
        message.setContent(new MimeMultipart("alternative", plain, rich));
        Transport.send(message);
    }
}

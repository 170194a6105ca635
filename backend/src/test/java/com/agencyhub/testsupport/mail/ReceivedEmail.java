package com.agencyhub.testsupport.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An email as a reader sees it: recipients, subject and the decoded text (the plain-text part when the
 * message has one, otherwise the first text part), so links survive quoted-printable line wrapping; with the sender
 * and the outbox's delivery id ({@code X-AgencyHub-Delivery}, null for mail from elsewhere), which tell copies apart.
 */
public record ReceivedEmail(List<String> to, String subject, String text, String from, String delivery) {

    private static final String DELIVERY_HEADER = "X-AgencyHub-Delivery";

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+");

    public static ReceivedEmail of(MimeMessage message) {
        try {
            Object content = message.getContent();
            String text = content instanceof Multipart multipart ? textOf(multipart) : String.valueOf(content);
            InternetAddress[] from = (InternetAddress[]) message.getFrom();
            return new ReceivedEmail(recipients(message), message.getSubject(), text,
                    from == null || from.length == 0 ? null : from[0].getAddress(),
                    message.getHeader(DELIVERY_HEADER, null));
        } catch (MessagingException e) {
            throw new IllegalStateException("unreadable email", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The http(s) links in the text, in order. */
    public List<URI> links() {
        Matcher matcher = LINK.matcher(text);
        return matcher.results().map(match -> URI.create(match.group())).toList();
    }

    /** The first link containing {@code part}; fails naming the links there are when none does. */
    public URI link(String part) {
        return links().stream().filter(link -> link.toString().contains(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no link containing '" + part + "' in the email to " + to
                        + " (links: " + links() + ")"));
    }

    private static List<String> recipients(MimeMessage message) throws MessagingException {
        InternetAddress[] to = (InternetAddress[]) message.getRecipients(Message.RecipientType.TO);
        return to == null ? List.of() : Arrays.stream(to).map(InternetAddress::getAddress).toList();
    }

    private static String textOf(Multipart multipart) throws MessagingException, IOException {
        String fallback = null;
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            Object content = part.getContent();
            if (content instanceof Multipart nested) {
                content = textOf(nested);
            }
            if (part.isMimeType("text/plain")) {
                return (String) content;
            }
            if (fallback == null && content instanceof String text) {
                fallback = text;
            }
        }
        return fallback == null ? "" : fallback;
    }
}

package com.agencyhub.notifications.internal;

import com.agencyhub.notifications.NotificationsProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends a delivery as an e-mail over SMTP ({@code spring.mail.*}). JavaMail blocks, so it runs on the bounded
 * elastic scheduler, never on an event-loop thread. The delivery's id travels in a header, so a receiver can tell
 * the rare second copy of a message (see docs/notifications.md, "Guarantees").
 */
@Component
public class EmailSender {

    public static final String DELIVERY_HEADER = "X-AgencyHub-Delivery";

    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationsProperties properties;

    EmailSender(ObjectProvider<JavaMailSender> mail, NotificationsProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    public Mono<Void> send(ClaimedDelivery delivery) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return Mono.error(new IllegalStateException("no SMTP server is configured (spring.mail.host)"));
        }
        return Mono.<Void>fromRunnable(() -> sender.send(message(sender, delivery)))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(properties.sendTimeout());
    }

    private MimeMessage message(JavaMailSender sender, ClaimedDelivery delivery) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(properties.mailFrom());
            helper.setTo(delivery.email());
            helper.setSubject(delivery.subject());
            helper.setText(delivery.text() + "\n\nWhy you get this: " + delivery.reason() + "\n");
            message.setHeader(DELIVERY_HEADER, delivery.id().toString());
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build the e-mail: " + e.getMessage(), e);
        }
        return message;
    }
}

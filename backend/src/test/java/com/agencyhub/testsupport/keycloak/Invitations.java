package com.agencyhub.testsupport.keycloak;

import com.agencyhub.testsupport.mail.MailServer;
import com.agencyhub.testsupport.mail.ReceivedEmail;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What an invited person does: opens the one invitation e-mail, follows its link and chooses a password. */
public final class Invitations {

    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(20);

    private Invitations() {
    }

    /** Accepts the invitation sent to {@code email}; returns the password chosen. */
    public static String accept(MailServer mail, String email) {
        List<ReceivedEmail> emails = mail.awaitEmailsTo(email, 1, MAIL_TIMEOUT);
        assertThat(emails).as("invitation e-mail to %s", email).hasSize(1);
        URI link = emails.get(0).link("/login-actions/action-token");
        String password = "pw-" + UUID.randomUUID();
        HttpResponse<String> end = new KeycloakBrowser().setPasswordThroughEmailLink(link, password);
        assertThat(end.statusCode()).as("Keycloak's answer after the password: %s", end.body()).isIn(200, 302);
        return password;
    }
}

package com.agencyhub.notifications.web;

import com.agencyhub.api.model.NotificationDto;
import com.agencyhub.api.model.NotificationPageDto;
import com.agencyhub.api.model.NotificationWebhookDto;
import com.agencyhub.api.model.NotificationWebhookListDto;
import com.agencyhub.notifications.NewNotification;
import com.agencyhub.notifications.NotificationTopic;
import com.agencyhub.notifications.Notifications;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notifications API: who reads whose notifications, keyset pages, and the webhooks admins manage (their URLs
 * are checked, never shown in full, and stay in their agency).
 */
class NotificationsApiTest extends ApiTest {

    private static final String SLACK = "https://hooks.slack.com/services/T000/B000/abcdefghijklmnopx9Qz";

    @Autowired
    private Notifications notifications;

    private TestAgency agency;
    private UUID sam;
    private UUID lea;
    private UUID mia;

    @BeforeEach
    void samLeaAndMia() {
        agency = newAgency("notifications-api");
        sam = newStaffMember(agency, "Sam", "Social");
        lea = newStaffMember(agency, "Lea", "Roth");
        mia = newStaffMember(agency, "Mia", "Manager", Role.AGENCY_MANAGER);
    }

    @Test
    void socialMediaManagersReadTheirOwnNotificationsManagersEveryones() {
        enqueue(sam, "For Sam");
        enqueue(lea, "For Lea");

        assertThat(subjects(get(agency.tokenFor(sam), "").expectStatus().isOk())).containsExactly("For Sam");
        get(agency.tokenFor(sam), "?recipientId=" + lea).expectStatus().isForbidden();
        assertThat(subjects(get(agency.tokenFor(mia), "").expectStatus().isOk())).containsExactly("For Lea", "For Sam");
        assertThat(subjects(get(agency.tokenFor(mia), "?recipientId=" + lea).expectStatus().isOk()))
                .containsExactly("For Lea");
        assertThat(subjects(get(agency.tokenFor(mia), "?topic=sla-breached").expectStatus().isOk())).isEmpty();
        expectFieldError(get(agency.adminToken(), "?recipientId=" + UUID.randomUUID()), "recipientId");
    }

    @Test
    void anotherAgencySeesNoneOfThem() {
        enqueue(sam, "For Sam");
        TestAgency other = newAgency("notifications-other");

        assertThat(subjects(get(other.adminToken(), "").expectStatus().isOk())).isEmpty();
        expectFieldError(get(other.adminToken(), "?recipientId=" + sam), "recipientId");
    }

    @Test
    void pagesFollowTheCursorNewestFirst() {
        for (String subject : List.of("One", "Two", "Three")) {
            enqueue(lea, subject);
        }

        NotificationPageDto first = get(agency.adminToken(), "?limit=2").expectStatus().isOk()
                .expectBody(NotificationPageDto.class).returnResult().getResponseBody();
        assertThat(first.getItems()).extracting(NotificationDto::getSubject).containsExactly("Three", "Two");
        NotificationPageDto second = get(agency.adminToken(), "?limit=2&cursor=" + first.getNextCursor())
                .expectStatus().isOk().expectBody(NotificationPageDto.class).returnResult().getResponseBody();
        assertThat(second.getItems()).extracting(NotificationDto::getSubject).containsExactly("One");
        assertThat(second.getNextCursor()).isNull();
    }

    @Test
    void aWebhookUrlIsKeptSecretInEveryAnswer() {
        String created = createWebhook(agency, SLACK).expectStatus().isCreated().expectBody(String.class)
                .returnResult().getResponseBody();
        String listed = http.get().uri("/v1/notification-webhooks").headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(created).contains("\"urlPreview\":\"https://hooks.slack.com/…x9Qz\"").doesNotContain("abcdefghijklmnop");
        assertThat(listed).contains("https://hooks.slack.com/…x9Qz").doesNotContain("abcdefghijklmnop");
    }

    @Test
    void urlsThatAreNoReceiversAreRefusedAndNothingIsStored() {
        for (String url : List.of("ftp://hooks.example.com/x", "https://user:secret@hooks.example.com/x",
                "https:///no-host", "not a url at all", "https://hooks.example.com/x#fragment")) {
            expectFieldError(createWebhook(agency, url), "url");
        }
        expectFieldError(http.post().uri("/v1/notification-webhooks").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("name", "  ", "url", SLACK, "topics", List.of("sla-at-risk"))).exchange(), "name");

        assertThat(webhooks(agency)).isEmpty();
    }

    @Test
    void onlyTheAgencysAdminsRemoveItsWebhooks() {
        UUID id = createWebhook(agency, SLACK).expectStatus().isCreated().expectBody(NotificationWebhookDto.class)
                .returnResult().getResponseBody().getId();
        TestAgency other = newAgency("notifications-other");

        delete(other.adminToken(), id).expectStatus().isNotFound();
        assertThat(webhooks(agency)).hasSize(1);
        delete(agency.adminToken(), id).expectStatus().isNoContent();
        delete(agency.adminToken(), id).expectStatus().isNotFound();
        assertThat(webhooks(agency)).isEmpty();
    }

    @Test
    void anAgencyHasAtMostTwentyWebhooks() {
        for (int i = 0; i < 20; i++) {
            createWebhook(agency, SLACK).expectStatus().isCreated();
        }

        createWebhook(agency, SLACK).expectStatus().isEqualTo(409);
        assertThat(webhooks(agency)).hasSize(20);
    }

    private void enqueue(UUID recipient, String subject) {
        notifications.enqueue(agency.tenant(), List.of(new NewNotification(new UserId(recipient), null,
                NotificationTopic.ROSTER_CHANGE, subject, "Text", "Reason", new NewNotification.Reference(
                NewNotification.Reference.Type.ROSTER_CHANGE, UUID.randomUUID()), false))).block();
    }

    private WebTestClient.ResponseSpec get(String token, String query) {
        return http.get().uri("/v1/notifications" + query).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private static List<String> subjects(WebTestClient.ResponseSpec ok) {
        return ok.expectBody(NotificationPageDto.class).returnResult().getResponseBody().getItems().stream()
                .map(NotificationDto::getSubject).toList();
    }

    private WebTestClient.ResponseSpec createWebhook(TestAgency owner, String url) {
        return http.post().uri("/v1/notification-webhooks").headers(h -> h.setBearerAuth(owner.adminToken()))
                .bodyValue(Map.of("name", "Team Slack", "url", url, "topics", List.of("sla-at-risk", "sla-breached")))
                .exchange();
    }

    private WebTestClient.ResponseSpec delete(String token, UUID id) {
        return http.delete().uri("/v1/notification-webhooks/" + id).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private List<NotificationWebhookDto> webhooks(TestAgency owner) {
        return http.get().uri("/v1/notification-webhooks").headers(h -> h.setBearerAuth(owner.adminToken()))
                .exchange().expectStatus().isOk().expectBody(NotificationWebhookListDto.class).returnResult()
                .getResponseBody().getItems();
    }
}

package com.agencyhub.inbox;

import com.agencyhub.api.model.NotificationDto;
import com.agencyhub.api.model.NotificationPageDto;
import com.agencyhub.guidelines.web.GuidelinesApiTest;
import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.InboxItems;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The escalation scheduler against the run's PostgreSQL, with the roster, teams and guidelines written through the
 * API and inbox items inserted in SQL ({@link InboxItems}). Jonas is on duty for Alpenmilch around the clock but sick
 * now, so the roster puts Lea, the brand's deputy, on duty; Mia manages the agency. The chain: at 50 % of the target
 * the member on duty by e-mail, 30 minutes after the breach the managers by e-mail. The scheduler's loop is off in
 * tests; each test runs rounds itself, as of the instant it chooses.
 */
class EscalationSchedulerTest extends ApiTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    private EscalationScheduler scheduler;

    private TestAgency agency;
    private UUID alpenmilch;
    private UUID jonas;
    private UUID lea;
    private UUID mia;
    private Instant now;

    @BeforeEach
    void jonasIsSickAndLeaStandsIn() {
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        agency = newAgency("escalation");
        alpenmilch = newBrand(agency, "Alpenmilch");
        jonas = newStaffMember(agency, "Jonas", "Berg");
        lea = newStaffMember(agency, "Lea", "Roth");
        mia = newStaffMember(agency, "Mia", "Manager", Role.AGENCY_MANAGER);
        http.put().uri("/v1/brands/" + alpenmilch + "/team").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("assignments", List.of(Map.of("memberId", jonas, "responsibility", "responsible"),
                        Map.of("memberId", lea, "responsibility", "deputy"))))
                .exchange().expectStatus().isOk();
        publishChain(agency, alpenmilch, List.of(step("percent-of-target", 50, "on-duty-member"),
                step("after-breach", 30, "agency-managers")));
        Map<String, Object> rotation = new HashMap<>();
        rotation.put("name", "Jonas around the clock");
        rotation.put("priority", 10);
        rotation.put("memberIds", List.of(jonas));
        rotation.put("lengthDays", 1);
        rotation.put("handoffTime", "09:00");
        rotation.put("startDate", LocalDate.now(BERLIN).minusDays(1).toString());
        rotation.put("zone", BERLIN.getId());
        rotation.put("restriction", List.of());
        rotation.put("brandIds", List.of(alpenmilch));
        http.post().uri("/v1/roster/rotations").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(rotation).exchange().expectStatus().isCreated();
        http.post().uri("/v1/roster/absences").headers(h -> h.setBearerAuth(agency.tokenFor(mia)))
                .bodyValue(Map.of("memberId", jonas, "kind", "sick", "from", now.minus(Duration.ofHours(1)).toString(),
                        "to", now.plus(Duration.ofHours(3)).toString()))
                .exchange().expectStatus().isCreated();
    }

    @Test
    void theStepReachesTheDeputyOnDutyWhileTheScheduledMemberIsAbsentAndIsTakenOnce() {
        UUID complaint = InboxItems.insertOpen(agency.tenant(), alpenmilch, 1, now.minus(Duration.ofMinutes(40)), 60,
                960);

        scheduler.runRound(now).block();
        scheduler.runRound(now.plusSeconds(5)).block();

        NotificationDto atRisk = only(notifications("?topic=sla-at-risk"));
        assertThat(atRisk.getRecipientId()).isEqualTo(lea);
        assertThat(atRisk.getBrandId()).isEqualTo(alpenmilch);
        assertThat(atRisk.getRefersTo().getId()).isEqualTo(complaint);
        assertThat(atRisk.getSubject()).startsWith("Alpenmilch: first response due ");
        assertThat(atRisk.getText()).contains("A comment on instagram from @angry_customer")
                .contains("Where is my refund?");
        assertThat(atRisk.getReason()).isEqualTo("Escalation step 1 (50 % of the first response target): on duty "
                + "now, standing in for Jonas Berg (sick).");
        assertThat(atRisk.getDeliveries()).singleElement().satisfies(delivery ->
                assertThat(delivery.getTarget()).isEqualTo("lea.roth@" + agency.slug() + ".test"));
        assertThat(InboxItems.events(agency.tenant(), complaint)).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("escalated");
            assertThat(event.detail()).contains("\"metric\": \"first-response\"").contains("\"step\": 1")
                    .contains("\"outcome\": \"notified\"").contains(lea.toString());
        });
    }

    @Test
    void theBreachIsRecordedOnceAndTheManagersHearOfItThirtyMinutesLater() {
        UUID complaint = InboxItems.insertOpen(agency.tenant(), alpenmilch, 1, now.minus(Duration.ofMinutes(40)), 60,
                960);
        Instant due = now.plus(Duration.ofMinutes(20));

        scheduler.runRound(now).block();
        scheduler.runRound(due).block();
        scheduler.runRound(due.plus(Duration.ofMinutes(29))).block();

        assertThat(InboxItems.events(agency.tenant(), complaint)).extracting(InboxItems.Event::type,
                InboxItems.Event::metric).containsExactly(
                org.assertj.core.groups.Tuple.tuple("escalated", null),
                org.assertj.core.groups.Tuple.tuple("breached", "first-response"));
        assertThat(notifications("?topic=sla-breached").getItems()).isEmpty();

        scheduler.runRound(due.plus(Duration.ofMinutes(30))).block();
        scheduler.runRound(due.plus(Duration.ofMinutes(31))).block();

        NotificationDto late = only(notifications("?topic=sla-breached"));
        assertThat(late.getRecipientId()).isEqualTo(mia);
        assertThat(late.getSubject()).startsWith("Alpenmilch: first response overdue since ");
        assertThat(late.getReason()).isEqualTo("Escalation step 2 (30 min after the first response was due): "
                + "manager of the agency.");
        assertThat(InboxItems.events(agency.tenant(), complaint)).extracting(InboxItems.Event::type)
                .containsExactly("escalated", "breached", "escalated");
    }

    @Test
    void twoInstancesLookingAtTheSameItemAtOnceTakeTheStepOnce() {
        UUID complaint = InboxItems.insertOpen(agency.tenant(), alpenmilch, 1, now.minus(Duration.ofMinutes(40)), 60,
                960);

        Flux.merge(scheduler.lookAt(agency.tenant(), complaint, now).subscribeOn(Schedulers.parallel()),
                scheduler.lookAt(agency.tenant(), complaint, now).subscribeOn(Schedulers.parallel())).blockLast();

        assertThat(InboxItems.events(agency.tenant(), complaint)).extracting(InboxItems.Event::type)
                .containsExactly("escalated");
        assertThat(notifications("?topic=sla-at-risk").getItems()).hasSize(1);
    }

    @Test
    void aStepThatReachesNobodyIsRecordedAsFailed() {
        TestAgency empty = newAgency("escalation-nobody");
        UUID brand = newBrand(empty, "Nobody's brand");
        publishChain(empty, brand, List.of(step("percent-of-target", 50, "on-duty-member")));
        UUID item = InboxItems.insertOpen(empty.tenant(), brand, 1, now.minus(Duration.ofMinutes(40)), 60, 960);

        scheduler.runRound(now).block();

        assertThat(InboxItems.events(empty.tenant(), item)).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("escalated");
            assertThat(event.detail()).contains("\"outcome\": \"failed\"").contains("\"recipients\": []")
                    .contains("nobody could be reached");
        });
        assertThat(http.get().uri("/v1/notifications").headers(h -> h.setBearerAuth(empty.adminToken()))
                .exchange().expectStatus().isOk().expectBody(NotificationPageDto.class).returnResult()
                .getResponseBody().getItems()).isEmpty();
    }

    @Test
    void theRosterWritesThatChangedDutyWereNoticedToThoseConcerned() {
        NotificationDto toLea = only(notifications("?topic=roster-change&recipientId=" + lea));
        assertThat(toLea.getSubject()).isEqualTo("Your duty for Alpenmilch changed");
        assertThat(toLea.getText()).contains("- now on duty ");
        assertThat(toLea.getReason()).isEqualTo("A roster change (absence) by Mia Manager changed your duty.");
        assertThat(toLea.getRefersTo().getType().getValue()).isEqualTo("roster-change");
        List<NotificationDto> toJonas = notifications("?topic=roster-change&recipientId=" + jonas).getItems();
        assertThat(toJonas).extracting(NotificationDto::getReason).containsExactly(
                "A roster change (absence) by Mia Manager changed your duty.",
                "A roster change (rotation) by Ada Admin changed your duty.");
        assertThat(toJonas.get(0).getText()).contains("- no longer on duty ");
        assertThat(toJonas.get(1).getText()).contains("- now on duty ");
    }

    private void publishChain(TestAgency owner, UUID brand, List<Map<String, Object>> chain) {
        Map<String, Object> content = GuidelinesApiTest.content();
        content.put("escalation", chain);
        draftAndFinish(owner, brand, "/guidelines", content, "/draft/publication");
    }

    private static Map<String, Object> step(String at, int value, String recipient) {
        return Map.of("trigger", Map.of("at", at, "value", value), "recipient", recipient, "channel", "email");
    }

    private NotificationPageDto notifications(String query) {
        return http.get().uri("/v1/notifications" + query).headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk().expectBody(NotificationPageDto.class).returnResult()
                .getResponseBody();
    }

    private static NotificationDto only(NotificationPageDto page) {
        assertThat(page.getItems()).hasSize(1);
        return page.getItems().get(0);
    }
}

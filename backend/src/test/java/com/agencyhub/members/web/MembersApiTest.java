package com.agencyhub.members.web;

import com.agencyhub.api.model.AuditEventPageDto;
import com.agencyhub.api.model.MemberDto;
import com.agencyhub.api.model.MemberPageDto;
import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff members: invitations, profiles, roles, the last-admin rule, deactivation; who may do what. */
class MembersApiTest extends ApiTest {

    private TestAgency agency;

    @BeforeEach
    void agency() {
        agency = newAgency("staffed");
    }

    @Test
    void anAdminInvitesStaffWhoGetAKeycloakAccountRolesAndOneInvitation() {
        Map<String, Object> request = invite("jonas");

        MemberDto created = post(agency.adminToken(), request).expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/v1/members/[0-9a-f-]{36}")
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody(MemberDto.class).returnResult().getResponseBody();

        assertThat(created.getEmail()).isEqualTo("jonas@staffed.test");
        assertThat(created.getDisplayName()).isEqualTo("Jonas Weber");
        assertThat(created.getStatus().getValue()).isEqualTo("invited");
        assertThat(created.getHomeZone()).isEqualTo("Europe/Berlin");
        assertThat(created.getWorkingTimeRules().getMinRestMinutes()).isEqualTo(660);
        assertThat(created.getWorkingHours()).hasSize(2);
        String userId = created.getId().toString();
        assertThat(identity.isMember(agency.tenant().toString(), userId)).isTrue();
        assertThat(identity.invitations(userId)).hasSize(1);
        assertThat(auditActions("?entityId=" + userId)).containsExactly("member.invited");
    }

    @Test
    void aWholeDayIsWrittenAsMidnightToTwentyFour() {
        MemberDto member = created(with(invite("allday"), "workingHours", List.of(
                Map.of("day", "SATURDAY", "start", "00:00", "end", "24:00"),
                Map.of("day", "SUNDAY", "start", "18:00", "end", "24:00"))));
        assertThat(member.getWorkingHours()).extracting(hours -> hours.getStart() + "-" + hours.getEnd())
                .containsExactly("00:00-24:00", "18:00-00:00");
        expectFieldError(post(agency.adminToken(), with(invite("overlap"), "workingHours", List.of(
                Map.of("day", "SATURDAY", "start", "00:00", "end", "24:00"),
                Map.of("day", "SATURDAY", "start", "12:00", "end", "13:00")))), "workingHours[1]");
        expectFieldError(post(agency.adminToken(), with(invite("late"), "workingHours", List.of(
                Map.of("day", "SATURDAY", "start", "24:00", "end", "02:00")))), "workingHours[0].start");
    }

    @Test
    void anInvitationThatFailsInTheIdentityProviderLeavesNoAccountMembershipOrMember() {
        identity.failNextMembership(0);
        post(agency.adminToken(), invite("unlucky")).expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "10");
        identity.failNextInvitation(500);
        post(agency.adminToken(), invite("unlucky")).expectStatus().isEqualTo(503);

        assertThat(identity.user("unlucky@staffed.test")).isEmpty();
        assertThat(listEmails(agency.adminToken(), "")).doesNotContain("unlucky@staffed.test");
        assertThat(created(invite("unlucky")).getStatus().getValue()).isEqualTo("invited"); // a retry succeeds
    }

    @Test
    void namesAreCheckedBeforeAnythingIsCreatedAndRealNamesPass() {
        expectFieldError(post(agency.adminToken(), with(invite("long"), "firstName", "x".repeat(101))), "firstName");
        expectFieldError(post(agency.adminToken(), with(invite("blank"), "lastName", "   ")), "lastName");
        assertThat(identity.user("long@staffed.test")).isEmpty();
        assertThat(identity.user("blank@staffed.test")).isEmpty();

        MemberDto longest = created(with(with(invite("longest"), "firstName", "F".repeat(100)), "lastName",
                "L".repeat(100)));
        assertThat(longest.getDisplayName()).hasSize(201);
        MemberDto pepe = created(with(with(invite("pepe"), "firstName", "García (Pepe)"), "lastName",
                "O'Brien & Smith/Jones #2"));
        assertThat(pepe.getDisplayName()).isEqualTo("García (Pepe) O'Brien & Smith/Jones #2");
    }

    @Test
    void invitingTheSamePersonAgainAnswersTheMemberUnchangedWithoutAnotherEmail() {
        MemberDto first = post(agency.adminToken(), invite("again")).expectStatus().isCreated()
                .expectBody(MemberDto.class).returnResult().getResponseBody();
        Map<String, Object> again = invite("again");
        again.put("email", "AGAIN@Staffed.test");

        post(agency.adminToken(), again).expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(first.getId().toString());

        assertThat(identity.invitations(first.getId().toString()).size()).isEqualTo(1);
        assertThat(auditActions("?entityId=" + first.getId())).containsExactly("member.invited");
    }

    @Test
    void invalidInvitationsAreRefusedWithFieldErrorsAndWriteNothing() {
        expectFieldError(post(agency.adminToken(), with(invite("x"), "email", "not-an-email")), "email");
        post(agency.adminToken(), with(invite("x"), "roles", List.of("platform-admin"))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field =~ /roles.*/)]").exists();
        expectFieldError(post(agency.adminToken(), with(invite("x"), "roles", List.of())), "roles");
        expectFieldError(post(agency.adminToken(), with(invite("x"), "homeZone", "Mars/Olympus")), "homeZone");
        expectFieldError(post(agency.adminToken(), with(invite("x"), "languages", List.of("not a tag"))), "languages[]");
        expectFieldError(post(agency.adminToken(), with(invite("x"), "weeklyCapacityHours", 169)), "weeklyCapacityHours");
        expectFieldError(post(agency.adminToken(), with(invite("x"), "workingHours",
                List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "09:00")))), "workingHours[0]");
        expectFieldError(post(agency.adminToken(), with(invite("x"), "workingHours",
                List.of(Map.of("day", "FRIDAY", "start", "18:00", "end", "02:00"),
                        Map.of("day", "SATURDAY", "start", "01:00", "end", "05:00")))), "workingHours[1]");
        expectFieldError(post(agency.adminToken(), with(invite("x"), "workingHours",
                List.of(Map.of("day", "FUNDAY", "start", "09:00", "end", "10:00")))), "workingHours[0].day");
        expectFieldError(post(agency.adminToken(), with(invite("x"), "workingHours",
                List.of(Map.of("day", "MONDAY", "start", "25:00", "end", "10:00")))), "workingHours[0].start");
        Map<String, Object> missing = invite("x");
        missing.remove("homeZone");
        expectFieldError(post(agency.adminToken(), missing), "homeZone");
        post(agency.adminToken(), with(invite("x"), "surprise", true)).expectStatus().isBadRequest();

        assertThat(listEmails(agency.adminToken(), "")).containsExactly("admin@" + agency.slug() + ".test");
    }

    @Test
    void unicodeNamesAreKept() {
        Map<String, Object> request = invite("zoe");
        request.put("firstName", "Zoë");
        request.put("lastName", "Ångström-李");

        post(agency.adminToken(), request).expectStatus().isCreated()
                .expectBody().jsonPath("$.displayName").isEqualTo("Zoë Ångström-李");
    }

    @Test
    void profilesChangeWithIfMatchAndRoleChangesReachKeycloak() {
        MemberDto member = created(invite("promoted"));
        String id = member.getId().toString();

        patch(agency.adminToken(), id, null, Map.of("weeklyCapacityHours", 20)).expectStatus().isEqualTo(428);
        patch(agency.adminToken(), id, "\"7\"", Map.of("weeklyCapacityHours", 20)).expectStatus().isEqualTo(412);
        patch(agency.adminToken(), id, "\"0\"", Map.of()).expectStatus().isBadRequest();

        patch(agency.adminToken(), id, "\"0\"", Map.of("roles", List.of("agency-manager"), "weeklyCapacityHours", 20))
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.roles[0]").isEqualTo("agency-manager")
                .jsonPath("$.weeklyCapacityHours").isEqualTo(20.0) // numeric(5,2): 20.00
                .jsonPath("$.homeZone").isEqualTo("Europe/Berlin");
        assertThat(auditActions("?entityId=" + id)).containsExactly("member.updated", "member.invited");
    }

    @Test
    void theLastAgencyAdminCannotBeDemotedOrDeactivated() {
        String admin = agency.admin().toString();
        String etag = http.get().uri("/v1/members/" + admin).headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk().returnResult(MemberDto.class).getResponseHeaders().getETag();

        patch(agency.adminToken(), admin, etag, Map.of("roles", List.of("agency-manager")))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("last agency admin"));
        action(agency.adminToken(), "POST", admin, "/deactivation").expectStatus().isEqualTo(409);

        created(with(invite("second-admin"), "roles", List.of("agency-admin")));
        action(agency.adminToken(), "POST", admin, "/deactivation").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("deactivated");
    }

    @Test
    void aDeactivatedMemberLosesAccessAtOnceAndGetsItBackWhenReactivated() {
        MemberDto member = created(with(invite("leaver"), "roles", List.of("agency-manager")));
        String id = member.getId().toString();
        String token = agency.tokenFor(member.getId());
        http.get().uri("/v1/agency").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();

        action(agency.adminToken(), "POST", id, "/deactivation").expectStatus().isOk()
                .expectBody().jsonPath("$.deactivatedAt").isNotEmpty();
        action(agency.adminToken(), "POST", id, "/deactivation").expectStatus().isOk();

        http.get().uri("/v1/agency").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").isEqualTo("You have no access to this agency.");
        assertThat(identity.isMember(agency.tenant().toString(), id)).isFalse();
        assertThat(listEmails(agency.adminToken(), "")).doesNotContain("leaver@staffed.test");
        assertThat(listEmails(agency.adminToken(), "?status=deactivated")).containsExactly("leaver@staffed.test");
        post(agency.adminToken(), invite("leaver")).expectStatus().isEqualTo(409);

        action(agency.adminToken(), "DELETE", id, "/deactivation").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("active");
        http.get().uri("/v1/agency").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
        assertThat(identity.isMember(agency.tenant().toString(), id)).isTrue();
    }

    @Test
    void theFirstSignedInRequestMarksAnInvitedMemberActive() {
        MemberDto member = created(invite("newbie"));

        http.get().uri("/v1/me").headers(h -> h.setBearerAuth(agency.tokenFor(member.getId())))
                .exchange().expectStatus().isOk();

        http.get().uri("/v1/members/" + member.getId()).headers(h -> h.setBearerAuth(agency.adminToken())).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("active");
        assertThat(auditActions("?entityId=" + member.getId())).containsExactly("member.activated", "member.invited");
    }

    @Test
    void invitationsAreSentAgainOnlyToInvitedMembers() {
        MemberDto member = created(invite("forgetful"));
        String id = member.getId().toString();

        action(agency.adminToken(), "POST", id, "/invitation").expectStatus().isAccepted();
        assertThat(identity.invitations(id)).hasSize(2);

        action(agency.adminToken(), "POST", agency.admin().toString(), "/invitation").expectStatus().isEqualTo(409);
    }

    @Test
    void whoMayDoWhat() {
        MemberDto member = created(invite("matrix"));
        String id = member.getId().toString();
        String socialMediaManager = memberToken(agency, Role.SOCIAL_MEDIA_MANAGER);
        String manager = memberToken(agency, Role.AGENCY_MANAGER);
        String client = memberToken(agency, Role.CLIENT_VIEWER);

        assertThat(listEmails(socialMediaManager, "")).contains("matrix@staffed.test");
        http.get().uri("/v1/members/" + id).headers(h -> h.setBearerAuth(manager)).exchange().expectStatus().isOk();
        post(socialMediaManager, invite("nope")).expectStatus().isForbidden();
        post(manager, invite("nope")).expectStatus().isForbidden();
        patch(manager, id, "\"0\"", Map.of("weeklyCapacityHours", 1)).expectStatus().isForbidden();
        action(manager, "POST", id, "/deactivation").expectStatus().isForbidden();
        action(manager, "POST", id, "/invitation").expectStatus().isForbidden();
        http.get().uri("/v1/members").headers(h -> h.setBearerAuth(client)).exchange().expectStatus().isForbidden();
        http.get().uri("/v1/members/" + id).headers(h -> h.setBearerAuth(client)).exchange().expectStatus().isForbidden();
        http.get().uri("/v1/members").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anotherAgencyFindsNoneOfTheseMembers() {
        MemberDto member = created(invite("private"));
        String id = member.getId().toString();
        TestAgency other = newAgency("nosy");

        http.get().uri("/v1/members/" + id).headers(h -> h.setBearerAuth(other.adminToken())).exchange()
                .expectStatus().isNotFound();
        patch(other.adminToken(), id, "\"0\"", Map.of("weeklyCapacityHours", 1)).expectStatus().isNotFound();
        action(other.adminToken(), "POST", id, "/deactivation").expectStatus().isNotFound();
        action(other.adminToken(), "DELETE", id, "/deactivation").expectStatus().isNotFound();
        action(other.adminToken(), "POST", id, "/invitation").expectStatus().isNotFound();
        assertThat(listEmails(other.adminToken(), "")).doesNotContain("private@staffed.test");
        http.get().uri("/v1/members/" + UUID.randomUUID()).headers(h -> h.setBearerAuth(agency.adminToken())).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/v1/members/not-a-uuid").headers(h -> h.setBearerAuth(agency.adminToken())).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void pagesKeepTheirOrderWhileMembersAreInvitedInBetween() {
        for (String name : List.of("b", "d", "f", "h")) {
            created(with(invite(name), "firstName", name.toUpperCase()));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int inserted = 0;
        do {
            MemberPageDto page = http.get().uri("/v1/members?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isOk()
                    .expectBody(MemberPageDto.class).returnResult().getResponseBody();
            page.getItems().forEach(item -> seen.add(item.getDisplayName()));
            cursor = page.getNextCursor();
            // one name sorts before everything already seen, one after it
            String early = "A" + inserted;
            String late = "Z" + inserted++;
            created(with(with(invite("early" + inserted), "firstName", early), "lastName", "x"));
            created(with(with(invite("late" + inserted), "firstName", late), "lastName", "x"));
        } while (cursor != null);

        assertThat(seen).doesNotHaveDuplicates().isSorted()
                .contains("Ada Admin", "B Weber", "D Weber", "F Weber", "H Weber").noneMatch(name -> name.startsWith("A0"));
    }

    private Map<String, Object> invite(String localPart) {
        Map<String, Object> request = new HashMap<>();
        request.put("email", localPart + "@staffed.test");
        request.put("firstName", "Jonas");
        request.put("lastName", "Weber");
        request.put("roles", List.of("social-media-manager"));
        request.put("homeZone", "Europe/Berlin");
        request.put("platforms", List.of("instagram", "tiktok"));
        request.put("languages", List.of("de", "en"));
        request.put("weeklyCapacityHours", 30);
        request.put("workingTimeRules", Map.of("maxHoursPerWeek", 40, "maxConsecutiveDays", 6));
        request.put("workingHours", List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "17:00"),
                Map.of("day", "FRIDAY", "start", "18:00", "end", "02:00")));
        return request;
    }

    private static Map<String, Object> with(Map<String, Object> request, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(request);
        copy.put(field, value);
        return copy;
    }

    private MemberDto created(Map<String, Object> request) {
        return post(agency.adminToken(), request).expectStatus().isCreated()
                .expectBody(MemberDto.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec post(String token, Map<String, Object> request) {
        return http.post().uri("/v1/members").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(request).exchange();
    }

    private WebTestClient.ResponseSpec patch(String token, String id, String ifMatch, Map<String, Object> changes) {
        return http.patch().uri("/v1/members/" + id).headers(h -> {
            h.setBearerAuth(token);
            if (ifMatch != null) {
                h.setIfMatch(ifMatch);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(changes).exchange();
    }

    private WebTestClient.ResponseSpec action(String token, String method, String id, String path) {
        return http.method(org.springframework.http.HttpMethod.valueOf(method)).uri("/v1/members/" + id + path)
                .headers(h -> h.setBearerAuth(token)).exchange();
    }

    private List<String> listEmails(String token, String query) {
        return http.get().uri("/v1/members" + query).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(MemberPageDto.class).returnResult().getResponseBody()
                .getItems().stream().map(MemberDto::getEmail).toList();
    }

    private List<String> auditActions(String query) {
        return http.get().uri("/v1/audit-events" + query).headers(h -> h.setBearerAuth(agency.adminToken())).exchange()
                .expectStatus().isOk().expectBody(AuditEventPageDto.class).returnResult().getResponseBody()
                .getItems().stream().map(event -> event.getAction()).toList();
    }
}

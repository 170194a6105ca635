package com.agencyhub.roster.web;

import com.agencyhub.api.model.AgencyRosterCoverageDto;
import com.agencyhub.api.model.BrandDto;
import com.agencyhub.api.model.BrandRosterCoverageDto;
import com.agencyhub.api.model.CoverageProblemDto;
import com.agencyhub.api.model.MeDto;
import com.agencyhub.api.model.OnDutyDto;
import com.agencyhub.api.model.RosterPersonDto;
import com.agencyhub.api.model.RosterSegmentDto;
import com.agencyhub.api.model.RosterShiftDto;
import com.agencyhub.api.model.RosterShiftListDto;
import com.agencyhub.api.model.RosterTimelineDto;
import com.agencyhub.roster.AbsenceKind;
import com.agencyhub.roster.AbsenceStatus;
import com.agencyhub.roster.internal.AbsenceRepository;
import com.agencyhub.roster.internal.OverrideRepository;
import com.agencyhub.roster.internal.RotationRepository;
import com.agencyhub.shared.calendar.WeeklyWindow;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.strategy.web.StrategyApiTest;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static com.agencyhub.roster.web.RosterFixture.BERLIN;
import static com.agencyhub.roster.web.RosterFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The roster's answers through the API. Alpenmilch must be watched every day 09:00–17:00 in Europe/Berlin (its approved
 * strategy); Jonas and Mia take turns of a year on it, Jonas's turn running from 100 days ago, and Lea is the deputy of
 * its team. The roster data is written through the repositories ({@link RosterFixture}).
 */
class RosterQuestionsApiTest extends ApiTest {

    private static final List<WeeklyWindow> WEEKDAYS_NINE_TO_FIVE = Stream.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                    DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
            .map(day -> new WeeklyWindow(day, LocalTime.of(9, 0), LocalTime.of(17, 0))).toList();

    @Autowired
    private Transactions transactions;
    @Autowired
    private RotationRepository rotations;
    @Autowired
    private OverrideRepository overrides;
    @Autowired
    private AbsenceRepository absences;

    private TestAgency agency;
    private RosterFixture roster;
    private UUID jonas;
    private UUID lea;
    private UUID mia;
    private UUID alpenmilch;
    private UUID yearRotation;
    /** A Wednesday one to two weeks ahead, in Jonas's turn. */
    private LocalDate wednesday;

    @BeforeEach
    void alpenmilchWatchedAroundTheClock() {
        agency = newAgency("roster");
        jonas = newStaffMember(agency, "Jonas", "Berg");
        lea = newStaffMember(agency, "Lea", "Roth");
        mia = newStaffMember(agency, "Mia", "Sommer");
        alpenmilch = brandRequiringNineToFive("Alpenmilch");
        http.put().uri("/v1/brands/" + alpenmilch + "/team").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("assignments", List.of(Map.of("memberId", jonas, "responsibility", "responsible"),
                        Map.of("memberId", lea, "responsibility", "deputy"))))
                .exchange().expectStatus().isOk();
        roster = new RosterFixture(transactions, rotations, overrides, absences, agency);
        yearRotation = roster.rotation(List.of(jonas, mia), 365, LocalDate.now(BERLIN).minusDays(100), List.of(),
                alpenmilch);
        wednesday = LocalDate.now(BERLIN).plusWeeks(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
    }

    @Test
    void onDutyNowNamesTheMemberWhyTheDeputyChainAndHowToReachThem() {
        Instant before = Instant.now();
        OnDutyDto onDuty = get(lea(), "/v1/brands/" + alpenmilch + "/roster/on-duty").expectStatus().isOk()
                .expectBody(OnDutyDto.class).returnResult().getResponseBody();

        assertThat(onDuty.getBrandId()).isEqualTo(alpenmilch);
        assertThat(onDuty.getAt().toInstant()).isBetween(before, Instant.now());
        RosterSegmentDto segment = onDuty.getSegment();
        assertThat(segment.getStatus().getValue()).isEqualTo("on-duty");
        assertThat(segment.getStart().toInstant()).isBeforeOrEqualTo(onDuty.getAt().toInstant());
        assertThat(segment.getEnd().toInstant()).isAfter(onDuty.getAt().toInstant());
        assertThat(segment.getOnDuty()).isEqualTo(person(jonas, "Jonas Berg", "jonas.berg"));
        assertThat(segment.getReason().getValue()).isEqualTo("rotation");
        assertThat(segment.getRotationId()).isEqualTo(yearRotation);
        assertThat(segment.getScheduled()).isEqualTo(person(jonas, "Jonas Berg", "jonas.berg"));
        assertThat(segment.getAbsence()).isNull();
        // the brand's deputies first, then the layer's next members
        assertThat(segment.getDeputyChain()).containsExactly(person(lea, "Lea Roth", "lea.roth"),
                person(mia, "Mia Sommer", "mia.sommer"));
    }

    @Test
    void aMemberWhoLeftIsAwayAndTheDeputyTakesTheirTurn() {
        http.post().uri("/v1/members/" + jonas + "/deactivation").headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk();

        RosterSegmentDto segment = onDutyAt(berlin(wednesday, "10:00"));
        assertThat(segment.getOnDuty().getMemberId()).isEqualTo(lea);
        assertThat(segment.getReason().getValue()).isEqualTo("deputy");
        assertThat(segment.getScheduled().getMemberId()).isEqualTo(jonas);
        assertThat(segment.getAbsence().getValue()).isEqualTo("other");
        assertThat(segment.getDeputyChain()).extracting(RosterPersonDto::getMemberId).containsExactly(mia);
    }

    @Test
    void aSickMemberIsReplacedByTheFirstAvailableDeputyAndWithEveryoneAwayTheShiftIsEmpty() {
        roster.absence(jonas, AbsenceKind.SICK, AbsenceStatus.APPROVED, berlin(wednesday, "00:00"),
                berlin(wednesday.plusDays(1), "00:00"));
        roster.absence(lea, AbsenceKind.TRAINING, AbsenceStatus.APPROVED, berlin(wednesday, "12:00"),
                berlin(wednesday, "14:00"));
        roster.absence(mia, AbsenceKind.VACATION, AbsenceStatus.APPROVED, berlin(wednesday, "12:00"),
                berlin(wednesday, "14:00"));
        // a vacation waiting for approval takes no one off duty
        roster.absence(lea, AbsenceKind.VACATION, AbsenceStatus.PENDING, berlin(wednesday, "15:00"),
                berlin(wednesday, "16:00"));

        RosterSegmentDto standingIn = onDutyAt(berlin(wednesday, "10:00"));
        assertThat(standingIn.getStatus().getValue()).isEqualTo("on-duty");
        assertThat(standingIn.getStart().toInstant()).isEqualTo(berlin(wednesday, "09:00"));
        assertThat(standingIn.getEnd().toInstant()).isEqualTo(berlin(wednesday, "12:00"));
        assertThat(standingIn.getRequired()).isTrue();
        assertThat(standingIn.getOnDuty().getMemberId()).isEqualTo(lea);
        assertThat(standingIn.getReason().getValue()).isEqualTo("deputy");
        assertThat(standingIn.getScheduled().getMemberId()).isEqualTo(jonas);
        assertThat(standingIn.getAbsence().getValue()).isEqualTo("sick");
        assertThat(standingIn.getRotationId()).isEqualTo(yearRotation);
        assertThat(standingIn.getDeputyChain()).extracting(RosterPersonDto::getMemberId).containsExactly(mia);

        RosterSegmentDto empty = onDutyAt(berlin(wednesday, "13:00"));
        assertThat(empty.getStatus().getValue()).isEqualTo("empty");
        assertThat(empty.getStart().toInstant()).isEqualTo(berlin(wednesday, "12:00"));
        assertThat(empty.getEnd().toInstant()).isEqualTo(berlin(wednesday, "14:00"));
        assertThat(empty.getOnDuty()).isNull();
        assertThat(empty.getReason()).isNull();
        assertThat(empty.getScheduled().getMemberId()).isEqualTo(jonas);
        assertThat(empty.getAbsence().getValue()).isEqualTo("sick");
        assertThat(empty.getDeputyChain()).isEmpty();

        assertThat(onDutyAt(berlin(wednesday, "15:30")).getOnDuty().getMemberId()).isEqualTo(lea);
    }

    @Test
    void theTimelineCoversTheRangeExactlyAndDefaultsToTheNextSevenDays() {
        Instant from = berlin(wednesday, "00:00");
        Instant to = berlin(wednesday.plusDays(1), "00:00");
        RosterTimelineDto timeline = get(lea(), "/v1/brands/" + alpenmilch + "/roster/timeline?from=" + from
                + "&to=" + to).expectStatus().isOk().expectBody(RosterTimelineDto.class).returnResult()
                .getResponseBody();

        assertThat(timeline.getBrandId()).isEqualTo(alpenmilch);
        assertThat(timeline.getZone()).isEqualTo("Europe/Berlin");
        assertThat(timeline.getStrategyVersion()).isEqualTo(1);
        assertThat(timeline.getFrom().toInstant()).isEqualTo(from);
        assertThat(timeline.getTo().toInstant()).isEqualTo(to);
        List<RosterSegmentDto> segments = timeline.getSegments();
        assertThat(segments.get(0).getStart().toInstant()).isEqualTo(from);
        assertThat(segments.get(segments.size() - 1).getEnd().toInstant()).isEqualTo(to);
        for (int i = 1; i < segments.size(); i++) {
            assertThat(segments.get(i).getStart()).isEqualTo(segments.get(i - 1).getEnd());
        }
        assertThat(segments).extracting(RosterSegmentDto::getRequired).containsExactly(false, true, false);
        assertThat(segments.get(1).getStart().toInstant()).isEqualTo(berlin(wednesday, "09:00"));
        assertThat(segments).allSatisfy(segment -> assertThat(segment.getOnDuty().getMemberId()).isEqualTo(jonas));

        RosterTimelineDto nextWeek = get(lea(), "/v1/brands/" + alpenmilch + "/roster/timeline").expectStatus().isOk()
                .expectBody(RosterTimelineDto.class).returnResult().getResponseBody();
        assertThat(Duration.between(nextWeek.getFrom(), nextWeek.getTo())).isEqualTo(Duration.ofDays(7));
        assertThat(nextWeek.getFrom().toInstant()).isBetween(Instant.now().minusSeconds(120), Instant.now());
    }

    @Test
    void coverageSumsTheRequiredTimeInGapsAndEmptyShiftsAndListsThem() {
        UUID bergkaese = brandRequiringNineToFive("Bergkäse");
        roster.rotation(List.of(mia), 7, LocalDate.now(BERLIN).minusDays(3), WEEKDAYS_NINE_TO_FIVE, bergkaese);
        LocalDate monday = wednesday.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        roster.absence(mia, AbsenceKind.SICK, AbsenceStatus.APPROVED, berlin(monday, "00:00"),
                berlin(monday.plusDays(1), "00:00"));
        String week = "/v1/brands/" + bergkaese + "/roster/coverage?from=" + berlin(monday, "00:00") + "&weeks=1";

        // Lea, the strategy's monitoring deputy, on no rotation and no team, stands in for Mia
        get(lea(), week).expectStatus().isOk().expectBody()
                .jsonPath("$.coveredMinutes").isEqualTo(5 * 480)
                .jsonPath("$.emptyMinutes").isEqualTo(0);

        roster.absence(lea, AbsenceKind.TRAINING, AbsenceStatus.APPROVED, berlin(monday, "08:00"),
                berlin(monday, "18:00"));
        BrandRosterCoverageDto coverage = get(lea(), week).expectStatus().isOk()
                .expectBody(BrandRosterCoverageDto.class).returnResult().getResponseBody();

        assertThat(coverage.getBrandName()).isEqualTo("Bergkäse");
        assertThat(coverage.getStrategyVersion()).isEqualTo(1);
        assertThat(coverage.getTo().toInstant()).isEqualTo(berlin(monday.plusWeeks(1), "00:00"));
        assertThat(coverage.getRequiredMinutes()).isEqualTo(7 * 480);
        assertThat(coverage.getCoveredMinutes()).isEqualTo(4 * 480);
        assertThat(coverage.getGapMinutes()).isEqualTo(2 * 480);
        assertThat(coverage.getEmptyMinutes()).isEqualTo(480);
        // 1920 of 3360 minutes, rounded down
        assertThat(coverage.getPercentCovered()).isEqualByComparingTo(new BigDecimal("57.14"));
        assertThat(coverage.getFullyCovered()).isFalse();
        assertThat(coverage.getProblemCount()).isEqualTo(3);
        assertThat(coverage.getProblems()).extracting(problem -> problem.getStatus().getValue(),
                        problem -> problem.getStart().toInstant(), CoverageProblemDto::getRequired)
                .containsExactly(
                        tuple("empty", berlin(monday, "09:00"), true),
                        tuple("gap", berlin(monday.plusDays(5), "09:00"), true),
                        tuple("gap", berlin(monday.plusDays(6), "09:00"), true));

        UUID withoutStrategy = newBrand(agency, "Without strategy");
        get(lea(), "/v1/brands/" + withoutStrategy + "/roster/coverage").expectStatus().isOk().expectBody()
                .jsonPath("$.strategyVersion").isEmpty()
                .jsonPath("$.requiredMinutes").isEqualTo(0)
                .jsonPath("$.percentCovered").isEqualTo(100)
                .jsonPath("$.fullyCovered").isEqualTo(true)
                .jsonPath("$.problems").isEmpty();
    }

    @Test
    void agencyCoverageListsTheActiveBrandsLeastCoveredFirstWithAtMostTwentyProblemsEach() {
        UUID bergkaese = brandRequiringNineToFive("Bergkäse");
        roster.rotation(List.of(mia), 7, LocalDate.now(BERLIN).minusDays(3), WEEKDAYS_NINE_TO_FIVE, bergkaese);
        UUID unwatched = brandRequiringNineToFive("Zugspitze");
        UUID withoutStrategy = newBrand(agency, "Almhütte");
        newBrand(agency, "Still onboarding");
        for (UUID brand : List.of(alpenmilch, bergkaese, unwatched, withoutStrategy)) {
            activate(brand);
        }
        LocalDate monday = wednesday.with(TemporalAdjusters.next(DayOfWeek.MONDAY));

        AgencyRosterCoverageDto agencyWide = get(lea(), "/v1/roster/coverage?from=" + berlin(monday, "00:00")
                + "&weeks=4").expectStatus().isOk().expectBody(AgencyRosterCoverageDto.class).returnResult()
                .getResponseBody();

        assertThat(agencyWide.getTo().toInstant()).isEqualTo(berlin(monday, "00:00").plus(Duration.ofDays(28)));
        assertThat(agencyWide.getBrands()).extracting(BrandRosterCoverageDto::getBrandName)
                .containsExactly("Zugspitze", "Bergkäse", "Almhütte", "Alpenmilch");
        BrandRosterCoverageDto worst = agencyWide.getBrands().get(0);
        assertThat(worst.getPercentCovered()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(worst.getProblemCount()).isEqualTo(28);
        assertThat(worst.getProblems()).hasSize(20);
        assertThat(worst.getProblems().get(0).getStart().toInstant()).isEqualTo(berlin(monday, "09:00"));
        assertThat(agencyWide.getBrands().get(1).getPercentCovered()).isEqualByComparingTo(new BigDecimal("71.42"));
        assertThat(agencyWide.getBrands().get(3).getFullyCovered()).isTrue();

        TestAgency other = newAgency("roster-other");
        activate(other, newBrand(other, "Elsewhere"));
        assertThat(get(other.adminToken(), "/v1/roster/coverage").expectStatus().isOk()
                .expectBody(AgencyRosterCoverageDto.class).returnResult().getResponseBody().getBrands())
                .extracting(BrandRosterCoverageDto::getBrandName).containsExactly("Elsewhere");
    }

    @Test
    void readinessAsksForTheNextFourWeeksFullyCovered() {
        UUID bergkaese = brandRequiringNineToFive("Bergkäse");
        roster.rotation(List.of(mia), 7, LocalDate.now(BERLIN).minusDays(3), WEEKDAYS_NINE_TO_FIVE, bergkaese);
        UUID withoutStrategy = newBrand(agency, "Without strategy");

        rosterReadiness(alpenmilch).jsonPath("$.requirements[2].done").isEqualTo(true)
                .jsonPath("$.requirements[2].reason").isEqualTo("next 4 weeks fully covered");
        rosterReadiness(bergkaese).jsonPath("$.requirements[2].done").isEqualTo(false)
                .jsonPath("$.requirements[2].reason").value(reason -> assertThat((String) reason).matches(
                        "\\d+ gaps \\(\\d+ h( \\d+ min)?\\) in the next 4 weeks; first: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ"));
        rosterReadiness(withoutStrategy).jsonPath("$.requirements[2].done").isEqualTo(false)
                .jsonPath("$.requirements[2].reason").isEqualTo("needs an approved strategy with coverage windows");
    }

    @Test
    void aMembersShiftsAcrossBrandsByRotationOverrideAndAsDeputy() {
        UUID bergkaese = brandRequiringNineToFive("Bergkäse");
        roster.rotation(List.of(lea), 7, LocalDate.now(BERLIN).minusDays(3), WEEKDAYS_NINE_TO_FIVE, bergkaese);
        roster.absence(jonas, AbsenceKind.SICK, AbsenceStatus.APPROVED, berlin(wednesday, "00:00"),
                berlin(wednesday.plusDays(1), "00:00"));
        roster.override(lea, berlin(wednesday.plusDays(1), "10:00"), berlin(wednesday.plusDays(1), "12:00"),
                alpenmilch);
        String range = "from=" + berlin(wednesday, "00:00") + "&to=" + berlin(wednesday.plusDays(2), "00:00");

        RosterShiftListDto own = get(lea(), "/v1/roster/shifts?" + range).expectStatus().isOk()
                .expectBody(RosterShiftListDto.class).returnResult().getResponseBody();

        assertThat(own.getMemberId()).isEqualTo(lea);
        assertThat(own.getShifts()).extracting(RosterShiftDto::getBrandName, shift -> shift.getStart().toInstant(),
                        shift -> shift.getEnd().toInstant(), shift -> shift.getReason().getValue(),
                        RosterShiftDto::getRequired)
                .containsExactly(
                        shift("Alpenmilch", wednesday, "00:00", wednesday, "09:00", "deputy", false),
                        shift("Alpenmilch", wednesday, "09:00", wednesday, "17:00", "deputy", true),
                        shift("Bergkäse", wednesday, "09:00", wednesday, "17:00", "rotation", true),
                        shift("Alpenmilch", wednesday, "17:00", wednesday.plusDays(1), "00:00", "deputy", false),
                        shift("Bergkäse", wednesday.plusDays(1), "09:00", wednesday.plusDays(1), "17:00", "rotation",
                                true),
                        shift("Alpenmilch", wednesday.plusDays(1), "10:00", wednesday.plusDays(1), "12:00", "override",
                                true));
        assertThat(own.getShifts().get(0).getStandingInFor()).isEqualTo(person(jonas, "Jonas Berg", "jonas.berg"));
        assertThat(own.getShifts().get(2).getStandingInFor()).isNull();

        assertThat(get(agency.adminToken(), "/v1/roster/shifts?memberId=" + lea + "&" + range).expectStatus().isOk()
                .expectBody(RosterShiftListDto.class).returnResult().getResponseBody().getShifts()).hasSize(6);
        assertThat(get(agency.adminToken(), "/v1/roster/shifts?memberId=" + mia + "&" + range).expectStatus().isOk()
                .expectBody(RosterShiftListDto.class).returnResult().getResponseBody().getShifts()).isEmpty();
        expectFieldError(get(agency.adminToken(), "/v1/roster/shifts?memberId=" + UUID.randomUUID()), "memberId");
        UUID clientUser = http.get().uri("/v1/me").headers(h -> h.setBearerAuth(clientViewer(agency, alpenmilch)))
                .exchange().expectStatus().isOk().expectBody(MeDto.class).returnResult()
                .getResponseBody().getUserId();
        expectFieldError(get(agency.adminToken(), "/v1/roster/shifts?memberId=" + clientUser), "memberId");
    }

    @Test
    void rangesMustEndAfterTheyStartLastAtMostNinetyThreeDaysAndLieInThisCentury() {
        Instant from = berlin(wednesday, "00:00");
        String timeline = "/v1/brands/" + alpenmilch + "/roster/timeline";
        expectFieldError(get(lea(), timeline + "?from=" + from + "&to=" + from), "to");
        expectFieldError(get(lea(), timeline + "?from=" + from + "&to=" + from.minusSeconds(60)), "to");
        expectFieldError(get(lea(), timeline + "?from=" + from + "&to=" + from.plus(Duration.ofDays(94))), "to");
        get(lea(), timeline + "?from=" + from + "&to=" + from.plus(Duration.ofDays(93))).expectStatus().isOk();
        expectFieldError(get(lea(), "/v1/roster/shifts?from=" + from + "&to=" + from.plus(Duration.ofDays(94))),
                "to");
        expectFieldError(get(lea(), "/v1/roster/shifts?to=" + Instant.now().minusSeconds(3600)), "to");
        expectFieldError(get(lea(), "/v1/brands/" + alpenmilch + "/roster/on-duty?at=1999-12-31T23:00:00Z"), "at");
        expectFieldError(get(lea(), "/v1/roster/coverage?from=2100-01-01T00:00:00Z"), "from");
        get(lea(), "/v1/brands/" + alpenmilch + "/roster/coverage?weeks=27").expectStatus().isBadRequest();
        get(lea(), "/v1/roster/coverage?weeks=0").expectStatus().isBadRequest();
    }

    @Test
    void otherAgenciesFindNothingAndClientUsersAreRefused() {
        TestAgency other = newAgency("roster-foreign");
        for (String question : List.of("on-duty", "timeline", "coverage")) {
            get(other.adminToken(), "/v1/brands/" + alpenmilch + "/roster/" + question).expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        expectFieldError(get(other.adminToken(), "/v1/roster/shifts?memberId=" + jonas), "memberId");

        String client = clientViewer(agency, alpenmilch);
        for (String path : List.of("/v1/brands/" + alpenmilch + "/roster/on-duty",
                "/v1/brands/" + alpenmilch + "/roster/timeline", "/v1/brands/" + alpenmilch + "/roster/coverage",
                "/v1/roster/coverage", "/v1/roster/shifts")) {
            get(client, path).expectStatus().isForbidden();
        }
    }

    /** A brand in Europe/Berlin whose approved strategy requires monitoring every day 09:00–17:00. */
    private UUID brandRequiringNineToFive(String name) {
        UUID brand = http.post().uri("/v1/brands").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("name", name, "zone", "Europe/Berlin", "locale", "de-DE",
                        "channels", List.of(Map.of("platform", "instagram", "handle", "@brand"))))
                .exchange().expectStatus().isCreated().expectBody(BrandDto.class).returnResult().getResponseBody()
                .getId();
        List<Map<String, Object>> everyDay = Stream.of(DayOfWeek.values())
                .map(day -> StrategyApiTest.window(day.name(), "09:00", "17:00")).toList();
        draftAndFinish(agency, brand, "/strategy", StrategyApiTest.plan(agency.admin().value(), lea, everyDay),
                "/draft/approval");
        return brand;
    }

    private void activate(UUID brand) {
        activate(agency, brand);
    }

    private void activate(TestAgency owner, UUID brand) {
        String etag = http.get().uri("/v1/brands/" + brand).headers(h -> h.setBearerAuth(owner.adminToken()))
                .exchange().expectStatus().isOk().returnResult(BrandDto.class).getResponseHeaders().getETag();
        http.post().uri("/v1/brands/" + brand + "/status").headers(h -> {
                    h.setBearerAuth(owner.adminToken());
                    h.setIfMatch(etag);
                }).bodyValue(Map.of("status", "active", "force", true, "reason", "Roster test"))
                .exchange().expectStatus().isOk();
    }

    /** The brand's readiness, whose third requirement is the roster's. */
    private WebTestClient.BodyContentSpec rosterReadiness(UUID brand) {
        return get(lea(), "/v1/brands/" + brand + "/readiness").expectStatus().isOk().expectBody()
                .jsonPath("$.requirements[2].requirement").isEqualTo("roster-coverage");
    }

    private RosterSegmentDto onDutyAt(Instant at) {
        return get(lea(), "/v1/brands/" + alpenmilch + "/roster/on-duty?at=" + at).expectStatus().isOk()
                .expectBody(OnDutyDto.class).returnResult().getResponseBody().getSegment();
    }

    private RosterPersonDto person(UUID member, String displayName, String mailbox) {
        return new RosterPersonDto(member, displayName, mailbox + "@" + agency.slug() + ".test");
    }

    private static Tuple shift(String brand, LocalDate startDay, String start,
                                                       LocalDate endDay, String end, String reason, boolean required) {
        return tuple(brand, berlin(startDay, start), berlin(endDay, end), reason,
                required);
    }

    private String lea() {
        return agency.tokenFor(lea);
    }

    private WebTestClient.ResponseSpec get(String token, String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange();
    }
}

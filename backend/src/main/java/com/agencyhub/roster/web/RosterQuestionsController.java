package com.agencyhub.roster.web;

import com.agencyhub.api.OnDutyAndCoverageApi;
import com.agencyhub.api.model.AgencyRosterCoverageDto;
import com.agencyhub.api.model.BrandRosterCoverageDto;
import com.agencyhub.api.model.OnDutyDto;
import com.agencyhub.api.model.RosterChangePageDto;
import com.agencyhub.api.model.RosterLoadDto;
import com.agencyhub.api.model.RosterShiftListDto;
import com.agencyhub.api.model.RosterTimelineDto;
import com.agencyhub.roster.RosterChanges;
import com.agencyhub.roster.RosterLoads;
import com.agencyhub.roster.RosterQuestions;
import com.agencyhub.shared.calendar.IsoWeek;
import com.agencyhub.tenancy.Agencies;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.Inputs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The roster's answers; staff only (see security). */
@RestController
class RosterQuestionsController implements OnDutyAndCoverageApi {

    private static final Duration LONGEST_RANGE = Duration.ofDays(93);
    private static final Duration TIMELINE_BY_DEFAULT = Duration.ofDays(7);
    private static final Duration SHIFTS_BY_DEFAULT = Duration.ofDays(14);
    /** How many problems each brand lists in the agency-wide coverage. */
    private static final int AGENCY_PROBLEMS_SHOWN = 20;

    private final RosterQuestions questions;
    private final RosterLoads loads;
    private final RosterChanges changes;
    private final Agencies agencies;

    RosterQuestionsController(RosterQuestions questions, RosterLoads loads, RosterChanges changes, Agencies agencies) {
        this.questions = questions;
        this.loads = loads;
        this.changes = changes;
        this.agencies = agencies;
    }

    @Override
    public Mono<ResponseEntity<OnDutyDto>> getOnDuty(UUID brandId, OffsetDateTime at, ServerWebExchange exchange) {
        Instant instant = at == null ? Instant.now() : Inputs.plausible("at", at);
        return CurrentActor.get().flatMap(actor -> questions.onDuty(actor, new BrandId(brandId), instant))
                .map(onDuty -> ResponseEntity.ok(RosterAnswerDtos.onDuty(onDuty)));
    }

    @Override
    public Mono<ResponseEntity<RosterTimelineDto>> getRosterTimeline(UUID brandId, OffsetDateTime from,
                                                                     OffsetDateTime to, ServerWebExchange exchange) {
        Range range = Range.of(from, to, TIMELINE_BY_DEFAULT);
        return CurrentActor.get()
                .flatMap(actor -> questions.timeline(actor, new BrandId(brandId), range.from(), range.to()))
                .map(timeline -> ResponseEntity.ok(RosterAnswerDtos.timeline(timeline)));
    }

    @Override
    public Mono<ResponseEntity<BrandRosterCoverageDto>> getBrandRosterCoverage(UUID brandId, OffsetDateTime from,
                                                                               Integer weeks,
                                                                               ServerWebExchange exchange) {
        Range range = Range.ofWeeks(from, weeks);
        return CurrentActor.get()
                .flatMap(actor -> questions.coverage(actor, new BrandId(brandId), range.from(), range.to()))
                .map(coverage -> ResponseEntity.ok(RosterAnswerDtos.coverage(coverage, Integer.MAX_VALUE)));
    }

    @Override
    public Mono<ResponseEntity<AgencyRosterCoverageDto>> listRosterCoverage(OffsetDateTime from, Integer weeks,
                                                                            ServerWebExchange exchange) {
        Range range = Range.ofWeeks(from, weeks);
        return CurrentActor.get().flatMap(actor -> questions.coverage(actor, range.from(), range.to()))
                .map(brands -> ResponseEntity.ok(RosterAnswerDtos.agencyCoverage(range.from(), range.to(), brands,
                        AGENCY_PROBLEMS_SHOWN)));
    }

    @Override
    public Mono<ResponseEntity<RosterShiftListDto>> listRosterShifts(UUID memberId, OffsetDateTime from,
                                                                     OffsetDateTime to, ServerWebExchange exchange) {
        Range range = Range.of(from, to, SHIFTS_BY_DEFAULT);
        return CurrentActor.get()
                .flatMap(actor -> questions.shifts(actor, memberId == null ? actor.userId() : new UserId(memberId),
                        range.from(), range.to()))
                .map(shifts -> ResponseEntity.ok(RosterAnswerDtos.shifts(shifts)));
    }

    @Override
    public Mono<ResponseEntity<RosterLoadDto>> getRosterLoad(String week, Integer weeks, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> (week != null ? Mono.just(parseWeek(week))
                        : agencies.own(actor.requireTenant()).map(agency -> IsoWeek.of(LocalDate.now(agency.defaultZone()))))
                .flatMap(first -> loads.report(actor, first, weeks)))
                .map(report -> ResponseEntity.ok(RosterLoadDtos.report(report)));
    }

    @Override
    public Mono<ResponseEntity<RosterChangePageDto>> listRosterChanges(UUID memberId, Integer limit, String cursor,
                                                                      ServerWebExchange exchange) {
        int pageSize = Inputs.limit(limit);
        return CurrentActor.get()
                .flatMap(actor -> changes.list(actor, memberId == null ? null : new UserId(memberId), pageSize, cursor))
                .map(page -> ResponseEntity.ok(new RosterChangePageDto(page.map(RosterAnswerDtos::change).items(),
                        page.nextCursor())));
    }

    private static IsoWeek parseWeek(String text) {
        return IsoWeek.parse(text).orElseThrow(() -> ApiProblem.invalidField("week",
                "must be an ISO week such as 2027-W10 that exists", "iso-week"));
    }

    /** A half-open range asked for; {@code from} defaults to now, cut to the minute so that answers read plainly. */
    private record Range(Instant from, Instant to) {

        static Range of(OffsetDateTime from, OffsetDateTime to, Duration byDefault) {
            Instant start = from == null ? now() : Inputs.plausible("from", from);
            Instant end = to == null ? start.plus(byDefault) : Inputs.plausible("to", to);
            RosterRequests.stretch("to", start, end, LONGEST_RANGE);
            return new Range(start, end);
        }

        static Range ofWeeks(OffsetDateTime from, int weeks) {
            Instant start = from == null ? now() : Inputs.plausible("from", from);
            return new Range(start, start.plus(Duration.ofDays(7L * weeks)));
        }

        private static Instant now() {
            return Instant.now().truncatedTo(ChronoUnit.MINUTES);
        }
    }
}

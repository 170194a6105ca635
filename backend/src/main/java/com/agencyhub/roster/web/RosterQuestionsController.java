package com.agencyhub.roster.web;

import com.agencyhub.api.OnDutyAndCoverageApi;
import com.agencyhub.api.model.AgencyRosterCoverageDto;
import com.agencyhub.api.model.BrandRosterCoverageDto;
import com.agencyhub.api.model.OnDutyDto;
import com.agencyhub.api.model.RosterChangePageDto;
import com.agencyhub.api.model.RosterLoadDto;
import com.agencyhub.api.model.RosterShiftListDto;
import com.agencyhub.api.model.RosterTimelineDto;
import com.agencyhub.roster.RosterQuestions;
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

    RosterQuestionsController(RosterQuestions questions) {
        this.questions = questions;
    }

    @Override
    public Mono<ResponseEntity<OnDutyDto>> getOnDuty(UUID brandId, OffsetDateTime at, ServerWebExchange exchange) {
        Instant instant = at == null ? Instant.now() : Inputs.plausible("at", at);
        return CurrentActor.get().flatMap(actor -> questions.onDuty(actor, new BrandId(brandId), instant))
                .map(onDuty -> ResponseEntity.ok(RosterDtos.onDuty(onDuty)));
    }

    @Override
    public Mono<ResponseEntity<RosterTimelineDto>> getRosterTimeline(UUID brandId, OffsetDateTime from,
                                                                     OffsetDateTime to, ServerWebExchange exchange) {
        Range range = Range.of(from, to, TIMELINE_BY_DEFAULT);
        return CurrentActor.get()
                .flatMap(actor -> questions.timeline(actor, new BrandId(brandId), range.from(), range.to()))
                .map(timeline -> ResponseEntity.ok(RosterDtos.timeline(timeline)));
    }

    @Override
    public Mono<ResponseEntity<BrandRosterCoverageDto>> getBrandRosterCoverage(UUID brandId, OffsetDateTime from,
                                                                               Integer weeks,
                                                                               ServerWebExchange exchange) {
        Range range = Range.ofWeeks(from, weeks);
        return CurrentActor.get()
                .flatMap(actor -> questions.coverage(actor, new BrandId(brandId), range.from(), range.to()))
                .map(coverage -> ResponseEntity.ok(RosterDtos.coverage(coverage, Integer.MAX_VALUE)));
    }

    @Override
    public Mono<ResponseEntity<AgencyRosterCoverageDto>> listRosterCoverage(OffsetDateTime from, Integer weeks,
                                                                            ServerWebExchange exchange) {
        Range range = Range.ofWeeks(from, weeks);
        return CurrentActor.get().flatMap(actor -> questions.coverage(actor, range.from(), range.to()))
                .map(brands -> ResponseEntity.ok(RosterDtos.agencyCoverage(range.from(), range.to(), brands,
                        AGENCY_PROBLEMS_SHOWN)));
    }

    @Override
    public Mono<ResponseEntity<RosterShiftListDto>> listRosterShifts(UUID memberId, OffsetDateTime from,
                                                                     OffsetDateTime to, ServerWebExchange exchange) {
        Range range = Range.of(from, to, SHIFTS_BY_DEFAULT);
        return CurrentActor.get()
                .flatMap(actor -> questions.shifts(actor, memberId == null ? actor.userId() : new UserId(memberId),
                        range.from(), range.to()))
                .map(shifts -> ResponseEntity.ok(RosterDtos.shifts(shifts)));
    }

    // TODO(issue 12): load — merged from branch roster-load
    @Override
    public Mono<ResponseEntity<RosterLoadDto>> getRosterLoad(String week, Integer weeks, ServerWebExchange exchange) {
        return Mono.error(ApiProblem.conflict("not built yet"));
    }

    // TODO(issue 12): changes — merged from the branch that builds the change log
    @Override
    public Mono<ResponseEntity<RosterChangePageDto>> listRosterChanges(UUID memberId, Integer limit, String cursor,
                                                                       ServerWebExchange exchange) {
        return Mono.error(ApiProblem.conflict("not built yet"));
    }

    /** A half-open range asked for; {@code from} defaults to now, cut to the minute so that answers read plainly. */
    private record Range(Instant from, Instant to) {

        static Range of(OffsetDateTime from, OffsetDateTime to, Duration byDefault) {
            Instant start = from == null ? now() : Inputs.plausible("from", from);
            Instant end = to == null ? start.plus(byDefault) : Inputs.plausible("to", to);
            Inputs.range(start, end);
            if (Duration.between(start, end).compareTo(LONGEST_RANGE) > 0) {
                throw ApiProblem.invalidField("to", "must be at most " + LONGEST_RANGE.toDays() + " days after from",
                        "range");
            }
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

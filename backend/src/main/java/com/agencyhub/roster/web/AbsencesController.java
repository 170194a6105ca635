package com.agencyhub.roster.web;

import com.agencyhub.api.AbsencesApi;
import com.agencyhub.api.model.AbsenceDecisionDto;
import com.agencyhub.api.model.AbsenceDto;
import com.agencyhub.api.model.AbsenceInputDto;
import com.agencyhub.api.model.AbsencePageDto;
import com.agencyhub.api.model.AbsenceStatusDto;
import com.agencyhub.roster.AbsenceId;
import com.agencyhub.roster.AbsenceKind;
import com.agencyhub.roster.AbsenceStatus;
import com.agencyhub.roster.Absences;
import com.agencyhub.roster.Interval;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.Inputs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

@RestController
class AbsencesController implements AbsencesApi {

    /** The longest absence one entry holds; a longer leave is entered in parts. */
    static final Duration LONGEST = Duration.ofDays(366);

    private final Absences absences;

    AbsencesController(Absences absences) {
        this.absences = absences;
    }

    @Override
    public Mono<ResponseEntity<AbsencePageDto>> listAbsences(OffsetDateTime from, OffsetDateTime to, UUID memberId,
                                                             AbsenceStatusDto status, Integer limit, String cursor,
                                                             ServerWebExchange exchange) {
        int pageSize = Inputs.limit(limit);
        Instant start = from == null ? Instant.now() : from.toInstant();
        Instant end = to == null ? null : to.toInstant();
        Inputs.range(start, end);
        return CurrentActor.get().flatMap(actor -> absences.list(actor, start, end,
                        memberId == null ? null : new UserId(memberId),
                        status == null ? null : AbsenceStatus.of(status.getValue()), pageSize, cursor))
                .map(page -> ResponseEntity.ok(new AbsencePageDto(page.map(RosterDtos::absence).items(),
                        page.nextCursor())));
    }

    @Override
    public Mono<ResponseEntity<AbsenceDto>> createAbsence(Mono<AbsenceInputDto> body, ServerWebExchange exchange) {
        return body.zipWith(CurrentActor.get()).flatMap(request -> {
                    AbsenceInputDto input = request.getT1();
                    Interval stretch = RosterRequests.stretch("to", input.getFrom(), input.getTo(), LONGEST);
                    return absences.create(request.getT2(),
                            input.getMemberId() == null ? null : new UserId(input.getMemberId()),
                            Slugs.parse(AbsenceKind.class, input.getKind().getValue()), stretch.from(), stretch.to(),
                            RosterRequests.note(input.getNote()));
                })
                .map(created -> ResponseEntity.created(URI.create(AbsencesApi.PATH_GET_ABSENCE
                                .replace("{absenceId}", created.id().toString())))
                        .body(RosterDtos.absence(created)));
    }

    @Override
    public Mono<ResponseEntity<AbsenceDto>> getAbsence(UUID absenceId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> absences.get(actor, new AbsenceId(absenceId)))
                .map(absence -> ResponseEntity.ok(RosterDtos.absence(absence)));
    }

    @Override
    public Mono<ResponseEntity<AbsenceDto>> decideAbsence(UUID absenceId, Mono<AbsenceDecisionDto> body,
                                                          ServerWebExchange exchange) {
        return body.zipWith(CurrentActor.get())
                .flatMap(request -> absences.decide(request.getT2(), new AbsenceId(absenceId),
                        request.getT1().getDecision() == AbsenceDecisionDto.DecisionEnum.APPROVED,
                        RosterRequests.note(request.getT1().getNote())))
                .map(absence -> ResponseEntity.ok(RosterDtos.absence(absence)));
    }

    @Override
    public Mono<ResponseEntity<Void>> cancelAbsence(UUID absenceId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> absences.cancel(actor, new AbsenceId(absenceId)))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().<Void>build()));
    }
}

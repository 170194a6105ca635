package com.agencyhub.inbox.web;

import com.agencyhub.api.model.IngestBatchResultDto;
import com.agencyhub.api.model.IngestedInteractionDto;
import com.agencyhub.api.model.InteractionClockDto;
import com.agencyhub.api.model.InteractionClockStateDto;
import com.agencyhub.api.model.InteractionDto;
import com.agencyhub.api.model.InteractionEventDto;
import com.agencyhub.api.model.InteractionKindDto;
import com.agencyhub.api.model.InteractionMetricDto;
import com.agencyhub.api.model.InteractionSentimentDto;
import com.agencyhub.api.model.InteractionSlaDto;
import com.agencyhub.api.model.InteractionStatusDto;
import com.agencyhub.api.model.PrioritySourceDto;
import com.agencyhub.api.model.SlaClockDto;
import com.agencyhub.api.model.SlaPriorityDto;
import com.agencyhub.api.model.WindowClassDto;
import com.agencyhub.inbox.ClockState;
import com.agencyhub.inbox.IngestResult;
import com.agencyhub.inbox.IngestedItem;
import com.agencyhub.inbox.Interaction;
import com.agencyhub.inbox.InteractionEvent;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.UserId;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The inbox's answers as the contract spells them. */
final class InboxDtos {

    private InboxDtos() {
    }

    static IngestBatchResultDto batch(IngestResult result) {
        return new IngestBatchResultDto(result.createdCount(), result.existingCount(),
                result.items().stream().map(InboxDtos::ingested).toList());
    }

    static IngestedInteractionDto ingested(IngestedItem item) {
        return new IngestedInteractionDto(item.id().value(), item.channel(), item.externalId(), item.created(),
                SlaPriorityDto.fromValue(Slugs.of(item.priority())),
                PrioritySourceDto.fromValue(Slugs.of(item.prioritySource())),
                WindowClassDto.fromValue(Slugs.of(item.windowClass())), item.guidelinesVersion(),
                item.strategyVersion(), utc(item.firstResponseDueAt()), utc(item.resolutionDueAt()));
    }

    static InteractionDto interaction(Interaction item, Instant now) {
        Interaction.PinnedSla sla = item.sla();
        Interaction.FirstResponse first = item.firstResponse();
        Interaction.Resolution resolution = item.resolution();
        return new InteractionDto(item.id().value(), item.brand().value(), item.channel(), item.externalId(),
                InteractionKindDto.fromValue(Slugs.of(item.kind())), item.authorHandle(), item.text(), item.link(),
                item.sentiment() == null ? null : InteractionSentimentDto.fromValue(Slugs.of(item.sentiment())),
                utc(item.receivedAt()), utc(item.ingestedAt()), SlaPriorityDto.fromValue(Slugs.of(item.priority())),
                PrioritySourceDto.fromValue(Slugs.of(item.prioritySource())),
                WindowClassDto.fromValue(Slugs.of(item.windowClass())),
                InteractionStatusDto.fromValue(Slugs.of(item.status())), id(item.assignee()),
                sla == null ? null : new InteractionSlaDto(sla.guidelinesVersion(), sla.strategyVersion(),
                        SlaClockDto.fromValue(Slugs.of(sla.clock()))),
                sla == null ? null : clock(sla.firstResponseTargetMinutes(), sla.firstResponseDueAt(),
                        first == null ? null : first.at(), first == null ? null : first.by(),
                        first == null ? null : first.channel(), first == null ? null : first.seconds(),
                        first == null ? null : first.businessSeconds(), null, now),
                sla == null ? null : clock(sla.resolutionTargetMinutes(), sla.resolutionDueAt(), resolution.at(),
                        resolution.by(), null, resolution.seconds(), resolution.businessSeconds(),
                        item.waitingSince(), now),
                item.reopenCount(), item.version());
    }

    private static InteractionClockDto clock(int target, Instant due, Instant at, UserId by, String channel,
                                             Integer seconds, Integer businessSeconds, Instant pausedSince,
                                             Instant now) {
        return new InteractionClockDto(target, utc(due),
                InteractionClockStateDto.fromValue(Slugs.of(ClockState.of(due, at, pausedSince, now))), utc(at),
                id(by), channel,
                seconds, businessSeconds);
    }

    static InteractionEventDto event(InteractionEvent event) {
        Map<String, Object> detail = new LinkedHashMap<>(event.detail());
        return new InteractionEventDto(event.id(), InteractionEventDto.TypeEnum.fromValue(Slugs.of(event.type())),
                event.metric() == null ? null : InteractionMetricDto.fromValue(Slugs.of(event.metric())),
                utc(event.at()), id(event.actor()), InteractionEventDto.SourceEnum.fromValue(Slugs.of(event.source())),
                event.channel(), detail);
    }

    private static UUID id(UserId user) {
        return user == null ? null : user.value();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

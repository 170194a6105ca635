package com.agencyhub.guidelines.web;

import com.agencyhub.api.model.ApprovalModeDto;
import com.agencyhub.api.model.EscalationStepDto;
import com.agencyhub.api.model.EscalationTriggerDto;
import com.agencyhub.api.model.GuidelineAcknowledgmentDto;
import com.agencyhub.api.model.GuidelineContentDto;
import com.agencyhub.api.model.GuidelineSectionDto;
import com.agencyhub.api.model.GuidelineSectionKindDto;
import com.agencyhub.api.model.GuidelineStatusDto;
import com.agencyhub.api.model.GuidelineVersionDto;
import com.agencyhub.api.model.GuidelineVersionSummaryDto;
import com.agencyhub.api.model.InteractionKindDto;
import com.agencyhub.api.model.ResponsibilityDto;
import com.agencyhub.api.model.SlaClockDto;
import com.agencyhub.api.model.SlaConditionsDto;
import com.agencyhub.api.model.SlaPolicyDto;
import com.agencyhub.api.model.SlaPriorityDto;
import com.agencyhub.guidelines.Acknowledgment;
import com.agencyhub.guidelines.ApprovalMode;
import com.agencyhub.guidelines.EscalationStep;
import com.agencyhub.guidelines.EscalationTrigger;
import com.agencyhub.guidelines.GuidelineContent;
import com.agencyhub.guidelines.GuidelineSection;
import com.agencyhub.guidelines.GuidelineVersion;
import com.agencyhub.guidelines.GuidelineVersionSummary;
import com.agencyhub.guidelines.SlaConditions;
import com.agencyhub.guidelines.SlaPolicy;
import com.agencyhub.shared.web.ETags;
import com.agencyhub.shared.web.Inputs;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Guidelines between the contract and the module. The contract's enums are kebab-case spellings of the
 * module's enum constants (`do-and-dont` is DO_AND_DONT), so one pair of functions maps them all.
 */
final class GuidelineDtos {

    private GuidelineDtos() {
    }

    static GuidelineContent content(GuidelineContentDto dto) {
        List<String> languages = IntStream.range(0, dto.getLanguages().size())
                .mapToObj(i -> Inputs.locale("languages[" + i + "]", dto.getLanguages().get(i))).toList();
        return new GuidelineContent(languages,
                dto.getSections().stream().map(section -> new GuidelineSection(
                        constant(GuidelineSection.Kind.class, section.getKind().getValue()), section.getTitle().strip(),
                        section.getBody())).toList(),
                dto.getSlaPolicies().stream().map(GuidelineDtos::policy).toList(),
                dto.getEscalation().stream().map(step -> new EscalationStep(new EscalationTrigger(
                        constant(EscalationTrigger.At.class, step.getTrigger().getAt().getValue()),
                        step.getTrigger().getValue()),
                        constant(EscalationStep.Recipient.class, step.getRecipient().getValue()),
                        constant(EscalationStep.Channel.class, step.getChannel().getValue()))).toList(),
                dto.getApprovalMode() == null ? null : ApprovalMode.of(dto.getApprovalMode().getValue()));
    }

    private static SlaPolicy policy(SlaPolicyDto dto) {
        SlaConditionsDto conditions = dto.getConditions();
        return new SlaPolicy(constant(SlaPolicy.Priority.class, dto.getPriority().getValue()),
                dto.getFirstResponseMinutes(), dto.getResolutionMinutes(),
                constant(SlaPolicy.Clock.class, dto.getClock().getValue()),
                new SlaConditions(conditions.getPlatforms(), conditions.getKinds().stream()
                        .map(kind -> constant(SlaConditions.InteractionKind.class, kind.getValue())).toList(),
                        conditions.getKeywords().stream().map(String::strip).toList()));
    }

    static ResponseEntity<GuidelineVersionDto> ok(GuidelineVersion version) {
        return ResponseEntity.ok().eTag(ETags.of(version.version())).body(of(version));
    }

    static GuidelineVersionDto of(GuidelineVersion version) {
        return new GuidelineVersionDto(version.id(), version.brand().value(), version.number(),
                GuidelineStatusDto.fromValue(version.status().value()), of(version.content()),
                version.acknowledgments().stream().map(GuidelineDtos::of).toList(), utc(version.createdAt()),
                utc(version.updatedAt()), utc(version.publishedAt()), (long) version.version());
    }

    static GuidelineVersionSummaryDto of(GuidelineVersionSummary summary) {
        return new GuidelineVersionSummaryDto(summary.id(), summary.number(),
                GuidelineStatusDto.fromValue(summary.status().value()), utc(summary.createdAt()),
                utc(summary.publishedAt()), summary.assigned(), summary.acknowledged());
    }

    static SlaPolicyDto of(SlaPolicy policy) {
        SlaConditions conditions = policy.conditions();
        return new SlaPolicyDto(SlaPriorityDto.fromValue(value(policy.priority())), policy.firstResponseMinutes(),
                policy.resolutionMinutes(), SlaClockDto.fromValue(value(policy.clock())),
                new SlaConditionsDto(conditions.platforms(),
                        conditions.kinds().stream().map(kind -> InteractionKindDto.fromValue(value(kind))).toList(),
                        conditions.keywords()));
    }

    private static GuidelineContentDto of(GuidelineContent content) {
        return new GuidelineContentDto(content.languages(),
                content.sections().stream().map(section -> new GuidelineSectionDto(
                        GuidelineSectionKindDto.fromValue(value(section.kind())), section.title(), section.body()))
                        .toList(),
                content.slaPolicies().stream().map(GuidelineDtos::of).toList(),
                content.escalation().stream().map(step -> new EscalationStepDto(
                        new EscalationTriggerDto(EscalationTriggerDto.AtEnum.fromValue(value(step.trigger().at())),
                                step.trigger().value()),
                        EscalationStepDto.RecipientEnum.fromValue(value(step.recipient())),
                        EscalationStepDto.ChannelEnum.fromValue(value(step.channel())))).toList())
                .approvalMode(ApprovalModeDto.fromValue(content.approvalMode().value()));
    }

    private static GuidelineAcknowledgmentDto of(Acknowledgment acknowledgment) {
        return new GuidelineAcknowledgmentDto(acknowledgment.member().value(), acknowledgment.displayName(),
                ResponsibilityDto.fromValue(acknowledgment.responsibility().value()), utc(acknowledgment.acknowledgedAt()));
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String value) {
        return Enum.valueOf(type, value.toUpperCase().replace('-', '_'));
    }

    private static String value(Enum<?> constant) {
        return constant.name().toLowerCase().replace('_', '-');
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

package com.agencyhub.calendar.web;

import com.agencyhub.api.model.CommentVisibilityDto;
import com.agencyhub.api.model.MemberKindDto;
import com.agencyhub.api.model.PostDto;
import com.agencyhub.api.model.PostEventActorDto;
import com.agencyhub.api.model.PostEventDto;
import com.agencyhub.api.model.PostFormatDto;
import com.agencyhub.api.model.PostReviewStageDto;
import com.agencyhub.api.model.PostStatusDto;
import com.agencyhub.api.model.PostVariantDto;
import com.agencyhub.calendar.Post;
import com.agencyhub.calendar.PostEvent;
import com.agencyhub.calendar.PostPlan;
import com.agencyhub.calendar.PostStatus;
import com.agencyhub.shared.web.ETags;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Posts and their events as the contract shows them. */
final class PostDtos {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private PostDtos() {
    }

    static PostDto of(Post post) {
        PostPlan plan = post.plan();
        PostDto dto = new PostDto(post.id().value(), post.brand().value(), plan.title(), plan.body(),
                plan.variants().stream().map(variant -> new PostVariantDto(variant.platform(),
                                PostFormatDto.fromValue(variant.format().value()))
                        .text(variant.text())
                        .mediaUrls(variant.mediaUrls().stream().map(URI::toString).toList())).toList(),
                plan.pillar(), utc(plan.plannedAt()), LOCAL.format(plan.plannedAt().atZone(post.zone())),
                post.zone().getId(), plan.assignee() == null ? null : plan.assignee().value(), plan.labels(),
                plan.campaign(), status(post.status()), post.contentVersion(), utc(post.publishedAt()),
                post.url() == null ? null : post.url().toString(), post.lastFailure(), utc(post.createdAt()),
                utc(post.updatedAt()), (long) post.version());
        return post.state().stage() == null ? dto
                : dto.reviewStage(PostReviewStageDto.fromValue(post.state().stage().value()));
    }

    static ResponseEntity<PostDto> ok(Post post) {
        return ResponseEntity.ok().eTag(ETags.of(post.version())).body(of(post));
    }

    static PostEventDto of(PostEvent event) {
        PostEventDto dto = new PostEventDto(event.id(), PostEventDto.ActionEnum.fromValue(event.action()),
                event.from() == null ? null : status(event.from()), status(event.to()), event.contentVersion(),
                new PostEventActorDto(event.actorId(), event.byClient() ? MemberKindDto.CLIENT : MemberKindDto.STAFF,
                        event.actorName()),
                event.clientVisible() ? CommentVisibilityDto.CLIENT : CommentVisibilityDto.INTERNAL, utc(event.at()));
        return dto.comment(event.comment());
    }

    private static PostStatusDto status(PostStatus status) {
        return PostStatusDto.fromValue(status.value());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

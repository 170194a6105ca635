package com.agencyhub.calendar.web;

import com.agencyhub.api.CalendarFeedsApi;
import com.agencyhub.api.model.CalendarFeedContentDto;
import com.agencyhub.api.model.CalendarFeedCreateDto;
import com.agencyhub.api.model.CalendarFeedDto;
import com.agencyhub.api.model.CalendarFeedPageDto;
import com.agencyhub.calendar.CalendarFeed;
import com.agencyhub.calendar.CalendarFeedId;
import com.agencyhub.calendar.CalendarFeeds;
import com.agencyhub.calendar.FeedContent;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.Inputs;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Calendar feeds: members manage their feeds with a bearer token; calendar apps read a feed by its secret URL alone
 * (a security chain of its own admits those reads without a token, see SecurityConfiguration).
 */
@RestController
class CalendarFeedsController implements CalendarFeedsApi {

    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=utf-8");

    private final CalendarFeeds feeds;

    CalendarFeedsController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @Override
    public Mono<ResponseEntity<CalendarFeedDto>> createCalendarFeed(Mono<CalendarFeedCreateDto> body,
                                                                    ServerWebExchange exchange) {
        return body.zipWith(CurrentActor.get())
                .flatMap(request -> {
                    CalendarFeedCreateDto create = request.getT1();
                    if ((create.getBrandId() == null) == (create.getAssigneeId() == null)) {
                        throw ApiProblem.invalidField(create.getBrandId() == null ? "brandId" : "assigneeId",
                                "send exactly one of brandId and assigneeId", "one-of");
                    }
                    if (create.getLabel().isBlank()) {
                        throw ApiProblem.invalidField("label", "must not be blank", "blank");
                    }
                    return feeds.create(request.getT2(), create.getBrandId() == null ? null
                                    : new BrandId(create.getBrandId()),
                            create.getAssigneeId() == null ? null : new UserId(create.getAssigneeId()),
                            Slugs.parse(FeedContent.class, create.getContent().getValue()),
                            create.getLabel().strip());
                })
                .map(created -> ResponseEntity.created(URI.create(CalendarFeedsApi.PATH_GET_CALENDAR_FEED
                                .replace("{feedId}", created.feed().id().toString())))
                        .body(dto(created.feed()).url(created.url())));
    }

    @Override
    public Mono<ResponseEntity<CalendarFeedPageDto>> listCalendarFeeds(Integer limit, String cursor,
                                                                       ServerWebExchange exchange) {
        int pageSize = Inputs.limit(limit);
        return CurrentActor.get().flatMap(actor -> feeds.list(actor, pageSize, cursor))
                .map(page -> ResponseEntity.ok(new CalendarFeedPageDto(page.map(CalendarFeedsController::dto)
                        .items(), page.nextCursor())));
    }

    @Override
    public Mono<ResponseEntity<CalendarFeedDto>> getCalendarFeed(UUID feedId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> feeds.get(actor, new CalendarFeedId(feedId)))
                .map(feed -> ResponseEntity.ok(dto(feed)));
    }

    @Override
    public Mono<ResponseEntity<Void>> revokeCalendarFeed(UUID feedId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> feeds.revoke(actor, new CalendarFeedId(feedId)))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().<Void>build()));
    }

    @Override
    public Mono<ResponseEntity<String>> readCalendarFeed(String feedToken, ServerWebExchange exchange) {
        return feeds.read(feedToken).map(document -> ResponseEntity.ok()
                .contentType(CALENDAR)
                // the feed is the owner's view: no shared cache keeps it
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(document));
    }

    private static CalendarFeedDto dto(CalendarFeed feed) {
        return new CalendarFeedDto(feed.id().value(), feed.owner().value(),
                feed.brand() == null ? null : feed.brand().value(),
                feed.assignee() == null ? null : feed.assignee().value(), feed.label(),
                CalendarFeedContentDto.fromValue(Slugs.of(feed.content())), utc(feed.createdAt()),
                utc(feed.lastReadAt()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

package com.agencyhub.calendar.web;

import com.agencyhub.api.CalendarApi;
import com.agencyhub.api.model.PostCreateDto;
import com.agencyhub.api.model.PostDto;
import com.agencyhub.api.model.PostEventPageDto;
import com.agencyhub.api.model.PostPageDto;
import com.agencyhub.api.model.PostPublicationDto;
import com.agencyhub.api.model.PostStatusDto;
import com.agencyhub.api.model.PostTransitionDto;
import com.agencyhub.api.model.PostUpdateDto;
import com.agencyhub.brands.Brands;
import com.agencyhub.calendar.PostAction;
import com.agencyhub.calendar.PostId;
import com.agencyhub.calendar.PostQuery;
import com.agencyhub.calendar.PostStatus;
import com.agencyhub.calendar.Posts;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.ETags;
import com.agencyhub.shared.web.Inputs;
import com.agencyhub.tenancy.Agencies;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** The content calendar: staff plan and review posts, client users follow those of their brands (see security). */
@RestController
class PostsController implements CalendarApi {

    private final Posts posts;
    private final Brands brands;
    private final Agencies agencies;

    PostsController(Posts posts, Brands brands, Agencies agencies) {
        this.posts = posts;
        this.brands = brands;
        this.agencies = agencies;
    }

    @Override
    public Mono<ResponseEntity<PostPageDto>> listBrandPosts(UUID brandId, String from, String to,
                                                            PostStatusDto status, String platform, String pillar,
                                                            UUID assigneeId, String campaign, String label,
                                                            Integer limit, String cursor,
                                                            ServerWebExchange exchange) {
        int pageSize = Inputs.limit(limit);
        BrandId brand = new BrandId(brandId);
        return CurrentActor.get().flatMap(actor -> brands.get(actor, brand)
                .flatMap(found -> page(actor, query(from, to, found.settings().zone(), brand, status, platform,
                        pillar, assigneeId, campaign, label), pageSize, cursor)));
    }

    @Override
    public Mono<ResponseEntity<PostPageDto>> listPosts(String from, String to, String zone, UUID brandId,
                                                       PostStatusDto status, String platform, String pillar,
                                                       UUID assigneeId, String campaign, String label, Integer limit,
                                                       String cursor, ServerWebExchange exchange) {
        int pageSize = Inputs.limit(limit);
        ZoneId requested = zone == null ? null : Inputs.zone("zone", zone);
        return CurrentActor.get().flatMap(actor -> (requested != null ? Mono.just(requested)
                        : agencies.own(actor.requireTenant()).map(agency -> agency.defaultZone()))
                .flatMap(readIn -> page(actor, query(from, to, readIn, brandId == null ? null : new BrandId(brandId),
                        status, platform, pillar, assigneeId, campaign, label), pageSize, cursor)));
    }

    @Override
    public Mono<ResponseEntity<PostDto>> createPost(UUID brandId, Mono<PostCreateDto> body,
                                                    ServerWebExchange exchange) {
        return body.map(PostRequests::plan)
                .zipWith(CurrentActor.get())
                .flatMap(request -> posts.create(request.getT2(), new BrandId(brandId), request.getT1()))
                .map(post -> ResponseEntity.created(URI.create(CalendarApi.PATH_GET_POST
                                .replace("{postId}", post.id().toString())))
                        .eTag(ETags.of(post.version())).body(PostDtos.of(post)));
    }

    @Override
    public Mono<ResponseEntity<PostDto>> getPost(UUID postId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> posts.get(actor, new PostId(postId))).map(PostDtos::ok);
    }

    @Override
    public Mono<ResponseEntity<PostDto>> updatePost(UUID postId, String ifMatch, Mono<PostUpdateDto> body,
                                                    ServerWebExchange exchange) {
        int expectedVersion = ETags.requiredVersion(ifMatch);
        return body.map(PostRequests::changes)
                .zipWith(CurrentActor.get())
                .flatMap(request -> posts.update(request.getT2(), new PostId(postId), expectedVersion,
                        request.getT1()))
                .map(PostDtos::ok);
    }

    @Override
    public Mono<ResponseEntity<PostDto>> transitionPost(UUID postId, String ifMatch, Mono<PostTransitionDto> body,
                                                        ServerWebExchange exchange) {
        int expectedVersion = ETags.requiredVersion(ifMatch);
        return body.zipWith(CurrentActor.get())
                .flatMap(request -> {
                    PostTransitionDto transition = request.getT1();
                    String comment = transition.getComment() == null || transition.getComment().isBlank() ? null
                            : transition.getComment().strip();
                    boolean clientVisible = transition.getVisibility() != null
                            && "client".equals(transition.getVisibility().getValue());
                    return posts.transition(request.getT2(), new PostId(postId), expectedVersion,
                            PostAction.of(transition.getAction().getValue()), new Posts.Comment(comment,
                                    clientVisible));
                })
                .map(PostDtos::ok);
    }

    @Override
    public Mono<ResponseEntity<PostDto>> recordPostPublication(UUID postId, String ifMatch,
                                                               Mono<PostPublicationDto> body,
                                                               ServerWebExchange exchange) {
        int expectedVersion = ETags.requiredVersion(ifMatch);
        return body.map(PostRequests::publication)
                .zipWith(CurrentActor.get())
                .flatMap(request -> posts.recordPublication(request.getT2(), new PostId(postId), expectedVersion,
                        request.getT1()))
                .map(PostDtos::ok);
    }

    @Override
    public Mono<ResponseEntity<PostEventPageDto>> listPostEvents(UUID postId, Integer limit, String cursor,
                                                                 ServerWebExchange exchange) {
        int pageSize = Inputs.limit(limit);
        return CurrentActor.get().flatMap(actor -> posts.events(actor, new PostId(postId), pageSize, cursor))
                .map(page -> ResponseEntity.ok(new PostEventPageDto(page.map(PostDtos::of).items(),
                        page.nextCursor())));
    }

    private Mono<ResponseEntity<PostPageDto>> page(Actor actor, PostQuery query, int limit, String cursor) {
        return posts.list(actor, query, limit, cursor)
                .map(page -> ResponseEntity.ok(new PostPageDto(page.map(PostDtos::of).items(), page.nextCursor())));
    }

    static PostQuery query(String from, String to, ZoneId zone, BrandId brand, PostStatusDto status,
                                   String platform, String pillar, UUID assignee, String campaign, String label) {
        Instant start = PostRequests.bound("from", from, zone);
        Instant end = PostRequests.bound("to", to, zone);
        Inputs.range(start, end);
        return new PostQuery(start, end, brand, null, false, status == null ? null : PostStatus.of(status.getValue()),
                platform, pillar, assignee == null ? null : new UserId(assignee), campaign, label);
    }
}

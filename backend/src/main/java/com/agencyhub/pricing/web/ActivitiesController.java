package com.agencyhub.pricing.web;

import com.agencyhub.api.ActivitiesApi;
import com.agencyhub.api.model.ActivityDto;
import com.agencyhub.api.model.ActivityInputDto;
import com.agencyhub.api.model.ActivityListDto;
import com.agencyhub.api.model.ActivityUpdateDto;
import com.agencyhub.pricing.Activities;
import com.agencyhub.pricing.ActivityChanges;
import com.agencyhub.pricing.ActivityId;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.UUID;

@RestController
class ActivitiesController implements ActivitiesApi {

    private final Activities activities;

    ActivitiesController(Activities activities) {
        this.activities = activities;
    }

    @Override
    public Mono<ResponseEntity<ActivityListDto>> listActivities(ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> activities.list(actor.requireTenant()))
                .map(list -> ResponseEntity.ok(new ActivityListDto(list.stream().map(PricingDtos::activity)
                        .toList())));
    }

    @Override
    public Mono<ResponseEntity<ActivityDto>> createActivity(Mono<ActivityInputDto> body, ServerWebExchange exchange) {
        return body.zipWith(CurrentActor.get())
                .flatMap(request -> activities.create(request.getT2(), request.getT1().getKey(),
                        PricingRequests.name(request.getT1().getName()), request.getT1().getPosition()))
                .map(created -> ResponseEntity.created(URI.create(ActivitiesApi.PATH_GET_ACTIVITY
                                .replace("{activityId}", created.id().toString())))
                        .eTag(ETags.of(created.version())).body(PricingDtos.activity(created)));
    }

    @Override
    public Mono<ResponseEntity<ActivityDto>> getActivity(UUID activityId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> activities.get(actor.requireTenant(), new ActivityId(activityId)))
                .map(activity -> ResponseEntity.ok().eTag(ETags.of(activity.version()))
                        .body(PricingDtos.activity(activity)));
    }

    @Override
    public Mono<ResponseEntity<ActivityDto>> updateActivity(UUID activityId, String ifMatch,
                                                           Mono<ActivityUpdateDto> body, ServerWebExchange exchange) {
        int expectedVersion = ETags.requiredVersion(ifMatch);
        return body.zipWith(CurrentActor.get())
                .flatMap(request -> {
                    ActivityUpdateDto update = request.getT1();
                    PricingRequests.requireSomething(update.equals(new ActivityUpdateDto()));
                    return activities.update(request.getT2(), new ActivityId(activityId), expectedVersion,
                            new ActivityChanges(update.getName() == null ? null : PricingRequests.name(update.getName()),
                                    update.getPosition(), update.getArchived()));
                })
                .map(activity -> ResponseEntity.ok().eTag(ETags.of(activity.version()))
                        .body(PricingDtos.activity(activity)));
    }
}

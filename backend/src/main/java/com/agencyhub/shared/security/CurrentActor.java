package com.agencyhub.shared.security;

import com.agencyhub.shared.web.ApiProblem;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import reactor.core.publisher.Mono;

/** The authenticated caller of the current request, read from the Reactor context (never a ThreadLocal). */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Mono<Actor> get() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() instanceof ActorAuthentication authentication
                        ? authentication.actor() : null)
                .switchIfEmpty(Mono.error(() -> ApiProblem.forbidden("No authenticated caller.")));
    }
}

package com.agencyhub.pricing;

import com.agencyhub.pricing.internal.ActivityRepository;
import com.agencyhub.shared.TenantId;
import com.agencyhub.tenancy.AgencyCreatedListener;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.UUID;

/** A new agency gets the default activities in its onboarding transaction. */
@Component
class NewAgencyActivities implements AgencyCreatedListener {

    private final ActivityRepository repository;

    NewAgencyActivities(ActivityRepository repository) {
        this.repository = repository;
    }

    @Override
    public Mono<Void> agencyCreated(DSLContext sql, TenantId tenant) {
        return Flux.range(0, DefaultActivities.ALL.size())
                .concatMap(position -> {
                    DefaultActivities.Default activity = DefaultActivities.ALL.get(position);
                    return repository.insertUnread(sql, tenant, new ActivityId(UUID.randomUUID()), activity.key(),
                            activity.name(), position);
                })
                .then();
    }
}

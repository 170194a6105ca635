package com.agencyhub.pricing;

import com.agencyhub.pricing.internal.ActivityRepository;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.web.ApiProblem;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The agency's activity catalogue, as other modules read it. */
@Service
public class Activities {

    private final ActivityRepository repository;
    private final Transactions transactions;

    Activities(ActivityRepository repository, Transactions transactions) {
        this.repository = repository;
        this.transactions = transactions;
    }

    /** Every activity of the agency, archived ones too (flagged), by position. */
    public Mono<List<Activity>> list(TenantId tenant) {
        return transactions.inTenant(tenant, sql -> repository.list(sql, tenant));
    }

    /**
     * The activity, if the agency has it and it is not archived; otherwise a 400 naming the field {@code activityId}
     * (as unknown members are answered), since the id comes from the request's body.
     */
    public Mono<Activity> requireActive(TenantId tenant, ActivityId id) {
        return transactions.inTenant(tenant, sql -> repository.find(sql, tenant, id))
                .switchIfEmpty(Mono.error(() -> ApiProblem.invalidField("activityId",
                        "is not an activity of the agency", "unknown-activity")))
                .flatMap(activity -> activity.archived()
                        ? Mono.error(ApiProblem.invalidField("activityId", "is archived: '" + activity.name()
                        + "' takes no new time or plans", "archived-activity"))
                        : Mono.just(activity));
    }

    /** The ids of the agency's activities (archived ones too) by their stable keys. */
    public Mono<Map<String, ActivityId>> byKey(TenantId tenant) {
        return list(tenant).map(activities -> {
            Map<String, ActivityId> byKey = new LinkedHashMap<>();
            activities.forEach(activity -> byKey.put(activity.key(), activity.id()));
            return byKey;
        });
    }
}

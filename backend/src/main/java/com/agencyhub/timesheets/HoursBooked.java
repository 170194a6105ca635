package com.agencyhub.timesheets;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import reactor.core.publisher.Mono;

import java.time.YearMonth;

/**
 * Told whenever a write changed the tracked time of a brand's month: timesheets calls every Spring bean implementing
 * it, inside the writing transaction after the write (so what it reads includes the change, and a failure rolls the
 * write back). Modules above timesheets implement it, billing for its hours alerts; timesheets cannot know them.
 *
 * <pre>{@code
 * @Component
 * class HoursAlerts implements HoursBooked {
 *     public Mono<Void> booked(TenantId tenant, BrandId brand, YearMonth month) {
 *         return thresholdsReached(tenant, brand, month).flatMap(this::notify).then();
 *     }
 * }
 * }</pre>
 */
public interface HoursBooked {

    Mono<Void> booked(TenantId tenant, BrandId brand, YearMonth month);
}

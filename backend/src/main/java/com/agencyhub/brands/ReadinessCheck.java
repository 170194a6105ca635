package com.agencyhub.brands;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import reactor.core.publisher.Mono;

/**
 * One go-live requirement, answered by the module that owns its data. Brands sits below those modules, so
 * they implement this as a Spring bean and brands collects them; a requirement without a check is reported as
 * missing ("not available yet"), never as passed. A check reads in its own tenant transaction.
 *
 * <pre>{@code
 * @Component
 * class TeamReadiness implements ReadinessCheck {
 *     public ReadinessRequirement requirement() { return ReadinessRequirement.RESPONSIBLE_AND_DEPUTY; }
 *     public Mono<Outcome> check(TenantId tenant, BrandId brand) {
 *         return transactions.inTenant(tenant, sql -> countAssignments(sql, tenant, brand))
 *                 .map(counts -> counts.responsible() > 0 && counts.deputies() > 0
 *                         ? Outcome.done(counts.responsible() + " responsible, " + counts.deputies() + " deputies")
 *                         : Outcome.missing("needs a responsible member and a deputy"));
 *     }
 * }
 * }</pre>
 */
public interface ReadinessCheck {

    ReadinessRequirement requirement();

    Mono<Outcome> check(TenantId tenant, BrandId brand);

    /** Whether the requirement is met, and why (shown to people). */
    record Outcome(boolean done, String reason) {

        public static Outcome done(String reason) {
            return new Outcome(true, reason);
        }

        public static Outcome missing(String reason) {
            return new Outcome(false, reason);
        }
    }
}

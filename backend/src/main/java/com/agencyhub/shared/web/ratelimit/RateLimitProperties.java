package com.agencyhub.shared.web.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The API's rate limits, each a token bucket that refills {@code capacity} requests per {@code period} gradually.
 *
 * @param caller   every request of one caller (a signed-in person, or an address without a token)
 * @param agency   every request for one agency, whoever sends it
 * @param identity operations that create accounts and send e-mail through the identity provider (invitations,
 *                 onboarding), per agency or, for platform admins, per caller
 * @param export   brand exports, per caller
 * @param webhook  inbox webhook deliveries (up to 500 items each), per webhook and per sending address
 * @param poolSize JDBC connections for the buckets' state in PostgreSQL, per instance
 */
@ConfigurationProperties("agencyhub.rate-limits")
public record RateLimitProperties(Limit caller, Limit agency, Limit identity, Limit export, Limit webhook,
                                  Integer poolSize) {

    public RateLimitProperties {
        caller = caller == null ? new Limit(600, Duration.ofMinutes(1)) : caller;
        agency = agency == null ? new Limit(6000, Duration.ofMinutes(1)) : agency;
        identity = identity == null ? new Limit(60, Duration.ofHours(1)) : identity;
        export = export == null ? new Limit(20, Duration.ofHours(1)) : export;
        webhook = webhook == null ? new Limit(1200, Duration.ofMinutes(1)) : webhook;
        poolSize = poolSize == null ? 4 : poolSize;
    }

    /** Both parts are required: a limit set only in part fails the start, not every request. */
    public record Limit(long capacity, Duration period) {

        public Limit {
            if (capacity < 1) {
                throw new IllegalArgumentException("a rate limit's capacity must be at least 1, not " + capacity);
            }
            if (period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit needs a positive period (capacity " + capacity
                        + " per what?)");
            }
        }
    }
}

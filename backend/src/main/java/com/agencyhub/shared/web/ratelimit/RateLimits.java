package com.agencyhub.shared.web.ratelimit;

import com.agencyhub.shared.web.ProblemWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.server.WebFilter;

/**
 * The rate limits, for the security chain to place after the agency of a request is known. Not a WebFilter bean
 * itself: WebFlux would run every such bean once more, outside the chain, without the caller.
 */
@Component
public class RateLimits {

    private final WebFilter filter;

    RateLimits(RateLimiter limiter, RateLimitProperties limits, ProblemWriter problems) {
        this.filter = new RateLimitFilter(limiter, limits, problems);
    }

    public WebFilter filter() {
        return filter;
    }
}

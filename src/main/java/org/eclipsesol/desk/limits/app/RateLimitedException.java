package org.eclipsesol.desk.limits.app;

import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.common.ProblemType;

/**
 * A caller over a rate limit or a quota: 429 with {@code Retry-After}, and for rate limits the
 * {@code RateLimit}/{@code RateLimit-Policy} headers of the budget that ran out.
 */
public class RateLimitedException extends ProblemException {

    private final long retryAfterSeconds;
    private final RateLimiter.Decision decision;

    public RateLimitedException(String detail, long retryAfterSeconds, RateLimiter.Decision decision) {
        super(ProblemType.TOO_MANY_REQUESTS, detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
        this.decision = decision;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The rate limit decision, or null for a quota. */
    public RateLimiter.Decision decision() {
        return decision;
    }
}

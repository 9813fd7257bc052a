package org.eclipsesol.desk.limits.api;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipsesol.desk.common.ProblemMappers;
import org.eclipsesol.desk.limits.app.RateLimitedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 429 problem+json for a rate limit or quota a service enforced, with Retry-After (and RateLimit headers). */
public class RateLimitProblems {

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e, UriInfo uri) {
        Response problem = ProblemMappers.response(e.type(), e.getMessage(), List.of(), uri);
        Response.ResponseBuilder builder = Response.fromResponse(problem).header("Retry-After", e.retryAfterSeconds());
        if (e.decision() != null) {
            builder.header("RateLimit-Policy", e.decision().policyHeader()).header("RateLimit",
                    e.decision().rateLimitHeader());
        }
        return builder.build();
    }
}

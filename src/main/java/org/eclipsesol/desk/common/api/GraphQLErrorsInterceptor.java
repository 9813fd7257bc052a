package org.eclipsesol.desk.common.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import org.eclipsesol.desk.common.DatabaseFaults;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.common.ProblemType;
import org.eclipsesol.desk.common.ReadRetry;
import org.eclipsesol.desk.common.Violation;
import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Translates failures of GraphQL operations into {@link GraphQLProblem}s (see {@link GraphQLErrors}). */
@GraphQLErrors
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class GraphQLErrorsInterceptor {

    private static final Logger LOG = Logger.getLogger(GraphQLErrorsInterceptor.class);

    @AroundInvoke
    Object translate(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (Exception e) {
            // A read (a query or a field of a result) whose connection died is tried once more (issue 9).
            if (DatabaseFaults.connectionLost(e) && ReadRetry.mayRetry(context.getMethod())) {
                try {
                    return ReadRetry.again(context);
                } catch (Exception again) {
                    throw translate(again);
                }
            }
            throw translate(e);
        }
    }

    /** The GraphQL form of any failure; unknown ones are logged with a reference and reported generically. */
    public static GraphQLProblem translate(Throwable e) {
        if (e instanceof GraphQLProblem problem) {
            return problem;
        }
        if (e instanceof ProblemException problem) {
            return new GraphQLProblem(problem.type(), problem.getMessage(), problem.violations());
        }
        if (e instanceof UnauthorizedException || e instanceof AuthenticationFailedException) {
            return new GraphQLProblem(ProblemType.UNAUTHENTICATED, "A valid bearer token is required.", List.of());
        }
        if (e instanceof ForbiddenException) {
            return new GraphQLProblem(ProblemType.FORBIDDEN, "Your role may not perform this action.", List.of());
        }
        if (e instanceof ConstraintViolationException cve) {
            List<Violation> violations = new ArrayList<>();
            for (ConstraintViolation<?> v : cve.getConstraintViolations()) {
                violations.add(Violation.of(v));
            }
            violations.sort(Comparator.comparing(Violation::field));
            return new GraphQLProblem(ProblemType.VALIDATION, "The request has invalid fields.", violations);
        }
        if (e instanceof OptimisticLockException) {
            return new GraphQLProblem(ProblemType.PRECONDITION_FAILED,
                    "The resource was changed by someone else; reload it and retry.", List.of());
        }
        DatabaseFaults.Kind fault = DatabaseFaults.kindOf(e);
        if (fault != null) {
            DatabaseFaults.record("GraphQL", e);
            return new GraphQLProblem(ProblemType.SERVICE_UNAVAILABLE, DatabaseFaults.detail(fault), List.of());
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected GraphQL failure %s", reference);
        return new GraphQLProblem(ProblemType.INTERNAL, "An unexpected error occurred (reference " + reference + ").",
                List.of());
    }
}

package org.eclipsesol.desk.common;

import java.lang.reflect.Method;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs an idempotent read once more when its database connection died ({@link DatabaseFaults#connectionLost}):
 * REST {@code GET}/{@code HEAD} methods of {@link RetryReads} classes, and GraphQL queries and fields (through
 * {@code GraphQLErrorsInterceptor}). Only outside a transaction (each attempt is a transaction of its own in the
 * service it calls), and only once: the pool has by then dropped the dead connection.
 */
@RetryReads
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 10)
public class ReadRetry {

    private static final Logger LOG = Logger.getLogger(ReadRetry.class);

    @AroundInvoke
    Object retry(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (Exception e) {
            Method method = context.getMethod();
            if (DatabaseFaults.connectionLost(e) && (method.isAnnotationPresent(GET.class)
                    || method.isAnnotationPresent(HEAD.class)) && !QuarkusTransaction.isActive()) {
                return again(context);
            }
            throw e;
        }
    }

    /** Whether a GraphQL resolver is a read: anything but a mutation or a subscription, outside a transaction. */
    public static boolean mayRetry(Method method) {
        for (var annotation : method.getAnnotations()) {
            String name = annotation.annotationType().getName();
            if (name.equals("org.eclipse.microprofile.graphql.Mutation")
                    || name.equals("io.smallrye.graphql.api.Subscription")) {
                return false;
            }
        }
        return !QuarkusTransaction.isActive();
    }

    /** The second and last attempt. */
    public static Object again(InvocationContext context) throws Exception {
        LOG.debugf("Retrying read %s after a lost database connection", context.getMethod().getName());
        return context.proceed();
    }
}

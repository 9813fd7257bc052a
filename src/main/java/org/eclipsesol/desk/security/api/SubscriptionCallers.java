package org.eclipsesol.desk.security.api;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.security.CallerResolver;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Subscriptions start on the WebSocket's event loop, where nothing may block. This resolves the subscriber's
 * {@link Caller} once, at subscribe time, on a worker thread (the organization lookup reads the database),
 * and runs the per-event reads on workers too, each in a request context of its own.
 */
@ApplicationScoped
public class SubscriptionCallers {

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    CallerResolver callers;

    /** The identity of the WebSocket (upgrade request header or connection_init payload) as a Caller. */
    public Uni<Caller> current() {
        Uni<SecurityIdentity> identity = identities.getDeferredIdentity();
        return identity.emitOn(Infrastructure.getDefaultWorkerPool()).map(id -> {
            if (id == null || id.isAnonymous()) {
                throw new UnauthorizedException();
            }
            return inRequestContext(() -> {
                identities.setIdentity(id);
                return callers.current();
            });
        });
    }

    /** Runs a read on a worker thread, in a fresh request context (its own EntityManager). */
    public <T> Uni<T> read(Supplier<T> work) {
        return Uni.createFrom().item(() -> inRequestContext(work)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static <T> T inRequestContext(Supplier<T> work) {
        ManagedContext context = Arc.container().requestContext();
        if (context.isActive()) {
            return work.get();
        }
        context.activate();
        try {
            return work.get();
        } finally {
            context.terminate();
        }
    }
}

package org.eclipsesol.desk.security.api;

import java.util.Collections;
import java.util.Deque;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipsesol.desk.common.DeskConfig;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.common.ProblemType;
import org.eclipsesol.desk.common.api.EventContext;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.security.CallerResolver;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

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

    @Inject
    Vertx vertx;

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

    @Inject
    DeskConfig config;

    /** Open subscriptions per caller (token subject) on this replica. */
    private final Map<String, AtomicInteger> perCaller = new ConcurrentHashMap<>();
    /**
     * Open subscriptions per WebSocket connection: each connection authenticates once (upgrade header or
     * connection_init), so its identity instance stands for the connection; weak keys go with the connection.
     */
    private final Map<SecurityIdentity, AtomicInteger> perConnection = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * A subscription of the WebSocket's caller, counted against {@code desk.subscriptions.per-connection} and
     * {@code per-caller}: one over either cap fails at once (RATE_LIMITED); its slot is freed when it ends.
     */
    public <T> Multi<T> subscribe(Function<Caller, Multi<T>> body) {
        return subscribe((caller, identity) -> body.apply(caller));
    }

    /** {@link #subscribe(Function)} for a body that also needs the subscriber's identity (see {@link #perEvent}). */
    public <T> Multi<T> subscribe(BiFunction<Caller, SecurityIdentity, Multi<T>> body) {
        Uni<SecurityIdentity> identity = identities.getDeferredIdentity();
        return identity.emitOn(Infrastructure.getDefaultWorkerPool()).onItem().transformToMulti(id -> {
            if (id == null || id.isAnonymous()) {
                throw new UnauthorizedException();
            }
            Caller caller = inRequestContext(() -> {
                identities.setIdentity(id);
                return callers.current();
            });
            Runnable release = reserve(id, caller.id());
            try {
                return body.apply(caller, id).onTermination().invoke(release);
            } catch (RuntimeException e) {
                release.run();
                throw e;
            }
        });
    }

    private Runnable reserve(SecurityIdentity connection, String callerId) {
        int connectionCap = config.subscriptions().perConnection();
        int callerCap = config.subscriptions().perCaller();
        AtomicInteger onConnection = perConnection.computeIfAbsent(connection, k -> new AtomicInteger());
        if (onConnection.incrementAndGet() > connectionCap) {
            onConnection.decrementAndGet();
            throw new ProblemException(ProblemType.TOO_MANY_REQUESTS,
                    "At most " + connectionCap + " subscriptions per connection; complete one first.");
        }
        AtomicInteger ofCaller = perCaller.computeIfAbsent(callerId, k -> new AtomicInteger());
        if (ofCaller.incrementAndGet() > callerCap) {
            ofCaller.decrementAndGet();
            onConnection.decrementAndGet();
            throw new ProblemException(ProblemType.TOO_MANY_REQUESTS,
                    "At most " + callerCap + " subscriptions per caller; complete one first.");
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                onConnection.decrementAndGet();
                ofCaller.decrementAndGet();
            }
        };
    }

    /**
     * Reads and delivers the events of one subscription, each in an {@link EventContext} of its own on a fresh Vert.x
     * duplicated context: the read runs on a worker with the subscriber's identity, and the payload (which carries the
     * context) is handed to GraphQL on that duplicated context, so its nested resolvers run as the subscriber too, with
     * a persistence context that no other event or subscription shares. A read answering null drops the event. The
     * contexts are destroyed when GraphQL has completed the event, and at the latest when the subscription ends.
     */
    public <E, T extends EventContext.Carrier> Multi<T> perEvent(SecurityIdentity identity, Multi<E> events,
            BiFunction<E, EventContext, T> read) {
        Deque<EventContext> open = new ConcurrentLinkedDeque<>();
        return events.onItem().transformToUniAndConcatenate(
                event -> Uni.createFrom().<T> emitter(emitter -> {
                    Context duplicated = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
                    duplicated.<T> executeBlocking(() -> {
                        EventContext context = EventContext.open();
                        try {
                            identities.setIdentity(identity);
                            T payload = read.apply(event, context);
                            if (payload == null) {
                                context.destroy();
                            }
                            return payload;
                        } catch (RuntimeException e) {
                            context.destroy();
                            throw e;
                        }
                    }, false).onComplete(done -> {
                        if (done.failed()) {
                            emitter.fail(done.cause());
                            return;
                        }
                        T payload = done.result();
                        if (payload == null) {
                            emitter.complete(null);
                            return;
                        }
                        EventContext context = payload.eventContext();
                        keep(open, context);
                        context.activate();
                        context.emitting(() -> emitter.complete(payload));
                    });
                }))
                .onTermination().invoke(() -> open.forEach(EventContext::destroy));
    }

    /** At most this many events of one subscription may still be resolving; older contexts are ended. */
    static final int OPEN_EVENTS = 16;

    private static void keep(Deque<EventContext> open, EventContext context) {
        open.removeIf(EventContext::isDestroyed);
        open.addLast(context);
        while (open.size() > OPEN_EVENTS) {
            EventContext oldest = open.pollFirst();
            if (oldest != null) {
                oldest.destroy();
            }
        }
    }

    /** Runs a read on a worker thread, in a fresh request context (its own EntityManager). */
    public <T> Uni<T> read(Supplier<T> work) {
        return Uni.createFrom().item(() -> inRequestContext(work)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * Runs in a request context of its own. Context propagation hands a worker the WebSocket connection's request
     * context, which every subscription (and every event) of that connection would otherwise share, with one
     * EntityManager used from several threads at once; each read gets a fresh one instead.
     */
    private static <T> T inRequestContext(Supplier<T> work) {
        ManagedContext context = Arc.container().requestContext();
        InjectableContext.ContextState propagated = context.getStateIfActive();
        if (propagated != null) {
            context.deactivate();
        }
        context.activate();
        try {
            return work.get();
        } finally {
            context.terminate();
            if (propagated != null) {
                context.activate(propagated);
            }
        }
    }
}

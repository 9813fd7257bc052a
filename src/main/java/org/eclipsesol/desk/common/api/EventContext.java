package org.eclipsesol.desk.common.api;

import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext.ContextState;
import io.quarkus.arc.ManagedContext;

/**
 * The request context in which one pushed subscription event is read and resolved: the read of the payload and every
 * nested resolver of that payload (comments, events, SLA timeline...) run in it, so they see the subscriber's identity
 * and a persistence context of their own, never the WebSocket connection's (shared by every subscription on it) nor
 * another event's.
 * <p>
 * A payload that needs one implements {@link Carrier}; the GraphQL instrumentation ({@link SubscriptionEventContexts})
 * makes the payload's context current before each of its data fetchers runs (Quarkus' batch fetchers capture the
 * current request context when they dispatch to a worker) and destroys it once the event's result is complete.
 */
public final class EventContext {

    /** A subscription payload resolved in an event context of its own. */
    public interface Carrier {
        EventContext eventContext();
    }

    private static final ThreadLocal<EventContext> EMITTING = new ThreadLocal<>();

    private final ContextState state;
    private final AtomicBoolean destroyed = new AtomicBoolean();

    private EventContext(ContextState state) {
        this.state = state;
    }

    /**
     * Activates a new request context on the current thread (on a Vert.x duplicated context it lives in that context's
     * locals, so it follows the event onto workers and back) and returns it, still active.
     */
    public static EventContext open() {
        ManagedContext context = Arc.container().requestContext();
        if (context.isActive()) {
            context.deactivate();
        }
        context.activate();
        return new EventContext(context.getState());
    }

    /** Makes this context the current request context of the thread (it stays current after the call). */
    public void activate() {
        if (destroyed.get()) {
            return;
        }
        ManagedContext context = Arc.container().requestContext();
        ContextState current = context.getStateIfActive();
        if (current == state) {
            return;
        }
        if (current != null) {
            context.deactivate();
        }
        context.activate(state);
    }

    /** Ends the context (its beans are destroyed); idempotent. */
    public void destroy() {
        if (destroyed.compareAndSet(false, true)) {
            ManagedContext context = Arc.container().requestContext();
            if (context.getStateIfActive() == state) {
                context.deactivate();
            }
            context.destroy(state);
        }
    }

    public boolean isDestroyed() {
        return destroyed.get();
    }

    /**
     * Runs {@code delivery} (the synchronous hand-over of an event to GraphQL) with this context announced as the one
     * being emitted, so the instrumentation can tie the event's completion to it.
     */
    public void emitting(Runnable delivery) {
        EventContext previous = EMITTING.get();
        EMITTING.set(this);
        try {
            delivery.run();
        } finally {
            if (previous == null) {
                EMITTING.remove();
            } else {
                EMITTING.set(previous);
            }
        }
    }

    /** The context of the event being handed over on this thread, if any. */
    static EventContext beingEmitted() {
        return EMITTING.get();
    }
}

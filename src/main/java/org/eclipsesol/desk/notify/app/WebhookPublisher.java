package org.eclipsesol.desk.notify.app;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipsesol.desk.common.ReplicaCaches;
import org.eclipsesol.desk.notify.data.WebhookEntity;
import org.eclipsesol.desk.ticket.data.TicketEntity;

/** Fans an event out to the enabled endpoints that subscribed to it (and to the ticket's organization). */
@ApplicationScoped
public class WebhookPublisher {

    /** The replica cache of the enabled subscriptions; whoever enables, disables, adds or deletes one announces it. */
    static final String CACHE = "webhook-subscriptions";

    @Inject
    Outbox outbox;

    @Inject
    ReplicaCaches caches;

    @Inject
    OutboxTransactionState state;

    void publish(WebhookEvent type, TicketEntity ticket, Map<String, String> params) {
        UUID eventId = null;
        for (OutboxTransactionState.Subscription w : enabledSubscriptions()) {
            if (!w.events().contains(type.type())
                    || (w.organizationId() != null && !w.organizationId().equals(ticket.organization.id))) {
                continue;
            }
            if (eventId == null) {
                eventId = UUID.randomUUID();
            }
            outbox.webhook(w.id(), w.url(), type, eventId, ticket.id, type.type() + " " + ticket.displayNumber(), params);
        }
    }

    private List<OutboxTransactionState.Subscription> enabledSubscriptions() {
        List<OutboxTransactionState.Subscription> enabled = state.subscriptions();
        if (enabled == null) {
            // Read on every change of every ticket: kept per replica until a subscription changes anywhere.
            enabled = caches.<Boolean, List<OutboxTransactionState.Subscription>> cache(CACHE, 1).get(true,
                    any -> WebhookEntity.<WebhookEntity> list("enabled", true).stream()
                            .map(w -> new OutboxTransactionState.Subscription(w.id, w.url, w.eventList(), w.organizationId))
                            .toList());
            state.subscriptions(enabled);
        }
        return enabled;
    }
}

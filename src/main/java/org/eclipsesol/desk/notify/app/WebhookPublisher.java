package org.eclipsesol.desk.notify.app;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipsesol.desk.notify.data.WebhookEntity;
import org.eclipsesol.desk.ticket.data.TicketEntity;

/** Fans an event out to the enabled endpoints that subscribed to it (and to the ticket's organization). */
@ApplicationScoped
public class WebhookPublisher {

    @Inject
    Outbox outbox;

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
            enabled = WebhookEntity.<WebhookEntity> list("enabled", true).stream()
                    .map(w -> new OutboxTransactionState.Subscription(w.id, w.url, w.eventList(), w.organizationId))
                    .toList();
            state.subscriptions(enabled);
        }
        return enabled;
    }
}

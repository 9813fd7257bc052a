package org.eclipsesol.desk.notify.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.transaction.TransactionScoped;

/**
 * What the outbox reads once per transaction instead of once per notice: the enabled webhook subscriptions, and per
 * ticket and recipient the Message-IDs of the e-mail thread (kept up to date as notices are added). One SLA monitor
 * batch raises hundreds of alerts, each with notices and webhook events; without this each read them again. A
 * subscription or notice that another transaction commits meanwhile is seen by the next transaction.
 */
@TransactionScoped
class OutboxTransactionState {

    /** An enabled subscription, as the publisher needs it. */
    record Subscription(UUID id, String url, List<String> events, UUID organizationId) {
    }

    private List<Subscription> subscriptions;
    private final Map<String, List<String>> threads = new HashMap<>();
    private final Set<UUID> newTickets = new HashSet<>();

    List<Subscription> subscriptions() {
        return subscriptions;
    }

    void subscriptions(List<Subscription> enabled) {
        this.subscriptions = enabled;
    }

    /** The thread's Message-IDs, oldest first, or null when not read yet in this transaction. */
    List<String> thread(UUID ticketId, String recipient) {
        List<String> messageIds = threads.get(key(ticketId, recipient));
        if (messageIds == null && newTickets.contains(ticketId)) {
            messageIds = new ArrayList<>();
            thread(ticketId, recipient, messageIds);
        }
        return messageIds;
    }

    void thread(UUID ticketId, String recipient, List<String> messageIds) {
        threads.put(key(ticketId, recipient), messageIds);
    }

    /** The ticket was created in this transaction: none of its threads has a notice yet, nothing to look up. */
    void ticketCreated(UUID ticketId) {
        newTickets.add(ticketId);
    }

    private static String key(UUID ticketId, String recipient) {
        return ticketId + " " + recipient;
    }
}

package org.eclipsesol.desk.notify.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipsesol.desk.common.DeskConfig;
import org.eclipsesol.desk.notify.data.NotificationEntity;
import org.eclipsesol.desk.ticket.data.TicketEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes outbox rows. Always called inside the transaction of the change that causes the notice (MANDATORY), so
 * the row commits or rolls back with it; {@link NotificationWorker} delivers it later.
 */
@ApplicationScoped
public class Outbox {

    /** How many earlier message ids a notice's References keep (the first one and the latest ones). */
    static final int MAX_REFERENCES = 10;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    DeskConfig config;

    @Inject
    OutboxTransactionState state;

    /**
     * An e-mail notice. For a ticket's notice the subject is {@code [T-10042] title}, the Message-ID names the ticket,
     * and In-Reply-To/References chain it to the earlier notices of that ticket to the same recipient.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public NotificationEntity email(NoticeKind kind, String recipient, TicketEntity ticket, String subject, String ref,
            Map<String, String> params) {
        Instant now = clock.instant();
        NotificationEntity n = row(NotificationEntity.EMAIL, kind.name(), recipient, now);
        n.ticketId = ticket == null ? null : ticket.id;
        n.subject = ticket == null ? subject : "[" + ticket.displayNumber() + "] " + ticket.title;
        n.ref = ref;
        n.params = toJson(params);
        n.messageId = "<" + n.id + (ticket == null ? "" : "." + ticket.displayNumber()) + "@"
                + config.notifications().messageIdDomain() + ">";
        if (ticket != null) {
            List<String> earlier = state.thread(ticket.id, recipient);
            if (earlier == null) {
                earlier = new ArrayList<>(em.createQuery("""
                        select n.messageId from NotificationEntity n
                         where n.ticketId = :ticket and n.recipient = :recipient and n.channel = 'EMAIL' order by n.seq""",
                        String.class).setParameter("ticket", ticket.id).setParameter("recipient", recipient)
                        .getResultList());
                state.thread(ticket.id, recipient, earlier);
            }
            if (!earlier.isEmpty()) {
                n.inReplyTo = earlier.get(earlier.size() - 1);
                List<String> refs = new ArrayList<>();
                refs.add(earlier.get(0));
                refs.addAll(earlier.subList(Math.max(1, earlier.size() - (MAX_REFERENCES - 1)), earlier.size()));
                n.refs = String.join(" ", refs);
            }
            earlier.add(n.messageId);
        }
        n.persist();
        return n;
    }

    /** A ticket created in this transaction starts its e-mail threads empty (no lookup of earlier notices). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ticketCreated(UUID ticketId) {
        state.ticketCreated(ticketId);
    }

    /** A webhook delivery of event {@code eventId} (the webhook-id, the same on every retry). */
    @Transactional(Transactional.TxType.MANDATORY)
    public NotificationEntity webhook(UUID webhookId, String url, WebhookEvent type, UUID eventId, UUID ticketId,
            String subject, Map<String, String> params) {
        NotificationEntity n = row(NotificationEntity.WEBHOOK, type.type(), url, clock.instant());
        n.webhookId = webhookId;
        n.ticketId = ticketId;
        n.ref = eventId.toString();
        n.subject = subject;
        n.params = toJson(params);
        n.persist();
        return n;
    }

    private static NotificationEntity row(String channel, String kind, String recipient, Instant now) {
        NotificationEntity n = new NotificationEntity();
        n.id = UUID.randomUUID();
        n.channel = channel;
        n.kind = kind;
        n.recipient = recipient;
        n.status = NotificationEntity.PENDING;
        n.createdAt = now;
        n.nextAttemptAt = now;
        return n;
    }

    String toJson(Map<String, String> params) {
        try {
            return json.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, String> params(NotificationEntity n) {
        if (n.params == null) {
            return Map.of();
        }
        try {
            return json.readValue(n.params, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

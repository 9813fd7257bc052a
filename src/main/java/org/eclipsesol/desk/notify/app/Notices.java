package org.eclipsesol.desk.notify.app;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipsesol.desk.catalog.Channel;
import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.catalog.TicketStatus;
import org.eclipsesol.desk.common.DeskConfig;
import org.eclipsesol.desk.common.ReplicaCaches;
import org.eclipsesol.desk.escalation.app.EscalationRaised;
import org.eclipsesol.desk.notify.data.NotificationPreferenceEntity;
import org.eclipsesol.desk.security.data.AppUserEntity;
import org.eclipsesol.desk.sla.app.AlertKind;
import org.eclipsesol.desk.sla.app.SlaAlertRaised;
import org.eclipsesol.desk.sla.app.SlaPolicies;
import org.eclipsesol.desk.sla.engine.ClockType;
import org.eclipsesol.desk.ticket.app.TicketEventRecorded;
import org.eclipsesol.desk.ticket.data.TicketEntity;

/**
 * Decides who is told what. Observes the ticket's history events, SLA alerts and escalations synchronously, inside
 * the transaction of the change, and writes the outbox rows there (e-mail notices and webhook deliveries). Nothing
 * internal is ever announced: an internal event (an internal note) produces no notice and no webhook event.
 */
@ApplicationScoped
public class Notices {

    /** The replica cache of opt-outs by e-mail address; {@link PreferenceService} announces changes. */
    static final String PREFERENCES_CACHE = "notice-preferences";

    @Inject
    EntityManager em;

    @Inject
    ReplicaCaches caches;

    @Inject
    Outbox outbox;

    @Inject
    WebhookPublisher webhooks;

    @Inject
    SlaPolicies policies;

    @Inject
    DeskConfig config;

    void onTicketEvent(@Observes TicketEventRecorded e) {
        if (e.internal()) {
            return;
        }
        TicketEntity ticket = em.find(TicketEntity.class, e.ticketId());
        Map<String, String> params = new HashMap<>();
        params.put("occurredAt", e.occurredAt().toString());
        params.put("actor", e.actorName());
        if (e.field() != null) {
            params.put("field", e.field());
        }
        if (e.before() != null) {
            params.put("before", e.before());
        }
        if (e.after() != null) {
            params.put("after", e.after());
        }
        switch (e.type()) {
            case CREATED -> {
                outbox.ticketCreated(ticket.id);
                toRequester(NoticeKind.ACKNOWLEDGEMENT, ticket, null, params);
                if (ticket.priority == Priority.CRITICAL && ticket.assignee == null && outsideBusinessHours(ticket, e)) {
                    outbox.email(NoticeKind.AFTER_HOURS_CRITICAL, config.notifications().technicians(), ticket, null, null,
                            params);
                }
                webhooks.publish(WebhookEvent.TICKET_CREATED, ticket, params);
            }
            case COMMENTED -> {
                if (e.actorStaff()) {
                    toRequester(NoticeKind.STAFF_COMMENT, ticket, e.detail(), params);
                } else if (ticket.assignee != null) {
                    toPerson(NoticeKind.CLIENT_COMMENT, ticket.assignee.email, ticket, e.detail(), params);
                }
                params.put("commentId", e.detail());
                webhooks.publish(WebhookEvent.TICKET_COMMENTED, ticket, params);
            }
            case STATUS_CHANGED -> {
                TicketStatus after = TicketStatus.valueOf(e.after());
                if (after == TicketStatus.WAITING_ON_CLIENT) {
                    toRequester(NoticeKind.WAITING_ON_CLIENT, ticket, null, params);
                } else if (after == TicketStatus.RESOLVED) {
                    toRequester(NoticeKind.RESOLVED, ticket, null, params);
                } else if (after == TicketStatus.CLOSED && e.actorId() == null) {
                    toRequester(NoticeKind.AUTO_CLOSED, ticket, null, params);
                }
                webhooks.publish(WebhookEvent.TICKET_STATUS_CHANGED, ticket, params);
            }
            case ASSIGNED -> {
                if (e.after() != null && !e.after().equals(e.actorId())) {
                    AppUserEntity assignee = AppUserEntity.findById(e.after());
                    if (assignee != null && assignee.email != null) {
                        toPerson(NoticeKind.ASSIGNED, assignee.email, ticket, null, params);
                    }
                }
                webhooks.publish(WebhookEvent.TICKET_UPDATED, ticket, params);
            }
            case PRIORITY_CHANGED, SERVICE_CHANGED, CATEGORY_CHANGED, EXCLUSION_CHANGED, SLA_OVERRIDDEN ->
                webhooks.publish(WebhookEvent.TICKET_UPDATED, ticket, params);
            case ESCALATED -> webhooks.publish(WebhookEvent.ESCALATION_RAISED, ticket, params);
            case ESCALATION_ACKNOWLEDGED -> {
                toRequester(NoticeKind.ESCALATION_ACKNOWLEDGED, ticket, null, params);
                webhooks.publish(WebhookEvent.ESCALATION_ACKNOWLEDGED, ticket, params);
            }
            case ESCALATION_CLOSED -> webhooks.publish(WebhookEvent.ESCALATION_CLOSED, ticket, params);
            default -> {
                // Attachments, time entries, first responses: no notice.
            }
        }
    }

    void onSlaAlert(@Observes SlaAlertRaised a) {
        TicketEntity ticket = em.find(TicketEntity.class, a.ticketId());
        Map<String, String> params = new HashMap<>();
        params.put("occurredAt", a.firedAt().toString());
        params.put("target", a.target().name());
        params.put("alert", a.kind().name());
        if (a.dueAt() != null) {
            params.put("dueAt", a.dueAt().toString());
        }
        outbox.email(NoticeKind.SLA_ALERT, config.notifications().supervisors(), ticket, null,
                a.target() + ":" + a.kind(), params);
        webhooks.publish(a.kind() == AlertKind.AT_RISK ? WebhookEvent.SLA_AT_RISK : WebhookEvent.SLA_BREACHED, ticket,
                params);
    }

    void onEscalation(@Observes EscalationRaised e) {
        TicketEntity ticket = em.find(TicketEntity.class, e.ticketId());
        Map<String, String> params = new HashMap<>();
        params.put("level", Integer.toString(e.level()));
        params.put("reason", e.reason());
        params.put("source", e.source().name());
        outbox.email(NoticeKind.ESCALATION_RAISED, config.notifications().supervisors(), ticket, null,
                e.escalationId().toString(), params);
    }

    private void toRequester(NoticeKind kind, TicketEntity ticket, String ref, Map<String, String> params) {
        if (ticket.requesterEmail == null) {
            return;
        }
        boolean essential = kind.essentialForEmailTickets() && ticket.channel == Channel.EMAIL;
        if (essential || !optedOut(ticket.requesterEmail, kind)) {
            outbox.email(kind, ticket.requesterEmail, ticket, null, ref, params);
        }
    }

    private void toPerson(NoticeKind kind, String email, TicketEntity ticket, String ref, Map<String, String> params) {
        if (!optedOut(email, kind)) {
            outbox.email(kind, email, ticket, null, ref, params);
        }
    }

    /** Read for nearly every notice, so kept per replica until someone's preferences change anywhere. */
    private boolean optedOut(String email, NoticeKind kind) {
        return caches.<String, Set<NoticeKind>> cache(PREFERENCES_CACHE, 100_000).get(email.toLowerCase(), Notices::optedOutOf)
                .contains(kind);
    }

    static Set<NoticeKind> optedOutOf(String email) {
        NotificationPreferenceEntity p = NotificationPreferenceEntity.findById(email.toLowerCase());
        if (p == null || p.optedOut.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(p.optedOut.split(",")).map(NoticeKind::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    private boolean outsideBusinessHours(TicketEntity ticket, TicketEventRecorded e) {
        return !policies.clockFor(policies.policy(ticket.policyVersion), ClockType.BUSINESS_HOURS)
                .isCounting(e.occurredAt());
    }
}

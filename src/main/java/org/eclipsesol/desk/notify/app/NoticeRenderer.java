package org.eclipsesol.desk.notify.app;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipsesol.desk.common.DeskConfig;
import org.eclipsesol.desk.notify.data.NotificationEntity;
import org.eclipsesol.desk.sla.app.SlaPolicies;
import org.eclipsesol.desk.ticket.app.TicketLifecycle;
import org.eclipsesol.desk.ticket.data.CommentEntity;
import org.eclipsesol.desk.ticket.data.TicketEntity;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;

/**
 * Renders an e-mail notice from its Qute templates ({@code templates/notices/<kind>.txt} and {@code .html}). Only
 * strings reach the templates (no reflection on our types, native-safe); HTML templates escape them. Times are
 * written in words in the support calendar's zone (the zone of the ticket's SLA policy).
 */
@ApplicationScoped
public class NoticeRenderer {

    private static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy 'at' h:mm a z",
            Locale.ENGLISH);

    @Inject
    Engine engine;

    @Inject
    EntityManager em;

    @Inject
    SlaPolicies policies;

    @Inject
    Outbox outbox;

    @Inject
    DeskConfig config;

    public record Rendered(String text, String html) {
    }

    /**
     * Loads the tickets that {@code notices} will render, with their organization and assignee, in one statement:
     * {@link #render} then finds them in the persistence context instead of reading one ticket (and its assignee)
     * per notice.
     */
    void prefetch(List<NotificationEntity> notices) {
        TicketEntity.withOrganizationAndAssignee(notices.stream()
                .filter(n -> n.ticketId != null && NotificationEntity.EMAIL.equals(n.channel)).map(n -> n.ticketId)
                .distinct().toList());
    }

    public Rendered render(NotificationEntity n) {
        NoticeKind kind = NoticeKind.valueOf(n.kind);
        Map<String, String> params = outbox.params(n);
        Map<String, String> data = new LinkedHashMap<>();
        for (String key : new String[] { "number", "title", "status", "priority", "organization", "requester", "dueAt",
                "resolutionDueAt", "reopenUntil", "comment", "commentAuthor", "reason", "level", "target", "alert",
                "alertDueAt", "replyTo", "subject", "assignee", "detail" }) {
            data.put(key, "");
        }
        data.put("replyTo", config.notifications().replyTo());
        data.put("subject", n.subject == null ? "" : n.subject);
        data.put("detail", params.getOrDefault("detail", ""));
        if (n.ticketId != null) {
            TicketEntity t = em.find(TicketEntity.class, n.ticketId);
            ZoneId zone = policies.policy(t.policyVersion).zone();
            data.put("number", t.displayNumber());
            data.put("title", t.title);
            data.put("status", t.status.name());
            data.put("priority", t.priority.name());
            data.put("organization", t.organization.name);
            data.put("requester", t.requesterName != null ? t.requesterName : t.requesterEmail);
            data.put("assignee", t.assignee == null ? "" : t.assignee.name);
            data.put("dueAt", words(t.slaResponseDueAt, zone));
            data.put("resolutionDueAt", words(t.slaResolutionDueAt, zone));
            if (t.resolvedAt != null) {
                data.put("reopenUntil", words(t.resolvedAt.plus(TicketLifecycle.REOPEN_WINDOW), zone));
            }
            data.put("alertDueAt", params.containsKey("dueAt") ? words(Instant.parse(params.get("dueAt")), zone) : "");
        }
        data.put("reason", params.getOrDefault("reason", ""));
        data.put("level", params.getOrDefault("level", ""));
        data.put("target", params.getOrDefault("target", "").toLowerCase());
        data.put("alert", params.getOrDefault("alert", ""));
        if (kind == NoticeKind.STAFF_COMMENT || kind == NoticeKind.CLIENT_COMMENT) {
            CommentEntity c = em.find(CommentEntity.class, UUID.fromString(n.ref));
            if (c == null || c.internal || !c.ticketId.equals(n.ticketId)) {
                // Never: internal notes are not announced (Notices does not enqueue them; this is the last guard).
                throw new IllegalStateException("not a public comment of this ticket");
            }
            data.put("comment", c.body);
            data.put("commentAuthor", c.authorName == null ? "" : c.authorName);
        }
        return new Rendered(render(kind.template() + ".txt", data), render(kind.template() + ".html", data));
    }

    private String render(String template, Map<String, String> data) {
        TemplateInstance instance = engine.getTemplate("notices/" + template).instance();
        data.forEach(instance::data);
        return instance.render();
    }

    private static String words(Instant at, ZoneId zone) {
        return at == null ? "" : WORDS.format(at.atZone(zone));
    }
}
